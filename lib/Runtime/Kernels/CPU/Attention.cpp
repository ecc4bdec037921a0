//===- Attention.cpp - Fused scaled-dot-product attention -----------------===//
//
// O = softmax(scale * Q K^T + mask) V, per batch, in one step:
//   Q [..., Sq, D], K [..., Sk, D], V [..., Sk, Dv] -> O [..., Sq, Dv]
// (equal batch dims). The mask is optional and broadcasts (right-aligned) to
// [..., Sq, Sk]: a float mask is added, an i1 mask keeps the positions where
// it is true (the others get -inf). `causal` keeps key j for query i only
// when j <= i (top-left aligned, as PyTorch's is_causal). A row with no key
// left is NaN, as the reference softmax makes it.
//
// Blocked over queries: K^T and V are packed once per batch; each block of
// query rows computes its scores with the packed GEMM into an L2-resident
// scratch, applies scale, mask and softmax there, and multiplies by V.
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

using Shape = std::vector<int64_t>;

constexpr int64_t kQueryBlock = 64;

thread_local std::vector<float> tlsScores, tlsPackedK, tlsPackedV;

float *grow(std::vector<float> &buffer, int64_t n) {
  if (static_cast<int64_t>(buffer.size()) < n)
    buffer.resize(static_cast<size_t>(n));
  return buffer.data();
}

const void *offsetBy(const void *data, DType dtype, int64_t elements) {
  return static_cast<const uint8_t *>(data) + elements * dtypeSize(dtype);
}

std::string typeText(const TensorView &v) {
  return describeType(v.dtype, v.shape);
}

} // namespace

bool attentionSupports(DType q, DType k, DType v, const DType *mask, DType o) {
  if (!(q == k && q == v && q == o && gemmSupportsType(q)))
    return false;
  return !mask || gemmSupportsType(*mask) || *mask == DType::I1;
}

