//===- CPUPointwiseTest.cpp - CPU element_wise/activation vs the oracle ---===//
#include "CPUTestUtils.h"
#include "Kernels.h"

#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

TEST(CPUPointwise, ElementWiseMatchesReferenceWithBroadcasts) {
  std::mt19937 gen(91);
  ThreadPool pool(2);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
  };
  const std::pair<cpu::ElementWiseOp, const char *> ops[] = {
      {cpu::ElementWiseOp::Sum, "kSUM"},   {cpu::ElementWiseOp::Prod, "kPROD"},
      {cpu::ElementWiseOp::Max, "kMAX"},   {cpu::ElementWiseOp::Min, "kMIN"},
      {cpu::ElementWiseOp::Sub, "kSUB"},   {cpu::ElementWiseOp::Div, "kDIV"},
      {cpu::ElementWiseOp::Pow, "kPOW"},   {cpu::ElementWiseOp::FloorDiv, "kFLOOR_DIV"}};
  for (DType dtype : {DType::F32, DType::F16, DType::BF16})
    for (int i = 0; i < 64; ++i) {
      Ints shape(static_cast<size_t>(pick(0, 4)));
      for (int64_t &d : shape)
        d = pick(1, 6);
      if (i % 8 == 0 && !shape.empty())
        shape.back() = pick(1000, 3000); // long rows, split over threads
      if (!shape.empty() && pick(0, 15) == 0)
        shape[0] = 0;
      Ints aShape = shape, bShape = shape;
      for (size_t d = 0; d < shape.size(); ++d) {
        if (pick(0, 3) == 0)
          aShape[d] = 1;
        else if (pick(0, 3) == 0)
          bShape[d] = 1;
      }
      auto [op, name] = ops[i % 8];
      bool positive = op == cpu::ElementWiseOp::Pow;
      HostTensor a = randomTensor(dtype, aShape, gen, positive ? 0.1f : -3.0f, 3.0f);
      HostTensor b = randomTensor(dtype, bShape, gen, positive ? -2.0f : 0.5f, 2.0f);
      if (i % 5 == 0 && a.numElements() > 0 && dtype == DType::F32)
        static_cast<float *>(a.data())[0] = std::numeric_limits<float>::quiet_NaN();
      HostTensor expected = runKernel("element_wise", {&a, &b}, dtype, shape,
                                      {{"op", std::string(name)}});
      HostTensor actual(dtype, shape);
      cpu::elementWise(a.view(), b.view(), op, actual.view(),
                       i % 2 ? &pool : nullptr);
      // Same formulas in f32: identical results.
      expectClose(actual, expected, 0.0f, 0.0f,
                  std::string(name) + " " + describeType(dtype, aShape) +
                      " with " + describeType(dtype, bShape));
    }
}

TEST(CPUPointwise, ActivationMatchesReference) {
  std::mt19937 gen(93);
  ThreadPool pool(2);
  const std::pair<cpu::ActivationKind, const char *> kinds[] = {
      {cpu::ActivationKind::Relu, "kRELU"},
      {cpu::ActivationKind::Sigmoid, "kSIGMOID"},
      {cpu::ActivationKind::Tanh, "kTANH"},
      {cpu::ActivationKind::LeakyRelu, "kLEAKY_RELU"},
      {cpu::ActivationKind::Elu, "kELU"},
      {cpu::ActivationKind::Selu, "kSELU"},
      {cpu::ActivationKind::Softsign, "kSOFTSIGN"},
      {cpu::ActivationKind::Softplus, "kSOFTPLUS"},
      {cpu::ActivationKind::Clip, "kCLIP"},
      {cpu::ActivationKind::HardSigmoid, "kHARD_SIGMOID"},
      {cpu::ActivationKind::ScaledTanh, "kSCALED_TANH"},
      {cpu::ActivationKind::ThresholdedRelu, "kTHRESHOLDED_RELU"},
      {cpu::ActivationKind::GeluErf, "kGELU_ERF"},
      {cpu::ActivationKind::GeluTanh, "kGELU_TANH"}};
  for (DType dtype : {DType::F32, DType::F16, DType::BF16})
    for (auto [kind, name] : kinds)
      for (Ints shape : {Ints{3, 5}, Ints{40000}, Ints{0, 3}, Ints{}}) {
        HostTensor x = randomTensor(dtype, shape, gen, -6.0f, 6.0f);
        if (x.numElements() > 1 && dtype == DType::F32)
          static_cast<float *>(x.data())[1] = std::numeric_limits<float>::quiet_NaN();
        AttrMap attrs = {{"type", std::string(name)}, {"alpha", 0.3}, {"beta", 0.7}};
        HostTensor expected = runKernel("activation", {&x}, dtype, shape, attrs);
        HostTensor actual(dtype, shape);
        cpu::activation(x.view(), kind, 0.3f, 0.7f, actual.view(), &pool);
        expectClose(actual, expected, 0.0f, 0.0f,
                    std::string(name) + " " + describeType(dtype, shape));
      }
}

TEST(CPUPointwise, RefusesShapesThatDoNotBroadcast) {
  HostTensor a(DType::F32, {2, 3}), b(DType::F32, {2, 2}), r(DType::F32, {2, 3});
  EXPECT_NE(errorOf([&] {
              cpu::elementWise(a.view(), b.view(), cpu::ElementWiseOp::Sum,
                               r.view());
            }).find("does not broadcast"),
            std::string::npos);
  EXPECT_FALSE(cpu::elementWiseSupports(DType::I32, DType::I32, DType::I32));
}

} // namespace
