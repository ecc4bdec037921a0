//===- Reduce.cpp - `reduce` over one contiguous block of axes ------------===//
//
// The reduced axes must be consecutive dims [a, b], so the operand is
// [outer, length, inner] and each result element reduces `length` elements
// `inner` apart: the last axis (inner == 1) is a row reduction, an axis in
// the middle a column reduction along contiguous vectors of `inner`
// accumulators. Sums and products accumulate in double, as the reference
// does; max and min are exact in f32 and propagate NaN.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"
#include "VectorMath.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace kiln::cpu {
namespace {

thread_local std::vector<float> tlsRow, tlsOut;
thread_local std::vector<double> tlsAcc;

template <typename T> T *grow(std::vector<T> &buffer, int64_t n) {
  if (static_cast<int64_t>(buffer.size()) < n)
    buffer.resize(static_cast<size_t>(n));
  return buffer.data();
}

/// Reduces rows [o0, o1) of [outer, length, inner] into out[o * inner + i].
void reduceOuter(ReduceOp op, const TensorView &x, int64_t length,
                 int64_t inner, int64_t o0, int64_t o1, const TensorView &r) {
  const bool isSum = op == ReduceOp::Sum || op == ReduceOp::Avg;
  const bool isProd = op == ReduceOp::Prod;
  const bool isMax = op == ReduceOp::Max;
  float *row = grow(tlsRow, inner);
  float *out = grow(tlsOut, inner);
  double *acc = grow(tlsAcc, inner);
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (int64_t o = o0; o < o1; ++o) {
    if (isSum || isProd)
      std::fill(acc, acc + inner, isProd ? 1.0 : 0.0);
    else
      std::fill(out, out + inner, isMax ? -inf : inf);
    for (int64_t j = 0; j < length; ++j) {
      loadRow(x.dtype, x.data, (o * length + j) * inner, inner, row);
      if (isSum) {
        for (int64_t i = 0; i < inner; ++i)
          acc[i] += row[i];
      } else if (isProd) {
        for (int64_t i = 0; i < inner; ++i)
          acc[i] *= row[i];
      } else if (isMax) {
        for (int64_t i = 0; i < inner; ++i)
          out[i] = (out[i] != out[i] || row[i] != row[i]) ? nan
                   : row[i] > out[i]                      ? row[i]
                                                          : out[i];
      } else {
        for (int64_t i = 0; i < inner; ++i)
          out[i] = (out[i] != out[i] || row[i] != row[i]) ? nan
                   : row[i] < out[i]                      ? row[i]
                                                          : out[i];
      }
    }
    if (isSum || isProd) {
      const double divide = op == ReduceOp::Avg ? static_cast<double>(length) : 1.0;
      for (int64_t i = 0; i < inner; ++i)
        out[i] = static_cast<float>(acc[i] / divide);
    }
    storeRow(r.dtype, out, inner, r.data, o * inner);
  }
}

/// Row reductions (inner == 1) of rows [o0, o1).
void reduceRows(ReduceOp op, const TensorView &x, int64_t length, int64_t o0,
                int64_t o1, const TensorView &r) {
  float *row = grow(tlsRow, length);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (int64_t o = o0; o < o1; ++o) {
    loadRow(x.dtype, x.data, o * length, length, row);
    float value;
    if (op == ReduceOp::Sum || op == ReduceOp::Avg) {
      double sum = 0.0;
      for (int64_t j = 0; j < length; ++j)
        sum += row[j];
      value = static_cast<float>(
          op == ReduceOp::Avg ? sum / static_cast<double>(length) : sum);
    } else if (op == ReduceOp::Prod) {
      double prod = 1.0;
      for (int64_t j = 0; j < length; ++j)
        prod *= row[j];
      value = static_cast<float>(prod);
    } else {
      bool sawNaN = false;
      if (op == ReduceOp::Max) {
        value = maxOf(row, length, sawNaN);
      } else {
        float m = std::numeric_limits<float>::infinity();
        for (int64_t j = 0; j < length; ++j) {
          m = row[j] < m ? row[j] : m;
          sawNaN |= row[j] != row[j];
        }
        value = m;
      }
      if (sawNaN)
        value = nan;
    }
    storeRow(r.dtype, &value, 1, r.data, o);
  }
}

} // namespace

bool reduceSupports(DType operand, DType result,
                    const std::vector<int64_t> &axes) {
  if (operand != result || !gemmSupportsType(operand) || axes.empty())
    return false;
  std::vector<int64_t> sorted = axes;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i] != sorted[i - 1] + 1)
      return false;
  return sorted.front() >= 0;
}

void reduce(const TensorView &x, ReduceOp op, const std::vector<int64_t> &axes,
            const TensorView &r, ThreadPool *threads) {
  if (!reduceSupports(x.dtype, r.dtype, axes))
    fail("reduce (cpu): takes equal f32/f16/bf16 types and consecutive axes; "
         "got ",
         describeType(x.dtype, x.shape), " -> ", describeType(r.dtype, r.shape));
  std::vector<int64_t> sorted = axes;
  std::sort(sorted.begin(), sorted.end());
  const int64_t first = sorted.front(), last = sorted.back();
  if (last >= static_cast<int64_t>(x.shape.size()))
    fail("reduce: axis ", last, " is out of range for operand ",
         describeType(x.dtype, x.shape));
  int64_t outer = 1, length = 1, inner = 1;
  for (int64_t d = 0; d < static_cast<int64_t>(x.shape.size()); ++d)
    (d < first ? outer : d <= last ? length : inner) *= x.shape[d];
  if (r.numElements() != outer * inner)
    fail("reduce: result has type ", describeType(r.dtype, r.shape),
         ", which does not hold the ", outer * inner, " reductions of ",
         describeType(x.dtype, x.shape));
  if (outer == 0 || inner == 0)
    return;
  auto body = [&](int64_t o0, int64_t o1) {
    if (inner == 1)
      reduceRows(op, x, length, o0, o1, r);
    else
      reduceOuter(op, x, length, inner, o0, o1, r);
  };
  if (threads && outer > 1 && outer * length * inner >= (1 << 15))
    threads->parallelFor(outer, body);
  else
    body(0, outer);
}

} // namespace kiln::cpu
