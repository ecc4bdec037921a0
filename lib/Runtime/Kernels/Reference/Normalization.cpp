//===- Normalization.cpp - normalization, ragged_softmax, parametric_relu -===//
//
// `normalization`: (x - mean) / sqrt(variance + eps) * scale + bias, with the
// mean and the (biased, population) variance over `axes`, both computed in
// double in two passes (mean first, then squared deviations), so there is no
// cancellation. scale and bias broadcast to the input. With num_groups = G > 1
// the C channels of dim 1 split into G consecutive groups of C/G; the
// statistics of a group span its channels and every dim after them, and
// scale and bias hold one value per group ([1, G, 1, ...]), as TensorRT's
// INormalizationLayer does.
//
// `ragged_softmax`: softmax over the first `bounds` elements of each row of
// the last dim (bounds clamped to [0, S]); the elements after them are 0.
//
// `parametric_relu`: x > 0 ? x : slope * x, slope broadcast. For i8 the
// product is exact and saturates to [-128, 127].
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>

namespace kiln {
namespace {

using namespace ref;

void normalizationKernel(const KernelContext &ctx) {
  expectCounts(ctx, 3, 3, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  const std::vector<int64_t> &axes = getIntsAttr(ctx.step, "axes");
  double eps = getFloatAttr(ctx.step, "eps", 1e-5);
  int64_t groups = getIntAttr(ctx.step, "num_groups", 1);
  expectSameDType(x, ctx.operands[1], "operand", "scale");
  expectSameDType(x, ctx.operands[2], "operand", "bias");
  expectSameDType(x, r, "operand", "result");
  if (!isFloat(x.dtype))
    fail("normalization needs a float operand, got ", typeOf(x));
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must match");
  const size_t rank = x.shape.size();
  if (axes.empty())
    fail("normalization needs at least one axis");
  for (int64_t axis : axes)
    if (axis < 0 || static_cast<size_t>(axis) >= rank)
      fail("normalization axis ", axis, " is out of range for operand ",
           typeOf(x));
  if (groups < 1)
    fail("num_groups must be at least 1, got ", groups);

  // The shape walked, the reduced dims of it, and scale/bias seen in it.
  Shape shape = x.shape;
  std::vector<bool> reduced(rank, false);
  TensorView scale = ctx.operands[1], bias = ctx.operands[2];
  if (groups > 1) {
    if (rank < 3)
      fail("num_groups = ", groups, " needs an operand of rank 3 or more, got ",
           typeOf(x));
    for (size_t d = 2; d < rank; ++d)
      if (std::count(axes.begin(), axes.end(), int64_t(d)) != 1)
        fail("num_groups = ", groups, " needs axes [2, ..., ", rank - 1,
             "], got ", shapeText(axes));
    if (axes.size() != rank - 2)
      fail("num_groups = ", groups, " needs axes [2, ..., ", rank - 1,
           "], got ", shapeText(axes));
    if (x.shape[1] % groups != 0)
      fail("num_groups (", groups, ") does not divide the ", x.shape[1],
           " channels of ", typeOf(x));
    Shape perGroup(rank, 1);
    perGroup[1] = groups;
    for (const TensorView *param : {&scale, &bias})
      if (param->shape != perGroup)
        fail(param == &scale ? "scale" : "bias", " has type ", typeOf(*param),
             ", expected shape ", shapeText(perGroup),
             " (one value per group)");
    // [N, C, rest...] -> [N, G, C/G, rest...], reducing dims 2 and after.
    shape.insert(shape.begin() + 2, x.shape[1] / groups);
    shape[1] = groups;
    reduced.assign(shape.size(), true);
    reduced[0] = reduced[1] = false;
    scale.shape.insert(scale.shape.begin() + 2, 1);
    bias.shape.insert(bias.shape.begin() + 2, 1);
  } else {
    for (int64_t axis : axes)
      reduced[axis] = true;
  }

  Shape statStrides(shape.size(), 0);
  int64_t statCount = 1, groupSize = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    if (reduced[d]) {
      groupSize *= shape[d];
      continue;
    }
    statStrides[d] = statCount;
    statCount *= shape[d];
  }
  Shape scaleStrides = broadcastStrides(scale, shape, "scale");
  Shape biasStrides = broadcastStrides(bias, shape, "bias");

  std::vector<double> mean(static_cast<size_t>(statCount), 0.0);
  std::vector<double> variance(static_cast<size_t>(statCount), 0.0);
  forEachIndex<1>(shape, {statStrides}, [&](int64_t i, const auto &off) {
    mean[off[0]] += loadFloat(x.dtype, x.data, i);
  });
  for (double &m : mean)
    m /= static_cast<double>(groupSize);
  forEachIndex<1>(shape, {statStrides}, [&](int64_t i, const auto &off) {
    double deviation = loadFloat(x.dtype, x.data, i) - mean[off[0]];
    variance[off[0]] += deviation * deviation;
  });
  for (double &v : variance)
    v /= static_cast<double>(groupSize);

  forEachIndex<3>(shape, {statStrides, scaleStrides, biasStrides},
                  [&](int64_t i, const auto &off) {
                    double v = loadFloat(x.dtype, x.data, i);
                    double normalized = (v - mean[off[0]]) /
                                        std::sqrt(variance[off[0]] + eps);
                    double out =
                        normalized * loadFloat(scale.dtype, scale.data, off[1]) +
                        loadFloat(bias.dtype, bias.data, off[2]);
                    storeFloat(r.dtype, r.data, i, static_cast<float>(out));
                  });
}

void raggedSoftmaxKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &bounds = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  expectSameDType(x, r, "operand", "result");
  if (!isFloat(x.dtype))
    fail("ragged_softmax needs a float operand, got ", typeOf(x));
  if (bounds.dtype != DType::I32)
    fail("bounds has type ", typeOf(bounds), ", expected i32 elements");
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must match");
  if (x.shape.empty())
    fail("ragged_softmax needs an operand of rank 1 or more, got ", typeOf(x));
  Shape boundsShape = x.shape;
  boundsShape.back() = 1;
  if (bounds.shape != boundsShape)
    fail("bounds has type ", typeOf(bounds), ", expected shape ",
         shapeText(boundsShape), " (the input's with a last dim of 1)");

