//===- CudaTestUtils.h - Helpers for the CUDA oracle tests ------*- C++ -*-===//
#ifndef KILN_UNITTESTS_CUDA_CUDATESTUTILS_H
#define KILN_UNITTESTS_CUDA_CUDATESTUTILS_H

#include "../Runtime/TestUtils.h"
#include "kiln/Runtime/CUDA/CudaExecutionContext.h"
#include "kiln/Runtime/Device.h"

#include <gtest/gtest.h>

#include <random>

namespace kiln::test {

/// Why CUDA tests cannot run here, or "" when device 0 is usable.
std::string cudaSkipReason();

#define KILN_REQUIRE_CUDA()                                                    \
  do {                                                                         \
    std::string why = ::kiln::test::cudaSkipReason();                          \
    if (!why.empty())                                                          \
      GTEST_SKIP() << why;                                                     \
  } while (0)

/// Places every step of `plan` on the CUDA backend.
void placeOnCuda(EnginePlan &plan);

/// Compute capability of device 0 (a CUDA engine's target here).
int32_t deviceComputeCapability();

/// A tensor of `dtype` with values uniform in [lo, hi] (float dtypes), each
/// rounded to `step` when step > 0 (so comparisons see ties).
HostTensor randomTensor(std::mt19937 &gen, DType dtype,
                        std::vector<int64_t> shape, float lo = -3.0f,
                        float hi = 3.0f, float step = 0.0f);

/// Element `i` of a float or i1 tensor as a float.
float elementAsFloat(const HostTensor &tensor, int64_t i);

struct Tolerance {
  float rtol, atol;
};
/// Tolerances for one result rounding of f32-computed values to `dtype`.
Tolerance roundingTolerance(DType dtype);

/// Runs `plan` with the reference kernels (every step's backend set to
/// reference) and as given on the CUDA device (target set to this device)
/// on the same inputs; expects equal shapes, NaN where
/// the reference has NaN, and |cuda - ref| <= atol + rtol * |ref|. With
/// `expectAllOnDevice`, also that every step got a CUDA kernel. Returns the
/// CUDA context's placement().
std::string expectMatchesReference(EnginePlan plan,
                                   const std::vector<HostTensor> &inputs,
                                   Tolerance tolerance,
                                   bool expectAllOnDevice = true,
                                   const std::string &what = "");

} // namespace kiln::test

#endif // KILN_UNITTESTS_CUDA_CUDATESTUTILS_H
