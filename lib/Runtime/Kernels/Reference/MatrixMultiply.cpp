//===- MatrixMultiply.cpp - Reference `matrix_multiply` kernel ------------===//
//
// r[..., m, n] = sum_k A[..., m, k] * B[..., k, n], where `op0`/`op1` say how
// each operand holds its matrix: kNONE ([..., M, K] / [..., K, N]),
// kTRANSPOSE (last two dims swapped) or kVECTOR ([..., K]: that side has no
// M or N dim in the result). Collection (batch) dims broadcast: they are
// aligned from the right, a missing or size-1 dim repeats. Floats accumulate
// in f32 (f16/bf16 rounded once at the end); integers in int64 with wrap.
//
// Each batch is packed into dense row-major MxK and KxN scratch matrices and
// multiplied in i-k-j order, whose inner loop is a contiguous axpy that the
// compiler vectorizes.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

enum class Mode { None, Transpose, Vector };

Mode parseMode(const StepDesc &step, const char *name) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end())
    return Mode::None;
  const std::string &value = getStringAttr(step, name);
  if (value == "kNONE")
    return Mode::None;
  if (value == "kTRANSPOSE")
    return Mode::Transpose;
  if (value == "kVECTOR")
    return Mode::Vector;
  fail("attribute '", name, "' must be kNONE, kTRANSPOSE or kVECTOR, got '",
       value, "'");
}

/// How one operand's matrix sits in memory.
struct Operand {
  int64_t rows = 1, cols = 1;      // logical matrix (MxK for A, KxN for B)
  int64_t rowStride = 0, colStride = 0;
  size_t batchRank = 0;
};

/// `isLhs` selects the A (MxK) or B (KxN) reading of the operand.
Operand describe(const TensorView &view, Mode mode, bool isLhs, const char *what) {
  const Shape &s = view.shape;
  size_t matrixRank = mode == Mode::Vector ? 1 : 2;
  if (s.size() < matrixRank)
    fail(what, " has type ", typeOf(view), " but ",
         mode == Mode::Vector ? "kVECTOR needs rank >= 1" : "needs rank >= 2");
  Operand op;
  op.batchRank = s.size() - matrixRank;
  if (mode == Mode::Vector) {
    int64_t k = s.back();
    // A vector lhs is a 1xK row; a vector rhs is a Kx1 column.
    op.rows = isLhs ? 1 : k;
    op.cols = isLhs ? k : 1;
    op.rowStride = isLhs ? 0 : 1;
    op.colStride = isLhs ? 1 : 0;
    return op;
  }
  int64_t d0 = s[s.size() - 2], d1 = s[s.size() - 1];
  if (mode == Mode::None) {
    op.rows = d0, op.cols = d1, op.rowStride = d1, op.colStride = 1;
  } else {
    op.rows = d1, op.cols = d0, op.rowStride = 1, op.colStride = d1;
  }
  return op;
}

template <typename Acc>
void packMatrix(const TensorView &view, int64_t base, const Operand &op,
                std::vector<Acc> &out) {
  out.resize(static_cast<size_t>(op.rows * op.cols));
  for (int64_t i = 0; i < op.rows; ++i)
    for (int64_t j = 0; j < op.cols; ++j) {
      int64_t index = base + i * op.rowStride + j * op.colStride;
      if constexpr (std::is_same_v<Acc, float>)
        out[i * op.cols + j] = loadFloat(view.dtype, view.data, index);
      else
        out[i * op.cols + j] = loadInt(view.dtype, view.data, index);
    }
}

template <typename Acc>
void multiplyInto(const std::vector<Acc> &a, const std::vector<Acc> &b,
                  std::vector<Acc> &c, int64_t m, int64_t k, int64_t n) {
  c.assign(static_cast<size_t>(m * n), Acc(0));
  for (int64_t i = 0; i < m; ++i) {
    Acc *cRow = c.data() + i * n;
    for (int64_t p = 0; p < k; ++p) {
      const Acc aValue = a[i * k + p];
      const Acc *bRow = b.data() + p * n;
      if constexpr (std::is_same_v<Acc, float>) {
        for (int64_t j = 0; j < n; ++j)
          cRow[j] += aValue * bRow[j];
      } else { // wrap-around integer arithmetic, no signed overflow
        for (int64_t j = 0; j < n; ++j)
          cRow[j] = static_cast<int64_t>(
              static_cast<uint64_t>(cRow[j]) +
              static_cast<uint64_t>(aValue) * static_cast<uint64_t>(bRow[j]));
      }
    }
  }
}

