//===- Normalization.cpp - layer/instance/group `normalization` -----------===//
//
// The reduced axes must be the trailing dims (layer norm over the last dims,
// instance norm over the spatial dims, group norm with num_groups), so each
// statistic covers one contiguous row. Scale and bias must vary either only
// along the row (layer norm's [1, ..., D]) or only across rows (instance
// norm's [1, C, 1, 1], group norm's [1, G, 1, ...]); they are expanded to a
// per-position or per-row vector once per call. Mean and variance are two
// passes in double, as the reference computes them.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"
#include "VectorMath.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiln::cpu {
namespace {

using Shape = std::vector<int64_t>;

/// Rows and row length of the statistics, and how scale/bias vary.
struct Layout {
  int64_t rows = 0, length = 0;
  size_t firstReduced = 0;     // groups == 1: first reduced dim
  bool scalePerRow = false, biasPerRow = false;
};

bool paramOnlyIn(const Shape &param, const Shape &x, size_t begin, size_t end) {
  for (size_t d = 0; d < x.size(); ++d) {
    bool inside = d >= begin && d < end;
    if (param[d] != 1 && (!inside || param[d] != x[d]))
      return false;
  }
  return true;
}

/// Why the fast path cannot take this normalization, or "" when it can.
std::string whyNot(const TensorView &x, const TensorView &scale,
                   const TensorView &bias, const std::vector<int64_t> &axes,
                   int64_t groups, Layout &layout) {
  const size_t rank = x.shape.size();
  if (x.dtype != scale.dtype || x.dtype != bias.dtype ||
      !gemmSupportsType(x.dtype))
    return "element types must be equal f32, f16 or bf16";
  if (axes.empty())
    return "normalization needs at least one axis";
  if (scale.shape.size() != rank || bias.shape.size() != rank)
    return "scale and bias must have the operand's rank";
  Shape sorted = axes;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i)
    if (sorted[i] != static_cast<int64_t>(rank - sorted.size() + i))
      return "the reduced axes must be the trailing dims";
  if (groups < 1)
    return "num_groups must be at least 1";
  int64_t count = 1;
  for (int64_t dim : x.shape)
    count *= dim;
  if (groups > 1) {
    if (rank < 3 || sorted.front() != 2 || x.shape[1] % groups != 0)
      return "num_groups needs axes [2, ...] and a channel count it divides";
    Shape perGroup(rank, 1);
    perGroup[1] = groups;
    if (scale.shape != perGroup || bias.shape != perGroup)
      return "num_groups needs scale and bias of one value per group";
    layout.rows = x.shape[0] * groups;
    layout.scalePerRow = layout.biasPerRow = true;
  } else {
    layout.firstReduced = rank - sorted.size();
    layout.rows = 1;
    for (size_t d = 0; d < layout.firstReduced; ++d)
      layout.rows *= x.shape[d];
    for (const TensorView *param : {&scale, &bias}) {
      bool perRow = param == &scale ? layout.scalePerRow : layout.biasPerRow;
      if (paramOnlyIn(param->shape, x.shape, layout.firstReduced, rank))
        perRow = false;
      else if (paramOnlyIn(param->shape, x.shape, 0, layout.firstReduced))
        perRow = true;
      else
        return "scale and bias must vary only along or only across the "
               "normalized dims";
      (param == &scale ? layout.scalePerRow : layout.biasPerRow) = perRow;
    }
  }
  layout.length = layout.rows == 0 ? 0 : count / layout.rows;
  return "";
}

/// Expands `param` (broadcast over x's dims [begin, end)) to a dense vector
/// over those dims.
void expand(const TensorView &param, const Shape &x, size_t begin, size_t end,
            std::vector<float> &out) {
  Shape dims(x.begin() + begin, x.begin() + end);
  Shape strides(dims.size(), 0);
  int64_t stride = 1;
  for (size_t d = param.shape.size(); d-- > 0;) {
    if (d >= begin && d < end && param.shape[d] != 1)
      strides[d - begin] = stride;
    stride *= param.shape[d];
  }
  int64_t count = 1;
  for (int64_t dim : dims)
    count *= dim;
  out.resize(static_cast<size_t>(count));
  Shape index(dims.size(), 0);
  for (int64_t i = 0; i < count; ++i) {
    int64_t offset = 0;
    for (size_t d = 0; d < dims.size(); ++d)
      offset += index[d] * strides[d];
    float value;
    loadRow(param.dtype, param.data, offset, 1, &value);
    out[i] = value;
    for (size_t d = dims.size(); d-- > 0;) {
      if (++index[d] < dims[d])
        break;
      index[d] = 0;
    }
  }
}

