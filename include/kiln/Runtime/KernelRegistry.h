//===- KernelRegistry.h - Kernel names to functions -------------*- C++ -*-===//
#ifndef KILN_RUNTIME_KERNELREGISTRY_H
#define KILN_RUNTIME_KERNELREGISTRY_H

#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Tensor.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kiln {

/// Everything a kernel sees for one step: its operand and result views
/// (already bound to arena/constant/input memory, shapes from the plan) and
/// the step itself (attributes, location for messages).
struct KernelContext {
  const StepDesc &step;
  std::vector<TensorView> operands;
  std::vector<TensorView> results;
  /// Control-flow kernels: runs the steps of one of `step.regions`, binding
  /// them like top-level steps.
  std::function<void(const RegionDesc &)> runRegion;
  /// Control-flow kernels: the bound view of any buffer id (region arguments
  /// to fill, yields to read).
  std::function<TensorView(int32_t)> buffer;
  /// Control-flow kernels: gives buffer `id` (a region argument, or a result
  /// of this step) the shape `shape` and returns its view. A buffer sized at
  /// run time (a dynamic value in a region, a result whose shape depends on
  /// the region that runs) gets storage of that size; a planned buffer must
  /// already have that shape.
  std::function<TensorView(int32_t, const std::vector<int64_t> &)> resize;
};

class KernelRegistry {
public:
  /// The process-wide registry, with the reference kernels registered.
  static const KernelRegistry &global();

  void add(const std::string &name, KernelFn fn);
  /// nullptr when no kernel has that name.
  KernelFn lookup(const std::string &name) const;
  std::vector<std::string> names() const;

private:
  std::map<std::string, KernelFn> kernels_;
};

/// Registers every reference kernel (lib/Runtime/Kernels/Reference).
void registerReferenceKernels(KernelRegistry &registry);

} // namespace kiln

#endif // KILN_RUNTIME_KERNELREGISTRY_H
