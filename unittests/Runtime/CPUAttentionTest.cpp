//===- CPUAttentionTest.cpp - Fused attention against reference kernels ---===//
//
// The oracle is the unfused chain run on the reference kernels in f32:
// matrix_multiply (q k^T), scale, mask and causal applied here, softmax,
// matrix_multiply (p v), then one rounding to the storage type.
//
//===----------------------------------------------------------------------===//
#include "CPUTestUtils.h"
#include "Kernels.h"

#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace kiln;
using namespace kiln::test;
using cpu::Isa;

namespace {

using Ints = std::vector<int64_t>;

HostTensor toF32(const HostTensor &t) {
  HostTensor out(DType::F32, t.shape());
  std::vector<float> v = asFloats(t);
  if (!v.empty())
    std::memcpy(out.data(), v.data(), v.size() * sizeof(float));
  return out;
}

HostTensor fromF32(const HostTensor &t, DType dtype) {
  HostTensor out(dtype, t.shape());
  const float *v = static_cast<const float *>(t.data());
  for (int64_t i = 0; i < t.numElements(); ++i) {
    if (dtype == DType::F16)
      static_cast<uint16_t *>(out.data())[i] = floatToHalf(v[i]);
    else if (dtype == DType::BF16)
      static_cast<uint16_t *>(out.data())[i] = floatToBfloat16(v[i]);
    else
      static_cast<float *>(out.data())[i] = v[i];
  }
  return out;
}

struct AttnCase {
  Ints batch;
  int64_t sq, sk, d, dv;
  Ints maskShape; // empty: no mask
  bool boolMask = false, causal = false;
  float scale = 0.125f;
};

void checkAttention(const AttnCase &c, DType dtype, std::mt19937 &gen, Isa isa,
                    ThreadPool *pool) {
  auto with = [&](Ints tail) {
    Ints s = c.batch;
    s.insert(s.end(), tail.begin(), tail.end());
    return s;
  };
  HostTensor q = randomTensor(dtype, with({c.sq, c.d}), gen, -2.0f, 2.0f);
  HostTensor k = randomTensor(dtype, with({c.sk, c.d}), gen, -2.0f, 2.0f);
  HostTensor v = randomTensor(dtype, with({c.sk, c.dv}), gen);
  HostTensor mask;
  if (!c.maskShape.empty()) {
    if (c.boolMask) {
      mask = HostTensor(DType::I1, c.maskShape);
      std::bernoulli_distribution keep(0.8);
      for (int64_t i = 0; i < mask.numElements(); ++i)
        static_cast<uint8_t *>(mask.data())[i] = keep(gen);
    } else {
      mask = randomTensor(dtype, c.maskShape, gen, -3.0f, 0.0f);
    }
  }
  // The oracle, unfused, in f32.
  HostTensor q32 = toF32(q), k32 = toF32(k), v32 = toF32(v);
  HostTensor scores =
      runKernel("matrix_multiply", {&q32, &k32}, DType::F32, with({c.sq, c.sk}),
                {{"op0", std::string("kNONE")}, {"op1", std::string("kTRANSPOSE")}});
  float *s = static_cast<float *>(scores.data());
  const int64_t batches = scores.numElements() / std::max<int64_t>(c.sq * c.sk, 1);
  const Ints full = with({c.sq, c.sk});
  for (int64_t b = 0; b < batches; ++b)
    for (int64_t i = 0; i < c.sq; ++i)
      for (int64_t j = 0; j < c.sk; ++j) {
        float &x = s[(b * c.sq + i) * c.sk + j];
        x *= c.scale;
        if (!c.maskShape.empty()) {
          // Index the broadcast mask.
          Ints index = c.batch;
          int64_t rest = b;
          for (size_t dim = c.batch.size(); dim-- > 0;) {
            index[dim] = rest % c.batch[dim];
            rest /= c.batch[dim];
          }
          index.push_back(i);
          index.push_back(j);
          int64_t offset = 0, stride = 1;
          for (size_t m = 0; m < c.maskShape.size(); ++m) {
            size_t md = c.maskShape.size() - 1 - m, fd = full.size() - 1 - m;
            if (c.maskShape[md] != 1)
              offset += index[fd] * stride;
            stride *= c.maskShape[md];
          }
          if (c.boolMask)
            x = static_cast<const uint8_t *>(mask.data())[offset]
                    ? x : -std::numeric_limits<float>::infinity();
          else
            x += elementAsFloat(mask, offset);
        }
        if (c.causal && j > i)
          x = -std::numeric_limits<float>::infinity();
      }
  HostTensor probs = runKernel("softmax", {&scores}, DType::F32, full,
                               {{"axis", static_cast<int64_t>(full.size() - 1)}});
  HostTensor expected32 =
      runKernel("matrix_multiply", {&probs, &v32}, DType::F32, with({c.sq, c.dv}));
  HostTensor expected = fromF32(expected32, dtype);

  HostTensor actual(dtype, with({c.sq, c.dv}));
  TensorView maskView = mask.view();
  cpu::attention(q.view(), k.view(), v.view(),
                 c.maskShape.empty() ? nullptr : &maskView,
                 {c.scale, c.causal}, actual.view(), pool, isa);
  expectClose(actual, expected, storageTolerance(dtype, 1e-4f), 2e-5f,
              std::string(cpu::isaName(isa)) + " attention q " +
                  describeType(dtype, q.shape()));
}

std::vector<Isa> availableIsas() {
  std::vector<Isa> isas;
  for (Isa isa : {Isa::Portable, Isa::AVX2, Isa::AVX512})
    if (cpu::isaAvailable(isa))
      isas.push_back(isa);
  return isas;
}

TEST(CPUAttention, MatchesUnfusedReferenceChain) {
  std::mt19937 gen(51);
  ThreadPool pool(2);
  std::vector<AttnCase> cases = {
      {{2, 3}, 5, 7, 8, 6, {}, false, false},
      {{1}, 70, 70, 16, 16, {}, false, true},          // two query blocks, causal
      {{2}, 9, 13, 4, 5, {2, 1, 13}, false, false},    // float mask over keys
      {{3}, 6, 6, 8, 8, {6, 6}, true, false},          // boolean mask
      {{}, 1, 33, 12, 10, {1, 33}, false, true},       // decode-like, no batch
      {{2, 2}, 4, 1, 3, 2, {}, false, false},          // one key
      {{2}, 3, 0, 4, 2, {}, false, false},             // no keys
      {{4}, 130, 20, 8, 8, {130, 1}, false, false},    // mask broadcast along keys
  };
  for (Isa isa : availableIsas())
    for (DType dtype : {DType::F32, DType::F16, DType::BF16})
      for (size_t i = 0; i < cases.size(); ++i)
        checkAttention(cases[i], dtype, gen, isa, i % 2 ? &pool : nullptr);
}

TEST(CPUAttention, RefusesMismatchedShapes) {
  HostTensor q(DType::F32, {2, 4, 8}), k(DType::F32, {2, 5, 7}),
      v(DType::F32, {2, 5, 3}), o(DType::F32, {2, 4, 3});
  EXPECT_NE(errorOf([&] {
              cpu::attention(q.view(), k.view(), v.view(), nullptr, {}, o.view());
            }).find("expected k [..., Sk, 8]"),
            std::string::npos);
  HostTensor k2(DType::F32, {2, 5, 8}), mask(DType::F32, {3, 4, 5});
  TensorView m = mask.view();
  EXPECT_NE(errorOf([&] {
              cpu::attention(q.view(), k2.view(), v.view(), &m, {}, o.view());
            }).find("does not broadcast"),
            std::string::npos);
}

} // namespace
