//===- Engine.cpp - A loaded engine and its execution contexts ------------===//
#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/BufferPlanner.h"
#include "kiln/Runtime/ShapeRules.h"

#include <cstring>
#include <functional>

namespace kiln {

//===----------------------------------------------------------------------===//
// Engine
//===----------------------------------------------------------------------===//

Engine::Engine(EnginePlan plan) : plan_(std::move(plan)) {
  plan_.validate();
  const KernelRegistry &registry = KernelRegistry::global();
  kernels_.reserve(plan_.steps.size());
  for (const StepDesc &step : plan_.steps)
    kernels_.push_back(registry.lookup(step.kernel)); // validate() checked it
}

std::shared_ptr<Engine> Engine::load(const std::string &path) {
  return std::make_shared<Engine>(readEngineFile(path));
}

std::shared_ptr<Engine> Engine::fromBytes(const uint8_t *data, size_t size) {
  return std::make_shared<Engine>(deserializeEngine(data, size));
}

static std::vector<TensorSignature>
signatures(const EnginePlan &plan, const std::vector<IOBinding> &bindings) {
  std::vector<TensorSignature> result;
  for (const IOBinding &binding : bindings) {
    const BufferDesc &buffer = plan.buffers[binding.buffer];
    result.push_back({binding.name, buffer.dtype, buffer.shape, binding.profile});
  }
  return result;
}

std::vector<TensorSignature> Engine::inputs() const {
  return signatures(plan_, plan_.inputs);
}

std::vector<TensorSignature> Engine::outputs() const {
  return signatures(plan_, plan_.outputs);
}

//===----------------------------------------------------------------------===//
// ExecutionContext
//===----------------------------------------------------------------------===//

ExecutionContext::ExecutionContext(std::shared_ptr<const Engine> engine)
    : engine_(std::move(engine)) {
  if (!engine_)
    fail("ExecutionContext needs an engine");
  for (const StepDesc &step : engine_->plan().steps)
    shapesReadValues_ = shapesReadValues_ || shapeReadsOperandValues(step);
}

static std::string inputLabel(size_t index, const std::string &name) {
  return "input " + std::to_string(index) +
         (name.empty() ? std::string() : " ('" + name + "')");
}

void ExecutionContext::checkInputs(const std::vector<TensorView> &inputs) const {
  const EnginePlan &plan = engine_->plan();
  if (inputs.size() != plan.inputs.size())
    fail("engine expects ", plan.inputs.size(), " input",
         plan.inputs.size() == 1 ? "" : "s", ", got ", inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const IOBinding &binding = plan.inputs[i];
    const BufferDesc &expected = plan.buffers[binding.buffer];
    const TensorView &given = inputs[i];
    bool matches = given.dtype == expected.dtype &&
                   given.shape.size() == expected.shape.size();
    for (size_t d = 0; matches && d < given.shape.size(); ++d)
      matches = expected.shape[d] == kDynamicDim ||
                expected.shape[d] == given.shape[d];
    if (!matches)
      fail(inputLabel(i, binding.name), ": expected ",
           describeType(expected.dtype, expected.shape), ", got ",
           describeType(given.dtype, given.shape));
    for (size_t d = 0; d < given.shape.size(); ++d) {
      if (expected.shape[d] != kDynamicDim)
        continue;
      int64_t lo = binding.profile.min[d], hi = binding.profile.max[d];
      if (given.shape[d] < lo || given.shape[d] > hi)
        fail(inputLabel(i, binding.name), ": dimension ", d, " is ",
             given.shape[d], ", outside its shape profile [", lo, ", ", hi,
             "] (given ", describeType(given.dtype, given.shape),
             ", expected ", describeType(expected.dtype, expected.shape), ")");
    }
    if (!given.data && given.numElements() != 0)
      fail(inputLabel(i, binding.name), ": data pointer is null");
  }
}

/// Computes every buffer's shape for these input shapes with the kernels'
/// shape rules (for static engines this checks the plan once) and, for
/// engines with dynamic shapes, plans the arena for them. When a shape
/// depends on a value only the run computes, leaves planned_ false.
void ExecutionContext::bindShapes(const std::vector<TensorView> &inputs) {
  std::vector<std::vector<int64_t>> inputShapes;
  for (const TensorView &input : inputs)
    inputShapes.push_back(input.shape);
  // Shapes computed from input values must be recomputed every run.
  if (bound_ && !shapesReadValues_ && inputShapes == boundInputShapes_)
    return;

  const EnginePlan &plan = engine_->plan();
  shapes_.clear();
  for (const BufferDesc &buffer : plan.buffers)
    shapes_.push_back(buffer.shape);
  for (size_t i = 0; i < inputs.size(); ++i)
    shapes_[plan.inputs[i].buffer] = inputShapes[i];
  boundInputShapes_ = std::move(inputShapes);
  bound_ = true;
  planned_ = false;
  // Values known before the run: inputs and constants.
  std::vector<TensorView> known(plan.buffers.size());
  for (size_t id = 0; id < plan.buffers.size(); ++id) {
    const BufferDesc &buffer = plan.buffers[id];
    known[id] = {buffer.dtype, shapes_[id], nullptr};
    if (buffer.kind == BufferKind::Input)
      known[id].data = inputs[buffer.index].data;
    else if (buffer.kind == BufferKind::Constant)
      known[id].data = const_cast<uint8_t *>(plan.constants.data()) + buffer.offset;
  }
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    if (!resolveStepShapes(s, known))
      return; // the rest is resolved while the engine runs
  }

