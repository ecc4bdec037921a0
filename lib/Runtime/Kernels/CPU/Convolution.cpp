//===- Convolution.cpp - `convolution` as im2col + the packed GEMM --------===//
//
// Shapes as the reference kernel takes them: x [N, C, spatial...] with one to
// three spatial dims, viewed as 3-D by front-filling unit dims. Per image
// and group, the output [K/G, outPlane] = W_g [K/G, C/G * taps] x
// col [C/G * taps, outPlane], where col holds the input under each window
// tap (zero outside the padded input). A 1x1, stride-1, unpadded
// convolution multiplies the input planes in place, with no col matrix. The
// bias (one value per output channel) and any further epilogue run on each
// output tile inside the GEMM.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"
#include "VectorMath.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <array>
#include <vector>

namespace kiln::cpu {
namespace {

constexpr size_t kMaxSpatial = 3;
using Dims = std::array<int64_t, kMaxSpatial>;
using Shape = std::vector<int64_t>;

int64_t floorDiv(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

Dims windowDims(const Shape &values, size_t spatial, int64_t minimum,
                int64_t fill, const char *name) {
  Dims dims;
  dims.fill(fill);
  if (values.empty())
    return dims;
  if (values.size() != spatial)
    fail("convolution: '", name, "' has ", values.size(), " entries, expected ",
         spatial, " (one per spatial dim)");
  for (size_t i = 0; i < spatial; ++i) {
    if (values[i] < minimum)
      fail("convolution: '", name, "' entries must be at least ", minimum);
    dims[kMaxSpatial - spatial + i] = values[i];
  }
  return dims;
}

Dims spatialDims(const Shape &shape) {
  Dims dims{1, 1, 1};
  size_t spatial = shape.size() - 2;
  for (size_t i = 0; i < spatial; ++i)
    dims[kMaxSpatial - spatial + i] = shape[2 + i];
  return dims;
}

const void *offsetBy(const void *data, DType dtype, int64_t elements) {
  return static_cast<const uint8_t *>(data) + elements * dtypeSize(dtype);
}

thread_local std::vector<float> tlsCol;

} // namespace

bool convolutionSupports(DType input, DType kernel, DType result) {
  return input == kernel && input == result && gemmSupportsType(input);
}

void convolution(const TensorView &x, const TensorView &w,
                 const TensorView *bias, const ConvolutionParams &params,
                 const TensorView &r, const Epilogue &epilogue,
                 ThreadPool *threads, Isa isa) {
  if (!convolutionSupports(x.dtype, w.dtype, r.dtype) ||
      (bias && bias->dtype != x.dtype))
    fail("convolution (cpu): element types must be equal f32, f16 or bf16; "
         "got input ",
         describeType(x.dtype, x.shape), ", kernel ",
         describeType(w.dtype, w.shape), ", result ",
         describeType(r.dtype, r.shape));
  const size_t rank = x.shape.size();
  if (rank < 3 || rank > 5)
    fail("convolution: input has type ", describeType(x.dtype, x.shape),
         "; expected rank 3, 4 or 5 ([N, C] and 1 to 3 spatial dims)");
  if (w.shape.size() != rank)
    fail("convolution: kernel has type ", describeType(w.dtype, w.shape),
         " but input ", describeType(x.dtype, x.shape), " needs a rank-", rank,
         " kernel");
  const size_t spatial = rank - 2;
  const int64_t groups = params.groups;
  if (groups < 1)
    fail("convolution: num_groups must be at least 1, got ", groups);
  const int64_t batch = x.shape[0], inChannels = x.shape[1];
  const int64_t outChannels = w.shape[0];
  if (inChannels % groups != 0 || outChannels % groups != 0)
    fail("convolution: num_groups (", groups,
         ") must divide the input channels (", inChannels,
         ") and the output channels (", outChannels, ")");
  if (w.shape[1] != inChannels / groups)
    fail("convolution: kernel has type ", describeType(w.dtype, w.shape),
         "; dimension 1 must be input channels / num_groups = ",
         inChannels / groups);
  if (bias && (bias->shape.size() != 1 || bias->shape[0] != outChannels))
    fail("convolution: bias has type ", describeType(bias->dtype, bias->shape),
         "; expected one value per output channel (", outChannels, ")");
  if (bias && epilogue.bias)
    fail("convolution (cpu): a bias operand and an epilogue bias together");

  const Dims in = spatialDims(x.shape), window = spatialDims(w.shape);
  const Dims stride = windowDims(params.stride, spatial, 1, 1, "stride");
  const Dims pre = windowDims(params.prePadding, spatial, 0, 0, "pre_padding");
  const Dims post = windowDims(params.postPadding, spatial, 0, 0, "post_padding");
  const Dims dilation = windowDims(params.dilation, spatial, 1, 1, "dilation");
  Dims out;
  Shape want = {batch, outChannels};
  for (size_t d = 0; d < kMaxSpatial; ++d) {
    if (window[d] < 1)
      fail("convolution: kernel has an empty window ",
           describeType(w.dtype, w.shape));
    int64_t dilated = dilation[d] * (window[d] - 1) + 1;
    out[d] = std::max<int64_t>(
        floorDiv(in[d] + pre[d] + post[d] - dilated, stride[d]) + 1, 0);
    if (d >= kMaxSpatial - spatial)
      want.push_back(out[d]);
  }
  if (r.shape != want)
    fail("convolution: result has type ", describeType(r.dtype, r.shape),
         ", expected ", describeType(r.dtype, want), " for input ",
         describeType(x.dtype, x.shape), " and kernel ",
         describeType(w.dtype, w.shape));

  const int64_t cPer = inChannels / groups, kPer = outChannels / groups;
  const int64_t taps = window[0] * window[1] * window[2];
  const int64_t inPlane = in[0] * in[1] * in[2];
  const int64_t outPlane = out[0] * out[1] * out[2];
  const int64_t depth = cPer * taps; // the GEMM's K
  if (batch == 0 || outChannels == 0 || outPlane == 0)
    return;
  const bool pointwise = taps == 1 && stride == Dims{1, 1, 1} &&
                         pre == Dims{0, 0, 0} && post == Dims{0, 0, 0};
  const DType dtype = x.dtype;

  for (int64_t n = 0; n < batch; ++n) {
    for (int64_t g = 0; g < groups; ++g) {
      const int64_t c0 = n * inChannels + g * cPer;
      MatrixIn b;
      if (pointwise) {
        b = {offsetBy(x.data, dtype, c0 * inPlane), dtype, inPlane, 1};
      } else {
        if (static_cast<int64_t>(tlsCol.size()) < depth * outPlane)
          tlsCol.resize(static_cast<size_t>(depth * outPlane));
        float *col = tlsCol.data();
        // Row (c, t0, t1, t2) of col: input channel c under tap t.
        auto fillRows = [&](int64_t row0, int64_t row1) {
          thread_local std::vector<float> line;
          line.resize(static_cast<size_t>(in[2]));
          for (int64_t row = row0; row < row1; ++row) {
            const int64_t c = row / taps, t = row % taps;
            const int64_t t0 = t / (window[1] * window[2]);
            const int64_t t1 = (t / window[2]) % window[1], t2 = t % window[2];
            const int64_t off0 = t0 * dilation[0] - pre[0];
            const int64_t off1 = t1 * dilation[1] - pre[1];
            const int64_t off2 = t2 * dilation[2] - pre[2];
            float *dst = col + row * outPlane;
            const int64_t plane = (c0 + c) * inPlane;
            for (int64_t o0 = 0; o0 < out[0]; ++o0) {
              const int64_t i0 = o0 * stride[0] + off0;
              for (int64_t o1 = 0; o1 < out[1]; ++o1, dst += out[2]) {
                const int64_t i1 = o1 * stride[1] + off1;
                if (i0 < 0 || i0 >= in[0] || i1 < 0 || i1 >= in[1]) {
                  std::fill(dst, dst + out[2], 0.0f);
                  continue;
                }
                loadRow(dtype, x.data, plane + (i0 * in[1] + i1) * in[2],
                        in[2], line.data());
                for (int64_t o2 = 0; o2 < out[2]; ++o2) {
                  const int64_t i2 = o2 * stride[2] + off2;
                  dst[o2] = i2 >= 0 && i2 < in[2] ? line[i2] : 0.0f;
                }
              }
            }
          }
        };
        if (threads && depth * outPlane >= (1 << 16))
          threads->parallelFor(depth, fillRows);
        else
          fillRows(0, depth);
        b = {col, DType::F32, outPlane, 1};
      }
      const int64_t k0 = n * outChannels + g * kPer;
      Epilogue e = epilogue;
      if (bias) {
        e.bias = offsetBy(bias->data, dtype, g * kPer);
        e.biasType = dtype;
        e.biasPerRow = true;
      } else if (e.bias && e.biasPerRow) {
        e.bias = offsetBy(e.bias, e.biasType, g * kPer);
      }
      if (e.residual) {
        e.residual = offsetBy(e.residual, e.residualType, k0 * outPlane);
        e.residualRowStride = outPlane;
      }
      MatrixIn a{offsetBy(w.data, dtype, g * kPer * depth), dtype, depth, 1};
      MatrixOut c{static_cast<uint8_t *>(r.data) +
                      k0 * outPlane * dtypeSize(dtype),
                  dtype, outPlane};
      gemm(isa, kPer, outPlane, depth, a, b, c, e, threads);
    }
  }
}

} // namespace kiln::cpu
