//===- Pooling.cpp - `pooling` (max, average, blend), threaded over planes -===//
//
// The reference kernel's semantics (1 to 3 spatial dims, padding never wins a
// max, exclude_padding counts only input elements, a window of padding alone
// yields 0, NaN propagates). Each [N, C] plane is read once into f32 and
// every window is walked over its clipped index ranges, so no tap tests
// bounds; planes are split over the threads.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"
#include "VectorMath.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace kiln::cpu {
namespace {

using Dims = std::array<int64_t, 3>;

Dims frontFilled(const std::vector<int64_t> &values, size_t spatial,
                 int64_t fill, int64_t minimum, const char *name) {
  if (values.size() != spatial)
    fail("pooling: '", name, "' has ", values.size(), " entries, expected ",
         spatial, " (one per spatial dim)");
  Dims dims;
  dims.fill(fill);
  for (size_t i = 0; i < spatial; ++i) {
    if (values[i] < minimum)
      fail("pooling: '", name, "' entries must be at least ", minimum);
    dims[3 - spatial + i] = values[i];
  }
  return dims;
}

thread_local std::vector<float> tlsPlane, tlsOut;

} // namespace

bool poolingSupports(DType input, DType result) {
  return input == result && gemmSupportsType(input);
}

void pooling(const TensorView &x, const PoolingParams &p, const TensorView &r,
             ThreadPool *threads) {
  if (!poolingSupports(x.dtype, r.dtype))
    fail("pooling (cpu): element types ", dtypeName(x.dtype), " -> ",
         dtypeName(r.dtype), " are not supported; expected equal f32, f16 or "
         "bf16");
  const size_t rank = x.shape.size();
  if (rank < 3 || rank > 5)
    fail("pooling: input has type ", describeType(x.dtype, x.shape),
         "; expected rank 3, 4 or 5 ([N, C] and 1 to 3 spatial dims)");
  const size_t spatial = rank - 2;
  const Dims window = frontFilled(p.window, spatial, 1, 1, "window");
  const Dims stride = frontFilled(p.stride, spatial, 1, 1, "stride");
  const Dims pre = frontFilled(p.prePadding, spatial, 0, 0, "pre_padding");
  const Dims post = frontFilled(p.postPadding, spatial, 0, 0, "post_padding");
  Dims in{1, 1, 1}, out;
  for (size_t i = 0; i < spatial; ++i)
    in[3 - spatial + i] = x.shape[2 + i];
  std::vector<int64_t> want = {x.shape[0], x.shape[1]};
  for (size_t d = 0; d < 3; ++d) {
    int64_t padded = in[d] + pre[d] + post[d];
    if (padded < window[d])
      fail("pooling: padded input size ", padded,
           " is smaller than the window (", window[d], ")");
    out[d] = (padded - window[d]) / stride[d] + 1;
    if (d >= 3 - spatial)
      want.push_back(out[d]);
  }
  if (r.shape != want)
    fail("pooling: result has type ", describeType(r.dtype, r.shape),
         ", expected ", describeType(r.dtype, want), " for input ",
         describeType(x.dtype, x.shape));
  const int64_t planes = x.shape[0] * x.shape[1];
  const int64_t inPlane = in[0] * in[1] * in[2];
  const int64_t outPlane = out[0] * out[1] * out[2];
  if (planes == 0 || outPlane == 0)
    return;
  const float volume = static_cast<float>(window[0] * window[1] * window[2]);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float blend = p.kind == PoolingKind::Blend ? p.blendFactor
                      : p.kind == PoolingKind::Max ? 1.0f
                                                   : 0.0f;
  const bool exclude = p.kind != PoolingKind::Max && p.excludePadding;

  auto body = [&](int64_t p0, int64_t p1) {
    float *plane = tlsPlane.size() < static_cast<size_t>(inPlane)
                       ? (tlsPlane.resize(inPlane), tlsPlane.data())
                       : tlsPlane.data();
    float *result = tlsOut.size() < static_cast<size_t>(outPlane)
                        ? (tlsOut.resize(outPlane), tlsOut.data())
                        : tlsOut.data();
    for (int64_t pl = p0; pl < p1; ++pl) {
      loadRow(x.dtype, x.data, pl * inPlane, inPlane, plane);
      float *dst = result;
      for (int64_t o0 = 0; o0 < out[0]; ++o0) {
        const int64_t s0 = o0 * stride[0] - pre[0];
        const int64_t a0 = std::max<int64_t>(s0, 0);
        const int64_t b0 = std::min(s0 + window[0], in[0]);
        for (int64_t o1 = 0; o1 < out[1]; ++o1) {
          const int64_t s1 = o1 * stride[1] - pre[1];
          const int64_t a1 = std::max<int64_t>(s1, 0);
          const int64_t b1 = std::min(s1 + window[1], in[1]);
          for (int64_t o2 = 0; o2 < out[2]; ++o2) {
            const int64_t s2 = o2 * stride[2] - pre[2];
            const int64_t a2 = std::max<int64_t>(s2, 0);
            const int64_t b2 = std::min(s2 + window[2], in[2]);
            float maximum = -std::numeric_limits<float>::infinity();
            double sum = 0.0;
            bool sawNaN = false;
            for (int64_t i0 = a0; i0 < b0; ++i0)
              for (int64_t i1 = a1; i1 < b1; ++i1) {
                const float *row = plane + (i0 * in[1] + i1) * in[2];
                for (int64_t i2 = a2; i2 < b2; ++i2) {
                  const float v = row[i2];
                  maximum = v > maximum ? v : maximum;
                  sawNaN |= v != v;
                  sum += v;
                }
              }
            const int64_t count = std::max<int64_t>(b0 - a0, 0) *
                                  std::max<int64_t>(b1 - a1, 0) *
                                  std::max<int64_t>(b2 - a2, 0);
            float value = 0.0f;
            if (sawNaN) {
              value = nan;
            } else if (count > 0) {
              const float average = static_cast<float>(
                  sum / (exclude ? static_cast<double>(count) : volume));
              value = p.kind == PoolingKind::Max ? maximum
                      : p.kind == PoolingKind::Average
                          ? average
                          : blend * maximum + (1.0f - blend) * average;
            }
            *dst++ = value;
          }
        }
      }
      storeRow(r.dtype, result, outPlane, r.data, pl * outPlane);
    }
  };
  if (threads && planes > 1 && planes * outPlane >= (1 << 12))
    threads->parallelFor(planes, body);
  else
    body(0, planes);
}

} // namespace kiln::cpu
