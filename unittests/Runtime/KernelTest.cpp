//===- KernelTest.cpp - Reference kernels against values computed here ----===//
#include "TestUtils.h"
#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/MiniFloat.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

std::vector<float> randomFloats(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(n);
  for (float &x : v)
    x = dist(gen);
  return v;
}

TEST(Kernels, EveryContractKernelIsRegistered) {
  const KernelRegistry &registry = KernelRegistry::global();
  for (const char *name :
       {"element_wise", "unary", "activation", "matrix_multiply", "reduce",
        "softmax", "shuffle", "transpose", "copy", "broadcast", "slice",
        "concatenation", "cast", "select"})
    EXPECT_NE(registry.lookup(name, Backend::Reference), nullptr) << name;
  EXPECT_EQ(registry.lookup("no_such_kernel", Backend::Reference), nullptr);
}

TEST(ElementWise, BroadcastSumAndSub) {
  HostTensor a = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  HostTensor b = f32({1, 3}, {10, 20, 30});
  HostTensor sum = runKernel("element_wise", {&a, &b}, DType::F32, {2, 3},
                             {{"op", std::string("kSUM")}});
  EXPECT_EQ(values<float>(sum), (std::vector<float>{11, 22, 33, 14, 25, 36}));
  HostTensor c = f32({2, 1}, {100, 200});
  HostTensor sub = runKernel("element_wise", {&c, &b}, DType::F32, {2, 3},
                             {{"op", std::string("kSUB")}});
  EXPECT_EQ(values<float>(sub), (std::vector<float>{90, 80, 70, 190, 180, 170}));
}

TEST(ElementWise, IntegerDivisionRules) {
  HostTensor a = i32({6}, {7, -7, 7, -7, 5, -2147483647 - 1});
  HostTensor b = i32({6}, {2, 2, -2, -2, 0, -1});
  HostTensor div = runKernel("element_wise", {&a, &b}, DType::I32, {6},
                             {{"op", std::string("kDIV")}});
  EXPECT_EQ(values<int32_t>(div),
            (std::vector<int32_t>{3, -3, -3, 3, 0, -2147483647 - 1}));
  HostTensor floorDiv = runKernel("element_wise", {&a, &b}, DType::I32, {6},
                                  {{"op", std::string("kFLOOR_DIV")}});
  EXPECT_EQ(values<int32_t>(floorDiv),
            (std::vector<int32_t>{3, -4, -4, 3, 0, -2147483647 - 1}));
  HostTensor x = i64({3}, {2, 3, -2});
  HostTensor y = i64({3}, {10, 0, 3});
  HostTensor pow = runKernel("element_wise", {&x, &y}, DType::I64, {3},
                             {{"op", std::string("kPOW")}});
  EXPECT_EQ(values<int64_t>(pow), (std::vector<int64_t>{1024, 1, -8}));
}

TEST(ElementWise, ComparisonsProduceI1AndLogicOps) {
  HostTensor a = f32({4}, {1, 2, 3, NAN});
  HostTensor b = f32({4}, {2, 2, 2, 2});
  EXPECT_EQ(values<uint8_t>(runKernel("element_wise", {&a, &b}, DType::I1, {4},
                                      {{"op", std::string("kLESS")}})),
            (std::vector<uint8_t>{1, 0, 0, 0}));
  EXPECT_EQ(values<uint8_t>(runKernel("element_wise", {&a, &b}, DType::I1, {4},
                                      {{"op", std::string("kEQUAL")}})),
            (std::vector<uint8_t>{0, 1, 0, 0}));
  HostTensor p = i1({4}, {0, 0, 1, 1});
  HostTensor q = i1({4}, {0, 1, 0, 1});
  EXPECT_EQ(values<uint8_t>(runKernel("element_wise", {&p, &q}, DType::I1, {4},
                                      {{"op", std::string("kXOR")}})),
            (std::vector<uint8_t>{0, 1, 1, 0}));
  EXPECT_EQ(values<uint8_t>(runKernel("element_wise", {&p, &q}, DType::I1, {4},
                                      {{"op", std::string("kAND")}})),
            (std::vector<uint8_t>{0, 0, 0, 1}));
  // A comparison that claims a non-i1 result is refused.
  EXPECT_NE(errorOf([&] {
              runKernel("element_wise", {&a, &b}, DType::F32, {4},
                        {{"op", std::string("kLESS")}});
            }).find("produces i1"),
            std::string::npos);
}

