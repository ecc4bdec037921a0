//===- Kernel.h - The kernel interface --------------------------*- C++ -*-===//
//
// A kernel is an object built once per step when an Engine is created: its
// factory decodes the step's attributes into typed members (and refuses bad
// ones then, not on every run), and the engine keeps it for its lifetime.
// Execution contexts share it read-only, so `run` is const and must be safe
// to call from several contexts at once; anything a run needs to write lives
// in the context's buffers or the workspace the kernel declares.
// docs/engine-format.md ("Kernel contract") describes the contract in prose.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_KERNEL_H
#define KILN_RUNTIME_KERNEL_H

#include "kiln/Runtime/Backend.h"
#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Tensor.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace kiln {

/// Defined by the CPU backend (include/kiln/Runtime/ThreadPool.h).
class ThreadPool;

/// What a kernel is built from, once per step: the step (kernel name,
/// backend, attributes, location, regions) and the planned types of its
/// operands and results. Shapes are the plan's (kDynamicDim where bound at
/// run time). An operand that is a Constant buffer has `data` pointing at its
/// bytes (valid for the engine's lifetime, read-only), so that a kernel may
/// prepare from weights once; every other view has `data == nullptr`.
struct KernelSpec {
  const StepDesc &step;
  std::vector<TensorView> operands;
  std::vector<TensorView> results;
};

/// Control-flow kernels reach their regions through this; the execution
/// context implements it.
class RegionRunner {
public:
  /// Runs the steps of region `index` of the current step (binding them like
  /// top-level steps).
  virtual void runRegion(size_t index) = 0;
  /// The bound view of any buffer id (region arguments to fill, yields to
  /// read).
  virtual TensorView buffer(int32_t id) = 0;
  /// Gives buffer `id` (a region argument, or a result of this step) the
  /// shape `shape` and returns its view. A buffer sized at run time (a
  /// dynamic value in a region, a result whose shape depends on the region
  /// that runs) gets storage of that size; a planned buffer must already have
  /// that shape.
  virtual TensorView resize(int32_t id, const std::vector<int64_t> &shape) = 0;

protected:
  ~RegionRunner() = default;
};

/// Everything a kernel sees for one run of its step: operand and result
/// views bound to input/constant/arena memory with their bound shapes, the
/// workspace it declared, the thread pool, and (control flow) the regions.
struct KernelContext {
  const StepDesc &step;
  std::vector<TensorView> operands;
  std::vector<TensorView> results;
  /// At least Kernel::workspaceBytes bytes, 64-byte aligned; owned by the
  /// execution context, allocated once per shape binding, not per run.
  void *workspace = nullptr;
  int64_t workspaceSize = 0;
  /// The context's thread pool; nullptr means run on the calling thread.
  ThreadPool *threads = nullptr;
  /// Set for steps with regions; nullptr otherwise.
  RegionRunner *regions = nullptr;
};

class Kernel {
public:
  virtual ~Kernel();

  /// Scratch bytes `run` needs for these bound shapes (views carry shapes
  /// and dtypes; their data must not be read). Asked once per shape binding;
  /// the default needs none.
  virtual int64_t workspaceBytes(const std::vector<TensorView> &operands,
                                 const std::vector<TensorView> &results) const;

  /// Runs the step. Throws kiln::Error on a precondition the bound values
  /// break; the context adds the step's kernel name and location.
  virtual void run(const KernelContext &ctx) const = 0;
};

/// A kernel written as a plain function that reads its attributes from
/// `ctx.step` on every run; KernelRegistry::add(name, fn) wraps one in a
/// FunctionKernel. New kernels decode their attributes once instead.
using KernelFn = void (*)(const KernelContext &);

} // namespace kiln

#endif // KILN_RUNTIME_KERNEL_H