thread_local std::vector<float> tlsRow;

} // namespace

bool normalizationSupports(const TensorView &x, const TensorView &scale,
                           const TensorView &bias,
                           const std::vector<int64_t> &axes, int64_t groups) {
  Layout layout;
  return whyNot(x, scale, bias, axes, groups, layout).empty();
}

void normalization(const TensorView &x, const TensorView &scale,
                   const TensorView &bias, const std::vector<int64_t> &axes,
                   double eps, int64_t groups, const TensorView &r,
                   ThreadPool *threads) {
  Layout layout;
  std::string reason = whyNot(x, scale, bias, axes, groups, layout);
  if (!reason.empty())
    fail("normalization (cpu): ", reason, "; got operand ",
         describeType(x.dtype, x.shape), ", scale ",
         describeType(scale.dtype, scale.shape), ", bias ",
         describeType(bias.dtype, bias.shape));
  if (r.shape != x.shape || r.dtype != x.dtype)
    fail("normalization: operand type ", describeType(x.dtype, x.shape),
         " and result type ", describeType(r.dtype, r.shape), " must match");
  if (layout.rows == 0 || layout.length == 0)
    return;
  const size_t rank = x.shape.size();
  std::vector<float> scales, biases;
  Shape rowDims = x.shape; // the dims that index rows
  if (groups > 1) {
    rowDims = {x.shape[0], groups};
    TensorView s = scale, b = bias;
    s.shape = {1, groups};
    b.shape = {1, groups};
    expand(s, rowDims, 0, 2, scales);
    expand(b, rowDims, 0, 2, biases);
  } else {
    size_t split = layout.firstReduced;
    if (layout.scalePerRow)
      expand(scale, x.shape, 0, split, scales);
    else
      expand(scale, x.shape, split, rank, scales);
    if (layout.biasPerRow)
      expand(bias, x.shape, 0, split, biases);
    else
      expand(bias, x.shape, split, rank, biases);
  }
  const int64_t length = layout.length;
  const DType dtype = x.dtype;
  const bool direct = dtype == DType::F32;
  auto body = [&](int64_t r0, int64_t r1) {
    for (int64_t row = r0; row < r1; ++row) {
      float *v = direct ? static_cast<float *>(r.data) + row * length
                        : (tlsRow.resize(std::max<size_t>(tlsRow.size(), length)),
                           tlsRow.data());
      loadRow(dtype, x.data, row * length, length, v);
      double sum = 0.0;
      for (int64_t j = 0; j < length; ++j)
        sum += v[j];
      const double mean = sum / static_cast<double>(length);
      double squares = 0.0;
      for (int64_t j = 0; j < length; ++j) {
        double d = v[j] - mean;
        squares += d * d;
      }
      const float rstd = static_cast<float>(
          1.0 / std::sqrt(squares / static_cast<double>(length) + eps));
      const float m = static_cast<float>(mean);
      const float *sv = layout.scalePerRow ? nullptr : scales.data();
      const float *bv = layout.biasPerRow ? nullptr : biases.data();
      const float s = layout.scalePerRow ? scales[row] : 0.0f;
      const float b = layout.biasPerRow ? biases[row] : 0.0f;
      for (int64_t j = 0; j < length; ++j)
        v[j] = (v[j] - m) * rstd * (sv ? sv[j] : s) + (bv ? bv[j] : b);
      if (!direct)
        storeRow(dtype, v, length, r.data, row * length);
    }
  };
  if (threads && layout.rows > 1 && layout.rows * length >= (1 << 14))
    threads->parallelFor(layout.rows, body);
  else
    body(0, layout.rows);
}

} // namespace kiln::cpu