TEST(ElementWise, MaxMinPropagateNaN) {
  HostTensor a = f32({3}, {1, NAN, 5});
  HostTensor b = f32({3}, {NAN, 2, 3});
  std::vector<float> mx = values<float>(runKernel(
      "element_wise", {&a, &b}, DType::F32, {3}, {{"op", std::string("kMAX")}}));
  EXPECT_TRUE(std::isnan(mx[0]));
  EXPECT_TRUE(std::isnan(mx[1]));
  EXPECT_EQ(mx[2], 5.0f);
  std::vector<float> mn = values<float>(runKernel(
      "element_wise", {&a, &b}, DType::F32, {3}, {{"op", std::string("kMIN")}}));
  EXPECT_TRUE(std::isnan(mn[0]) && std::isnan(mn[1]));
  EXPECT_EQ(mn[2], 3.0f);
}

TEST(ElementWise, F16ComputedInF32AndRounded) {
  // 2049 is not representable in f16 (spacing 2 above 2048): 2048 + 1 rounds
  // to even (2048), 2048 + 3 rounds to 2052.
  HostTensor a = f16({2}, {2048, 2048});
  HostTensor b = f16({2}, {1, 3});
  HostTensor sum = runKernel("element_wise", {&a, &b}, DType::F16, {2},
                             {{"op", std::string("kSUM")}});
  EXPECT_EQ(f16Values(sum), (std::vector<float>{2048, 2052}));
}

TEST(ElementWise, BroadcastMismatchIsAnError) {
  HostTensor a = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  HostTensor b = f32({2, 2}, {1, 2, 3, 4});
  std::string message = errorOf([&] {
    runKernel("element_wise", {&a, &b}, DType::F32, {2, 3},
              {{"op", std::string("kSUM")}});
  });
  EXPECT_NE(message.find("do not broadcast"), std::string::npos) << message;
  EXPECT_NE(message.find("element_wise"), std::string::npos) << message;
  EXPECT_NE(message.find("test.mlir:1:1"), std::string::npos) << message;
}

/// Naive matmul over explicit (batch, m, k, n) accessors, in double.
std::vector<float> naiveMatmul(const std::vector<float> &a,
                               const std::vector<float> &b, int64_t batch,
                               int64_t m, int64_t k, int64_t n, bool transA,
                               bool transB, bool broadcastA, bool broadcastB) {
  std::vector<float> r(static_cast<size_t>(batch * m * n));
  for (int64_t t = 0; t < batch; ++t)
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        double acc = 0;
        for (int64_t p = 0; p < k; ++p) {
          int64_t ta = broadcastA ? 0 : t, tb = broadcastB ? 0 : t;
          float av = transA ? a[ta * m * k + p * m + i] : a[ta * m * k + i * k + p];
          float bv = transB ? b[tb * k * n + j * k + p] : b[tb * k * n + p * n + j];
          acc += static_cast<double>(av) * bv;
        }
        r[t * m * n + i * n + j] = static_cast<float>(acc);
      }
  return r;
}

void expectNear(const std::vector<float> &actual,
                const std::vector<float> &expected, float tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i)
    ASSERT_NEAR(actual[i], expected[i], tolerance) << "at " << i;
}

TEST(MatrixMultiply, MatchesNaiveLoopForEveryTransposeCombination) {
  const int64_t m = 5, k = 7, n = 3;
  std::vector<float> av = randomFloats(m * k, 1), bv = randomFloats(k * n, 2);
  for (bool transA : {false, true})
    for (bool transB : {false, true}) {
      HostTensor a = f32(transA ? Ints{k, m} : Ints{m, k}, av);
      HostTensor b = f32(transB ? Ints{n, k} : Ints{k, n}, bv);
      HostTensor r = runKernel(
          "matrix_multiply", {&a, &b}, DType::F32, {m, n},
          {{"op0", std::string(transA ? "kTRANSPOSE" : "kNONE")},
           {"op1", std::string(transB ? "kTRANSPOSE" : "kNONE")}});
      expectNear(values<float>(r),
                 naiveMatmul(av, bv, 1, m, k, n, transA, transB, false, false),
                 1e-5f);
    }
}

