//===- KernelRegistry.cpp - (kernel, backend) to kernel factories ---------===//
#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/Error.h"

namespace kiln {

namespace {

/// Adapts a plain kernel function, which reads its attributes on every run.
class FunctionKernel final : public Kernel {
public:
  explicit FunctionKernel(KernelFn fn) : fn_(fn) {}
  void run(const KernelContext &ctx) const override { fn_(ctx); }

private:
  KernelFn fn_;
};

} // namespace

const KernelRegistry &KernelRegistry::global() {
  // Built on first use rather than by static initializers in each kernel file:
  // a static library would drop those object files, and their registrations.
  // Backends other than the reference add their register call here.
  static const KernelRegistry registry = [] {
    KernelRegistry r;
    registerReferenceKernels(r);
    registerCudaKernels(r);
    registerCPUKernels(r);
    return r;
  }();
  return registry;
}

void KernelRegistry::add(const std::string &name, Backend backend,
                         KernelFactory create, KernelSupports supports) {
  if (!create)
    fail("cannot register kernel '", name, "' (", backendName(backend),
         ") with a null factory");
  if (!kernels_
           .emplace(std::make_pair(name, backend),
                    Entry{std::move(create), supports})
           .second)
    fail("kernel '", name, "' is registered twice for backend ",
         backendName(backend));
}

void KernelRegistry::add(const std::string &name, KernelFn fn) {
  if (!fn)
    fail("cannot register kernel '", name, "' with a null function");
  add(name, Backend::Reference,
      [fn](const KernelSpec &) -> std::unique_ptr<Kernel> {
        return std::make_unique<FunctionKernel>(fn);
      });
}

const KernelRegistry::Entry *KernelRegistry::lookup(const std::string &name,
                                                    Backend backend) const {
  auto it = kernels_.find(std::make_pair(name, backend));
  return it == kernels_.end() ? nullptr : &it->second;
}

bool KernelRegistry::supports(const KernelSpec &spec, Backend backend) const {
  const Entry *entry = lookup(spec.step.kernel, backend);
  return entry && (!entry->supports || entry->supports(spec));
}

std::unique_ptr<Kernel> KernelRegistry::create(const KernelSpec &spec) const {
  const StepDesc &step = spec.step;
  const Entry *entry = lookup(step.kernel, step.backend);
  if (!entry) {
    if (lookup(step.kernel, Backend::Reference))
      fail("kernel '", step.kernel, "' has no ", backendName(step.backend),
           " implementation in this runtime");
    fail("unknown kernel '", step.kernel, "'");
  }
  std::unique_ptr<Kernel> kernel = entry->create(spec);
  if (!kernel)
    fail("the ", backendName(step.backend), " factory of kernel '",
         step.kernel, "' built no kernel");
  return kernel;
}

std::vector<std::string> KernelRegistry::names(Backend backend) const {
  std::vector<std::string> result;
  for (const auto &entry : kernels_)
    if (entry.first.second == backend)
      result.push_back(entry.first.first);
  return result;
}

} // namespace kiln