  int64_t arenaSize = plan.arenaSize;
  offsets_.clear();
  for (const BufferDesc &buffer : plan.buffers)
    offsets_.push_back(buffer.offset);
  if (plan.hasDynamicShapes()) {
    ArenaPlan arena = planEngineArena(plan, shapes_);
    offsets_ = arena.offsets;
    arenaSize = arena.arenaSize;
  }
  // One allocation serves every run with shapes that fit; it only grows.
  if (!arena_.data() || arena_.byteSize() < arenaSize)
    arena_ = HostTensor(DType::I8, {arenaSize});
  planned_ = true;
}

bool ExecutionContext::resolveStepShapes(size_t s,
                                         const std::vector<TensorView> &values) {
  const EnginePlan &plan = engine_->plan();
  const StepDesc &step = plan.steps[s];
  std::vector<std::vector<int64_t>> operands, planned;
  std::vector<TensorView> operandValues;
  for (int32_t id : step.operands) {
    operands.push_back(shapes_[id]);
    operandValues.push_back(values[id]);
  }
  for (int32_t id : step.results)
    planned.push_back(plan.buffers[id].shape);
  std::optional<std::vector<std::vector<int64_t>>> results;
  try {
    results = inferResultShapes(step, operands, planned, &operandValues);
  } catch (const Error &e) {
    fail(step.kernel, " (step ", s,
         step.location.empty() ? std::string() : ", " + step.location, "): ",
         e.what());
  }
  if (!results)
    return false;
  for (size_t r = 0; r < step.results.size(); ++r)
    shapes_[step.results[r]] = (*results)[r];
  return true;
}

std::vector<HostTensor>
ExecutionContext::run(const std::vector<TensorView> &inputs) {
  checkInputs(inputs);
  bindShapes(inputs);
  const EnginePlan &plan = engine_->plan();

  uint8_t *arena = static_cast<uint8_t *>(arena_.data());
  auto *constants = const_cast<uint8_t *>(plan.constants.data());
  // Unplanned runs give each intermediate buffer its own allocation, made
  // once its shape is known (just before the step that writes it).
  std::vector<HostTensor> owned(planned_ ? 0 : plan.buffers.size());
  auto bind = [&](int32_t id) {
    const BufferDesc &buffer = plan.buffers[id];
    TensorView view;
    view.dtype = buffer.dtype;
    view.shape = shapes_[id];
    switch (buffer.kind) {
    case BufferKind::Input:
      view.data = inputs[buffer.index].data;
      break;
    case BufferKind::Constant:
      view.data = constants + buffer.offset;
      break;
    case BufferKind::Arena:
      view.data = planned_ ? arena + offsets_[id] : owned[id].data();
      break;
    }
    return view;
  };
  // Runs a bound step; `label` places it in messages ("step 3", "region
  // step 0"). Control-flow kernels run their regions' steps through it too.
  std::function<void(const RegionDesc &)> runRegion;
  auto invoke = [&](KernelContext &context, KernelFn kernel,
                    const std::string &label) {
    const StepDesc &step = context.step;
    context.runRegion = runRegion;
    context.buffer = bind;
    try {
      kernel(context);
    } catch (const Error &e) {
      fail(step.kernel, " (", label,
           step.location.empty() ? std::string() : ", " + step.location,
           "): ", e.what());
    }
  };
  // Region buffers are static (the compiler refuses dynamic ones); unplanned
  // runs allocate them when their region first runs.
  runRegion = [&](const RegionDesc &region) {
    auto allocate = [&](int32_t id) {
      if (!planned_ && plan.buffers[id].kind == BufferKind::Arena &&
          !owned[id].data())
        owned[id] = HostTensor(plan.buffers[id].dtype, shapes_[id]);
    };
    for (int32_t id : region.arguments)
      allocate(id);
    for (size_t s = 0; s < region.steps.size(); ++s) {
      const StepDesc &step = region.steps[s];
      KernelContext context{step, {}, {}, {}, {}};
      for (int32_t id : step.operands)
        context.operands.push_back(bind(id));
      for (int32_t id : step.results) {
        allocate(id);
        context.results.push_back(bind(id));
      }
      invoke(context, KernelRegistry::global().lookup(step.kernel),
             "region step " + std::to_string(s));
    }
  };
  const std::vector<KernelFn> &kernels = engine_->kernels();
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const StepDesc &step = plan.steps[s];
    KernelContext context{step, {}, {}};
    for (int32_t id : step.operands)
      context.operands.push_back(bind(id));
    if (!planned_) {
      std::vector<TensorView> values(plan.buffers.size());
      for (size_t i = 0; i < step.operands.size(); ++i)
        values[step.operands[i]] = context.operands[i];
      if (!resolveStepShapes(s, values))
        fail(step.kernel, " (step ", s, "): result shape depends on a value "
             "that is not available");
      for (int32_t id : step.results)
        owned[id] = HostTensor(plan.buffers[id].dtype, shapes_[id]);
    }
    for (int32_t id : step.results)
      context.results.push_back(bind(id));
    invoke(context, kernels[s], "step " + std::to_string(s));
  }

  std::vector<HostTensor> outputs;
  outputs.reserve(plan.outputs.size());
  for (const IOBinding &binding : plan.outputs) {
    TensorView source = bind(binding.buffer);
    HostTensor tensor(source.dtype, source.shape);
    if (tensor.byteSize() != 0)
      std::memcpy(tensor.data(), source.data,
                  static_cast<size_t>(tensor.byteSize()));
    outputs.push_back(std::move(tensor));
  }
  return outputs;
}

} // namespace kiln