TEST(MatrixMultiply, VectorOperands) {
  HostTensor matrix = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  HostTensor vec = f32({3}, {1, 0, -1});
  HostTensor mv = runKernel("matrix_multiply", {&matrix, &vec}, DType::F32, {2},
                            {{"op0", std::string("kNONE")},
                             {"op1", std::string("kVECTOR")}});
  EXPECT_EQ(values<float>(mv), (std::vector<float>{-2, -2}));
  HostTensor row = f32({2}, {1, 1});
  HostTensor vm = runKernel("matrix_multiply", {&row, &matrix}, DType::F32, {3},
                            {{"op0", std::string("kVECTOR")},
                             {"op1", std::string("kNONE")}});
  EXPECT_EQ(values<float>(vm), (std::vector<float>{5, 7, 9}));
  HostTensor dot = runKernel("matrix_multiply", {&vec, &vec}, DType::F32, {},
                             {{"op0", std::string("kVECTOR")},
                              {"op1", std::string("kVECTOR")}});
  EXPECT_EQ(values<float>(dot), (std::vector<float>{2}));
}

TEST(MatrixMultiply, BatchDimsBroadcast) {
  const int64_t batch = 3, m = 4, k = 5, n = 2;
  std::vector<float> av = randomFloats(batch * m * k, 3), bv = randomFloats(k * n, 4);
  HostTensor a = f32({batch, m, k}, av);
  HostTensor b = f32({1, k, n}, bv);
  HostTensor r = runKernel("matrix_multiply", {&a, &b}, DType::F32,
                           {batch, m, n}, {});
  expectNear(values<float>(r),
             naiveMatmul(av, bv, batch, m, k, n, false, false, false, true),
             1e-5f);
  // A wrong result shape is refused with both operand types in the message.
  std::string message = errorOf([&] {
    runKernel("matrix_multiply", {&a, &b}, DType::F32, {batch, m, n + 1}, {});
  });
  // The runtime checks the result shape before the kernel runs.
  EXPECT_NE(message.find("result 0 has shape 3x4x2"), std::string::npos) << message;
}

TEST(MatrixMultiply, ContractingDimMismatchIsAnError) {
  HostTensor a = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  HostTensor b = f32({2, 2}, {1, 2, 3, 4});
  std::string message = errorOf(
      [&] { runKernel("matrix_multiply", {&a, &b}, DType::F32, {2, 2}, {}); });
  EXPECT_NE(message.find("contracting"), std::string::npos) << message;
}

TEST(MatrixMultiply, IsFastEnoughForF32) {
  const int64_t m = 128, k = 512, n = 512;
  HostTensor a = f32({m, k}, randomFloats(m * k, 5));
  HostTensor b = f32({k, n}, randomFloats(k * n, 6));
  auto start = std::chrono::steady_clock::now();
  HostTensor r = runKernel("matrix_multiply", {&a, &b}, DType::F32, {m, n}, {});
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  EXPECT_LT(ms, 1500.0) << "128x512x512 matmul took " << ms << " ms";
  // Spot-check one element.
  std::vector<float> av = values<float>(a), bv = values<float>(b);
  double expected = 0;
  for (int64_t p = 0; p < k; ++p)
    expected += static_cast<double>(av[7 * k + p]) * bv[p * n + 11];
  EXPECT_NEAR(values<float>(r)[7 * n + 11], expected, 1e-3);
}

