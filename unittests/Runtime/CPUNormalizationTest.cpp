//===- CPUNormalizationTest.cpp - CPU softmax and normalization vs oracle -===//
#include "CPUTestUtils.h"
#include "Kernels.h"
#include "VectorMath.h"

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

std::vector<Isa> availableIsas() {
  std::vector<Isa> isas;
  for (Isa isa : {Isa::Portable, Isa::AVX2, Isa::AVX512})
    if (cpu::isaAvailable(isa))
      isas.push_back(isa);
  return isas;
}

Ints randomShape(std::mt19937 &gen, int64_t maxRank, int64_t maxDim) {
  std::uniform_int_distribution<int64_t> rank(1, maxRank), dim(1, maxDim);
  Ints shape(static_cast<size_t>(rank(gen)));
  for (int64_t &d : shape)
    d = dim(gen);
  if (std::uniform_int_distribution<int>(0, 19)(gen) == 0)
    shape[0] = 0;
  return shape;
}

TEST(CPUVectorMath, ExpMatchesLibm) {
  std::vector<float> inputs = {0.0f,   -0.0f,  1.0f,   -1.0f, 0.5f,  -87.0f,
                               -87.29f, 88.0f, -100.f, 20.0f, -1e-8f, 3.3f};
  for (float x = -90.0f; x < 89.0f; x += 0.37f)
    inputs.push_back(x);
  inputs.push_back(std::numeric_limits<float>::quiet_NaN());
  inputs.push_back(-std::numeric_limits<float>::infinity());
  inputs.push_back(std::numeric_limits<float>::infinity());
  for (Isa isa : availableIsas()) {
    std::vector<float> data = inputs;
    cpu::expShiftSum(isa, data.data(), static_cast<int64_t>(data.size()), 0.0f);
    for (size_t i = 0; i < inputs.size(); ++i) {
      float x = inputs[i], expected = std::exp(x);
      if (std::isnan(x)) {
        EXPECT_TRUE(std::isnan(data[i])) << cpu::isaName(isa);
      } else if (x < -87.3f) {
        EXPECT_EQ(data[i], 0.0f) << cpu::isaName(isa) << " exp(" << x << ")";
      } else if (x > 88.3f) {
        EXPECT_TRUE(std::isinf(data[i])) << cpu::isaName(isa);
      } else {
        EXPECT_NEAR(data[i], expected, 3e-7f * expected)
            << cpu::isaName(isa) << " exp(" << x << ")";
      }
    }
  }
}

TEST(CPUSoftmax, MatchesReferenceOnRandomShapesAndAxes) {
  std::mt19937 gen(21);
  ThreadPool pool(2);
  for (Isa isa : availableIsas())
    for (DType dtype : {DType::F32, DType::F16, DType::BF16})
      for (int i = 0; i < 30; ++i) {
        Ints shape = i % 5 == 0 ? randomShape(gen, 2, 70) : randomShape(gen, 4, 9);
        int64_t axis = std::uniform_int_distribution<int64_t>(
            0, static_cast<int64_t>(shape.size()) - 1)(gen);
        if (i % 2)
          axis = static_cast<int64_t>(shape.size()) - 1;
        HostTensor x = randomTensor(dtype, shape, gen, -8.0f, 8.0f);
        HostTensor expected = runKernel("softmax", {&x}, dtype, shape,
                                        {{"axis", axis}});
        HostTensor actual(dtype, shape);
        cpu::softmax(x.view(), axis, actual.view(), i % 3 ? &pool : nullptr, isa);
        expectClose(actual, expected, storageTolerance(dtype, 2e-6f), 1e-7f,
                    std::string(cpu::isaName(isa)) + " softmax axis " +
                        std::to_string(axis) + " of " +
                        describeType(dtype, shape));
      }
}

TEST(CPUSoftmax, NaNAndInfinityRowsAsTheReference) {
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // Rows: a NaN; all -inf; a +inf; a -inf mask; a large value.
  HostTensor x = f32({5, 4}, {1, nan, 2, 3, -inf, -inf, -inf, -inf, 1, inf, 2,
                              3, 0, -inf, 1, -inf, 1000, 0, -1000, 999});
  HostTensor expected = runKernel("softmax", {&x}, DType::F32, {5, 4},
                                  {{"axis", int64_t(1)}});
  for (Isa isa : availableIsas()) {
    HostTensor actual(DType::F32, {5, 4});
    cpu::softmax(x.view(), 1, actual.view(), nullptr, isa);
    expectClose(actual, expected, 2e-6f, 1e-7f, cpu::isaName(isa));
    // Along axis 0 (columns).
    HostTensor expected0 = runKernel("softmax", {&x}, DType::F32, {5, 4},
                                     {{"axis", int64_t(0)}});
    cpu::softmax(x.view(), 0, actual.view(), nullptr, isa);
    expectClose(actual, expected0, 2e-6f, 1e-7f,
                std::string(cpu::isaName(isa)) + " axis 0");
  }
}

