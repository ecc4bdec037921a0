//===- CPUGemmTest.cpp - CPU GEMM and matrix_multiply against the oracle --===//
#include "CPUTestUtils.h"
#include "Kernels.h"

#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <random>

using namespace kiln;
using namespace kiln::test;
using cpu::Isa;
using cpu::MatrixMode;

namespace {

using Ints = std::vector<int64_t>;

std::vector<Isa> availableIsas() {
  std::vector<Isa> isas;
  for (Isa isa : {Isa::Portable, Isa::AVX2, Isa::AVX512})
    if (cpu::isaAvailable(isa))
      isas.push_back(isa);
  return isas;
}

const char *modeName(MatrixMode mode) {
  return mode == MatrixMode::None        ? "kNONE"
         : mode == MatrixMode::Transpose ? "kTRANSPOSE"
                                         : "kVECTOR";
}

struct Case {
  DType dtype;
  Ints lhsShape, rhsShape, resultShape;
  MatrixMode lhsMode, rhsMode;
  int64_t k;
};

/// A random matmul: sizes with tails around the micro-tiles, size-1 and
/// empty dims, broadcast batches, every operand mode.
Case randomCase(std::mt19937 &gen, DType dtype, int64_t maxSize) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
  };
  Case c;
  c.dtype = dtype;
  int64_t m = pick(1, maxSize), n = pick(1, maxSize), k = pick(1, maxSize);
  if (pick(0, 15) == 0)
    (pick(0, 2) == 0 ? m : pick(0, 1) ? n : k) = 0;
  c.k = k;
  auto mode = [&] {
    int64_t r = pick(0, 5);
    return r < 3 ? MatrixMode::None
                 : r < 5 ? MatrixMode::Transpose : MatrixMode::Vector;
  };
  c.lhsMode = mode();
  c.rhsMode = mode();
  Ints batch;
  for (int64_t d = pick(0, 2); d > 0; --d)
    batch.push_back(pick(1, 3));
  auto batchOf = [&](size_t keep) {
    // Drop leading dims (right alignment) and set some dims to 1.
    Ints b(batch.end() - static_cast<int64_t>(keep), batch.end());
    for (int64_t &dim : b)
      if (pick(0, 3) == 0)
        dim = 1;
    return b;
  };
  Ints lhsBatch = batchOf(static_cast<size_t>(pick(0, batch.size())));
  Ints rhsBatch = batchOf(static_cast<size_t>(pick(0, batch.size())));
  // The result's batch: the broadcast of both.
  size_t rank = std::max(lhsBatch.size(), rhsBatch.size());
  Ints out(rank, 1);
  for (size_t d = 0; d < rank; ++d) {
    size_t fromRight = rank - d;
    int64_t x = fromRight <= lhsBatch.size() ? lhsBatch[lhsBatch.size() - fromRight] : 1;
    int64_t y = fromRight <= rhsBatch.size() ? rhsBatch[rhsBatch.size() - fromRight] : 1;
    out[d] = std::max(x, y);
  }
  c.lhsShape = lhsBatch;
  if (c.lhsMode == MatrixMode::Vector)
    c.lhsShape.push_back(k);
  else if (c.lhsMode == MatrixMode::None)
    c.lhsShape.insert(c.lhsShape.end(), {m, k});
  else
    c.lhsShape.insert(c.lhsShape.end(), {k, m});
  c.rhsShape = rhsBatch;
  if (c.rhsMode == MatrixMode::Vector)
    c.rhsShape.push_back(k);
  else if (c.rhsMode == MatrixMode::None)
    c.rhsShape.insert(c.rhsShape.end(), {k, n});
  else
    c.rhsShape.insert(c.rhsShape.end(), {n, k});
  c.resultShape = out;
  if (c.lhsMode != MatrixMode::Vector)
    c.resultShape.push_back(m);
  if (c.rhsMode != MatrixMode::Vector)
    c.resultShape.push_back(n);
  return c;
}

std::string describe(const Case &c) {
  return describeType(c.dtype, c.lhsShape) + " " + modeName(c.lhsMode) +
         " x " + describeType(c.dtype, c.rhsShape) + " " + modeName(c.rhsMode);
}

