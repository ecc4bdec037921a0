//===- CudaExecutionContext.cpp - Running an engine on a CUDA device ------===//
#include "kiln/Runtime/CUDA/CudaExecutionContext.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Backend.h"

#include <cstring>
#include <sstream>

namespace kiln::cuda {

static std::string inputLabel(size_t index, const std::string &name) {
  return "input " + std::to_string(index) +
         (name.empty() ? std::string() : " ('" + name + "')");
}

static std::string stepLabel(size_t index, const StepDesc &step) {
  return step.kernel + " (step " + std::to_string(index) +
         (step.location.empty() ? std::string() : ", " + step.location) + ")";
}

CudaExecutionContext::CudaExecutionContext(std::shared_ptr<const Engine> engine,
                                           CudaContextOptions options)
    : engine_(std::move(engine)), options_(options) {
  if (!engine_)
    fail("CudaExecutionContext needs an engine");
  const EnginePlan &plan = engine_->plan();
  if (plan.target.kind != TargetKind::CUDA)
    fail("CudaExecutionContext runs engines built for cuda; this one is "
         "built for ", plan.target.str());
  if (plan.hasDynamicShapes())
    fail("engines with dynamic shapes do not run on CUDA yet");
  for (const StepDesc &step : plan.steps)
    if (!step.regions.empty())
      fail("control flow (", step.kernel, ") does not run on CUDA yet");
  setDevice(0);

  // One device allocation: constants, inputs, the arena, library workspace.
  int64_t constantBytes = alignUp(static_cast<int64_t>(plan.constants.size()));
  int64_t cursor = constantBytes;
  std::vector<int64_t> inputOffsets;
  for (const IOBinding &binding : plan.inputs) {
    inputOffsets.push_back(cursor);
    cursor += alignUp(plan.buffers[binding.buffer].byteSize());
  }
  int64_t arenaOffset = cursor;
  cursor += alignUp(plan.arenaSize);
  libraries_.cublasLt = createBlasLtHandle();
  int64_t workspaceOffset = cursor;
  if (libraries_.cublasLt)
    cursor += kLibraryWorkspaceBytes;
  device_ = DeviceMemory(cursor);
  if (libraries_.cublasLt) {
    libraries_.workspace = device_.data() + workspaceOffset;
    libraries_.workspaceBytes = kLibraryWorkspaceBytes;
  }
  deviceOffsets_.resize(plan.buffers.size());
  for (size_t id = 0; id < plan.buffers.size(); ++id) {
    const BufferDesc &buffer = plan.buffers[id];
    switch (buffer.kind) {
    case BufferKind::Constant:
      deviceOffsets_[id] = buffer.offset;
      break;
    case BufferKind::Input:
      deviceOffsets_[id] = inputOffsets[buffer.index];
      break;
    case BufferKind::Arena:
      deviceOffsets_[id] = arenaOffset + buffer.offset;
      break;
    }
  }
  if (!plan.constants.empty())
    check(cudaMemcpy(device_.data(), plan.constants.data(),
                     plan.constants.size(), cudaMemcpyHostToDevice),
          "uploading the engine's constants");

  // Pinned staging: every input, then every output, 64-byte aligned.
  int64_t staged = 0;
  for (const IOBinding &binding : plan.inputs) {
    inputStaging_.push_back(staged);
    staged += alignUp(plan.buffers[binding.buffer].byteSize(), 64);
  }
  for (const IOBinding &binding : plan.outputs) {
    outputStaging_.push_back(staged);
    staged += alignUp(plan.buffers[binding.buffer].byteSize(), 64);
  }
  staging_ = PinnedMemory(staged);

  // Prepare every step once, for its device addresses.
  bool anyHostStep = false;
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const StepDesc &step = plan.steps[s];
    std::vector<TensorView> operands, results;
    for (int32_t id : step.operands)
      operands.push_back(deviceView(id));
    for (int32_t id : step.results)
      results.push_back(deviceView(id));
    // The plan says where each step runs: CUDA steps on the device, the
    // others (reference, cpu) on the host with copies around them.
    std::unique_ptr<PreparedStep> prepared;
    if (step.backend == Backend::CUDA) {
      try {
        prepared = prepareCudaStep(step, operands, results, libraries_);
      } catch (const Error &e) {
        fail(stepLabel(s, step), ": ", e.what());
      }
      if (!prepared)
        fail(stepLabel(s, step),
             ": no CUDA kernel takes this step here (the runtime was built "
             "without the library it needs?)");
    }
    anyHostStep = anyHostStep || !prepared;
    onDevice_.push_back(prepared != nullptr);
    steps_.push_back(std::move(prepared));
    stepOperands_.push_back(std::move(operands));
    stepResults_.push_back(std::move(results));
  }
  if (anyHostStep)
    mirror_ = PinnedMemory(device_.size());
  graphsAllowed_ = options_.useGraphs && !anyHostStep;
}

CudaExecutionContext::~CudaExecutionContext() {
  // Work may still be queued if a run threw; let it finish before freeing.
  cudaStreamSynchronize(stream_.get());
  destroyBlasLtHandle(libraries_.cublasLt);
}

TensorView CudaExecutionContext::deviceView(int32_t id) const {
  const BufferDesc &buffer = engine_->plan().buffers[id];
  return {buffer.dtype, buffer.shape, device_.data() + deviceOffsets_[id]};
}

std::string CudaExecutionContext::placement() const {
  const EnginePlan &plan = engine_->plan();
  std::ostringstream os;
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const StepDesc &step = plan.steps[s];
    os << "step " << s << " " << step.kernel << ": ";
    if (onDevice_[s])
      os << "cuda\n";
    else
      os << "host, " << backendName(step.backend) << " (copies "
         << step.operands.size()
         << " operand" << (step.operands.size() == 1 ? "" : "s") << " in, "
         << step.results.size() << " result"
         << (step.results.size() == 1 ? "" : "s") << " out)\n";
  }
  return os.str();
}

