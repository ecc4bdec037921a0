//===- Engine.cpp - A loaded engine and its execution contexts ------------===//
#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/Device.h"
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/BufferPlanner.h"
#include "kiln/Runtime/ShapeRules.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace kiln {

//===----------------------------------------------------------------------===//
// Engine
//===----------------------------------------------------------------------===//

/// "step 3 ('softmax', loc)"-style name of a step in construction messages;
/// `prefix` places region steps ("step 2 region 0 ").
static std::string stepName(const std::string &prefix, size_t index,
                            const StepDesc &step) {
  return prefix + "step " + std::to_string(index) + " ('" + step.kernel + "'" +
         (step.backend == Backend::Reference
              ? std::string()
              : std::string(", ") + backendName(step.backend)) +
         (step.location.empty() ? std::string() : ", " + step.location) + ")";
}

/// Builds the kernel objects of `steps` and, recursively, of their regions.
static std::vector<BoundStep> bindKernels(const KernelRegistry &registry,
                                          const EnginePlan &plan,
                                          const std::vector<StepDesc> &steps,
                                          const std::string &prefix) {
  std::vector<BoundStep> bound(steps.size());
  for (size_t s = 0; s < steps.size(); ++s) {
    const StepDesc &step = steps[s];
    KernelSpec spec{step, {}, {}};
    for (int32_t id : step.operands) {
      const BufferDesc &buffer = plan.buffers[id];
      void *data = nullptr;
      if (buffer.kind == BufferKind::Constant)
        data = const_cast<uint8_t *>(plan.constants.data()) + buffer.offset;
      spec.operands.push_back({buffer.dtype, buffer.shape, data});
    }
    for (int32_t id : step.results)
      spec.results.push_back({plan.buffers[id].dtype, plan.buffers[id].shape,
                              nullptr});
    try {
      bound[s].kernel = registry.create(spec);
    } catch (const Error &e) {
      fail(stepName(prefix, s, step), ": ", e.what());
    }
    for (size_t r = 0; r < step.regions.size(); ++r)
      bound[s].regions.push_back(
          bindKernels(registry, plan, step.regions[r].steps,
                      stepName(prefix, s, step) + " region " +
                          std::to_string(r) + " "));
  }
  return bound;
}

