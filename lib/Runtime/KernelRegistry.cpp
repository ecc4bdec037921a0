//===- KernelRegistry.cpp - Kernel names to functions ---------------------===//
#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/Error.h"

namespace kiln {

const KernelRegistry &KernelRegistry::global() {
  // Built on first use rather than by static initializers in each kernel file:
  // a static library would drop those object files, and their registrations.
  static const KernelRegistry registry = [] {
    KernelRegistry r;
    registerReferenceKernels(r);
    return r;
  }();
  return registry;
}

void KernelRegistry::add(const std::string &name, KernelFn fn) {
  if (!fn)
    fail("cannot register kernel '", name, "' with a null function");
  if (!kernels_.emplace(name, fn).second)
    fail("kernel '", name, "' is registered twice");
}

KernelFn KernelRegistry::lookup(const std::string &name) const {
  auto it = kernels_.find(name);
  return it == kernels_.end() ? nullptr : it->second;
}

std::vector<std::string> KernelRegistry::names() const {
  std::vector<std::string> result;
  for (const auto &entry : kernels_)
    result.push_back(entry.first);
  return result;
}

} // namespace kiln
