//===- Engine.h - A loaded engine and its execution contexts ----*- C++ -*-===//
#ifndef KILN_RUNTIME_ENGINE_H
#define KILN_RUNTIME_ENGINE_H

#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Kernel.h"
#include "kiln/Runtime/Tensor.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiln {

/// The kernel object of one step and, for control-flow steps, those of the
/// steps of each of its regions (parallel to StepDesc::regions[r].steps).
class KernelRegistry;

struct BoundStep {
  std::unique_ptr<Kernel> kernel;
  std::vector<std::vector<BoundStep>> regions;
};

/// Signature of one engine input or output. `shape` has kDynamicDim where
/// the size is bound at run time; inputs with such dims carry a profile.
struct TensorSignature {
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  ShapeProfile profile;
};

/// An immutable, validated engine with every step (region steps included)
/// bound to its kernel object. Shareable between execution contexts.
class Engine {
public:
  /// Validates the plan and builds every step's kernel from `registry`
  /// (KernelRegistry::global() when null); throws kiln::Error naming the
  /// step when its (kernel, backend) is not registered or its kernel refuses
  /// its attributes.
  explicit Engine(EnginePlan plan, const KernelRegistry *registry = nullptr);
  static std::shared_ptr<Engine> load(const std::string &path);
  static std::shared_ptr<Engine> fromBytes(const uint8_t *data, size_t size);

  const EnginePlan &plan() const { return plan_; }
  std::vector<TensorSignature> inputs() const;
  std::vector<TensorSignature> outputs() const;
  /// One per top-level step, in plan order.
  const std::vector<BoundStep> &steps() const { return steps_; }

private:
  EnginePlan plan_;
  std::vector<BoundStep> steps_;
};

/// Per-run state: the arena, the workspace and the shapes bound to them.
/// Not thread-safe; use one context per thread (contexts over one engine may
/// run concurrently: they share only the engine's read-only kernels).
class ExecutionContext {
public:
  explicit ExecutionContext(std::shared_ptr<const Engine> engine);

  /// The pool kernels may spread work over (KernelContext::threads): by
  /// default ThreadPool::global() (KILN_NUM_THREADS threads, else the
  /// available cores); nullptr runs every kernel on the calling thread. Not
  /// owned. Only the CPU backend's kernels use it.
  void setThreadPool(ThreadPool *threads) { threads_ = threads; }
  ThreadPool *threadPool() const { return threads_; }

  /// Checks input count, dtypes and shapes against the engine signature and
  /// the inputs' shape profiles (throwing kiln::Error that names the input,
  /// the expected and the given type), binds the input shapes (inferring
  /// every buffer's shape and planning the arena when they differ from the
  /// previous run's) and runs every step. Returns one fresh tensor per
  /// engine output.
  std::vector<HostTensor> run(const std::vector<TensorView> &inputs);

private:
  class Run;
  friend class Run;

  void checkInputs(const std::vector<TensorView> &inputs) const;
  void bindShapes(const std::vector<TensorView> &inputs);
  /// Once shapes are planned (and no buffer is sized during the run): binds
  /// every top-level step's views to arena/constant memory and sizes the
  /// workspace, so that each run only patches the input pointers.
  void prepareSteps();
  /// Result shapes of `step` into shapes_ from its operands' shapes and
  /// `operandValues` (one per operand, data null where not known yet); false
  /// when they depend on a value not known yet. With `known` (values by
  /// buffer id), an `if` with dynamic results is resolved from its branches.
  /// `label` places the step in messages ("step 3", "region step 0").
  bool resolveStepShapes(const StepDesc &step, const std::string &label,
                         const std::vector<TensorView> &operandValues,
                         const std::vector<TensorView> *known);
  /// The shapes both branches of an `if` step yield, if they can be known
  /// before it runs and agree.
  std::optional<std::vector<std::vector<int64_t>>>
  branchShapes(const StepDesc &step, const std::vector<TensorView> &known);

  std::shared_ptr<const Engine> engine_;
  HostTensor arena_;
  bool bound_ = false;
  /// False when some shape depends on values computed during the run: the
  /// run then resolves shapes and allocates buffers step by step.
  bool planned_ = true;
  /// Some top-level step sizes its result from operand values, so bound
  /// shapes cannot be reused across runs (fixed per engine).
  bool shapesReadValues_ = false;
  /// Per buffer: a region value with dynamic dimensions, which takes its
  /// shape each time its region runs and gets its own allocation then,
  /// outside the arena (fixed per engine).
  std::vector<bool> sizedAtRun_;
  bool anySizedAtRun_ = false;
  bool dynamic_ = false; // the plan has dynamic dimensions (fixed per engine)
  std::vector<std::vector<int64_t>> boundInputShapes_;
  std::vector<std::vector<int64_t>> shapes_; // per buffer, concrete
  std::vector<int64_t> offsets_;             // per buffer, arena offset

  ThreadPool *threads_ = nullptr;
  /// Scratch shared by every kernel (one runs at a time; control-flow
  /// kernels, which run others, declare none). Only grows.
  HostTensor workspace_;
  /// Top-level steps bound by prepareSteps (empty when not prepared).
  std::vector<KernelContext> prepared_;
  /// Operand slots of prepared_ that read an engine input: (step, operand,
  /// input number); their data pointers are set on each run.
  struct InputSlot {
    size_t step, operand, input;
  };
  std::vector<InputSlot> inputSlots_;
};

} // namespace kiln

#endif // KILN_RUNTIME_ENGINE_H