TEST(Reduce, SumWithAndWithoutKeepDims) {
  HostTensor x = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  HostTensor kept = runKernel("reduce", {&x}, DType::F32, {2, 1},
                              {{"op", std::string("kSUM")},
                               {"axes", Ints{1}},
                               {"keep_dims", int64_t(1)}});
  EXPECT_EQ(values<float>(kept), (std::vector<float>{6, 15}));
  HostTensor dropped = runKernel("reduce", {&x}, DType::F32, {3},
                                 {{"op", std::string("kSUM")},
                                  {"axes", Ints{0}},
                                  {"keep_dims", int64_t(0)}});
  EXPECT_EQ(values<float>(dropped), (std::vector<float>{5, 7, 9}));
  HostTensor all = runKernel("reduce", {&x}, DType::F32, {},
                             {{"op", std::string("kAVG")}, {"axes", Ints{0, 1}}});
  EXPECT_EQ(values<float>(all), (std::vector<float>{3.5f}));
  // keep_dims disagreeing with the result shape is refused.
  EXPECT_NE(errorOf([&] {
              runKernel("reduce", {&x}, DType::F32, {2},
                        {{"op", std::string("kSUM")},
                         {"axes", Ints{1}},
                         {"keep_dims", int64_t(1)}});
            }).find("result 0 has shape 2x1"),
            std::string::npos);
}

TEST(Reduce, MaxMinProdAndIntegers) {
  HostTensor x = f32({2, 2}, {1, NAN, 3, -4});
  std::vector<float> mx = values<float>(runKernel(
      "reduce", {&x}, DType::F32, {2},
      {{"op", std::string("kMAX")}, {"axes", Ints{1}}}));
  EXPECT_TRUE(std::isnan(mx[0]));
  EXPECT_EQ(mx[1], 3.0f);
  HostTensor y = i32({2, 3}, {1, 2, 3, -4, 5, 6});
  EXPECT_EQ(values<int32_t>(runKernel("reduce", {&y}, DType::I32, {2},
                                      {{"op", std::string("kPROD")},
                                       {"axes", Ints{1}}})),
            (std::vector<int32_t>{6, -120}));
  EXPECT_EQ(values<int32_t>(runKernel("reduce", {&y}, DType::I32, {3},
                                      {{"op", std::string("kMIN")},
                                       {"axes", Ints{0}}})),
            (std::vector<int32_t>{-4, 2, 3}));
}

TEST(Softmax, RowsSumToOneAndLargeInputsAreStable) {
  HostTensor x = f32({2, 4}, {1, 2, 3, 4, 1000, 1001, 1002, 1003});
  std::vector<float> r = values<float>(
      runKernel("softmax", {&x}, DType::F32, {2, 4}, {{"axis", int64_t(1)}}));
  for (int row = 0; row < 2; ++row) {
    float sum = 0;
    for (int j = 0; j < 4; ++j) {
      EXPECT_FALSE(std::isnan(r[row * 4 + j]));
      sum += r[row * 4 + j];
    }
    EXPECT_NEAR(sum, 1.0f, 1e-6f);
  }
  // Shifting by a constant does not change softmax.
  for (int j = 0; j < 4; ++j)
    EXPECT_NEAR(r[j], r[4 + j], 1e-6f);
  double denom = std::exp(-3.0) + std::exp(-2.0) + std::exp(-1.0) + 1.0;
  EXPECT_NEAR(r[3], 1.0 / denom, 1e-6);
  // Along axis 0 the columns sum to one.
  std::vector<float> c = values<float>(
      runKernel("softmax", {&x}, DType::F32, {2, 4}, {{"axis", int64_t(0)}}));
  for (int j = 0; j < 4; ++j)
    EXPECT_NEAR(c[j] + c[4 + j], 1.0f, 1e-6f);
}