  const int64_t length = x.shape.back();
  const int64_t rows = length == 0 ? 0 : x.numElements() / length;
  std::vector<double> row(static_cast<size_t>(length));
  for (int64_t i = 0; i < rows; ++i) {
    int64_t base = i * length;
    int64_t valid = std::clamp<int64_t>(bounds.as<int32_t>()[i], 0, length);
    double maxValue = -INFINITY;
    bool sawNaN = false;
    for (int64_t j = 0; j < valid; ++j) {
      row[j] = loadFloat(x.dtype, x.data, base + j);
      sawNaN = sawNaN || std::isnan(row[j]);
      maxValue = std::max(maxValue, row[j]);
    }
    double sum = 0.0;
    for (int64_t j = 0; j < valid; ++j) {
      row[j] = std::exp(row[j] - maxValue);
      sum += row[j];
    }
    for (int64_t j = 0; j < length; ++j) {
      double value = j >= valid ? 0.0 : sawNaN ? NAN : row[j] / sum;
      storeFloat(r.dtype, r.data, base + j, static_cast<float>(value));
    }
  }
}

void parametricReluKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &slope = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  expectSameDType(x, slope, "operand", "slope");
  expectSameDType(x, r, "operand", "result");
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must match");
  if (!isFloat(x.dtype) && x.dtype != DType::I8)
    fail("parametric_relu needs a float or i8 operand, got ", typeOf(x));
  Shape slopeStrides = broadcastStrides(slope, x.shape, "slope");
  forEachIndex<1>(x.shape, {slopeStrides}, [&](int64_t i, const auto &off) {
    if (isFloat(x.dtype)) {
      float v = loadFloat(x.dtype, x.data, i);
      float out = v > 0.0f ? v : loadFloat(slope.dtype, slope.data, off[0]) * v;
      storeFloat(r.dtype, r.data, i, out);
      return;
    }
    int64_t v = loadInt(x.dtype, x.data, i);
    int64_t out = v > 0 ? v : loadInt(slope.dtype, slope.data, off[0]) * v;
    storeInt(r.dtype, r.data, i, std::clamp<int64_t>(out, INT8_MIN, INT8_MAX));
  });
}

} // namespace

void registerNormalizationKernels(KernelRegistry &registry) {
  registry.add("normalization", normalizationKernel);
  registry.add("ragged_softmax", raggedSoftmaxKernel);
  registry.add("parametric_relu", parametricReluKernel);
}

} // namespace kiln
