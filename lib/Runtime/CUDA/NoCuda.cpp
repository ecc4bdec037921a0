//===- NoCuda.cpp - Device queries of a runtime built without CUDA --------===//
//
// Compiled instead of the CUDA backend when CMake finds no CUDA toolkit, so
// that kiln_runtime has the same interface everywhere.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Device.h"
#include "kiln/Runtime/KernelRegistry.h"

namespace kiln {

bool runtimeHasCuda() { return false; }

std::vector<int32_t> cudaKernelArchitectures() { return {}; }

std::vector<CudaDeviceInfo> cudaDevices(std::string *why) {
  if (why)
    *why = "this Kiln runtime was built without CUDA";
  return {};
}

void registerCudaKernels(KernelRegistry &) {}

} // namespace kiln