void attention(const TensorView &q, const TensorView &k, const TensorView &v,
               const TensorView *mask, const AttentionParams &params,
               const TensorView &o, ThreadPool *threads, Isa isa) {
  if (!attentionSupports(q.dtype, k.dtype, v.dtype,
                         mask ? &mask->dtype : nullptr, o.dtype))
    fail("attention (cpu): q, k, v and the result must be equal f32, f16 or "
         "bf16 (the mask float or i1); got q ",
         typeText(q), ", k ", typeText(k), ", v ", typeText(v),
         mask ? ", mask " + typeText(*mask) : std::string(), ", result ",
         typeText(o));
  const size_t rank = q.shape.size();
  if (rank < 2 || k.shape.size() != rank || v.shape.size() != rank ||
      o.shape.size() != rank)
    fail("attention: q, k, v and the result must have one rank >= 2; got q ",
         typeText(q), ", k ", typeText(k), ", v ", typeText(v), ", result ",
         typeText(o));
  const int64_t sq = q.shape[rank - 2], d = q.shape[rank - 1];
  const int64_t sk = k.shape[rank - 2], dv = v.shape[rank - 1];
  Shape batchShape(q.shape.begin(), q.shape.end() - 2);
  Shape expectedO = batchShape;
  expectedO.insert(expectedO.end(), {sq, dv});
  if (Shape(k.shape.begin(), k.shape.end() - 2) != batchShape ||
      Shape(v.shape.begin(), v.shape.end() - 2) != batchShape ||
      k.shape[rank - 1] != d || v.shape[rank - 2] != sk || o.shape != expectedO)
    fail("attention: expected k [..., Sk, ", d, "], v [..., Sk, Dv] and result "
         "[..., ", sq, ", Dv] with q's batch dims; got q ",
         typeText(q), ", k ", typeText(k), ", v ", typeText(v), ", result ",
         typeText(o));
  int64_t batches = 1;
  for (int64_t dim : batchShape)
    batches *= dim;
  // The mask's strides over [batch..., Sq, Sk], right-aligned broadcast.
  Shape full = batchShape;
  full.insert(full.end(), {sq, sk});
  Shape maskStrides(full.size(), 0);
  if (mask) {
    if (mask->shape.size() > full.size())
      fail("attention: mask ", typeText(*mask), " has a higher rank than the "
           "scores [..., Sq, Sk]");
    int64_t stride = 1;
    for (size_t i = 0; i < mask->shape.size(); ++i) {
      size_t md = mask->shape.size() - 1 - i, fd = full.size() - 1 - i;
      if (mask->shape[md] != 1 && mask->shape[md] != full[fd])
        fail("attention: mask ", typeText(*mask),
             " does not broadcast to the scores' shape ",
             describeType(q.dtype, full));
      if (mask->shape[md] != 1)
        maskStrides[fd] = stride;
      stride *= mask->shape[md];
    }
  }
  if (batches == 0 || sq == 0 || dv == 0)
    return;
  const DType dtype = q.dtype;
  const PackedLayout layout = packedLayout(isa);
  const int64_t kSize = packedBSize(layout, d, sk);
  const int64_t vSize = packedBSize(layout, sk, dv);
  const int64_t qBlocks = (sq + kQueryBlock - 1) / kQueryBlock;
  const float negInf = -std::numeric_limits<float>::infinity();

  auto maskOffset = [&](int64_t batch, int64_t i) {
    int64_t offset = 0;
    for (size_t dim = batchShape.size(); dim-- > 0;) {
      offset += (batch % batchShape[dim]) * maskStrides[dim];
      batch /= batchShape[dim];
    }
    return offset + i * maskStrides[full.size() - 2];
  };

  // Packs K^T (D x Sk) and V (Sk x Dv) of `batch` into the calling thread's
  // buffers.
  auto packBatch = [&](int64_t batch, float *packedK, float *packedV,
                       ThreadPool *pool) {
    MatrixIn kt{offsetBy(k.data, dtype, batch * sk * d), dtype, 1, d};
    MatrixIn vm{offsetBy(v.data, dtype, batch * sk * dv), dtype, dv, 1};
    packB(layout, d, sk, kt, packedK, pool);
    packB(layout, sk, dv, vm, packedV, pool);
  };
  // Query rows [i0, i0 + rows) of `batch`.
  auto queryBlock = [&](int64_t batch, int64_t block, const float *packedK,
                        const float *packedV) {
    const int64_t i0 = block * kQueryBlock;
    const int64_t rows = std::min(kQueryBlock, sq - i0);
    float *scores = grow(tlsScores, rows * std::max<int64_t>(sk, 1));
    MatrixIn qm{offsetBy(q.data, dtype, (batch * sq + i0) * d), dtype, d, 1};
    Epilogue scale;
    scale.alpha = params.scale;
    gemmPacked(isa, rows, sk, d, qm, packedK, {scores, DType::F32, sk}, scale,
               nullptr);
    for (int64_t r = 0; r < rows; ++r) {
      const int64_t i = i0 + r;
      float *row = scores + r * sk;
      if (mask) {
        const int64_t base = maskOffset(batch, i);
        const int64_t step = maskStrides.back();
        if (mask->dtype == DType::I1) {
          const uint8_t *m = static_cast<const uint8_t *>(mask->data) + base;
          for (int64_t j = 0; j < sk; ++j)
            if (!m[j * step])
              row[j] = negInf;
        } else if (step == 1 || sk <= 1) {
          float values[256];
          for (int64_t j0 = 0; j0 < sk; j0 += 256) {
            int64_t n = std::min<int64_t>(256, sk - j0);
            loadRow(mask->dtype, mask->data, base + j0, n, values);
            for (int64_t j = 0; j < n; ++j)
              row[j0 + j] += values[j];
          }
        } else {
          float value;
          loadRow(mask->dtype, mask->data, base, 1, &value);
          for (int64_t j = 0; j < sk; ++j)
            row[j] += value; // broadcast along Sk
        }
      }
      if (params.causal)
        for (int64_t j = i + 1; j < sk; ++j)
          row[j] = negInf;
      bool sawNaN = false;
      float max = maxOf(row, sk, sawNaN);
      if (sawNaN || std::isinf(max)) {
        std::fill(row, row + sk, std::numeric_limits<float>::quiet_NaN());
      } else {
        float inv = 1.0f / expShiftSum(isa, row, sk, max);
        for (int64_t j = 0; j < sk; ++j)
          row[j] *= inv;
      }
    }
    MatrixOut out{static_cast<uint8_t *>(o.data) +
                      (batch * sq + i0) * dv * dtypeSize(dtype),
                  dtype, dv};
    gemmPacked(isa, rows, dv, sk, {scores, DType::F32, sk, 1}, packedV, out,
               {}, nullptr);
  };

  const int numThreads = threads ? threads->size() : 1;
  if (!threads || numThreads == 1 ||
      (batches >= numThreads && qBlocks < numThreads)) {
    auto body = [&](int64_t b0, int64_t b1) {
      float *packedK = grow(tlsPackedK, kSize);
      float *packedV = grow(tlsPackedV, vSize);
      for (int64_t batch = b0; batch < b1; ++batch) {
        packBatch(batch, packedK, packedV, nullptr);
        for (int64_t block = 0; block < qBlocks; ++block)
          queryBlock(batch, block, packedK, packedV);
      }
    };
    if (threads && numThreads > 1)
      threads->parallelFor(batches, body);
    else
      body(0, batches);
    return;
  }
  float *packedK = grow(tlsPackedK, kSize);
  float *packedV = grow(tlsPackedV, vSize);
  for (int64_t batch = 0; batch < batches; ++batch) {
    packBatch(batch, packedK, packedV, threads);
    threads->parallelFor(qBlocks, [&](int64_t b0, int64_t b1) {
      for (int64_t block = b0; block < b1; ++block)
        queryBlock(batch, block, packedK, packedV);
    });
  }
}

} // namespace kiln::cpu
