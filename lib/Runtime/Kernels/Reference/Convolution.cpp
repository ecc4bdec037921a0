//===- Convolution.cpp - Reference `convolution`/`deconvolution` kernels --===//
//
// Inputs are [N, C, spatial...] with one to three spatial dims; both kernels
// view them as 3-D by prepending unit spatial dims (size 1, window 1,
// stride 1, no padding, dilation 1), so one loop nest serves 1-D to 3-D.
//
// convolution:   r[n, k, o] = bias[k] + sum over c in k's group and window
//                positions t of x[n, c, o * stride - pre + t * dilation]
//                * w[k, c - group start, t]; positions outside x read 0.
// deconvolution: the transpose. Each x[n, c, i] adds x * w[c, k - group
//                start, t] to r[n, k, i * stride - pre + t * dilation] when
//                that index lies inside r (post padding crops the end).
//
// Loops run over (output channel, input channel, window position, output
// row) with an innermost loop along the last spatial dim, which is a
// contiguous axpy for stride 1 that the compiler vectorizes. f16/bf16 are
// computed in f32 and rounded once; i8 (deconvolution) accumulates exactly
// in f64 and saturates to [-128, 127].
//
// A kernel or bias given as an attribute arrives as `kernel_static` (f64
// list, shape `kernel_shape`) / `bias_static`; the step's operands are then
// x followed by whichever of kernel and bias are tensors.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>