void checkAgainstReference(const Case &c, std::mt19937 &gen, Isa isa,
                           ThreadPool *threads) {
  HostTensor lhs = randomTensor(c.dtype, c.lhsShape, gen);
  HostTensor rhs = randomTensor(c.dtype, c.rhsShape, gen);
  HostTensor expected =
      runKernel("matrix_multiply", {&lhs, &rhs}, c.dtype, c.resultShape,
                {{"op0", std::string(modeName(c.lhsMode))},
                 {"op1", std::string(modeName(c.rhsMode))}});
  HostTensor actual(c.dtype, c.resultShape);
  cpu::matrixMultiply(lhs.view(), c.lhsMode, rhs.view(), c.rhsMode,
                      actual.view(), {}, threads, isa);
  float rtol = storageTolerance(c.dtype, 1e-4f);
  float atol = 2e-6f * static_cast<float>(c.k) + 1e-6f;
  expectClose(actual, expected, rtol, atol,
              std::string(cpu::isaName(isa)) + " " + describe(c));
}

TEST(CPUGemm, MatrixMultiplyMatchesReferenceOnRandomShapes) {
  std::mt19937 gen(7);
  ThreadPool pool(2);
  for (Isa isa : availableIsas())
    for (DType dtype : {DType::F32, DType::F16, DType::BF16})
      for (int i = 0; i < 40; ++i)
        checkAgainstReference(randomCase(gen, dtype, 40), gen, isa,
                              i % 2 ? &pool : nullptr);
}

TEST(CPUGemm, LargerThanOneBlockThreaded) {
  // Crosses the KC block (256), several tiles, and micro-tile tails.
  std::mt19937 gen(11);
  ThreadPool two(2), three(3);
  for (Isa isa : availableIsas()) {
    Case c{DType::F32, {133, 301}, {301, 97}, {133, 97}, MatrixMode::None,
           MatrixMode::None, 301};
    checkAgainstReference(c, gen, isa, &two);
    Case t{DType::BF16, {2, 300, 70}, {45, 300}, {2, 70, 45},
           MatrixMode::Transpose, MatrixMode::Transpose, 300};
    checkAgainstReference(t, gen, isa, &three);
    Case f{DType::F16, {3, 37, 260}, {260, 50}, {3, 37, 50}, MatrixMode::None,
           MatrixMode::None, 260};
    checkAgainstReference(f, gen, isa, &two);
  }
}

TEST(CPUGemm, PrepackedEqualsPackingEachCall) {
  std::mt19937 gen(3);
  for (Isa isa : availableIsas()) {
    const int64_t m = 29, n = 45, k = 300;
    HostTensor a = randomTensor(DType::F32, {m, k}, gen);
    HostTensor b = randomTensor(DType::F32, {k, n}, gen);
    HostTensor c1(DType::F32, {m, n}), c2(DType::F32, {m, n});
    cpu::MatrixIn ma{a.data(), DType::F32, k, 1}, mb{b.data(), DType::F32, n, 1};
    cpu::PackedLayout layout = cpu::packedLayout(isa);
    std::vector<float> packed(cpu::packedBSize(layout, k, n));
    cpu::packB(layout, k, n, mb, packed.data());
    cpu::gemmPacked(isa, m, n, k, ma, packed.data(),
                    {c1.data(), DType::F32, n});
    cpu::gemm(isa, m, n, k, ma, mb, {c2.data(), DType::F32, n});
    EXPECT_EQ(values<float>(c1), values<float>(c2)) << cpu::isaName(isa);
  }
}

TEST(CPUGemm, PrepackedWeightsMatchReference) {
  std::mt19937 gen(9);
  ThreadPool pool(2);
  for (Isa isa : availableIsas())
    for (DType dtype : {DType::F32, DType::BF16})
      for (MatrixMode mode : {MatrixMode::None, MatrixMode::Transpose}) {
        HostTensor a = randomTensor(dtype, {2, 3, 5, 40}, gen);
        Ints wShape = mode == MatrixMode::None ? Ints{1, 40, 33} : Ints{33, 40};
        HostTensor w = randomTensor(dtype, wShape, gen);
        cpu::PackedRhs packed;
        ASSERT_TRUE(cpu::packMatrixMultiplyRhs(w.view(), mode, isa, packed));
        HostTensor expected =
            runKernel("matrix_multiply", {&a, &w}, dtype, {2, 3, 5, 33},
                      {{"op1", std::string(modeName(mode))}});
        HostTensor actual(dtype, {2, 3, 5, 33});
        TensorView wView = w.view();
        wView.data = nullptr; // must not be read
        cpu::matrixMultiply(a.view(), MatrixMode::None, wView, mode,
                            actual.view(), {}, &pool, isa, &packed);
        expectClose(actual, expected, storageTolerance(dtype, 1e-4f), 1e-4f,
                    std::string("prepacked ") + cpu::isaName(isa));
      }
  // Per-batch weights cannot be packed once.
  HostTensor batched(DType::F32, {2, 4, 4});
  cpu::PackedRhs packed;
  EXPECT_FALSE(cpu::packMatrixMultiplyRhs(batched.view(), MatrixMode::None,
                                          cpu::bestIsa(), packed));
}

