//===- Pooling.cpp - Reference `pooling` kernel ---------------------------===//
//
// Slides a `window` over the spatial dims of x ([N, C, spatial...], one to
// three spatial dims) with steps of `stride`, after `pre_padding` and
// `post_padding`; each output element reduces the window that starts at
// o * stride - pre:
//
//   kMAX               the largest input element in the window (padding
//                      never wins; NaN propagates);
//   kAVERAGE           sum / count, where count is the window volume, or
//                      the number of input (non-padding) elements when
//                      `exclude_padding` is 1;
//   kMAX_AVERAGE_BLEND blend * max + (1 - blend) * average.
//
// A window that covers only padding has no input element and yields 0.
// Floats are reduced in f64 and rounded once to the storage type; i8 rounds
// the average half to even and saturates.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>

namespace kiln {
namespace {

using namespace ref;

enum class Kind { Max, Average, Blend };

Kind parseKind(const StepDesc &step) {
  const std::string &type = getStringAttr(step, "type");
  if (type == "kMAX")
    return Kind::Max;
  if (type == "kAVERAGE")
    return Kind::Average;
  if (type == "kMAX_AVERAGE_BLEND")
    return Kind::Blend;
  fail("attribute 'type' must be kMAX, kAVERAGE or kMAX_AVERAGE_BLEND, got '",
       type, "'");
}

Shape windowAttr(const StepDesc &step, const char *name, size_t spatial,
                 int64_t minimum) {
  const Shape &values = getIntsAttr(step, name);
  if (values.size() != spatial)
    fail("attribute '", name, "' has ", values.size(), " entries, expected ",
         spatial, " (one per spatial dim)");
  for (int64_t v : values)
    if (v < minimum)
      fail("attribute '", name, "' entries must be at least ", minimum,
           ", got ", shapeText(values));
  return values;
}

void poolingKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const StepDesc &step = ctx.step;
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  if (x.dtype != DType::F32 && x.dtype != DType::F16 &&
      x.dtype != DType::BF16 && x.dtype != DType::I8)
    fail("input has type ", typeOf(x),
         "; pooling supports f32, f16, bf16 and i8");
  expectSameDType(x, r, "input", "result");
  const size_t rank = x.shape.size();
  if (rank < 3 || rank > 5)
    fail("input has type ", typeOf(x),
         "; expected rank 3, 4 or 5 ([N, C] and 1 to 3 spatial dims)");
  const size_t spatial = rank - 2;

  const Kind kind = parseKind(step);
  const Shape window = windowAttr(step, "window", spatial, 1);
  const Shape stride = windowAttr(step, "stride", spatial, 1);
  const Shape pre = windowAttr(step, "pre_padding", spatial, 0);
  const Shape post = windowAttr(step, "post_padding", spatial, 0);
  const double blend = kind == Kind::Blend ? getFloatAttr(step, "blend_factor")
                                           : (kind == Kind::Max ? 1.0 : 0.0);
  const bool excludePadding =
      kind != Kind::Max && getIntAttr(step, "exclude_padding", 0) != 0;

  Shape want = {x.shape[0], x.shape[1]};
  Shape in(x.shape.begin() + 2, x.shape.end());
  for (size_t d = 0; d < spatial; ++d) {
    int64_t padded = in[d] + pre[d] + post[d];
    if (padded < window[d])
      fail("padded input size ", padded, " along spatial dim ", d,
           " is smaller than the window (", window[d], ")");
    want.push_back((padded - window[d]) / stride[d] + 1);
  }
  if (r.shape != want)
    fail("result has type ", typeOf(r), ", expected ",
         describeType(r.dtype, want), " for input ", typeOf(x));

  const Shape out(want.begin() + 2, want.end());
  const Shape inStrides = rowMajorStrides(in);
  const int64_t inPlane = product(in), outPlane = product(out);
  const int64_t planes = x.shape[0] * x.shape[1];
  const double volume = static_cast<double>(product(window));

  Shape o(spatial), t(spatial);
  for (int64_t plane = 0; plane < planes; ++plane) {
    const int64_t inBase = plane * inPlane;
    for (int64_t linear = 0; linear < outPlane; ++linear) {
      // Output coordinates of `linear`.
      int64_t rest = linear;
      for (size_t d = spatial; d-- > 0;) {
        o[d] = rest % out[d];
        rest /= out[d];
      }
      double maximum = -std::numeric_limits<double>::infinity();
      double sum = 0.0;
      int64_t count = 0;
      bool nan = false;
      // Walk the window: t counts up like an odometer.
      std::fill(t.begin(), t.end(), 0);
      for (bool more = true; more;) {
        int64_t offset = 0;
        bool inside = true;
        for (size_t d = 0; d < spatial; ++d) {
          int64_t i = o[d] * stride[d] - pre[d] + t[d];
          inside = inside && i >= 0 && i < in[d];
          offset += i * inStrides[d];
        }
        if (inside) {
          double v = x.dtype == DType::I8
                         ? static_cast<double>(loadInt(x.dtype, x.data,
                                                       inBase + offset))
                         : loadFloat(x.dtype, x.data, inBase + offset);
          nan = nan || std::isnan(v);
          maximum = std::max(maximum, v);
          sum += v;
          ++count;
        }
        more = false;
        for (size_t d = spatial; d-- > 0;) {
          if (++t[d] < window[d]) {
            more = true;
            break;
          }
          t[d] = 0;
        }
      }

      double value = 0.0;
      if (nan) {
        value = std::numeric_limits<double>::quiet_NaN();
      } else if (count > 0) {
        double average = sum / (excludePadding ? count : volume);
        if (kind == Kind::Max)
          value = maximum;
        else if (kind == Kind::Average)
          value = average;
        else
          value = blend * maximum + (1.0 - blend) * average;
      }
      const int64_t index = plane * outPlane + linear;
      if (r.dtype == DType::I8)
        static_cast<int8_t *>(r.data)[index] =
            saturateToInt<int8_t>(std::nearbyint(value));
      else
        storeFloat(r.dtype, r.data, index, static_cast<float>(value));
    }
  }
}

} // namespace

void registerPoolingKernels(KernelRegistry &registry) {
  registry.add("pooling", poolingKernel);
}

} // namespace kiln
