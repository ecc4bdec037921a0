//===- MatrixMultiply.cpp - `matrix_multiply` on the packed GEMM ----------===//
//
// Operand modes become strides of the GEMM's matrices (a transposed operand
// is read in place). When B is the same for every batch (a weight), it is
// packed once; if A's batches are then dense rows too, the batches fold
// into one GEMM of batch*M rows (a Linear layer over [batch, seq, features]
// is one GEMM). Otherwise, with at least as many batches as threads, each
// thread runs whole batches; with fewer, each batch's GEMM is threaded.
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <vector>

namespace kiln::cpu {
namespace {

using Shape = std::vector<int64_t>;

struct Operand {
  int64_t rows = 1, cols = 1;
  int64_t rowStride = 0, colStride = 0;
  size_t batchRank = 0;
};

Operand describe(const TensorView &view, MatrixMode mode, bool isLhs,
                 const char *what) {
  const Shape &s = view.shape;
  size_t matrixRank = mode == MatrixMode::Vector ? 1 : 2;
  if (s.size() < matrixRank)
    fail("matrix_multiply: ", what, " has type ",
         describeType(view.dtype, view.shape), " but ",
         mode == MatrixMode::Vector ? "kVECTOR needs rank >= 1"
                                    : "needs rank >= 2");
  Operand op;
  op.batchRank = s.size() - matrixRank;
  if (mode == MatrixMode::Vector) {
    int64_t k = s.back();
    op.rows = isLhs ? 1 : k;
    op.cols = isLhs ? k : 1;
    op.rowStride = isLhs ? k : 1;
    op.colStride = isLhs ? 1 : 0;
    return op;
  }
  int64_t d0 = s[s.size() - 2], d1 = s[s.size() - 1];
  if (mode == MatrixMode::None)
    op.rows = d0, op.cols = d1, op.rowStride = d1, op.colStride = 1;
  else
    op.rows = d1, op.cols = d0, op.rowStride = 1, op.colStride = d1;
  return op;
}

Shape rowMajorStrides(const Shape &shape) {
  Shape strides(shape.size(), 1);
  for (size_t d = shape.size(); d-- > 1;)
    strides[d - 1] = strides[d] * shape[d];
  return strides;
}

const void *advance(const void *data, DType dtype, int64_t elements) {
  return static_cast<const uint8_t *>(data) + elements * dtypeSize(dtype);
}

thread_local std::vector<float> tlsWeights;

} // namespace

bool matrixMultiplySupports(DType lhs, DType rhs, DType result) {
  return lhs == rhs && lhs == result && gemmSupportsType(lhs);
}

bool packMatrixMultiplyRhs(const TensorView &b, MatrixMode modeB, Isa isa,
                           PackedRhs &packed) {
  if (!gemmSupportsType(b.dtype) || !b.data)
    return false;
  size_t matrixRank = modeB == MatrixMode::Vector ? 1 : 2;
  if (b.shape.size() < matrixRank)
    return false;
  for (size_t d = 0; d + matrixRank < b.shape.size(); ++d)
    if (b.shape[d] != 1)
      return false;
  for (int64_t dim : b.shape)
    if (dim < 0)
      return false;
  Operand op = describe(b, modeB, false, "rhs");
  PackedLayout layout = packedLayout(isa);
  packed.isa = isa;
  packed.k = op.rows;
  packed.n = op.cols;
  packed.data.assign(static_cast<size_t>(packedBSize(layout, op.rows, op.cols)),
                     0.0f);
  packB(layout, op.rows, op.cols,
        MatrixIn{b.data, b.dtype, op.rowStride, op.colStride},
        packed.data.data());
  return true;
}

void matrixMultiply(const TensorView &a, MatrixMode modeA, const TensorView &b,
                    MatrixMode modeB, const TensorView &r,
                    const Epilogue &epilogue, ThreadPool *threads, Isa isa,
                    const PackedRhs *packedRhs) {
  if (!matrixMultiplySupports(a.dtype, b.dtype, r.dtype))
    fail("matrix_multiply (cpu): element types ", dtypeName(a.dtype), ", ",
         dtypeName(b.dtype), " -> ", dtypeName(r.dtype),
         " are not supported; expected equal f32, f16 or bf16");
  Operand opA = describe(a, modeA, true, "lhs");
  Operand opB = describe(b, modeB, false, "rhs");
  if (opA.cols != opB.rows)
    fail("matrix_multiply: contracting dimensions differ: lhs ",
         describeType(a.dtype, a.shape), " has K = ", opA.cols, ", rhs ",
         describeType(b.dtype, b.shape), " has K = ", opB.rows);

  size_t batchRank = std::max(opA.batchRank, opB.batchRank);
  Shape batchShape(batchRank, 1), strideA(batchRank, 0), strideB(batchRank, 0);
  Shape aStrides = rowMajorStrides(a.shape), bStrides = rowMajorStrides(b.shape);
  bool aDenseBatches = true, bShared = true;
  for (size_t d = 0; d < batchRank; ++d) {
    int64_t aDim = 1, bDim = 1;
    size_t fromRight = batchRank - d;
    if (fromRight <= opA.batchRank)
      aDim = a.shape[opA.batchRank - fromRight];
    if (fromRight <= opB.batchRank)
      bDim = b.shape[opB.batchRank - fromRight];
    if (aDim != bDim && aDim != 1 && bDim != 1)
      fail("matrix_multiply: collection dims do not broadcast: lhs ",
           describeType(a.dtype, a.shape), ", rhs ",
           describeType(b.dtype, b.shape));
    batchShape[d] = std::max(aDim, bDim);
    if (aDim != 1)
      strideA[d] = aStrides[opA.batchRank - fromRight];
    if (bDim != 1)
      strideB[d] = bStrides[opB.batchRank - fromRight];
    if (batchShape[d] != 1 && aDim == 1)
      aDenseBatches = false;
    if (bDim != 1)
      bShared = false;
  }
  const int64_t m = opA.rows, k = opA.cols, n = opB.cols;
  Shape expected = batchShape;
  if (modeA != MatrixMode::Vector)
    expected.push_back(m);
  if (modeB != MatrixMode::Vector)
    expected.push_back(n);
  if (r.shape != expected)
    fail("matrix_multiply: result has type ", describeType(r.dtype, r.shape),
         ", expected ", describeType(r.dtype, expected), " for lhs ",
         describeType(a.dtype, a.shape), " and rhs ",
         describeType(b.dtype, b.shape));
  int64_t batches = 1;
  for (int64_t dim : batchShape)
    batches *= dim;
  if (batches == 0 || m == 0 || n == 0)
    return;

  const DType dtype = a.dtype;
  auto matrixA = [&](int64_t offset) {
    return MatrixIn{advance(a.data, dtype, offset), dtype, opA.rowStride,
                    opA.colStride};
  };
  auto matrixB = [&](int64_t offset) {
    return MatrixIn{advance(b.data, dtype, offset), dtype, opB.rowStride,
                    opB.colStride};
  };
  auto output = [&](int64_t batch) {
    return MatrixOut{static_cast<uint8_t *>(r.data) +
                         batch * m * n * dtypeSize(dtype),
                     dtype, n};
  };
  auto epilogueFor = [&](int64_t batch) {
    Epilogue e = epilogue;
    if (e.residual) {
      e.residual = advance(e.residual, e.residualType, batch * m * n);
      e.residualRowStride = n;
    }
    return e;
  };
  // Element offsets of batch `index` (row-major over batchShape).
  auto offsets = [&](int64_t index, int64_t &offA, int64_t &offB) {
    offA = offB = 0;
    for (size_t d = batchRank; d-- > 0;) {
      int64_t i = index % batchShape[d];
      index /= batchShape[d];
      offA += i * strideA[d];
      offB += i * strideB[d];
    }
  };

  const int numThreads = threads ? threads->size() : 1;
  if (packedRhs && (!bShared || packedRhs->isa != isa || packedRhs->k != k ||
                    packedRhs->n != n))
    fail("matrix_multiply (cpu): the pre-packed rhs (", packedRhs->k, "x",
         packedRhs->n, " for ", isaName(packedRhs->isa),
         ") does not fit rhs ", describeType(b.dtype, b.shape), " for ",
         isaName(isa));
  if (bShared) {
    const float *packed;
    if (packedRhs) {
      packed = packedRhs->data.data();
    } else {
      PackedLayout layout = packedLayout(isa);
      int64_t packedSize = packedBSize(layout, k, n);
      if (static_cast<int64_t>(tlsWeights.size()) < packedSize)
        tlsWeights.resize(static_cast<size_t>(packedSize));
      packB(layout, k, n, matrixB(0), tlsWeights.data(), threads);
      packed = tlsWeights.data();
    }
    // Batches of A that are dense rows (kNONE: row stride K, batch stride
    // M*K; kVECTOR: row stride K) fold into the M dimension.
    bool fold = aDenseBatches && !epilogue.biasPerRow &&
                (modeA == MatrixMode::Vector ||
                 (modeA == MatrixMode::None && batches > 0));
    if (fold) {
      Epilogue e = epilogueFor(0);
      gemmPacked(isa, batches * m, n, k, matrixA(0), packed, output(0), e,
                 threads);
      return;
    }
    auto body = [&](int64_t b0, int64_t b1) {
      for (int64_t batch = b0; batch < b1; ++batch) {
        int64_t offA, offB;
        offsets(batch, offA, offB);
        gemmPacked(isa, m, n, k, matrixA(offA), packed, output(batch),
                   epilogueFor(batch), threads);
      }
    };
    if (threads && batches >= numThreads)
      threads->parallelFor(batches, body);
    else
      body(0, batches);
    return;
  }
  auto body = [&](int64_t b0, int64_t b1) {
    for (int64_t batch = b0; batch < b1; ++batch) {
      int64_t offA, offB;
      offsets(batch, offA, offB);
      gemm(isa, m, n, k, matrixA(offA), matrixB(offB), output(batch),
           epilogueFor(batch), threads);
    }
  };
  if (threads && batches >= numThreads)
    threads->parallelFor(batches, body);
  else
    body(0, batches);
}

} // namespace kiln::cpu
