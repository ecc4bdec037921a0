//===- NonZero.h - Which elements `non_zero` lists ------------*- C++ -*-===//
//
// Shared by the `non_zero` kernel and its value-dependent shape rule, so
// that the column count the rule allocates is the count the kernel writes.
// Floats are tested by their bits without the sign: -0.0 is zero, NaN (and
// ±Inf) is non-zero, as `x != 0` in IEEE arithmetic.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_KERNELS_REFERENCE_NONZERO_H
#define KILN_RUNTIME_KERNELS_REFERENCE_NONZERO_H

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Tensor.h"

#include <cstdint>
#include <cstring>

namespace kiln {
namespace nonzero {

/// Whether element `i` of `view` counts as non-zero; throws for dtypes that
/// `tensorrt.non_zero` does not accept.
inline bool isNonZero(const TensorView &view, int64_t i) {
  const auto *bytes = static_cast<const uint8_t *>(view.data);
  switch (view.dtype) {
  case DType::I1:
  case DType::I8:
  case DType::UI8:
    return bytes[i] != 0;
  case DType::I32: {
    int32_t v;
    std::memcpy(&v, bytes + 4 * i, 4);
    return v != 0;
  }
  case DType::I64: {
    int64_t v;
    std::memcpy(&v, bytes + 8 * i, 8);
    return v != 0;
  }
  case DType::F32: {
    uint32_t bits;
    std::memcpy(&bits, bytes + 4 * i, 4);
    return (bits & 0x7fffffffu) != 0;
  }
  case DType::F16:
  case DType::BF16: {
    uint16_t bits;
    std::memcpy(&bits, bytes + 2 * i, 2);
    return (bits & 0x7fffu) != 0;
  }
  default:
    fail("non_zero does not support ", dtypeName(view.dtype), " input");
  }
}

/// How many elements of `view` are non-zero.
inline int64_t count(const TensorView &view) {
  const int64_t n = view.numElements();
  int64_t nonZero = 0;
  for (int64_t i = 0; i < n; ++i)
    nonZero += isNonZero(view, i) ? 1 : 0;
  return nonZero;
}

} // namespace nonzero
} // namespace kiln

#endif // KILN_RUNTIME_KERNELS_REFERENCE_NONZERO_H
