//===- Resize.cpp - Reference `resize_nearest/linear/cubic` kernels -------===//
//
// IResizeLayer. Every resized dim maps output coordinate y to an input
// coordinate x (computed in f32, like TensorRT and PyTorch), with
// s = 1 / scales[d] when `scales` is given, else in / out:
//   kALIGN_CORNERS  x = y * (in - 1) / (out - 1)   (x = 0 when out == 1)
//   kASYMMETRIC     x = y * s
//   kHALF_PIXEL     x = (y + 0.5) * s - 0.5
// An output dim of size 1 reads x = 0 under selector kUPPER.
// Each output element is a weighted sum over "taps" (input index, weight)
// per dim, indices clamped to [0, in - 1] (edge replication):
//   nearest  one tap: x rounded by `nearest_rounding` (kHALF_UP floor(x+.5),
//            kHALF_DOWN ceil(x-.5), kFLOOR, kCEIL); copies the element
//   linear   two taps floor(x), floor(x)+1 with x first clamped to >= 0
//   cubic    four taps floor(x)-1 .. floor(x)+2 with Keys' cubic kernel of
//            coefficient A = `cubic_coeff`
// A coordinate that falls exactly on a pixel reads only that pixel (so an
// Inf or NaN next to it does not leak in through a zero weight).
// Nearest and linear resize the 3 innermost dims, cubic the 2 innermost;
// other dims must keep their size. Linear/cubic accumulate in f64 and round
// once to the result type (integers: to nearest, ties to even, saturated).
//
//===----------------------------------------------------------------------===//
#include "Common.h"
#include "Indexing.h"

