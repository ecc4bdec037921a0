//===- Kernel.cpp - Kernel base class and backend names -------------------===//
#include "kiln/Runtime/Kernel.h"

namespace kiln {

Kernel::~Kernel() = default;

int64_t Kernel::workspaceBytes(const std::vector<TensorView> &,
                               const std::vector<TensorView> &) const {
  return 0;
}

const char *backendName(Backend backend) {
  switch (backend) {
  case Backend::Reference:
    return "reference";
  case Backend::CPU:
    return "cpu";
  case Backend::CUDA:
    return "cuda";
  }
  return "invalid";
}

std::optional<Backend> parseBackend(const std::string &name) {
  for (Backend backend : {Backend::Reference, Backend::CPU, Backend::CUDA})
    if (name == backendName(backend))
      return backend;
  return std::nullopt;
}

} // namespace kiln
