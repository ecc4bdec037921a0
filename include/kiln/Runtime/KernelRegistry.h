//===- KernelRegistry.h - (kernel, backend) to kernel factories -*- C++ -*-===//
#ifndef KILN_RUNTIME_KERNELREGISTRY_H
#define KILN_RUNTIME_KERNELREGISTRY_H

#include "kiln/Runtime/Kernel.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiln {

/// Builds the kernel object of one step; throws kiln::Error on attributes (or
/// planned types) it cannot run.
using KernelFactory =
    std::function<std::unique_ptr<Kernel>(const KernelSpec &spec)>;
/// Whether a backend's kernel takes this step (dtypes, shapes, attributes),
/// without building it; a tactic choice asks before picking a backend.
using KernelSupports = bool (*)(const KernelSpec &spec);

/// The factory of kernel type K, constructed from the KernelSpec.
template <typename K>
std::unique_ptr<Kernel> makeKernel(const KernelSpec &spec) {
  return std::make_unique<K>(spec);
}

class KernelRegistry {
public:
  struct Entry {
    KernelFactory create = nullptr;
    /// nullptr: the kernel takes every step of its name.
    KernelSupports supports = nullptr;
  };

  /// The process-wide registry, with every built-in backend's kernels.
  static const KernelRegistry &global();

  /// Registers kernel `name` for `backend`; throws if it is already there.
  void add(const std::string &name, Backend backend, KernelFactory create,
           KernelSupports supports = nullptr);
  /// Registers kernel type K (constructible from `const KernelSpec &`).
  template <typename K>
  void add(const std::string &name, Backend backend,
           KernelSupports supports = nullptr) {
    add(name, backend, KernelFactory(&makeKernel<K>), supports);
  }
  /// Registers a plain function as a Reference kernel (it decodes its
  /// attributes on every run: a stop-gap for kernels not yet ported).
  void add(const std::string &name, KernelFn fn);

  /// nullptr when nothing is registered for (name, backend).
  const Entry *lookup(const std::string &name, Backend backend) const;
  /// True when (spec.step.kernel, backend) is registered and takes the step.
  bool supports(const KernelSpec &spec, Backend backend) const;
  /// Builds the kernel for `spec.step`'s (kernel, backend); throws
  /// kiln::Error when none is registered or the factory refuses the step.
  std::unique_ptr<Kernel> create(const KernelSpec &spec) const;

  /// Sorted names of the kernels registered for `backend`.
  std::vector<std::string> names(Backend backend = Backend::Reference) const;

private:
  std::map<std::pair<std::string, Backend>, Entry> kernels_;
};

/// Registers every reference kernel (lib/Runtime/Kernels/Reference).
void registerReferenceKernels(KernelRegistry &registry);
/// Registers the CUDA kernels (lib/Runtime/Kernels/CUDA) for Backend::CUDA;
/// none where the runtime was built without CUDA.
void registerCudaKernels(KernelRegistry &registry);
/// Registers the CPU backend's kernels (lib/Runtime/Kernels/CPU).
void registerCPUKernels(KernelRegistry &registry);

} // namespace kiln

#endif // KILN_RUNTIME_KERNELREGISTRY_H