void CudaExecutionContext::runHostStep(size_t index) {
  const EnginePlan &plan = engine_->plan();
  const StepDesc &step = plan.steps[index];
  auto hostView = [&](int32_t id) {
    TensorView view = deviceView(id);
    view.data = mirror_.data() + deviceOffsets_[id];
    return view;
  };
  KernelContext context{step};
  for (int32_t id : step.operands) {
    TensorView view = hostView(id);
    if (plan.buffers[id].kind == BufferKind::Constant)
      view.data = const_cast<uint8_t *>(plan.constants.data()) +
                  plan.buffers[id].offset;
    else if (view.byteSize() > 0)
      check(cudaMemcpyAsync(view.data, device_.data() + deviceOffsets_[id],
                            static_cast<size_t>(view.byteSize()),
                            cudaMemcpyDeviceToHost, stream_.get()),
            "copying a host step's operand from the device");
    context.operands.push_back(view);
  }
  for (int32_t id : step.results)
    context.results.push_back(hostView(id));
  stream_.synchronize();
  const Kernel &kernel = *engine_->steps()[index].kernel;
  // Host steps are the fallback path; their workspace lives for the call.
  HostTensor workspace(
      DType::I8, {kernel.workspaceBytes(context.operands, context.results)});
  context.workspace = workspace.data();
  context.workspaceSize = workspace.byteSize();
  try {
    kernel.run(context);
  } catch (const Error &e) {
    fail(stepLabel(index, step), ": ", e.what());
  }
  for (size_t r = 0; r < step.results.size(); ++r) {
    const TensorView &view = context.results[r];
    if (view.byteSize() > 0)
      check(cudaMemcpyAsync(device_.data() + deviceOffsets_[step.results[r]],
                            view.data, static_cast<size_t>(view.byteSize()),
                            cudaMemcpyHostToDevice, stream_.get()),
            "copying a host step's result to the device");
  }
}

void CudaExecutionContext::enqueue() {
  const EnginePlan &plan = engine_->plan();
  for (size_t i = 0; i < plan.inputs.size(); ++i) {
    int32_t id = plan.inputs[i].buffer;
    int64_t bytes = plan.buffers[id].byteSize();
    if (bytes > 0)
      check(cudaMemcpyAsync(device_.data() + deviceOffsets_[id],
                            staging_.data() + inputStaging_[i],
                            static_cast<size_t>(bytes), cudaMemcpyHostToDevice,
                            stream_.get()),
            "copying an input to the device");
  }
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    if (!steps_[s]) {
      runHostStep(s);
      continue;
    }
    StepArgs args{stepOperands_[s], stepResults_[s], stream_.get(), libraries_};
    try {
      steps_[s]->run(args);
    } catch (const Error &e) {
      fail(stepLabel(s, plan.steps[s]), ": ", e.what());
    }
  }
  for (size_t o = 0; o < plan.outputs.size(); ++o) {
    int32_t id = plan.outputs[o].buffer;
    int64_t bytes = plan.buffers[id].byteSize();
    if (bytes > 0)
      check(cudaMemcpyAsync(staging_.data() + outputStaging_[o],
                            device_.data() + deviceOffsets_[id],
                            static_cast<size_t>(bytes), cudaMemcpyDeviceToHost,
                            stream_.get()),
            "copying an output from the device");
  }
}

std::vector<HostTensor>
CudaExecutionContext::run(const std::vector<TensorView> &inputs) {
  const EnginePlan &plan = engine_->plan();
  if (inputs.size() != plan.inputs.size())
    fail("engine expects ", plan.inputs.size(), " input",
         plan.inputs.size() == 1 ? "" : "s", ", got ", inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const BufferDesc &expected = plan.buffers[plan.inputs[i].buffer];
    const TensorView &given = inputs[i];
    if (given.dtype != expected.dtype || given.shape != expected.shape)
      fail(inputLabel(i, plan.inputs[i].name), ": expected ",
           describeType(expected.dtype, expected.shape), ", got ",
           describeType(given.dtype, given.shape));
    if (!given.data && given.numElements() != 0)
      fail(inputLabel(i, plan.inputs[i].name), ": data pointer is null");
    if (given.byteSize() > 0)
      std::memcpy(staging_.data() + inputStaging_[i], given.data,
                  static_cast<size_t>(given.byteSize()));
  }

  lastRunReplayed_ = false;
  // The first run goes eagerly (it loads modules and warms the libraries);
  // the second captures the same work into a graph, later ones replay it.
  if (graphsAllowed_ && runs_ >= 1) {
    if (!graph_.ready()) {
      Graph::beginCapture(stream_);
      try {
        enqueue();
        graph_.endCapture(stream_);
      } catch (const Error &) {
        Graph::abandonCapture(stream_);
        graphsAllowed_ = false;
        throw;
      }
    }
    graph_.launch(stream_);
    lastRunReplayed_ = true;
  } else {
    enqueue();
  }
  stream_.synchronize();
  ++runs_;

  std::vector<HostTensor> outputs;
  outputs.reserve(plan.outputs.size());
  for (size_t o = 0; o < plan.outputs.size(); ++o) {
    const BufferDesc &buffer = plan.buffers[plan.outputs[o].buffer];
    HostTensor tensor(buffer.dtype, buffer.shape);
    if (tensor.byteSize() > 0)
      std::memcpy(tensor.data(), staging_.data() + outputStaging_[o],
                  static_cast<size_t>(tensor.byteSize()));
    outputs.push_back(std::move(tensor));
  }
  return outputs;
}

} // namespace kiln::cuda