TEST(CPUGemm, EpilogueMatchesProductThenPointwise) {
  std::mt19937 gen(5);
  const int64_t m = 19, n = 37, k = 23;
  HostTensor a = randomTensor(DType::F32, {m, k}, gen);
  HostTensor b = randomTensor(DType::F32, {k, n}, gen);
  HostTensor bias = randomTensor(DType::F32, {n}, gen);
  HostTensor rowBias = randomTensor(DType::F32, {m}, gen);
  HostTensor residual = randomTensor(DType::F32, {m, n}, gen);
  HostTensor product = runKernel("matrix_multiply", {&a, &b}, DType::F32, {m, n});
  std::vector<float> p = values<float>(product), bv = values<float>(bias),
                     rb = values<float>(rowBias), res = values<float>(residual);
  for (Isa isa : availableIsas()) {
    for (cpu::Activation act :
         {cpu::Activation::None, cpu::Activation::Relu, cpu::Activation::Gelu,
          cpu::Activation::GeluTanh, cpu::Activation::Sigmoid,
          cpu::Activation::Tanh, cpu::Activation::LeakyRelu,
          cpu::Activation::Clip}) {
      for (bool after : {false, true}) {
        for (bool perRow : {false, true}) {
          cpu::Epilogue e;
          e.alpha = 0.5f;
          e.bias = perRow ? rowBias.data() : bias.data();
          e.biasPerRow = perRow;
          e.residual = residual.data();
          e.residualRowStride = n;
          e.residualScale = 2.0f;
          e.residualAfterActivation = after;
          e.activation = act;
          e.activationAlpha = -0.25f;
          e.activationBeta = 0.3f;
          HostTensor c(DType::F32, {m, n});
          cpu::gemm(isa, m, n, k, {a.data(), DType::F32, k, 1},
                    {b.data(), DType::F32, n, 1}, {c.data(), DType::F32, n}, e);
          std::vector<float> got = values<float>(c);
          for (int64_t i = 0; i < m; ++i)
            for (int64_t j = 0; j < n; ++j) {
              float v = 0.5f * p[i * n + j] + (perRow ? rb[i] : bv[j]);
              float r = 2.0f * res[i * n + j];
              v = after ? cpu::activate(act, v, -0.25f, 0.3f) + r
                        : cpu::activate(act, v + r, -0.25f, 0.3f);
              ASSERT_NEAR(got[i * n + j], v, 1e-5f)
                  << cpu::isaName(isa) << " activation " << int(act) << " at ("
                  << i << ", " << j << ")";
            }
        }
      }
    }
  }
}

TEST(CPUGemm, EmptyContractionAppliesEpilogueToZero) {
  HostTensor a(DType::F32, {3, 0}), b(DType::F32, {0, 4});
  HostTensor bias = f32({4}, {1, -2, 3, -4});
  cpu::Epilogue e;
  e.bias = bias.data();
  e.activation = cpu::Activation::Relu;
  HostTensor c(DType::F32, {3, 4});
  cpu::matrixMultiply(a.view(), MatrixMode::None, b.view(), MatrixMode::None,
                      c.view(), e);
  EXPECT_EQ(values<float>(c),
            (std::vector<float>{1, 0, 3, 0, 1, 0, 3, 0, 1, 0, 3, 0}));
}

TEST(CPUGemm, RefusesWhatItDoesNotTake) {
  HostTensor a(DType::I32, {2, 3}), b(DType::I32, {3, 2}), r(DType::I32, {2, 2});
  EXPECT_FALSE(cpu::matrixMultiplySupports(DType::I32, DType::I32, DType::I32));
  EXPECT_NE(errorOf([&] {
              cpu::matrixMultiply(a.view(), MatrixMode::None, b.view(),
                                  MatrixMode::None, r.view());
            }).find("are not supported"),
            std::string::npos);
  HostTensor x(DType::F32, {2, 3}), y(DType::F32, {4, 2}), z(DType::F32, {2, 2});
  EXPECT_NE(errorOf([&] {
              cpu::matrixMultiply(x.view(), MatrixMode::None, y.view(),
                                  MatrixMode::None, z.view());
            }).find("contracting dimensions differ"),
            std::string::npos);
  HostTensor wrong(DType::F32, {2, 5});
  HostTensor w(DType::F32, {3, 2});
  EXPECT_NE(errorOf([&] {
              cpu::matrixMultiply(x.view(), MatrixMode::None, w.view(),
                                  MatrixMode::None, wrong.view());
            }).find("expected 2x2xf32"),
            std::string::npos);
}

} // namespace
