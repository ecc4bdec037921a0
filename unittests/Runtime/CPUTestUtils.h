//===- CPUTestUtils.h - Helpers for the CPU kernels' oracle tests -*- C++ -*-===//
//
// Random tensors of any float storage type, and a comparison of a CPU
// kernel's result against the reference kernel's with a tolerance that fits
// the storage type (both accumulate in f32, in different orders, and round
// once to the storage type).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_UNITTESTS_RUNTIME_CPUTESTUTILS_H
#define KILN_UNITTESTS_RUNTIME_CPUTESTUTILS_H

#include "TestUtils.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace kiln::test {

inline float elementAsFloat(const HostTensor &t, int64_t i) {
  switch (t.dtype()) {
  case DType::F16:
    return halfToFloat(static_cast<const uint16_t *>(t.data())[i]);
  case DType::BF16:
    return bfloat16ToFloat(static_cast<const uint16_t *>(t.data())[i]);
  default:
    return static_cast<const float *>(t.data())[i];
  }
}

inline std::vector<float> asFloats(const HostTensor &t) {
  std::vector<float> out(static_cast<size_t>(t.numElements()));
  for (int64_t i = 0; i < t.numElements(); ++i)
    out[i] = elementAsFloat(t, i);
  return out;
}

/// Uniform values in [lo, hi) stored as `dtype` (f32, f16 or bf16).
inline HostTensor randomTensor(DType dtype, std::vector<int64_t> shape,
                               std::mt19937 &gen, float lo = -1.0f,
                               float hi = 1.0f) {
  HostTensor t(dtype, std::move(shape));
  std::uniform_real_distribution<float> dist(lo, hi);
  for (int64_t i = 0; i < t.numElements(); ++i) {
    float v = dist(gen);
    if (dtype == DType::F16)
      static_cast<uint16_t *>(t.data())[i] = floatToHalf(v);
    else if (dtype == DType::BF16)
      static_cast<uint16_t *>(t.data())[i] = floatToBfloat16(v);
    else
      static_cast<float *>(t.data())[i] = v;
  }
  return t;
}

/// Relative tolerance of one rounding to `dtype`, plus `f32Slack` for f32
/// accumulation-order differences.
inline float storageTolerance(DType dtype, float f32Slack = 1e-5f) {
  switch (dtype) {
  case DType::F16:
    return 2e-3f;
  case DType::BF16:
    return 1.6e-2f;
  default:
    return f32Slack;
  }
}

/// Every element of `actual` within atol + rtol * |expected| of `expected`.
inline void expectClose(const HostTensor &actual, const HostTensor &expected,
                        float rtol, float atol, const std::string &what) {
  ASSERT_EQ(actual.shape(), expected.shape()) << what;
  ASSERT_EQ(actual.dtype(), expected.dtype()) << what;
  int bad = 0;
  for (int64_t i = 0; i < actual.numElements(); ++i) {
    float x = elementAsFloat(actual, i), y = elementAsFloat(expected, i);
    bool ok = (std::isnan(x) && std::isnan(y)) || x == y ||
              std::fabs(x - y) <= atol + rtol * std::fabs(y);
    if (!ok && bad++ < 5)
      ADD_FAILURE() << what << ": element " << i << " is " << x
                    << ", reference " << y;
  }
  EXPECT_EQ(bad, 0) << what << ": " << bad << " of " << actual.numElements()
                    << " elements differ";
}

} // namespace kiln::test

#endif // KILN_UNITTESTS_RUNTIME_CPUTESTUTILS_H
