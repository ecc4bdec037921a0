//===- Device.cpp - Whether an engine's target can run here ---------------===//
#include "kiln/Runtime/Device.h"
#include "kiln/Runtime/Error.h"

#include <algorithm>

namespace kiln {

static std::string smName(int32_t computeCapability) {
  return "sm_" + std::to_string(computeCapability);
}

void checkTargetRunnable(const Target &target) {
  if (target.kind == TargetKind::CPU)
    return;
  const std::string prefix =
      "engine built for " + target.str() + " cannot run here: ";
  if (!runtimeHasCuda())
    fail(prefix,
         "this Kiln runtime was built without CUDA (no CUDA toolkit was "
         "found when it was configured)");
  std::string why;
  std::vector<CudaDeviceInfo> devices = cudaDevices(&why);
  if (devices.empty())
    fail(prefix, "no CUDA device (", why, ")");
  const CudaDeviceInfo &device = devices.front();
  if (device.computeCapability != target.computeCapability)
    fail(prefix, "CUDA device ", device.ordinal, " (", device.name,
         ") has compute capability ", smName(device.computeCapability),
         "; rebuild the engine for cuda:", smName(device.computeCapability));
  std::vector<int32_t> archs = cudaKernelArchitectures();
  if (std::find(archs.begin(), archs.end(), device.computeCapability) ==
      archs.end()) {
    std::string built;
    for (int32_t arch : archs)
      built += (built.empty() ? "" : ", ") + smName(arch);
    fail(prefix, "this runtime's CUDA kernels are compiled for ", built,
         " only, not ", smName(device.computeCapability),
         " (reconfigure with -DCMAKE_CUDA_ARCHITECTURES=",
         device.computeCapability, ")");
  }
}

} // namespace kiln
