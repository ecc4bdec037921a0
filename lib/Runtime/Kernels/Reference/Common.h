//===- Common.h - Shared helpers of the reference kernels -------*- C++ -*-===//
//
// Element access by dtype, shape checks and a strided N-d walker. Reference
// kernels favour obviously-correct index arithmetic over speed; these helpers
// keep that arithmetic in one place.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_REFERENCE_COMMON_H
#define KILN_LIB_RUNTIME_KERNELS_REFERENCE_COMMON_H

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Half.h"
#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/MiniFloat.h"
#include "kiln/Runtime/Tensor.h"

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace kiln {

void registerElementWiseKernels(KernelRegistry &registry);
void registerUnaryKernels(KernelRegistry &registry);
void registerActivationKernels(KernelRegistry &registry);
void registerMatrixMultiplyKernels(KernelRegistry &registry);
void registerReduceKernels(KernelRegistry &registry);
void registerSoftmaxKernels(KernelRegistry &registry);
void registerShuffleKernels(KernelRegistry &registry);
void registerBroadcastKernels(KernelRegistry &registry);
void registerSliceKernels(KernelRegistry &registry);
void registerConcatenationKernels(KernelRegistry &registry);
void registerCastKernels(KernelRegistry &registry);
void registerQuantizationKernels(KernelRegistry &registry);
void registerSelectKernels(KernelRegistry &registry);
void registerControlFlowKernels(KernelRegistry &registry);
void registerTopKKernels(KernelRegistry &registry);
void registerNormalizationKernels(KernelRegistry &registry);
void registerEinsumKernels(KernelRegistry &registry);
void registerFillKernels(KernelRegistry &registry);
void registerGatherKernels(KernelRegistry &registry);
void registerScatterKernels(KernelRegistry &registry);
void registerPaddingKernels(KernelRegistry &registry);
void registerResizeKernels(KernelRegistry &registry);
void registerOneHotKernels(KernelRegistry &registry);
void registerNonZeroKernels(KernelRegistry &registry);
void registerConvolutionKernels(KernelRegistry &registry);
void registerPoolingKernels(KernelRegistry &registry);

namespace ref {

using Shape = std::vector<int64_t>;

inline std::string typeOf(const TensorView &view) {
  return describeType(view.dtype, view.shape);
}

inline std::string shapeText(const Shape &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

inline int64_t product(const Shape &shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

inline Shape rowMajorStrides(const Shape &shape) {
  Shape strides(shape.size(), 1);
  for (size_t d = shape.size(); d-- > 1;)
    strides[d - 1] = strides[d] * shape[d];
  return strides;
}

inline void expectCounts(const KernelContext &ctx, size_t minOperands,
                         size_t maxOperands, size_t results) {
  size_t n = ctx.operands.size();
  if (n < minOperands || n > maxOperands) {
    if (minOperands == maxOperands)
      fail("expected ", minOperands, " operand", minOperands == 1 ? "" : "s",
           ", got ", n);
    fail("expected ", minOperands, " to ", maxOperands, " operands, got ", n);
  }
  if (ctx.results.size() != results)
    fail("expected ", results, " result", results == 1 ? "" : "s", ", got ",
         ctx.results.size());
}

inline void expectSameDType(const TensorView &a, const TensorView &b,
                            const char *aName, const char *bName) {
  if (a.dtype != b.dtype)
    fail(aName, " has type ", typeOf(a), " but ", bName, " has type ",
         typeOf(b), "; element types must match");
}

/// Strides that read `operand` while walking `resultShape`: same rank, each
/// operand dim equal to the result's or 1 (stride 0, the broadcast).
inline Shape broadcastStrides(const TensorView &operand, const Shape &resultShape,
                              const char *what) {
  if (operand.shape.size() != resultShape.size())
    fail(what, " has rank ", operand.shape.size(), " (", typeOf(operand),
         ") but the result has rank ", resultShape.size(),
         "; broadcast operands must have the result's rank");
  Shape strides = rowMajorStrides(operand.shape);
  for (size_t d = 0; d < resultShape.size(); ++d) {
    if (operand.shape[d] == resultShape[d])
      continue;
    if (operand.shape[d] != 1)
      fail(what, " shape ", shapeText(operand.shape),
           " does not broadcast to the result shape ", shapeText(resultShape),
           " (dim ", d, ")");
    strides[d] = 0;
  }
  return strides;
}

/// Calls f(linearIndex, offsets) for every index of `shape` in row-major
/// order, where offsets[k] is the element offset into operand k given its
/// per-dimension `strides[k]`.
template <size_t K, typename F>
void forEachIndex(const Shape &shape, const std::array<Shape, K> &strides,
                  F &&f) {
  int64_t count = product(shape);
  if (count == 0)
    return;
  const size_t rank = shape.size();
  Shape index(rank, 0);
  std::array<int64_t, K> offsets{};
  for (int64_t linear = 0; linear < count; ++linear) {
    f(linear, offsets);
    for (size_t d = rank; d-- > 0;) {
      ++index[d];
      for (size_t k = 0; k < K; ++k)
        offsets[k] += strides[k][d];
      if (index[d] < shape[d])
        break;
      for (size_t k = 0; k < K; ++k)
        offsets[k] -= strides[k][d] * shape[d];
      index[d] = 0;
    }
  }
}

//===----------------------------------------------------------------------===//
// Element access. Floats are read as f32 (f16/bf16/f8/f4 widened exactly) and
// written with round-to-nearest-even (f8/f4 saturating, MiniFloat.h);
// integers are read as int64 and written with two's-complement wrap-around
// (i1 stores `value != 0`). i4 and f4E2M1FN are packed, so index by element,
// never by byte.
//===----------------------------------------------------------------------===//

inline float loadFloat(DType type, const void *data, int64_t i) {
  switch (type) {
  case DType::F32:
    return static_cast<const float *>(data)[i];
  case DType::F16:
    return halfToFloat(static_cast<const uint16_t *>(data)[i]);
  case DType::BF16:
    return bfloat16ToFloat(static_cast<const uint16_t *>(data)[i]);
  case DType::I32:
    return static_cast<float>(static_cast<const int32_t *>(data)[i]);
  case DType::I64:
    return static_cast<float>(static_cast<const int64_t *>(data)[i]);
  case DType::I1:
    return static_cast<const uint8_t *>(data)[i] ? 1.0f : 0.0f;
  case DType::I8:
    return static_cast<float>(static_cast<const int8_t *>(data)[i]);
  case DType::UI8:
    return static_cast<float>(static_cast<const uint8_t *>(data)[i]);
  case DType::I4:
    return static_cast<float>(i4FromNibble(loadNibble(data, i)));
  case DType::F8E4M3FN:
    return f8E4M3FNToFloat(static_cast<const uint8_t *>(data)[i]);
  case DType::F4E2M1FN:
    return f4E2M1FNToFloat(loadNibble(data, i));
  }
  return 0.0f;
}

/// Float -> integer conversion with the cast kernel's rules: truncate toward
/// zero, saturate at the type's range, NaN -> 0.
template <typename IntT> IntT saturateToInt(double value) {
  if (std::isnan(value))
    return 0;
  if (value <= static_cast<double>(std::numeric_limits<IntT>::min()))
    return std::numeric_limits<IntT>::min();
  // max() of int64 is not representable as double; compare with 2^63.
  if (value >= std::ldexp(1.0, std::numeric_limits<IntT>::digits))
    return std::numeric_limits<IntT>::max();
  return static_cast<IntT>(value);
}

inline int64_t loadInt(DType type, const void *data, int64_t i) {
  switch (type) {
  case DType::I32:
    return static_cast<const int32_t *>(data)[i];
  case DType::I64:
    return static_cast<const int64_t *>(data)[i];
  case DType::I1:
    return static_cast<const uint8_t *>(data)[i] ? 1 : 0;
  case DType::I8:
    return static_cast<const int8_t *>(data)[i];
  case DType::UI8:
    return static_cast<const uint8_t *>(data)[i];
  case DType::I4:
    return i4FromNibble(loadNibble(data, i));
  default:
    return saturateToInt<int64_t>(loadFloat(type, data, i));
  }
}

inline void storeFloat(DType type, void *data, int64_t i, float value) {
  switch (type) {
  case DType::F32:
    static_cast<float *>(data)[i] = value;
    return;
  case DType::F16:
    static_cast<uint16_t *>(data)[i] = floatToHalf(value);
    return;
  case DType::BF16:
    static_cast<uint16_t *>(data)[i] = floatToBfloat16(value);
    return;
  case DType::I32:
    static_cast<int32_t *>(data)[i] = saturateToInt<int32_t>(value);
    return;
  case DType::I64:
    static_cast<int64_t *>(data)[i] = saturateToInt<int64_t>(value);
    return;
  case DType::I8:
    static_cast<int8_t *>(data)[i] = saturateToInt<int8_t>(value);
    return;
  case DType::I1:
    static_cast<uint8_t *>(data)[i] = value != 0.0f ? 1 : 0;
    return;
  case DType::UI8:
    static_cast<uint8_t *>(data)[i] = saturateToInt<uint8_t>(value);
    return;
  case DType::I4: {
    // Truncate toward zero and saturate to i4's [-8, 7].
    int8_t wide = saturateToInt<int8_t>(value);
    wide = wide < -8 ? -8 : wide > 7 ? 7 : wide;
    storeNibble(data, i, static_cast<uint8_t>(wide));
    return;
  }
  case DType::F8E4M3FN:
    static_cast<uint8_t *>(data)[i] = floatToF8E4M3FN(value);
    return;
  case DType::F4E2M1FN:
    storeNibble(data, i, floatToF4E2M1FN(value));
    return;
  }
}

inline void storeInt(DType type, void *data, int64_t i, int64_t value) {
  switch (type) {
  case DType::I32:
    static_cast<int32_t *>(data)[i] =
        static_cast<int32_t>(static_cast<uint32_t>(value));
    return;
  case DType::I64:
    static_cast<int64_t *>(data)[i] = value;
    return;
  case DType::I8:
    static_cast<int8_t *>(data)[i] =
        static_cast<int8_t>(static_cast<uint8_t>(value));
    return;
  case DType::I1:
    static_cast<uint8_t *>(data)[i] = value != 0 ? 1 : 0;
    return;
  case DType::UI8:
    static_cast<uint8_t *>(data)[i] = static_cast<uint8_t>(value);
    return;
  case DType::I4:
    storeNibble(data, i, static_cast<uint8_t>(value));
    return;
  default:
    storeFloat(type, data, i, static_cast<float>(value));
    return;
  }
}

/// The element size copyElement takes for `type`: its bytes, or 0 for the
/// packed types (I4, F4E2M1FN), whose elements are moved nibble by nibble.
inline int64_t copySize(DType type) {
  return isPacked(type) ? 0 : dtypeSize(type);
}

/// Copies element `from` of `src` to element `to` of `dst` (same dtype);
/// `elementSize`
/// comes from copySize (0: packed nibbles, the other nibble kept).
inline void copyElement(void *dst, int64_t to, const void *src, int64_t from,
                        int64_t elementSize) {
  if (elementSize == 0)
    return storeNibble(dst, to, loadNibble(src, from));
  std::memcpy(static_cast<uint8_t *>(dst) + to * elementSize,
              static_cast<const uint8_t *>(src) + from * elementSize,
              static_cast<size_t>(elementSize));
}

/// Checks that `perm` is a permutation of [0, rank).
inline void checkPermutation(const Shape &perm, size_t rank, const char *what) {
  if (perm.size() != rank)
    fail(what, " has ", perm.size(), " entries, expected ", rank);
  std::vector<bool> seen(rank, false);
  for (int64_t p : perm) {
    if (p < 0 || static_cast<size_t>(p) >= rank || seen[p])
      fail(what, " ", shapeText(perm), " is not a permutation of 0..",
           static_cast<int64_t>(rank) - 1);
    seen[p] = true;
  }
}

/// Moves elements so that result dim i is source dim perm[i]; both dense.
inline void permuteInto(const void *src, const Shape &srcShape, void *dst,
                        const Shape &perm, int64_t elementSize) {
  Shape srcStrides = rowMajorStrides(srcShape);
  Shape dstShape(perm.size()), strides(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    dstShape[i] = srcShape[perm[i]];
    strides[i] = srcStrides[perm[i]];
  }
  forEachIndex<1>(dstShape, {strides}, [&](int64_t linear, const auto &off) {
    copyElement(dst, linear, src, off[0], elementSize);
  });
}

} // namespace ref
} // namespace kiln

#endif // KILN_LIB_RUNTIME_KERNELS_REFERENCE_COMMON_H