namespace kiln {
namespace {

using namespace ref;

constexpr size_t kMaxSpatial = 3;
using Dims = std::array<int64_t, kMaxSpatial>;

int64_t floorDiv(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}
int64_t ceilDiv(int64_t a, int64_t b) { return -floorDiv(-a, b); }

/// A window attribute with one entry per spatial dim, front-filled with
/// `fill` up to three dims. A missing attribute is all `fill` (1 for stride
/// and dilation, 0 for paddings).
Dims windowAttr(const StepDesc &step, const char *name, size_t spatial,
                int64_t minimum, int64_t fill) {
  Dims dims;
  dims.fill(fill);
  if (!step.attrs.count(name))
    return dims;
  const Shape &values = getIntsAttr(step, name);
  if (values.size() != spatial)
    fail("attribute '", name, "' has ", values.size(), " entries, expected ",
         spatial, " (one per spatial dim)");
  for (size_t i = 0; i < spatial; ++i) {
    if (values[i] < minimum)
      fail("attribute '", name, "' entries must be at least ", minimum,
           ", got ", shapeText(values));
    dims[kMaxSpatial - spatial + i] = values[i];
  }
  return dims;
}

/// Spatial dims of `shape` (after [N, C]) front-filled with 1.
Dims spatialDims(const Shape &shape) {
  Dims dims{1, 1, 1};
  size_t spatial = shape.size() - 2;
  for (size_t i = 0; i < spatial; ++i)
    dims[kMaxSpatial - spatial + i] = shape[2 + i];
  return dims;
}

/// A tensor's elements widened to `Acc`.
template <typename Acc> std::vector<Acc> widen(const TensorView &view) {
  std::vector<Acc> values(static_cast<size_t>(view.numElements()));
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = view.dtype == DType::I8
                    ? static_cast<Acc>(loadInt(view.dtype, view.data, i))
                    : static_cast<Acc>(loadFloat(view.dtype, view.data, i));
  return values;
}

struct Problem {
  bool transposed = false;
  int64_t batch = 0, inChannels = 0, outChannels = 0, groups = 1;
  Dims in{}, out{}, window{}, stride{}, pre{}, dilation{};
  Shape kernelShape;
  std::vector<double> kernelStatic, biasStatic;
  const TensorView *kernel = nullptr, *bias = nullptr;
  bool hasBias = false;
};

/// Reads operands and attributes and checks every shape against the others
/// and against the result.
Problem describe(const KernelContext &ctx, bool transposed) {
  const StepDesc &step = ctx.step;
  Problem p;
  p.transposed = transposed;
  bool kernelIsAttr = step.attrs.count("kernel_static") != 0;
  bool biasIsAttr = step.attrs.count("bias_static") != 0;
  size_t expected = 1 + (kernelIsAttr ? 0 : 1);
  expectCounts(ctx, expected, expected + (biasIsAttr ? 0 : 1), 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  const char *kernelName = transposed ? "kernelWeights" : "kernel";

  if (x.dtype != DType::F32 && x.dtype != DType::F16 &&
      x.dtype != DType::BF16 && !(transposed && x.dtype == DType::I8))
    fail("input has type ", typeOf(x), "; ", step.kernel, " supports ",
         transposed ? "f32, f16 and i8" : "f32, f16 and bf16");
  expectSameDType(x, r, "input", "result");
  size_t rank = x.shape.size();
  if (rank < 3 || rank > 5)
    fail("input has type ", typeOf(x),
         "; expected rank 3, 4 or 5 ([N, C] and 1 to 3 spatial dims)");
  size_t spatial = rank - 2;

  if (kernelIsAttr) {
    p.kernelShape = getIntsAttr(step, "kernel_shape");
    const auto &values = step.attrs.at("kernel_static");
    if (!std::holds_alternative<std::vector<double>>(values))
      fail("attribute 'kernel_static' must be a list of floats");
    p.kernelStatic = std::get<std::vector<double>>(values);
    if (static_cast<int64_t>(p.kernelStatic.size()) != product(p.kernelShape))
      fail("attribute 'kernel_static' has ", p.kernelStatic.size(),
           " values but 'kernel_shape' ", shapeText(p.kernelShape), " holds ",
           product(p.kernelShape));
  } else {
    p.kernel = &ctx.operands[1];
    expectSameDType(x, *p.kernel, "input", kernelName);
    p.kernelShape = p.kernel->shape;
  }
  size_t next = kernelIsAttr ? 1 : 2;
  if (biasIsAttr) {
    const auto &values = step.attrs.at("bias_static");
    if (!std::holds_alternative<std::vector<double>>(values))
      fail("attribute 'bias_static' must be a list of floats");
    p.biasStatic = std::get<std::vector<double>>(values);
    p.hasBias = true;
  } else if (ctx.operands.size() > next) {
    p.bias = &ctx.operands[next];
    expectSameDType(x, *p.bias, "input", "bias");
    p.hasBias = true;
  }

  if (p.kernelShape.size() != rank)
    fail(kernelName, " has shape ", shapeText(p.kernelShape), " but input ",
         typeOf(x), " needs a rank-", rank, " kernel");
  p.groups = getIntAttr(step, "num_groups", 1);
  if (p.groups < 1)
    fail("num_groups must be at least 1, got ", p.groups);
  p.batch = x.shape[0];
  p.inChannels = x.shape[1];
  if (p.inChannels % p.groups != 0)
    fail("num_groups (", p.groups, ") does not divide the input channels (",
         p.inChannels, ")");
  if (!transposed) {
    p.outChannels = p.kernelShape[0];
    if (p.outChannels % p.groups != 0)
      fail("num_groups (", p.groups, ") does not divide the output channels (",
           p.outChannels, ")");
    if (p.kernelShape[1] != p.inChannels / p.groups)
      fail(kernelName, " has shape ", shapeText(p.kernelShape),
           "; dimension 1 must be input channels / num_groups = ",
           p.inChannels / p.groups);
  } else {
    if (p.kernelShape[0] != p.inChannels)
      fail(kernelName, " has shape ", shapeText(p.kernelShape),
           "; dimension 0 must be the input channels (", p.inChannels, ")");
    p.outChannels = p.kernelShape[1] * p.groups;
  }
  if (p.hasBias) {
    int64_t count = p.bias ? (p.bias->shape.size() == 1 ? p.bias->shape[0] : -1)
                           : static_cast<int64_t>(p.biasStatic.size());
    if (count != p.outChannels)
      fail("bias has ",
           p.bias ? typeOf(*p.bias) : std::to_string(count) + " values",
           "; expected one value per output channel (", p.outChannels, ")");
  }

  p.in = spatialDims(x.shape);
  p.window = spatialDims(p.kernelShape);
  p.stride = windowAttr(step, "stride", spatial, 1, 1);
  p.pre = windowAttr(step, "pre_padding", spatial, 0, 0);
  Dims post = windowAttr(step, "post_padding", spatial, 0, 0);
  p.dilation = windowAttr(step, "dilation", spatial, 1, 1);
  Shape want = {p.batch, p.outChannels};
  for (size_t d = 0; d < kMaxSpatial; ++d) {
    if (p.window[d] < 1)
      fail(kernelName, " has an empty window ", shapeText(p.kernelShape));
    int64_t dilated = p.dilation[d] * (p.window[d] - 1) + 1;
    int64_t pads = p.pre[d] + post[d];
    int64_t size = transposed ? (p.in[d] - 1) * p.stride[d] + dilated - pads
                              : floorDiv(p.in[d] + pads - dilated, p.stride[d]) + 1;
    size = std::max<int64_t>(size, 0);
    p.out[d] = size;
    if (d >= kMaxSpatial - spatial)
      want.push_back(size);
  }
  if (r.shape != want)
    fail("result has type ", typeOf(r), ", expected ",
         describeType(r.dtype, want), " for input ", typeOf(x), " and ",
         kernelName, " ", shapeText(p.kernelShape));
  return p;
}

template <typename Acc>
std::vector<Acc> kernelValues(const Problem &p) {
  if (!p.kernel)
    return std::vector<Acc>(p.kernelStatic.begin(), p.kernelStatic.end());
  return widen<Acc>(*p.kernel);
}

template <typename Acc> Acc biasValue(const Problem &p, int64_t k) {
  if (!p.hasBias)
    return Acc(0);
  if (p.bias)
    return p.bias->dtype == DType::I8
               ? static_cast<Acc>(loadInt(p.bias->dtype, p.bias->data, k))
               : static_cast<Acc>(loadFloat(p.bias->dtype, p.bias->data, k));
  return static_cast<Acc>(p.biasStatic[k]);
}

/// The range [lo, hi) of `a` with 0 <= a * stride + offset < limit, clamped
/// to [0, count).
std::pair<int64_t, int64_t> validRange(int64_t offset, int64_t stride,
                                       int64_t limit, int64_t count) {
  int64_t lo = std::max<int64_t>(0, ceilDiv(-offset, stride));
  int64_t hi = std::min<int64_t>(count, floorDiv(limit - 1 - offset, stride) + 1);
  return {lo, std::max(lo, hi)};
}

template <typename Acc>
void convolve(const Problem &p, const TensorView &xView, const TensorView &r) {
  const std::vector<Acc> x = widen<Acc>(xView);
  const std::vector<Acc> w = kernelValues<Acc>(p);
  const int64_t cPerGroup = p.inChannels / p.groups;
  const int64_t kPerGroup = p.outChannels / p.groups;
  const int64_t inPlane = p.in[0] * p.in[1] * p.in[2];
  const int64_t outPlane = p.out[0] * p.out[1] * p.out[2];
  const int64_t taps = p.window[0] * p.window[1] * p.window[2];
  std::vector<Acc> acc(static_cast<size_t>(outPlane));

  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t k = 0; k < p.outChannels; ++k) {
      const int64_t g = k / kPerGroup;
      std::fill(acc.begin(), acc.end(), biasValue<Acc>(p, k));
      for (int64_t cl = 0; cl < cPerGroup; ++cl) {
        const int64_t c = g * cPerGroup + cl;
        const Acc *xPlane = x.data() + (n * p.inChannels + c) * inPlane;
        const Acc *wTaps = w.data() + (k * cPerGroup + cl) * taps;
        for (int64_t t0 = 0; t0 < p.window[0]; ++t0)
          for (int64_t t1 = 0; t1 < p.window[1]; ++t1)
            for (int64_t t2 = 0; t2 < p.window[2]; ++t2) {
              const Acc weight =
                  wTaps[(t0 * p.window[1] + t1) * p.window[2] + t2];
              const int64_t off0 = t0 * p.dilation[0] - p.pre[0];
              const int64_t off1 = t1 * p.dilation[1] - p.pre[1];
              const int64_t off2 = t2 * p.dilation[2] - p.pre[2];
              auto [lo0, hi0] = validRange(off0, p.stride[0], p.in[0], p.out[0]);
              auto [lo1, hi1] = validRange(off1, p.stride[1], p.in[1], p.out[1]);
              auto [lo2, hi2] = validRange(off2, p.stride[2], p.in[2], p.out[2]);
              const int64_t s2 = p.stride[2];
              for (int64_t o0 = lo0; o0 < hi0; ++o0)
                for (int64_t o1 = lo1; o1 < hi1; ++o1) {
                  const int64_t i0 = o0 * p.stride[0] + off0;
                  const int64_t i1 = o1 * p.stride[1] + off1;
                  const Acc *src = xPlane + (i0 * p.in[1] + i1) * p.in[2];
                  Acc *dst = acc.data() + (o0 * p.out[1] + o1) * p.out[2];
                  if (s2 == 1) {
                    for (int64_t o2 = lo2; o2 < hi2; ++o2)
                      dst[o2] += weight * src[o2 + off2];
                  } else {
                    for (int64_t o2 = lo2; o2 < hi2; ++o2)
                      dst[o2] += weight * src[o2 * s2 + off2];
                  }
                }
            }
      }
      const int64_t base = (n * p.outChannels + k) * outPlane;
      for (int64_t i = 0; i < outPlane; ++i)
        storeFloat(r.dtype, r.data, base + i, static_cast<float>(acc[i]));
    }
  }
}

template <typename Acc>
void deconvolve(const Problem &p, const TensorView &xView, const TensorView &r) {
  const std::vector<Acc> x = widen<Acc>(xView);
  const std::vector<Acc> w = kernelValues<Acc>(p);
  const int64_t cPerGroup = p.inChannels / p.groups;
  const int64_t kPerGroup = p.outChannels / p.groups;
  const int64_t inPlane = p.in[0] * p.in[1] * p.in[2];
  const int64_t outPlane = p.out[0] * p.out[1] * p.out[2];
  const int64_t taps = p.window[0] * p.window[1] * p.window[2];
  std::vector<Acc> acc(static_cast<size_t>(outPlane));

  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t k = 0; k < p.outChannels; ++k) {
      const int64_t g = k / kPerGroup, kl = k % kPerGroup;
      std::fill(acc.begin(), acc.end(), biasValue<Acc>(p, k));
      for (int64_t cl = 0; cl < cPerGroup; ++cl) {
        const int64_t c = g * cPerGroup + cl;
        const Acc *xPlane = x.data() + (n * p.inChannels + c) * inPlane;
        const Acc *wTaps = w.data() + (c * kPerGroup + kl) * taps;
        for (int64_t t0 = 0; t0 < p.window[0]; ++t0)
          for (int64_t t1 = 0; t1 < p.window[1]; ++t1)
            for (int64_t t2 = 0; t2 < p.window[2]; ++t2) {
              const Acc weight =
                  wTaps[(t0 * p.window[1] + t1) * p.window[2] + t2];
              // Input i lands on output i * stride + off.
              const int64_t off0 = t0 * p.dilation[0] - p.pre[0];
              const int64_t off1 = t1 * p.dilation[1] - p.pre[1];
              const int64_t off2 = t2 * p.dilation[2] - p.pre[2];
              auto [lo0, hi0] = validRange(off0, p.stride[0], p.out[0], p.in[0]);
              auto [lo1, hi1] = validRange(off1, p.stride[1], p.out[1], p.in[1]);
              auto [lo2, hi2] = validRange(off2, p.stride[2], p.out[2], p.in[2]);
              const int64_t s2 = p.stride[2];
              for (int64_t i0 = lo0; i0 < hi0; ++i0)
                for (int64_t i1 = lo1; i1 < hi1; ++i1) {
                  const int64_t o0 = i0 * p.stride[0] + off0;
                  const int64_t o1 = i1 * p.stride[1] + off1;
                  const Acc *src = xPlane + (i0 * p.in[1] + i1) * p.in[2];
                  Acc *dst = acc.data() + (o0 * p.out[1] + o1) * p.out[2];
                  if (s2 == 1) {
                    for (int64_t i2 = lo2; i2 < hi2; ++i2)
                      dst[i2 + off2] += weight * src[i2];
                  } else {
                    for (int64_t i2 = lo2; i2 < hi2; ++i2)
                      dst[i2 * s2 + off2] += weight * src[i2];
                  }
                }
            }
      }
      const int64_t base = (n * p.outChannels + k) * outPlane;
      for (int64_t i = 0; i < outPlane; ++i) {
        if (r.dtype == DType::I8)
          static_cast<int8_t *>(r.data)[base + i] =
              saturateToInt<int8_t>(static_cast<double>(acc[i]));
        else
          storeFloat(r.dtype, r.data, base + i, static_cast<float>(acc[i]));
      }
    }
  }
}

void convolutionKernel(const KernelContext &ctx) {
  Problem p = describe(ctx, /*transposed=*/false);
  convolve<float>(p, ctx.operands[0], ctx.results[0]);
}

void deconvolutionKernel(const KernelContext &ctx) {
  Problem p = describe(ctx, /*transposed=*/true);
  if (ctx.operands[0].dtype == DType::I8)
    deconvolve<double>(p, ctx.operands[0], ctx.results[0]);
  else
    deconvolve<float>(p, ctx.operands[0], ctx.results[0]);
}

} // namespace

void registerConvolutionKernels(KernelRegistry &registry) {
  registry.add("convolution", convolutionKernel);
  registry.add("deconvolution", deconvolutionKernel);
}

} // namespace kiln