Engine::Engine(EnginePlan plan, const KernelRegistry *registry)
    : plan_(std::move(plan)) {
  plan_.validate();
  checkTargetRunnable(plan_.target);
  steps_ = bindKernels(registry ? *registry : KernelRegistry::global(), plan_,
                       plan_.steps, "");
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
    : engine_(std::move(engine)), threads_(&ThreadPool::global()) {
  if (!engine_)
    fail("ExecutionContext needs an engine");
  const EnginePlan &plan = engine_->plan();
  dynamic_ = plan.hasDynamicShapes();
  sizedAtRun_.assign(plan.buffers.size(), false);
  auto markDynamic = [&](int32_t id) {
    if (!plan.buffers[id].isStatic())
      sizedAtRun_[id] = anySizedAtRun_ = true;
  };
  // Steps inside regions count too: resolving an `if` from its branches
  // may read values with their shape rules.
  std::function<void(const std::vector<StepDesc> &, bool)> scan =
      [&](const std::vector<StepDesc> &steps, bool inRegion) {
        for (const StepDesc &step : steps) {
          shapesReadValues_ = shapesReadValues_ || shapeReadsOperandValues(step);
          if (inRegion)
            for (int32_t id : step.results)
              markDynamic(id);
          for (const RegionDesc &region : step.regions) {
            for (int32_t id : region.arguments)
              markDynamic(id);
            scan(region.steps, true);
          }
        }
      };
  scan(plan.steps, false);
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

static std::string placed(const std::string &label, const StepDesc &step) {
  return label + (step.location.empty() ? std::string() : ", " + step.location);
}

/// Computes every buffer's shape for these input shapes with the kernels'
/// shape rules (for static engines this checks the plan once) and, for
/// engines with dynamic shapes, plans the arena for them. When a shape
/// depends on a value only the run computes, leaves planned_ false.
void ExecutionContext::bindShapes(const std::vector<TensorView> &inputs) {
  // Shapes computed from input values must be recomputed every run.
  if (bound_ && !shapesReadValues_) {
    bool same = true;
    for (size_t i = 0; same && i < inputs.size(); ++i)
      same = inputs[i].shape == boundInputShapes_[i];
    if (same)
      return;
  }
  std::vector<std::vector<int64_t>> inputShapes;
  for (const TensorView &input : inputs)
    inputShapes.push_back(input.shape);

  const EnginePlan &plan = engine_->plan();
  shapes_.clear();
  for (const BufferDesc &buffer : plan.buffers)
    shapes_.push_back(buffer.shape);
  for (size_t i = 0; i < inputs.size(); ++i)
    shapes_[plan.inputs[i].buffer] = inputShapes[i];
  boundInputShapes_ = std::move(inputShapes);
  bound_ = true;
  planned_ = false;
  prepared_.clear();
  inputSlots_.clear();
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
    const StepDesc &step = plan.steps[s];
    std::vector<TensorView> operandValues;
    for (int32_t id : step.operands)
      operandValues.push_back(known[id]);
    if (!resolveStepShapes(step, "step " + std::to_string(s), operandValues,
                           &known))
      return; // the rest is resolved while the engine runs
  }

  int64_t arenaSize = plan.arenaSize;
  offsets_.clear();
  for (const BufferDesc &buffer : plan.buffers)
    offsets_.push_back(buffer.offset);
  if (dynamic_) {
    // Region values sized at run time stay out of the arena (the planner
    // skips shapes with dynamic dimensions).
    std::vector<std::vector<int64_t>> arenaShapes = shapes_;
    for (size_t id = 0; id < plan.buffers.size(); ++id)
      if (sizedAtRun_[id])
        arenaShapes[id] = plan.buffers[id].shape;
    ArenaPlan arena = planEngineArena(plan, arenaShapes);
    offsets_ = arena.offsets;
    arenaSize = arena.arenaSize;
  }
  // One allocation serves every run with shapes that fit; it only grows.
  if (!arena_.data() || arena_.byteSize() < arenaSize)
    arena_ = HostTensor(DType::I8, {arenaSize});
  planned_ = true;
  prepareSteps();
}

static bool hasDynamicDim(const std::vector<int64_t> &shape) {
  for (int64_t dim : shape)
    if (dim == kDynamicDim)
      return true;
  return false;
}

bool ExecutionContext::resolveStepShapes(
    const StepDesc &step, const std::string &label,
    const std::vector<TensorView> &operandValues,
    const std::vector<TensorView> *known) {
  const EnginePlan &plan = engine_->plan();
  std::vector<std::vector<int64_t>> operands, planned;
  for (int32_t id : step.operands) {
    // An operand whose shape is not known yet (a value defined later, in a
    // damaged plan) leaves the results unknown too.
    if (hasDynamicDim(shapes_[id]))
      return false;
    operands.push_back(shapes_[id]);
  }
  for (int32_t id : step.results)
    planned.push_back(plan.buffers[id].shape);
  std::optional<std::vector<std::vector<int64_t>>> results;
  try {
    results = inferResultShapes(step, operands, planned, &operandValues);
  } catch (const Error &e) {
    fail(step.kernel, " (", placed(label, step), "): ", e.what());
  }
  if (!results && step.kernel == "if" && known)
    results = branchShapes(step, *known);
  if (!results)
    return false;
  for (size_t r = 0; r < step.results.size(); ++r)
    shapes_[step.results[r]] = (*results)[r];
  return true;
}

std::optional<std::vector<std::vector<int64_t>>>
ExecutionContext::branchShapes(const StepDesc &step,
                               const std::vector<TensorView> &known) {
  const EnginePlan &plan = engine_->plan();
  std::optional<std::vector<std::vector<int64_t>>> agreed;
  try {
    for (const RegionDesc &region : step.regions) {
      if (!region.arguments.empty())
        return std::nullopt;
      for (size_t s = 0; s < region.steps.size(); ++s) {
        const StepDesc &inner = region.steps[s];
        std::vector<TensorView> operandValues;
        for (int32_t id : inner.operands)
          operandValues.push_back(known[id]);
        if (!resolveStepShapes(inner, "region step " + std::to_string(s),
                               operandValues, &known))
          return std::nullopt;
      }
      std::vector<std::vector<int64_t>> yields;
      for (int32_t id : region.yields)
        yields.push_back(shapes_[id]);
      if (agreed && *agreed != yields)
        return std::nullopt;
      agreed = std::move(yields);
    }
  } catch (const Error &) {
    // A branch that cannot be sized now fails (or not) when it runs; only
    // the one the condition picks matters.
    return std::nullopt;
  }
  if (!agreed || agreed->size() != step.results.size())
    return std::nullopt;
  for (size_t r = 0; r < agreed->size(); ++r) {
    const std::vector<int64_t> &want = plan.buffers[step.results[r]].shape;
    const std::vector<int64_t> &got = (*agreed)[r];
    bool fits = want.size() == got.size() && !hasDynamicDim(got);
    for (size_t d = 0; fits && d < want.size(); ++d)
      fits = want[d] == kDynamicDim || want[d] == got[d];
    if (!fits)
      return std::nullopt; // the kernel reports it when the branch runs
  }
  return agreed;
}

//===----------------------------------------------------------------------===//
// Running
//===----------------------------------------------------------------------===//

/// Prepared steps are bound to planned memory, so they exist only when every
/// buffer is planned: not while shapes resolve during the run, nor when
/// region values are sized as their regions run.
void ExecutionContext::prepareSteps() {
  prepared_.clear();
  inputSlots_.clear();
  if (!planned_ || anySizedAtRun_)
    return;
  const EnginePlan &plan = engine_->plan();
  const std::vector<BoundStep> &bound = engine_->steps();
  auto *arena = static_cast<uint8_t *>(arena_.data());
  auto *constants = const_cast<uint8_t *>(plan.constants.data());
  auto view = [&](int32_t id) {
    const BufferDesc &buffer = plan.buffers[id];
    TensorView result{buffer.dtype, shapes_[id], nullptr};
    if (buffer.kind == BufferKind::Constant)
      result.data = constants + buffer.offset;
    else if (buffer.kind == BufferKind::Arena)
      result.data = arena + offsets_[id];
    return result; // inputs: set on each run
  };
  int64_t workspace = 0;
  prepared_.reserve(plan.steps.size());
  for (size_t s = 0; s < plan.steps.size(); ++s) {
    const StepDesc &step = plan.steps[s];
    KernelContext &context = prepared_.emplace_back(KernelContext{step});
    for (size_t i = 0; i < step.operands.size(); ++i) {
      const BufferDesc &buffer = plan.buffers[step.operands[i]];
      if (buffer.kind == BufferKind::Input)
        inputSlots_.push_back({s, i, static_cast<size_t>(buffer.index)});
      context.operands.push_back(view(step.operands[i]));
    }
    for (int32_t id : step.results)
      context.results.push_back(view(id));
    context.threads = threads_;
    workspace = std::max(workspace, bound[s].kernel->workspaceBytes(
                                        context.operands, context.results));
  }
  if (workspace > 0 && workspace_.byteSize() < workspace)
    workspace_ = HostTensor(DType::I8, {workspace});
}

/// The state of one ExecutionContext::run: binds buffers (allocating the
/// ones not in the arena), runs steps and, for control-flow kernels, their
/// regions.
class ExecutionContext::Run {
public:
  Run(ExecutionContext &context, const std::vector<TensorView> &inputs)
      : cx_(context), plan_(context.engine_->plan()), inputs_(inputs),
        owned_(context.planned_ && !context.anySizedAtRun_
                   ? 0
                   : plan_.buffers.size()) {}

  TensorView bind(int32_t id) {
    const BufferDesc &buffer = plan_.buffers[id];
    TensorView view{buffer.dtype, cx_.shapes_[id], nullptr};
    switch (buffer.kind) {
    case BufferKind::Input:
      view.data = inputs_[buffer.index].data;
      break;
    case BufferKind::Constant:
      view.data = const_cast<uint8_t *>(plan_.constants.data()) + buffer.offset;
      break;
    case BufferKind::Arena:
      if (inArena(id)) {
        view.data = static_cast<uint8_t *>(cx_.arena_.data()) + cx_.offsets_[id];
        break;
      }
      if (hasDynamicDim(view.shape))
        fail("buffer ", id, " (", describeType(view.dtype, view.shape),
             ") is used before its shape is known");
      if (!owned_[id].data() || owned_[id].shape() != view.shape)
        owned_[id] = HostTensor(buffer.dtype, view.shape);
      view.data = owned_[id].data();
      break;
    }
    return view;
  }

  TensorView resize(int32_t id, const std::vector<int64_t> &shape) {
    const BufferDesc &buffer = plan_.buffers[id];
    bool fits = buffer.kind == BufferKind::Arena &&
                shape.size() == buffer.shape.size();
    for (size_t d = 0; fits && d < shape.size(); ++d)
      fits = shape[d] >= 0 &&
             (buffer.shape[d] == kDynamicDim || buffer.shape[d] == shape[d]);
    if (!fits)
      fail("cannot give buffer ", id, " (",
           describeType(buffer.dtype, buffer.shape), ") the shape ",
           describeType(buffer.dtype, shape));
    if (!inArena(id))
      cx_.shapes_[id] = shape;
    else if (cx_.shapes_[id] != shape)
      fail("buffer ", id, " is planned as ",
           describeType(buffer.dtype, cx_.shapes_[id]), ", not ",
           describeType(buffer.dtype, shape));
    return bind(id);
  }

  /// Runs the prepared top-level steps (ExecutionContext::prepareSteps).
  void runPrepared() {
    for (const InputSlot &slot : cx_.inputSlots_)
      cx_.prepared_[slot.step].operands[slot.operand].data =
          inputs_[slot.input].data;
    const std::vector<BoundStep> &bound = cx_.engine_->steps();
    for (size_t s = 0; s < cx_.prepared_.size(); ++s) {
      KernelContext &context = cx_.prepared_[s];
      context.workspace = cx_.workspace_.data();
      context.workspaceSize = cx_.workspace_.byteSize();
      invoke(context, bound[s], /*inRegion=*/false, s);
    }
  }

  /// Binds and runs `steps`: the top level (`inRegion` false) of a run whose
  /// steps are not prepared, or the steps of a region.
  void runSteps(const std::vector<StepDesc> &steps,
                const std::vector<BoundStep> &bound, bool inRegion) {
    for (size_t s = 0; s < steps.size(); ++s) {
      const StepDesc &step = steps[s];
      KernelContext context{step};
      context.threads = cx_.threads_;
      for (int32_t id : step.operands)
        context.operands.push_back(bind(id));
      // In engines with dynamic shapes, region steps get their result shapes
      // from the shape rules each time they run (values in loops may change
      // between runs of a region); static engines keep their planned shapes.
      bool sized = inRegion ? !cx_.dynamic_ : cx_.planned_;
      if (!sized)
        sized = cx_.resolveStepShapes(step, label(inRegion, s),
                                      context.operands, nullptr);
      bindResults(context, sized, inRegion, s);
      int64_t bytes =
          bound[s].kernel->workspaceBytes(context.operands, context.results);
      if (cx_.workspace_.byteSize() < bytes)
        cx_.workspace_ = HostTensor(DType::I8, {bytes});
      context.workspace = cx_.workspace_.data();
      context.workspaceSize = cx_.workspace_.byteSize();
      invoke(context, bound[s], inRegion, s);
    }
  }

private:
  /// The regions of one control-flow step, as its kernel sees them.
  class StepRegions final : public RegionRunner {
  public:
    StepRegions(Run &run, const StepDesc &step, const BoundStep &bound)
        : run_(run), step_(step), bound_(bound) {}
    void runRegion(size_t index) override {
      if (index >= step_.regions.size())
        fail("region ", index, " does not exist (the step has ",
             step_.regions.size(), ")");
      run_.runSteps(step_.regions[index].steps, bound_.regions[index], true);
    }
    TensorView buffer(int32_t id) override { return run_.bind(id); }
    TensorView resize(int32_t id, const std::vector<int64_t> &shape) override {
      return run_.resize(id, shape);
    }

  private:
    Run &run_;
    const StepDesc &step_;
    const BoundStep &bound_;
  };

  static std::string label(bool inRegion, size_t index) {
    return (inRegion ? "region step " : "step ") + std::to_string(index);
  }

  bool inArena(int32_t id) const {
    return cx_.planned_ && !cx_.sizedAtRun_[id];
  }

  /// Binds the results of a step whose shapes are resolved (`sized`); a
  /// control-flow step whose result shapes only its region decides gets
  /// unbound views and sizes its results itself (RegionRunner::resize).
  void bindResults(KernelContext &context, bool sized, bool inRegion,
                   size_t index) {
    const StepDesc &step = context.step;
    if (!sized && step.regions.empty())
      fail(step.kernel, " (", placed(label(inRegion, index), step),
           "): result shape depends on a value that is not available");
    for (int32_t id : step.results) {
      if (sized) {
        context.results.push_back(bind(id));
        continue;
      }
      cx_.shapes_[id] = plan_.buffers[id].shape;
      context.results.push_back(
          {plan_.buffers[id].dtype, cx_.shapes_[id], nullptr});
    }
  }

  void invoke(KernelContext &context, const BoundStep &bound, bool inRegion,
              size_t index) {
    const StepDesc &step = context.step;
    StepRegions regions(*this, step, bound);
    context.regions = step.regions.empty() ? nullptr : &regions;
    try {
      bound.kernel->run(context);
    } catch (const Error &e) {
      context.regions = nullptr;
      fail(step.kernel, " (", placed(label(inRegion, index), step),
           "): ", e.what());
    }
    context.regions = nullptr;
  }

  ExecutionContext &cx_;
  const EnginePlan &plan_;
  const std::vector<TensorView> &inputs_;
  /// Unplanned runs give each intermediate buffer its own allocation, made
  /// once its shape is known (just before the step that writes it); so do
  /// region values sized at run time, reallocated when their shape changes.
  std::vector<HostTensor> owned_;
};

std::vector<HostTensor>
ExecutionContext::run(const std::vector<TensorView> &inputs) {
  checkInputs(inputs);
  bindShapes(inputs);
  const EnginePlan &plan = engine_->plan();
  // Region values sized at run time have no shape until their region runs.
  if (anySizedAtRun_)
    for (size_t id = 0; id < plan.buffers.size(); ++id)
      if (sizedAtRun_[id])
        shapes_[id] = plan.buffers[id].shape;

  Run run(*this, inputs);
  if (!prepared_.empty() || plan.steps.empty())
    run.runPrepared();
  else
    run.runSteps(plan.steps, engine_->steps(), /*inRegion=*/false);

  std::vector<HostTensor> outputs;
  outputs.reserve(plan.outputs.size());
  for (const IOBinding &binding : plan.outputs) {
    TensorView source = run.bind(binding.buffer);
    HostTensor tensor(source.dtype, source.shape);
    if (tensor.byteSize() != 0)
      std::memcpy(tensor.data(), source.data,
                  static_cast<size_t>(tensor.byteSize()));
    outputs.push_back(std::move(tensor));
  }
  return outputs;
}

} // namespace kiln
