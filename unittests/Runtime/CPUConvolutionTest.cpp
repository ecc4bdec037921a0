//===- CPUConvolutionTest.cpp - CPU convolution against the oracle --------===//
#include "CPUTestUtils.h"
#include "Kernels.h"

#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <random>

using namespace kiln;
using namespace kiln::test;
using cpu::Isa;

namespace {

using Ints = std::vector<int64_t>;

int64_t pick(std::mt19937 &gen, int64_t lo, int64_t hi) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
}

struct ConvCase {
  Ints xShape, wShape, outShape;
  cpu::ConvolutionParams params;
  bool bias = false;
};

ConvCase randomConv(std::mt19937 &gen, size_t spatial) {
  ConvCase c;
  int64_t groups = pick(gen, 1, 3);
  int64_t cPer = pick(gen, 1, 4), kPer = pick(gen, 1, 5);
  int64_t n = pick(gen, 1, 2);
  c.params.groups = groups;
  c.xShape = {n, groups * cPer};
  c.wShape = {groups * kPer, cPer};
  c.outShape = {n, groups * kPer};
  bool unit = pick(gen, 0, 5) == 0; // the 1x1 stride-1 unpadded fast path
  for (size_t d = 0; d < spatial; ++d) {
    int64_t in = pick(gen, 1, spatial == 3 ? 6 : 12);
    int64_t window = unit ? 1 : pick(gen, 1, 3);
    int64_t stride = unit ? 1 : pick(gen, 1, 2);
    int64_t dilation = unit ? 1 : pick(gen, 1, 2);
    int64_t pre = unit ? 0 : pick(gen, 0, 2), post = unit ? 0 : pick(gen, 0, 2);
    int64_t dilated = dilation * (window - 1) + 1;
    if (in + pre + post < dilated)
      pre += dilated - (in + pre + post);
    c.xShape.push_back(in);
    c.wShape.push_back(window);
    c.params.stride.push_back(stride);
    c.params.dilation.push_back(dilation);
    c.params.prePadding.push_back(pre);
    c.params.postPadding.push_back(post);
    c.outShape.push_back((in + pre + post - dilated) / stride + 1);
  }
  c.bias = pick(gen, 0, 1) == 1;
  return c;
}

void checkConv(const ConvCase &c, DType dtype, std::mt19937 &gen, Isa isa,
               ThreadPool *pool) {
  HostTensor x = randomTensor(dtype, c.xShape, gen);
  HostTensor w = randomTensor(dtype, c.wShape, gen);
  HostTensor b = randomTensor(dtype, {c.outShape[1]}, gen);
  AttrMap attrs = {{"num_groups", c.params.groups}};
  for (auto [name, value] :
       {std::pair{"stride", &c.params.stride},
        std::pair{"dilation", &c.params.dilation},
        std::pair{"pre_padding", &c.params.prePadding},
        std::pair{"post_padding", &c.params.postPadding}})
    if (!value->empty())
      attrs[name] = *value;
  std::vector<const HostTensor *> operands = {&x, &w};
  if (c.bias)
    operands.push_back(&b);
  HostTensor expected =
      runKernel("convolution", operands, dtype, c.outShape, attrs);
  HostTensor actual(dtype, c.outShape);
  TensorView bias = b.view();
  cpu::convolution(x.view(), w.view(), c.bias ? &bias : nullptr, c.params,
                   actual.view(), {}, pool, isa);
  expectClose(actual, expected, storageTolerance(dtype, 1e-4f), 1e-5f,
              std::string(cpu::isaName(isa)) + " conv " +
                  describeType(dtype, c.xShape) + " * " +
                  describeType(dtype, c.wShape));
}

std::vector<Isa> availableIsas() {
  std::vector<Isa> isas;
  for (Isa isa : {Isa::Portable, Isa::AVX2, Isa::AVX512})
    if (cpu::isaAvailable(isa))
      isas.push_back(isa);
  return isas;
}

TEST(CPUConvolution, MatchesReferenceIn1D2D3D) {
  std::mt19937 gen(41);
  ThreadPool pool(2);
  for (Isa isa : availableIsas())
    for (DType dtype : {DType::F32, DType::F16, DType::BF16})
      for (size_t spatial = 1; spatial <= 3; ++spatial)
        for (int i = 0; i < 8; ++i)
          checkConv(randomConv(gen, spatial), dtype, gen, isa,
                    i % 2 ? &pool : nullptr);
}

TEST(CPUConvolution, ResNetLikeLayerThreaded) {
  std::mt19937 gen(43);
  ThreadPool pool(2);
  ConvCase c;
  c.xShape = {1, 16, 20, 20};
  c.wShape = {24, 16, 3, 3};
  c.outShape = {1, 24, 10, 10};
  c.params.stride = {2, 2};
  c.params.prePadding = {1, 1};
  c.params.postPadding = {1, 1};
  c.bias = true;
  checkConv(c, DType::F32, gen, cpu::bestIsa(), &pool);
}

TEST(CPUConvolution, FusedReluAndResidual) {
  std::mt19937 gen(45);
  HostTensor x = randomTensor(DType::F32, {2, 4, 5, 5}, gen);
  HostTensor w = randomTensor(DType::F32, {6, 4, 3, 3}, gen);
  HostTensor b = randomTensor(DType::F32, {6}, gen);
  HostTensor res = randomTensor(DType::F32, {2, 6, 5, 5}, gen);
  AttrMap attrs = {{"pre_padding", Ints{1, 1}}, {"post_padding", Ints{1, 1}}};
  HostTensor conv =
      runKernel("convolution", {&x, &w, &b}, DType::F32, {2, 6, 5, 5}, attrs);
  cpu::ConvolutionParams params;
  params.prePadding = {1, 1};
  params.postPadding = {1, 1};
  cpu::Epilogue e;
  e.residual = res.data();
  e.activation = cpu::Activation::Relu;
  HostTensor actual(DType::F32, {2, 6, 5, 5});
  TensorView bias = b.view();
  cpu::convolution(x.view(), w.view(), &bias, params, actual.view(), e);
  std::vector<float> got = values<float>(actual), c = values<float>(conv),
                     r = values<float>(res);
  for (size_t i = 0; i < got.size(); ++i)
    ASSERT_NEAR(got[i], std::max(c[i] + r[i], 0.0f), 1e-5f) << i;
}

TEST(CPUConvolution, RefusesBadShapes) {
  HostTensor x(DType::F32, {1, 3, 5, 5}), w(DType::F32, {4, 2, 3, 3}),
      r(DType::F32, {1, 4, 3, 3});
  EXPECT_NE(errorOf([&] {
              cpu::convolution(x.view(), w.view(), nullptr, {}, r.view());
            }).find("dimension 1 must be input channels"),
            std::string::npos);
  HostTensor w2(DType::F32, {4, 3, 3, 3}), r2(DType::F32, {1, 4, 4, 4});
  EXPECT_NE(errorOf([&] {
              cpu::convolution(x.view(), w2.view(), nullptr, {}, r2.view());
            }).find("expected 1x4x3x3xf32"),
            std::string::npos);
}

} // namespace