TEST(Shuffle, TransposeAndShuffle) {
  HostTensor x = i32({2, 3}, {0, 1, 2, 3, 4, 5});
  HostTensor t = runKernel("transpose", {&x}, DType::I32, {3, 2},
                           {{"permutation", Ints{1, 0}}});
  EXPECT_EQ(values<int32_t>(t), (std::vector<int32_t>{0, 3, 1, 4, 2, 5}));
  // transpose [2,3] -> [3,2], reshape to [2,3], transpose -> [3,2].
  HostTensor s = runKernel("shuffle", {&x}, DType::I32, {3, 2},
                           {{"first_transpose", Ints{1, 0}},
                            {"reshape", Ints{2, 3}},
                            {"second_transpose", Ints{1, 0}}});
  // After first transpose: 0 3 1 4 2 5; as 2x3: [[0,3,1],[4,2,5]];
  // transposed: [[0,4],[3,2],[1,5]].
  EXPECT_EQ(values<int32_t>(s), (std::vector<int32_t>{0, 4, 3, 2, 1, 5}));
  HostTensor flat = runKernel("shuffle", {&x}, DType::I32, {6},
                              {{"first_transpose", Ints{0, 1}},
                               {"reshape", Ints{6}},
                               {"second_transpose", Ints{0}}});
  EXPECT_EQ(values<int32_t>(flat), (std::vector<int32_t>{0, 1, 2, 3, 4, 5}));
  HostTensor copy = runKernel("copy", {&x}, DType::I32, {3, 1, 2}, {});
  EXPECT_EQ(values<int32_t>(copy), values<int32_t>(x));
  EXPECT_NE(errorOf([&] {
              runKernel("transpose", {&x}, DType::I32, {3, 2},
                        {{"permutation", Ints{1, 1}}});
            }).find("not a permutation"),
            std::string::npos);
}

TEST(Broadcast, RepeatsAlongNewAndUnitDims) {
  HostTensor x = f32({3, 1}, {1, 2, 3});
  HostTensor r = runKernel("broadcast", {&x}, DType::F32, {2, 3, 2},
                           {{"broadcast_dims", Ints{1, 2}}});
  EXPECT_EQ(values<float>(r),
            (std::vector<float>{1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}));
}

TEST(Slice, AllModes) {
  HostTensor x = i32({4}, {10, 11, 12, 13});
  auto slice = [&](const std::string &mode, int64_t start, int64_t stride,
                   int64_t size, const HostTensor *fill = nullptr) {
    std::vector<const HostTensor *> in = {&x};
    if (fill)
      in.push_back(fill);
    return values<int32_t>(runKernel("slice", in, DType::I32, {size},
                                     {{"start", Ints{start}},
                                      {"stride", Ints{stride}},
                                      {"mode", mode}}));
  };
  EXPECT_EQ(slice("kDEFAULT", 1, 2, 2), (std::vector<int32_t>{11, 13}));
  EXPECT_EQ(slice("kDEFAULT", 3, -1, 4), (std::vector<int32_t>{13, 12, 11, 10}));
  EXPECT_EQ(slice("kWRAP", -2, 1, 6),
            (std::vector<int32_t>{12, 13, 10, 11, 12, 13}));
  EXPECT_EQ(slice("kCLAMP", -2, 1, 7),
            (std::vector<int32_t>{10, 10, 10, 11, 12, 13, 13}));
  EXPECT_EQ(slice("kREFLECT", -3, 1, 10),
            (std::vector<int32_t>{13, 12, 11, 10, 11, 12, 13, 12, 11, 10}));
  HostTensor fill = i32({}, {-1});
  EXPECT_EQ(slice("kFILL", -1, 2, 4, &fill),
            (std::vector<int32_t>{-1, 11, 13, -1}));
  EXPECT_EQ(slice("kFILL", 3, 1, 2), (std::vector<int32_t>{13, 0}));
  std::string message = errorOf([&] { slice("kDEFAULT", 2, 1, 3); });
  EXPECT_NE(message.find("out of bounds"), std::string::npos) << message;
}

TEST(Concatenation, JoinsAlongAxis) {
  HostTensor a = f32({2, 1}, {1, 2});
  HostTensor b = f32({2, 2}, {3, 4, 5, 6});
  HostTensor r = runKernel("concatenation", {&a, &b}, DType::F32, {2, 3},
                           {{"axis", int64_t(1)}});
  EXPECT_EQ(values<float>(r), (std::vector<float>{1, 3, 4, 2, 5, 6}));
  HostTensor c = f32({1, 2}, {7, 8});
  HostTensor r0 = runKernel("concatenation", {&b, &c}, DType::F32, {3, 2},
                            {{"axis", int64_t(0)}});
  EXPECT_EQ(values<float>(r0), (std::vector<float>{3, 4, 5, 6, 7, 8}));
  EXPECT_NE(errorOf([&] {
              runKernel("concatenation", {&a, &b}, DType::F32, {2, 4},
                        {{"axis", int64_t(1)}});
            }).find("result 0 has shape 2x3"),
            std::string::npos);
}

