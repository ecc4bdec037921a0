//===- Engine.cpp - A loaded engine and its execution contexts ------------===//
#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/KernelRegistry.h"

#include <cstring>

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
    result.push_back({binding.name, buffer.dtype, buffer.shape});
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
  // One allocation for the whole run; buffers are views at planned offsets.
  arena_ = HostTensor(DType::I8, {engine_->plan().arenaSize});
}

static std::string inputLabel(size_t index, const std::string &name) {
  return "input " + std::to_string(index) +
         (name.empty() ? std::string() : " ('" + name + "')");
}

std::vector<HostTensor>
ExecutionContext::run(const std::vector<TensorView> &inputs) {
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
    if (!given.data && expected.byteSize() != 0)
      fail(inputLabel(i, plan.inputs[i].name), ": data pointer is null");
  }

  uint8_t *arena = static_cast<uint8_t *>(arena_.data());
  auto *constants = const_cast<uint8_t *>(plan.constants.data());
  auto bind = [&](int32_t id) {
    const BufferDesc &buffer = plan.buffers[id];
    TensorView view;
    view.dtype = buffer.dtype;
    view.shape = buffer.shape;
    switch (buffer.kind) {
    case BufferKind::Input:
      view.data = inputs[buffer.index].data;
      break;
    case BufferKind::Constant:
      view.data = constants + buffer.offset;
      break;
    case BufferKind::Arena:
      view.data = arena + buffer.offset;
      break;
    }
    return view;
  };

  const std::vector<KernelFn> &kernels = engine_->kernels();
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const StepDesc &step = plan.steps[s];
    KernelContext context{step, {}, {}};
    for (int32_t id : step.operands)
      context.operands.push_back(bind(id));
    for (int32_t id : step.results)
      context.results.push_back(bind(id));
    try {
      kernels[s](context);
    } catch (const Error &e) {
      fail(step.kernel, " (step ", s,
           step.location.empty() ? std::string() : ", " + step.location,
           "): ", e.what());
    }
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