template <typename Acc>
void run(const TensorView &a, const TensorView &b, const TensorView &r,
         const Operand &opA, const Operand &opB, const Shape &batchShape,
         const std::array<Shape, 3> &batchStrides) {
  const int64_t m = opA.rows, k = opA.cols, n = opB.cols;
  std::vector<Acc> packedA, packedB, c;
  forEachIndex<3>(batchShape, batchStrides, [&](int64_t, const auto &off) {
    packMatrix(a, off[0], opA, packedA);
    packMatrix(b, off[1], opB, packedB);
    multiplyInto(packedA, packedB, c, m, k, n);
    for (int64_t i = 0; i < m * n; ++i) {
      if constexpr (std::is_same_v<Acc, float>)
        storeFloat(r.dtype, r.data, off[2] + i, c[i]);
      else
        storeInt(r.dtype, r.data, off[2] + i, c[i]);
    }
  });
}

void matrixMultiplyKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &a = ctx.operands[0];
  const TensorView &b = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  Mode mode0 = parseMode(ctx.step, "op0");
  Mode mode1 = parseMode(ctx.step, "op1");
  expectSameDType(a, b, "lhs", "rhs");
  expectSameDType(a, r, "lhs", "result");
  if (a.dtype == DType::I1)
    fail("matrix_multiply is not defined on i1");

  Operand opA = describe(a, mode0, true, "lhs");
  Operand opB = describe(b, mode1, false, "rhs");
  if (opA.cols != opB.rows)
    fail("contracting dimensions differ: lhs ", typeOf(a), " has K = ",
         opA.cols, ", rhs ", typeOf(b), " has K = ", opB.rows);

  // Broadcast the batch dims, aligned from the right.
  size_t batchRank = std::max(opA.batchRank, opB.batchRank);
  Shape batchShape(batchRank, 1);
  std::array<Shape, 3> strides = {Shape(batchRank, 0), Shape(batchRank, 0),
                                  Shape(batchRank, 0)};
  Shape aStrides = rowMajorStrides(a.shape), bStrides = rowMajorStrides(b.shape);
  for (size_t d = 0; d < batchRank; ++d) {
    int64_t aDim = 1, bDim = 1;
    size_t fromRight = batchRank - d;
    if (fromRight <= opA.batchRank)
      aDim = a.shape[opA.batchRank - fromRight];
    if (fromRight <= opB.batchRank)
      bDim = b.shape[opB.batchRank - fromRight];
    if (aDim != bDim && aDim != 1 && bDim != 1)
      fail("collection dims do not broadcast: lhs ", typeOf(a), ", rhs ",
           typeOf(b));
    batchShape[d] = std::max(aDim, bDim);
    if (aDim != 1)
      strides[0][d] = aStrides[opA.batchRank - fromRight];
    if (bDim != 1)
      strides[1][d] = bStrides[opB.batchRank - fromRight];
  }
  Shape expected = batchShape;
  if (mode0 != Mode::Vector)
    expected.push_back(opA.rows);
  if (mode1 != Mode::Vector)
    expected.push_back(opB.cols);
  if (r.shape != expected)
    fail("result has type ", typeOf(r), ", expected ",
         describeType(r.dtype, expected), " for lhs ", typeOf(a), " and rhs ",
         typeOf(b));
  Shape rStrides = rowMajorStrides(batchShape);
  for (size_t d = 0; d < batchRank; ++d)
    strides[2][d] = rStrides[d] * opA.rows * opB.cols;

  if (isFloat(a.dtype))
    run<float>(a, b, r, opA, opB, batchShape, strides);
  else
    run<int64_t>(a, b, r, opA, opB, batchShape, strides);
}

} // namespace

void registerMatrixMultiplyKernels(KernelRegistry &registry) {
  registry.add("matrix_multiply", matrixMultiplyKernel);
}

} // namespace kiln
