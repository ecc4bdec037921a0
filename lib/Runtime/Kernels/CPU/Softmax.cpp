//===- Softmax.cpp - `softmax` over any axis, vectorized and threaded -----===//
//
// Rows along the last axis are processed one at a time in f32 (max, exp and
// sum in one pass, scale); another axis is processed one outer slice at a
// time with the inner dims as the vector lanes. A row with a NaN, or whose
// maximum is infinite, is NaN, as in the reference kernel.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"
#include "VectorMath.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <cmath>
#include <limits>
#include <vector>

namespace kiln::cpu {
namespace {

thread_local std::vector<float> tlsRow, tlsColumns;

float *grow(std::vector<float> &buffer, int64_t n) {
  if (static_cast<int64_t>(buffer.size()) < n)
    buffer.resize(static_cast<size_t>(n));
  return buffer.data();
}

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// Softmax of one contiguous row held in `row` (f32), in place.
void softmaxRow(Isa isa, float *row, int64_t length) {
  bool sawNaN = false;
  float max = maxOf(row, length, sawNaN);
  if (sawNaN || std::isinf(max)) {
    for (int64_t j = 0; j < length; ++j)
      row[j] = kNaN;
    return;
  }
  float scale = 1.0f / expShiftSum(isa, row, length, max);
  for (int64_t j = 0; j < length; ++j)
    row[j] *= scale;
}

/// Softmax along the middle dim of one [length, inner] slice, in place.
void softmaxColumns(Isa isa, float *slice, int64_t length, int64_t inner) {
  float *stats = grow(tlsColumns, 2 * inner);
  float *max = stats, *sum = stats + inner;
  for (int64_t i = 0; i < inner; ++i)
    max[i] = -std::numeric_limits<float>::infinity(), sum[i] = 0.0f;
  for (int64_t j = 0; j < length; ++j) {
    const float *row = slice + j * inner;
    for (int64_t i = 0; i < inner; ++i)
      max[i] = (row[i] > max[i] || row[i] != row[i] || max[i] != max[i])
                   ? (max[i] != max[i] ? max[i] : row[i])
                   : max[i];
  }
  for (int64_t j = 0; j < length; ++j) {
    float *row = slice + j * inner;
    for (int64_t i = 0; i < inner; ++i)
      row[i] -= max[i];
  }
  expShiftSum(isa, slice, length * inner, 0.0f);
  for (int64_t j = 0; j < length; ++j) {
    const float *row = slice + j * inner;
    for (int64_t i = 0; i < inner; ++i)
      sum[i] += row[i];
  }
  for (int64_t i = 0; i < inner; ++i)
    sum[i] = (std::isnan(max[i]) || std::isinf(max[i])) ? kNaN : 1.0f / sum[i];
  for (int64_t j = 0; j < length; ++j) {
    float *row = slice + j * inner;
    for (int64_t i = 0; i < inner; ++i)
      row[i] = std::isnan(sum[i]) ? kNaN : row[i] * sum[i];
  }
}

} // namespace

bool softmaxSupports(DType operand, DType result) {
  return operand == result && gemmSupportsType(operand);
}

void softmax(const TensorView &x, int64_t axis, const TensorView &r,
             ThreadPool *threads, Isa isa) {
  if (!softmaxSupports(x.dtype, r.dtype))
    fail("softmax (cpu): element types ", dtypeName(x.dtype), " -> ",
         dtypeName(r.dtype),
         " are not supported; expected equal f32, f16 or bf16");
  if (x.shape != r.shape)
    fail("softmax: operand type ", describeType(x.dtype, x.shape),
         " and result type ", describeType(r.dtype, r.shape), " must match");
  if (axis < 0 || static_cast<size_t>(axis) >= x.shape.size())
    fail("softmax: axis ", axis, " is out of range for operand ",
         describeType(x.dtype, x.shape));
  int64_t outer = 1, inner = 1, length = x.shape[axis];
  for (int64_t d = 0; d < axis; ++d)
    outer *= x.shape[d];
  for (size_t d = axis + 1; d < x.shape.size(); ++d)
    inner *= x.shape[d];
  if (outer == 0 || inner == 0 || length == 0)
    return;
  const DType dtype = x.dtype;
  const bool direct = dtype == DType::F32;
  const int64_t slice = length * inner;
  // Each unit: one row (inner == 1) or one [length, inner] slice.
  auto body = [&](int64_t u0, int64_t u1) {
    for (int64_t u = u0; u < u1; ++u) {
      float *buffer = direct ? static_cast<float *>(r.data) + u * slice
                             : grow(tlsRow, slice);
      loadRow(dtype, x.data, u * slice, slice, buffer);
      if (inner == 1)
        softmaxRow(isa, buffer, length);
      else
        softmaxColumns(isa, buffer, length, inner);
      if (!direct)
        storeRow(dtype, buffer, slice, r.data, u * slice);
    }
  };
  if (threads && outer > 1 && outer * slice >= (1 << 14))
    threads->parallelFor(outer, body);
  else
    body(0, outer);
}

} // namespace kiln::cpu