TEST(CPUSoftmax, RefusesOtherTypesAndBadAxes) {
  HostTensor x(DType::I32, {2, 3}), r(DType::I32, {2, 3});
  EXPECT_NE(errorOf([&] { cpu::softmax(x.view(), 1, r.view()); })
                .find("are not supported"),
            std::string::npos);
  HostTensor y(DType::F32, {2, 3}), s(DType::F32, {2, 3});
  EXPECT_NE(errorOf([&] { cpu::softmax(y.view(), 2, s.view()); })
                .find("axis 2 is out of range"),
            std::string::npos);
}

struct NormCase {
  Ints shape, scaleShape;
  Ints axes;
  int64_t groups = 1;
};

void checkNormalization(const NormCase &c, DType dtype, std::mt19937 &gen,
                        ThreadPool *pool) {
  HostTensor x = randomTensor(dtype, c.shape, gen, -3.0f, 5.0f);
  HostTensor scale = randomTensor(dtype, c.scaleShape, gen, 0.5f, 2.0f);
  HostTensor bias = randomTensor(dtype, c.scaleShape, gen);
  ASSERT_TRUE(cpu::normalizationSupports(x.view(), scale.view(), bias.view(),
                                         c.axes, c.groups))
      << describeType(dtype, c.shape);
  AttrMap attrs = {{"axes", c.axes}, {"eps", 1e-5}};
  if (c.groups > 1)
    attrs["num_groups"] = c.groups;
  HostTensor expected = runKernel("normalization", {&x, &scale, &bias}, dtype,
                                  c.shape, attrs);
  HostTensor actual(dtype, c.shape);
  cpu::normalization(x.view(), scale.view(), bias.view(), c.axes, 1e-5,
                     c.groups, actual.view(), pool);
  expectClose(actual, expected, storageTolerance(dtype, 1e-5f), 2e-5f,
              "normalization of " + describeType(dtype, c.shape));
}

TEST(CPUNormalization, LayerInstanceAndGroupNormMatchReference) {
  std::mt19937 gen(33);
  ThreadPool pool(2);
  std::vector<NormCase> cases = {
      {{4, 7, 33}, {1, 1, 33}, {2}},          // layer norm, last dim
      {{3, 5, 6}, {1, 5, 6}, {1, 2}},         // layer norm, last two dims
      {{2, 3, 4, 5}, {1, 1, 4, 1}, {2, 3}},   // scale broadcast within row
      {{2, 6, 5, 7}, {1, 6, 1, 1}, {2, 3}},   // instance norm, per channel
      {{2, 6, 3, 3}, {1, 3, 1, 1}, {2, 3}, 3}, // group norm
      {{1, 1}, {1, 1}, {1}},                  // size-1 rows
      {{0, 8}, {1, 8}, {1}},                  // no rows
      {{200, 768}, {1, 768}, {1}},            // threaded
  };
  for (DType dtype : {DType::F32, DType::F16, DType::BF16})
    for (size_t i = 0; i < cases.size(); ++i)
      checkNormalization(cases[i], dtype, gen, i % 2 ? &pool : nullptr);
  for (int i = 0; i < 20; ++i) {
    Ints shape = randomShape(gen, 4, 12);
    int64_t reduced = std::uniform_int_distribution<int64_t>(
        1, static_cast<int64_t>(shape.size()))(gen);
    NormCase c;
    c.shape = shape;
    c.scaleShape = Ints(shape.size(), 1);
    for (size_t d = shape.size() - reduced; d < shape.size(); ++d) {
      c.axes.push_back(static_cast<int64_t>(d));
      c.scaleShape[d] = shape[d];
    }
    checkNormalization(c, DType::F32, gen, &pool);
  }
}

TEST(CPUNormalization, SaysWhichFormsItDoesNotTake) {
  HostTensor x(DType::F32, {2, 3, 4}), s(DType::F32, {1, 3, 1}),
      r(DType::F32, {2, 3, 4});
  // Reducing a leading dim.
  EXPECT_FALSE(cpu::normalizationSupports(x.view(), s.view(), s.view(), {1}, 1));
  EXPECT_NE(errorOf([&] {
              cpu::normalization(x.view(), s.view(), s.view(), {1}, 1e-5, 1,
                                 r.view());
            }).find("trailing dims"),
            std::string::npos);
  // Scale varying both along and across the rows.
  HostTensor mixed(DType::F32, {2, 1, 4});
  EXPECT_FALSE(
      cpu::normalizationSupports(x.view(), mixed.view(), mixed.view(), {2}, 1));
}

} // namespace