TEST(Cast, SaturatesTruncatesAndMapsNaNToZero) {
  HostTensor x = f32({7}, {1.9f, -1.9f, 3e9f, -3e9f, NAN, INFINITY, 0.0f});
  EXPECT_EQ(values<int32_t>(runKernel("cast", {&x}, DType::I32, {7})),
            (std::vector<int32_t>{1, -1, 2147483647, -2147483647 - 1, 0,
                                  2147483647, 0}));
  EXPECT_EQ(values<uint8_t>(runKernel("cast", {&x}, DType::I1, {7})),
            (std::vector<uint8_t>{1, 1, 1, 1, 1, 1, 0}));
  HostTensor big = i64({2}, {int64_t(1) << 40, -3});
  EXPECT_EQ(values<int32_t>(runKernel("cast", {&big}, DType::I32, {2})),
            (std::vector<int32_t>{0, -3})); // integer narrowing wraps
  HostTensor toHalf = f32({3}, {1.0f / 3.0f, 70000.0f, -0.0f});
  std::vector<float> h = f16Values(runKernel("cast", {&toHalf}, DType::F16, {3}));
  EXPECT_EQ(h[0], halfToFloat(0x3555)); // nearest f16 to 1/3
  EXPECT_TRUE(std::isinf(h[1]));
  EXPECT_EQ(h[2], 0.0f);
  HostTensor flags = i1({2}, {1, 0});
  EXPECT_EQ(values<float>(runKernel("cast", {&flags}, DType::F32, {2})),
            (std::vector<float>{1, 0}));
}

TEST(Select, BroadcastsCondition) {
  HostTensor cond = i1({2, 1}, {1, 0});
  HostTensor onTrue = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  HostTensor onFalse = f32({1, 3}, {-1, -2, -3});
  HostTensor r = runKernel("select", {&cond, &onTrue, &onFalse}, DType::F32,
                           {2, 3}, {});
  EXPECT_EQ(values<float>(r), (std::vector<float>{1, 2, 3, -1, -2, -3}));
}

TEST(Unary, RoundHalfEvenAndIntegerOps) {
  HostTensor x = f32({6}, {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 2.4f});
  EXPECT_EQ(values<float>(runKernel("unary", {&x}, DType::F32, {6},
                                    {{"op", std::string("kROUND")}})),
            (std::vector<float>{0, 2, 2, -0.0f, -2, 2}));
  HostTensor s = f32({3}, {4, 9, 0.25f});
  EXPECT_EQ(values<float>(runKernel("unary", {&s}, DType::F32, {3},
                                    {{"op", std::string("kSQRT")}})),
            (std::vector<float>{2, 3, 0.5f}));
  HostTensor n = i32({3}, {-5, 0, 7});
  EXPECT_EQ(values<int32_t>(runKernel("unary", {&n}, DType::I32, {3},
                                      {{"op", std::string("kABS")}})),
            (std::vector<int32_t>{5, 0, 7}));
  EXPECT_EQ(values<int32_t>(runKernel("unary", {&n}, DType::I32, {3},
                                      {{"op", std::string("kSIGN")}})),
            (std::vector<int32_t>{-1, 0, 1}));
  HostTensor b = i1({2}, {0, 1});
  EXPECT_EQ(values<uint8_t>(runKernel("unary", {&b}, DType::I1, {2},
                                      {{"op", std::string("kNOT")}})),
            (std::vector<uint8_t>{1, 0}));
  EXPECT_NE(errorOf([&] {
              runKernel("unary", {&n}, DType::I32, {3},
                        {{"op", std::string("kEXP")}});
            }).find("not defined on integer"),
            std::string::npos);
}

