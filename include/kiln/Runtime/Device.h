//===- Device.h - The devices an engine can run on --------------*- C++ -*-===//
//
// What this process can run: the host always, CUDA devices when the runtime
// was built with the CUDA backend (a CUDA toolkit was found when it was
// configured) and the driver reports a device. Plain C++: programs that use
// it need no CUDA headers. The CUDA device layer itself (arena, streams,
// pinned staging, graphs) is kiln/Runtime/CUDA/*.h.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_DEVICE_H
#define KILN_RUNTIME_DEVICE_H

#include "kiln/Runtime/EnginePlan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

/// One CUDA device as the driver reports it.
struct CudaDeviceInfo {
  int ordinal = 0;
  std::string name;
  /// major * 10 + minor, as in Target::computeCapability.
  int32_t computeCapability = 0;
  int multiprocessors = 0;
  int64_t memoryBytes = 0;
};

/// True when this runtime was built with the CUDA backend.
bool runtimeHasCuda();

/// The compute capabilities this runtime's CUDA kernels are compiled for
/// (CMAKE_CUDA_ARCHITECTURES at configure time); empty without CUDA.
std::vector<int32_t> cudaKernelArchitectures();

/// The CUDA devices this process sees. Empty when the runtime has no CUDA
/// backend, no driver or no device; `why` (if given) then says which.
std::vector<CudaDeviceInfo> cudaDevices(std::string *why = nullptr);

/// Throws kiln::Error saying why an engine built for `target` cannot run in
/// this process (built without CUDA, no CUDA device, another compute
/// capability); returns when it can. CUDA engines run on device 0 (select
/// another with CUDA_VISIBLE_DEVICES).
void checkTargetRunnable(const Target &target);

} // namespace kiln

#endif // KILN_RUNTIME_DEVICE_H
