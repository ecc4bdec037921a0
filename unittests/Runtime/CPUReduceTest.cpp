//===- CPUReduceTest.cpp - CPU reduce against the reference kernel --------===//
#include "CPUTestUtils.h"
#include "Kernels.h"

#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <random>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

TEST(CPUReduce, ConsecutiveAxesMatchReference) {
  std::mt19937 gen(61);
  ThreadPool pool(2);
  const std::pair<cpu::ReduceOp, const char *> ops[] = {
      {cpu::ReduceOp::Sum, "kSUM"}, {cpu::ReduceOp::Prod, "kPROD"},
      {cpu::ReduceOp::Max, "kMAX"}, {cpu::ReduceOp::Min, "kMIN"},
      {cpu::ReduceOp::Avg, "kAVG"}};
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
  };
  for (DType dtype : {DType::F32, DType::F16, DType::BF16})
    for (int i = 0; i < 60; ++i) {
      Ints shape(static_cast<size_t>(pick(1, i % 10 == 0 ? 2 : 4)));
      for (int64_t &d : shape)
        d = pick(1, i % 10 == 0 ? 300 : 7);
      if (pick(0, 12) == 0)
        shape[pick(0, shape.size() - 1)] = 0;
      int64_t first = pick(0, shape.size() - 1);
      int64_t last = pick(first, shape.size() - 1);
      Ints axes;
      for (int64_t a = last; a >= first; --a) // any order
        axes.push_back(a);
      bool keep = pick(0, 1);
      Ints outShape;
      for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d)
        if (d < first || d > last)
          outShape.push_back(shape[d]);
        else if (keep)
          outShape.push_back(1);
      auto [op, name] = ops[i % 5];
      // Products of many values: keep them near 1.
      HostTensor x = op == cpu::ReduceOp::Prod
                         ? randomTensor(dtype, shape, gen, 0.9f, 1.1f)
                         : randomTensor(dtype, shape, gen, -4.0f, 4.0f);
      HostTensor expected =
          runKernel("reduce", {&x}, dtype, outShape,
                    {{"op", std::string(name)}, {"axes", axes},
                     {"keep_dims", int64_t(keep)}});
      HostTensor actual(dtype, outShape);
      cpu::reduce(x.view(), op, axes, actual.view(), i % 2 ? &pool : nullptr);
      expectClose(actual, expected, storageTolerance(dtype, 1e-6f), 1e-6f,
                  std::string(name) + " of " + describeType(dtype, shape));
    }
}

TEST(CPUReduce, NaNPropagatesThroughMaxAndMin) {
  HostTensor x = f32({2, 3}, {1, NAN, 3, 4, 5, 6});
  for (auto op : {cpu::ReduceOp::Max, cpu::ReduceOp::Min}) {
    HostTensor rows(DType::F32, {2}), cols(DType::F32, {3});
    cpu::reduce(x.view(), op, {1}, rows.view());
    cpu::reduce(x.view(), op, {0}, cols.view());
    EXPECT_TRUE(std::isnan(values<float>(rows)[0]));
    EXPECT_FALSE(std::isnan(values<float>(rows)[1]));
    EXPECT_TRUE(std::isnan(values<float>(cols)[1]));
    EXPECT_FALSE(std::isnan(values<float>(cols)[0]));
  }
}

TEST(CPUReduce, RefusesAxesWithAGap) {
  EXPECT_FALSE(cpu::reduceSupports(DType::F32, DType::F32, {0, 2}));
  EXPECT_FALSE(cpu::reduceSupports(DType::I32, DType::I32, {0}));
  HostTensor x(DType::F32, {2, 3, 4}), r(DType::F32, {3});
  EXPECT_NE(errorOf([&] {
              cpu::reduce(x.view(), cpu::ReduceOp::Sum, {0, 2}, r.view());
            }).find("consecutive axes"),
            std::string::npos);
}

} // namespace