namespace kiln {
namespace {

using namespace ref;

enum class Interpolation { Nearest, Linear, Cubic };

struct Tap {
  int64_t index;
  double weight;
};

float inputCoordinate(const std::string &transform, bool upperSelector,
                      int64_t y, int64_t in, int64_t out, const double *scale) {
  if (out == 1 && upperSelector)
    return 0.0f;
  if (transform == "kALIGN_CORNERS") {
    if (out == 1)
      return 0.0f;
    float step = static_cast<float>(in - 1) / static_cast<float>(out - 1);
    return step * static_cast<float>(y);
  }
  float step = scale ? static_cast<float>(1.0 / *scale)
                     : static_cast<float>(in) / static_cast<float>(out);
  if (transform == "kASYMMETRIC")
    return step * static_cast<float>(y);
  if (transform == "kHALF_PIXEL")
    return step * (static_cast<float>(y) + 0.5f) - 0.5f;
  fail("unknown coordinate transformation '", transform, "'");
}

int64_t roundNearest(const std::string &mode, float x) {
  if (mode == "kHALF_UP")
    return static_cast<int64_t>(std::floor(x + 0.5f));
  if (mode == "kHALF_DOWN")
    return static_cast<int64_t>(std::ceil(x - 0.5f));
  if (mode == "kFLOOR")
    return static_cast<int64_t>(std::floor(x));
  if (mode == "kCEIL")
    return static_cast<int64_t>(std::ceil(x));
  fail("unknown nearest rounding '", mode, "'");
}

/// Keys' cubic convolution kernel with coefficient a, at distance t >= 0.
double cubicWeight(double t, double a) {
  if (t <= 1.0)
    return ((a + 2.0) * t - (a + 3.0)) * t * t + 1.0;
  if (t < 2.0)
    return ((a * t - 5.0 * a) * t + 8.0 * a) * t - 4.0 * a;
  return 0.0;
}

int64_t clampIndex(int64_t i, int64_t in) {
  return i < 0 ? 0 : (i >= in ? in - 1 : i);
}

std::vector<Tap> tapsFor(Interpolation kind, const StepDesc &step, float x,
                         int64_t in) {
  switch (kind) {
  case Interpolation::Nearest:
    return {{clampIndex(roundNearest(getStringAttr(step, "nearest_rounding"),
                                     x),
                        in),
             1.0}};
  case Interpolation::Linear: {
    if (x < 0.0f)
      x = 0.0f;
    int64_t i0 = clampIndex(static_cast<int64_t>(std::floor(x)), in);
    double t = static_cast<double>(x) - static_cast<double>(i0);
    if (i0 == in - 1 || t == 0.0)
      return {{i0, 1.0}};
    return {{i0, 1.0 - t}, {i0 + 1, t}};
  }
  case Interpolation::Cubic: {
    double a = getFloatAttr(step, "cubic_coeff");
    int64_t i = static_cast<int64_t>(std::floor(x));
    double t = static_cast<double>(x) - static_cast<double>(i);
    if (t == 0.0)
      return {{clampIndex(i, in), 1.0}};
    return {{clampIndex(i - 1, in), cubicWeight(1.0 + t, a)},
            {clampIndex(i, in), cubicWeight(t, a)},
            {clampIndex(i + 1, in), cubicWeight(1.0 - t, a)},
            {clampIndex(i + 2, in), cubicWeight(2.0 - t, a)}};
  }
  }
  return {};
}

void resize(const KernelContext &ctx, Interpolation kind) {
  expectCounts(ctx, 1, 2, 1);
  const TensorView &x = ctx.operands[0], &r = ctx.results[0];
  expectSameDType(x, r, "input", "result");
  const size_t rank = x.shape.size();
  if (r.shape.size() != rank)
    fail("result ", typeOf(r), " must have the input's rank ", rank);
  if (ctx.operands.size() == 2) {
    const TensorView &shape = ctx.operands[1];
    expectIndexType(shape);
    if (shape.numElements() != static_cast<int64_t>(rank))
      fail("output_shape ", typeOf(shape), " must hold ", rank, " sizes");
    for (size_t d = 0; d < rank; ++d)
      if (loadInt(shape.dtype, shape.data, d) != r.shape[d])
        fail("output_shape holds ", loadInt(shape.dtype, shape.data, d),
             " for dim ", d, " but the result ", typeOf(r), " has ",
             r.shape[d]);
  }
  const std::vector<double> *scales = nullptr;
  if (ctx.step.attrs.count("scales")) {
    scales = std::get_if<std::vector<double>>(&ctx.step.attrs.at("scales"));
    if (!scales || scales->size() != rank)
      fail("scales must hold ", rank, " f64 factors");
  }
  const std::string &transform =
      getStringAttr(ctx.step, "coordinate_transformation");
  const bool upper =
      getStringAttr(ctx.step, "selector_for_single_pixel") == "kUPPER";
  const size_t resized =
      std::min(rank, kind == Interpolation::Cubic ? size_t(2) : size_t(3));

  // taps[d][y]: the input positions and weights output index y reads in dim d.
  std::vector<std::vector<std::vector<Tap>>> taps(rank);
  for (size_t d = 0; d < rank; ++d) {
    const int64_t in = x.shape[d], out = r.shape[d];
    if (d < rank - resized) {
      if (in != out)
        fail("dim ", d, " of input ", typeOf(x), " cannot be resized to ", out,
             " (only the ", resized, " innermost dims are resized)");
      for (int64_t y = 0; y < out; ++y)
        taps[d].push_back({{y, 1.0}});
      continue;
    }
    if (in == 0 && out > 0)
      fail("cannot resize dim ", d, " of size 0 to ", out);
    const double *scale = scales ? &(*scales)[d] : nullptr;
    if (scale && !(*scale > 0.0))
      fail("scale ", *scale, " of dim ", d, " must be positive");
    for (int64_t y = 0; y < out; ++y)
      taps[d].push_back(tapsFor(
          kind, ctx.step, inputCoordinate(transform, upper, y, in, out, scale),
          in));
  }

  const Shape strides = rowMajorStrides(x.shape);
  const int64_t elementSize = copySize(x.dtype);
  const bool isInteger = !isFloat(r.dtype);
  forEachPosition(r.shape, [&](int64_t linear, const Shape &out) {
    if (kind == Interpolation::Nearest) {
      int64_t from = 0;
      for (size_t d = 0; d < rank; ++d)
        from += taps[d][out[d]][0].index * strides[d];
      copyElement(r.data, linear, x.data, from, elementSize);
      return;
    }
    // Sum over every combination of one tap per dim.
    Shape choice(rank, 0);
    double sum = 0.0;
    while (true) {
      int64_t from = 0;
      double weight = 1.0;
      for (size_t d = 0; d < rank; ++d) {
        const Tap &tap = taps[d][out[d]][choice[d]];
        from += tap.index * strides[d];
        weight *= tap.weight;
      }
      sum += weight * static_cast<double>(loadFloat(x.dtype, x.data, from));
      size_t d = rank;
      while (d-- > 0) {
        if (++choice[d] < static_cast<int64_t>(taps[d][out[d]].size()))
          break;
        choice[d] = 0;
      }
      if (d == static_cast<size_t>(-1))
        break;
    }
    if (isInteger)
      sum = std::nearbyint(sum);
    storeFloat(r.dtype, r.data, linear, static_cast<float>(sum));
  });
}

} // namespace

void registerResizeKernels(KernelRegistry &registry) {
  registry.add("resize_nearest", [](const KernelContext &ctx) {
    resize(ctx, Interpolation::Nearest);
  });
  registry.add("resize_linear", [](const KernelContext &ctx) {
    resize(ctx, Interpolation::Linear);
  });
  registry.add("resize_cubic", [](const KernelContext &ctx) {
    resize(ctx, Interpolation::Cubic);
  });
}

} // namespace kiln
