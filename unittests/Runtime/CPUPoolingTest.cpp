//===- CPUPoolingTest.cpp - CPU pooling against the reference kernel ------===//
#include "CPUTestUtils.h"
#include "Kernels.h"

#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <random>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

TEST(CPUPooling, MatchesReferenceOnRandomWindows) {
  std::mt19937 gen(71);
  ThreadPool pool(2);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
  };
  const std::pair<cpu::PoolingKind, const char *> kinds[] = {
      {cpu::PoolingKind::Max, "kMAX"},
      {cpu::PoolingKind::Average, "kAVERAGE"},
      {cpu::PoolingKind::Blend, "kMAX_AVERAGE_BLEND"}};
  for (DType dtype : {DType::F32, DType::F16, DType::BF16})
    for (int i = 0; i < 45; ++i) {
      size_t spatial = static_cast<size_t>(1 + i % 3);
      cpu::PoolingParams p;
      auto [kind, name] = kinds[(i / 3) % 3];
      p.kind = kind;
      p.excludePadding = pick(0, 1);
      p.blendFactor = 0.3f;
      Ints xShape = {pick(1, 2), pick(1, 3)}, outShape = {xShape[0], xShape[1]};
      for (size_t d = 0; d < spatial; ++d) {
        int64_t in = pick(1, spatial == 3 ? 6 : 11), w = pick(1, 3);
        int64_t pre = pick(0, w - 1), post = pick(0, w - 1);
        if (in + pre + post < w)
          post += w - (in + pre + post);
        int64_t s = pick(1, 3);
        xShape.push_back(in);
        p.window.push_back(w);
        p.stride.push_back(s);
        p.prePadding.push_back(pre);
        p.postPadding.push_back(post);
        outShape.push_back((in + pre + post - w) / s + 1);
      }
      HostTensor x = randomTensor(dtype, xShape, gen, -4.0f, 4.0f);
      AttrMap attrs = {{"type", std::string(name)},
                       {"window", p.window},
                       {"stride", p.stride},
                       {"pre_padding", p.prePadding},
                       {"post_padding", p.postPadding},
                       {"exclude_padding", int64_t(p.excludePadding)},
                       {"blend_factor", 0.3}};
      HostTensor expected = runKernel("pooling", {&x}, dtype, outShape, attrs);
      HostTensor actual(dtype, outShape);
      cpu::pooling(x.view(), p, actual.view(), i % 2 ? &pool : nullptr);
      expectClose(actual, expected, storageTolerance(dtype, 1e-6f), 1e-6f,
                  std::string(name) + " of " + describeType(dtype, xShape));
    }
}

TEST(CPUPooling, NaNAndBadWindows) {
  HostTensor x = f32({1, 1, 4}, {1, NAN, 3, 4});
  cpu::PoolingParams p;
  p.window = {2};
  p.stride = {2};
  p.prePadding = {0};
  p.postPadding = {0};
  HostTensor r(DType::F32, {1, 1, 2});
  cpu::pooling(x.view(), p, r.view());
  EXPECT_TRUE(std::isnan(values<float>(r)[0]));
  EXPECT_EQ(values<float>(r)[1], 4.0f);
  p.window = {5};
  EXPECT_NE(errorOf([&] { cpu::pooling(x.view(), p, r.view()); })
                .find("smaller than the window"),
            std::string::npos);
}

} // namespace
