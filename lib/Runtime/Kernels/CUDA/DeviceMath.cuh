//===- DeviceMath.cuh - Element access and launch helpers for CUDA kernels ===//
//
// Loads widen f16/bf16 to f32 and stores round f32 to nearest even, as the
// reference kernels do, so CUDA results match them to f32 rounding.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_CUDA_DEVICEMATH_CUH
#define KILN_LIB_RUNTIME_KERNELS_CUDA_DEVICEMATH_CUH

#include "kiln/Runtime/CUDA/CudaDevice.h"
#include "kiln/Runtime/DType.h"
#include "kiln/Runtime/Error.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <algorithm>
#include <cstdint>

namespace kiln::cuda {

__device__ __forceinline__ float load(const float *p, int64_t i) { return p[i]; }
__device__ __forceinline__ float load(const __half *p, int64_t i) {
  return __half2float(p[i]);
}
__device__ __forceinline__ float load(const __nv_bfloat16 *p, int64_t i) {
  return __bfloat162float(p[i]);
}

__device__ __forceinline__ void store(float *p, int64_t i, float v) { p[i] = v; }
__device__ __forceinline__ void store(__half *p, int64_t i, float v) {
  p[i] = __float2half_rn(v);
}
__device__ __forceinline__ void store(__nv_bfloat16 *p, int64_t i, float v) {
  p[i] = __float2bfloat16_rn(v);
}
/// i1: one byte, 0 or 1.
__device__ __forceinline__ void store(uint8_t *p, int64_t i, float v) {
  p[i] = v != 0.0f ? 1 : 0;
}

/// max/min that return NaN when either side is NaN (numpy's maximum).
__device__ __forceinline__ float nanMax(float a, float b) {
  return (isnan(a) || isnan(b)) ? __int_as_float(0x7fc00000) : fmaxf(a, b);
}
__device__ __forceinline__ float nanMin(float a, float b) {
  return (isnan(a) || isnan(b)) ? __int_as_float(0x7fc00000) : fminf(a, b);
}

inline bool isCudaFloat(DType type) {
  return type == DType::F32 || type == DType::F16 || type == DType::BF16;
}

/// Calls f(T{}) with T the device element type of a float DType.
template <typename F> void dispatchFloat(DType type, F &&f) {
  switch (type) {
  case DType::F32:
    return f(float{});
  case DType::F16:
    return f(__half{});
  case DType::BF16:
    return f(__nv_bfloat16{});
  default:
    fail("CUDA kernel: unsupported element type ", dtypeName(type));
  }
}

/// Blocks for a grid-stride loop over `n` elements.
inline unsigned gridFor(int64_t n, int threads) {
  int64_t blocks = (n + threads - 1) / threads;
  return static_cast<unsigned>(std::min<int64_t>(std::max<int64_t>(blocks, 1), 8192));
}

inline void checkLaunch(const char *what) { check(cudaGetLastError(), what); }

} // namespace kiln::cuda

#endif // KILN_LIB_RUNTIME_KERNELS_CUDA_DEVICEMATH_CUH
