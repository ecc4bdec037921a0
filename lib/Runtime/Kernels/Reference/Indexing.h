//===- Indexing.h - Index helpers of gather, scatter and friends -*- C++ -*-===//
//
// Checks and conversions shared by the kernels that read index tensors:
// indices in [-n, n) count from the end when negative; anything else is an
// error raised before a kernel writes its result.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_REFERENCE_INDEXING_H
#define KILN_LIB_RUNTIME_KERNELS_REFERENCE_INDEXING_H

#include "Common.h"

namespace kiln {
namespace ref {

inline void expectIndexType(const TensorView &indices) {
  if (indices.dtype != DType::I32 && indices.dtype != DType::I64)
    fail("indices must be i32 or i64, got ", typeOf(indices));
}

inline void expectResultShape(const TensorView &r, const Shape &expected) {
  if (r.shape != expected)
    fail("result ", typeOf(r), " should have shape ", shapeText(expected));
}

/// Maps index `value` into [0, size), or fails naming position `at`.
inline int64_t normalizeIndex(int64_t value, int64_t size, int64_t at) {
  if (value < -size || value >= size)
    fail("index ", value, " at position ", at,
         " is out of bounds for a dimension of size ", size,
         " (valid: ", -size, " to ", size - 1, ")");
  return value < 0 ? value + size : value;
}

/// Every element of `indices`, checked against `size` and made non-negative.
inline std::vector<int64_t> normalizedIndices(const TensorView &indices,
                                              int64_t size) {
  std::vector<int64_t> out(static_cast<size_t>(indices.numElements()));
  for (int64_t i = 0; i < indices.numElements(); ++i)
    out[i] = normalizeIndex(loadInt(indices.dtype, indices.data, i), size, i);
  return out;
}

/// For index tuples in the last dim of `indices` (gather_nd/scatter_nd):
/// the element offset into a row-major tensor of `shape` of each tuple.
inline std::vector<int64_t> tupleOffsets(const TensorView &indices,
                                         const Shape &shape) {
  const int64_t k = indices.shape.back();
  const Shape strides = rowMajorStrides(shape);
  const int64_t tuples = k == 0 ? 0 : indices.numElements() / k;
  std::vector<int64_t> offsets(static_cast<size_t>(tuples), 0);
  for (int64_t t = 0; t < tuples; ++t)
    for (int64_t j = 0; j < k; ++j) {
      int64_t at = t * k + j;
      offsets[t] += normalizeIndex(loadInt(indices.dtype, indices.data, at),
                                   shape[j], at) *
                    strides[j];
    }
  return offsets;
}

/// gather_elements/scatter_elements: same rank as data, and along every dim
/// but `axis` no larger than data.
inline void expectElementwiseIndices(const TensorView &data,
                                     const TensorView &indices, int64_t axis,
                                     const char *what) {
  const int64_t rank = static_cast<int64_t>(data.shape.size());
  if (axis < 0 || axis >= rank)
    fail("axis ", axis, " is out of range for data ", typeOf(data));
  if (static_cast<int64_t>(indices.shape.size()) != rank)
    fail(what, " ", typeOf(indices), " must have the rank of data ",
         typeOf(data));
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis && indices.shape[d] > data.shape[d])
      fail(what, " ", typeOf(indices), " is larger than data ", typeOf(data),
           " in dim ", d);
}

/// gather_elements/scatter_elements: the linear offset in data of
/// `position`, with its `axis` coordinate replaced by `index`.
inline int64_t elementwiseOffset(const Shape &position, int64_t axis,
                                 int64_t index, const Shape &dataStrides) {
  int64_t offset = 0;
  for (size_t d = 0; d < position.size(); ++d)
    offset += (static_cast<int64_t>(d) == axis ? index : position[d]) *
              dataStrides[d];
  return offset;
}

/// Calls f(linear, position) for every position of `shape` in row-major
/// order, `position` holding the multi-index.
template <typename F> void forEachPosition(const Shape &shape, F &&f) {
  const int64_t count = product(shape);
  Shape position(shape.size(), 0);
  for (int64_t linear = 0; linear < count; ++linear) {
    f(linear, static_cast<const Shape &>(position));
    for (size_t d = shape.size(); d-- > 0;) {
      if (++position[d] < shape[d])
        break;
      position[d] = 0;
    }
  }
}

} // namespace ref
} // namespace kiln

#endif // KILN_LIB_RUNTIME_KERNELS_REFERENCE_INDEXING_H
