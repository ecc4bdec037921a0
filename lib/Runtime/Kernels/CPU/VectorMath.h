//===- VectorMath.h - Vectorized math over f32 arrays -----------*- C++ -*-===//
//
// Loops over contiguous f32 arrays, each compiled per instruction set and
// chosen at run time like the GEMM micro-kernels, plus conversions between
// f32 scratch rows and f16/bf16 storage.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_CPU_VECTORMATH_H
#define KILN_LIB_RUNTIME_KERNELS_CPU_VECTORMATH_H

#include "Gemm.h"

#include <cstdint>

namespace kiln::cpu {

/// data[i] = exp(data[i] - shift) for i < n; returns the sum of the results.
/// Accurate to about 2 ulp; arguments below -87.3 give 0, NaN gives NaN.
float expShiftSum(Isa isa, float *data, int64_t n, float shift);

/// Largest element of data[0, n) (-inf for n == 0); sets `sawNaN` when some
/// element is NaN (the maximum is then meaningless).
float maxOf(const float *data, int64_t n, bool &sawNaN);

/// Converts n elements of `dtype` (f32, f16, bf16) at `src` to f32.
void loadRow(DType dtype, const void *src, int64_t offset, int64_t n,
             float *dst);
/// Rounds n f32 values to `dtype` and stores them at dst + offset.
void storeRow(DType dtype, const float *src, int64_t n, void *dst,
              int64_t offset);

} // namespace kiln::cpu

#endif // KILN_LIB_RUNTIME_KERNELS_CPU_VECTORMATH_H