TEST(Activation, ReluLeakyClipAndGelu) {
  HostTensor x = f32({4}, {-2, -0.5f, 0.5f, 2});
  EXPECT_EQ(values<float>(runKernel("activation", {&x}, DType::F32, {4},
                                    {{"type", std::string("kRELU")}})),
            (std::vector<float>{0, 0, 0.5f, 2}));
  EXPECT_EQ(values<float>(runKernel("activation", {&x}, DType::F32, {4},
                                    {{"type", std::string("kLEAKY_RELU")},
                                     {"alpha", 0.1}})),
            (std::vector<float>{-0.2f, -0.05f, 0.5f, 2}));
  EXPECT_EQ(values<float>(runKernel("activation", {&x}, DType::F32, {4},
                                    {{"type", std::string("kCLIP")},
                                     {"alpha", -1.0},
                                     {"beta", 1.0}})),
            (std::vector<float>{-1, -0.5f, 0.5f, 1}));
  std::vector<float> gelu = values<float>(runKernel(
      "activation", {&x}, DType::F32, {4}, {{"type", std::string("kGELU_ERF")}}));
  for (size_t i = 0; i < 4; ++i) {
    double v = values<float>(x)[i];
    EXPECT_NEAR(gelu[i], 0.5 * v * (1 + std::erf(v / std::sqrt(2.0))), 1e-6);
  }
}

TEST(Half, RoundTripsEveryF16AndRoundsToNearestEven) {
  for (uint32_t bits = 0; bits < 0x10000; ++bits) {
    uint16_t h = static_cast<uint16_t>(bits);
    float f = halfToFloat(h);
    if (std::isnan(f))
      EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(f))));
    else
      ASSERT_EQ(floatToHalf(f), h) << "bits " << bits;
  }
  EXPECT_EQ(floatToHalf(1.0f + std::ldexp(1.0f, -11)), 0x3c00);   // tie -> even
  EXPECT_EQ(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3c02); // tie -> even
  EXPECT_EQ(floatToHalf(65520.0f), 0x7c00);                        // overflow
  EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -25)), 0x0000);           // tie to 0
  EXPECT_EQ(floatToHalf(std::ldexp(3.0f, -25)), 0x0002);           // subnormal tie
  EXPECT_EQ(floatToBfloat16(1.0f), 0x3f80);
}

// i4 is packed two elements per byte; the data-movement kernels move
// nibbles, so odd extents put elements mid-byte.
HostTensor i4(std::vector<int64_t> shape, const std::vector<int> &v) {
  HostTensor tensor(DType::I4, std::move(shape));
  std::memset(tensor.data(), 0, static_cast<size_t>(tensor.byteSize()));
  for (size_t i = 0; i < v.size(); ++i)
    storeNibble(tensor.data(), static_cast<int64_t>(i),
                static_cast<uint8_t>(v[i]));
  return tensor;
}

std::vector<int> i4Values(const HostTensor &tensor) {
  std::vector<int> result;
  for (int64_t i = 0; i < tensor.numElements(); ++i)
    result.push_back(i4FromNibble(loadNibble(tensor.data(), i)));
  return result;
}

TEST(PackedCopies, ConcatenationSlicePaddingMoveNibbles) {
  HostTensor a = i4({3, 1}, {1, -2, 3});
  HostTensor b = i4({3, 2}, {-8, 7, 4, 5, -1, 0});
  HostTensor c = runKernel("concatenation", {&a, &b}, DType::I4, {3, 3},
                           {{"axis", int64_t(1)}});
  EXPECT_EQ(i4Values(c), (std::vector<int>{1, -8, 7, -2, 4, 5, 3, -1, 0}));

  HostTensor x = i4({5}, {1, 2, 3, 4, -5});
  HostTensor fill = i4({}, {-3});
  HostTensor s = runKernel("slice", {&x, &fill}, DType::I4, {4},
                           {{"start", Ints{-1}}, {"stride", Ints{2}},
                            {"mode", std::string("kFILL")}});
  EXPECT_EQ(i4Values(s), (std::vector<int>{-3, 2, 4, -3}));

  HostTensor p = runKernel("padding", {&a}, DType::I4, {1, 3},
                           {{"pre_padding", Ints{0, 1}},
                            {"post_padding", Ints{-2, 1}}});
  EXPECT_EQ(i4Values(p), (std::vector<int>{0, 1, 0}));
}

} // namespace
