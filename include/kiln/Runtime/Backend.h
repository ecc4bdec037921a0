//===- Backend.h - Which family of kernels runs a step ----------*- C++ -*-===//
//
// A step names an op kind (its `kernel`) and the backend whose kernel for that
// kind runs it. The registry (KernelRegistry.h) maps (kernel, backend) to a
// factory; the engine file stores the backend code per step.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_BACKEND_H
#define KILN_RUNTIME_BACKEND_H

#include <cstdint>
#include <optional>
#include <string>

namespace kiln {

/// The numeric values are part of the engine file format: append new
/// backends, never renumber.
enum class Backend : uint8_t {
  /// lib/Runtime/Kernels/Reference: every op and dtype, plain and obviously
  /// right; the oracle the other backends are tested against.
  Reference = 0,
  /// lib/Runtime/Kernels/CPU: fast, threaded host kernels.
  CPU = 1,
  /// lib/Runtime/Kernels/CUDA: NVIDIA GPU kernels (built with a CUDA toolkit).
  CUDA = 2,
};

/// The highest valid code, for range checks of serialized backends.
constexpr Backend kLastBackend = Backend::CUDA;

/// "reference", "cpu" or "cuda".
const char *backendName(Backend backend);
/// Inverse of backendName; nullopt for an unknown name.
std::optional<Backend> parseBackend(const std::string &name);

} // namespace kiln

#endif // KILN_RUNTIME_BACKEND_H
