//===- Contraction.cpp - dot_general and convolution ----------------------===//
//
// Part of Kiln. Contractions: dot_general/dot → `matrix_multiply` (operands
// brought into [batch..., rows, cols] form by transposes and reshapes), and
// convolution in any layout → `tensorrt.convolution`.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

/// Why a convolution cannot become `tensorrt.convolution`, or nothing.
static std::optional<std::string> convolutionProblem(shlo::ConvolutionOp op) {
  auto allEqual = [](std::optional<ArrayRef<int64_t>> values, int64_t v) {
    return !values || llvm::all_of(*values, [&](int64_t x) { return x == v; });
  };
  int64_t spatial = static_cast<int64_t>(op.getInputDims().size()) - 2;
  if (spatial < 1 || spatial > 3)
    return std::string("is supported only with 1 to 3 spatial dimensions");
  if (!isFloat(op.getLhs()) || !tensorType(op.getLhs()).hasStaticShape() ||
      !tensorType(op.getRhs()).hasStaticShape())
    return std::string("is supported only on static floating-point tensors");
  if (!allEqual(op.getLhsDilation(), 1))
    return std::string("with input (lhs) dilation is not supported yet");
  if (op.getWindowReversal() &&
      llvm::is_contained(*op.getWindowReversal(), true))
    return std::string("with window reversal is not supported yet");
  if (op.getBatchGroupCount() != 1)
    return std::string("with batch_group_count > 1 is not supported yet");
  if (auto padding = op.getPadding())
    if (llvm::any_of(*padding, [](int64_t p) { return p < 0; }))
      return std::string("with negative padding is not supported yet");
  return std::nullopt;
}

namespace {

/// One dot_general operand brought into matrix form [batch..., rows, cols]:
/// `outer` dimensions become the rows (lhs) or columns (rhs), `contracting`
/// the other matrix dimension. Returns the matrix and the outer sizes.
struct MatrixOperand {
  Value matrix;
  SmallVector<int64_t> outerSizes;
  trt::MatrixOperation operation = trt::MatrixOperation::kNONE;
};

static MatrixOperand toMatrix(OpBuilder &b, Location loc, Value value,
                              ArrayRef<int64_t> batch,
                              ArrayRef<int64_t> contracting, bool isLhs) {
  RankedTensorType type = tensorType(value);
  SmallVector<int64_t> outer;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!llvm::is_contained(batch, d) && !llvm::is_contained(contracting, d))
      outer.push_back(d);
  MatrixOperand result;
  SmallVector<int64_t> batchSizes;
  for (int64_t d : batch)
    batchSizes.push_back(type.getDimSize(d));
  for (int64_t d : outer)
    result.outerSizes.push_back(type.getDimSize(d));
  SmallVector<int64_t> contractingSizes;
  for (int64_t d : contracting)
    contractingSizes.push_back(type.getDimSize(d));

  // lhs wants [batch, outer, contracting], rhs [batch, contracting, outer].
  // When the operand already has the other order, a transposed read
  // (kTRANSPOSE) saves the transpose.
  SmallVector<int64_t> natural(batch), swapped(batch);
  ArrayRef<int64_t> first = isLhs ? ArrayRef<int64_t>(outer) : contracting;
  ArrayRef<int64_t> second = isLhs ? contracting : ArrayRef<int64_t>(outer);
  llvm::append_range(natural, first);
  llvm::append_range(natural, second);
  llvm::append_range(swapped, second);
  llvm::append_range(swapped, first);
  auto isIdentity = [](ArrayRef<int64_t> perm) {
    for (auto [i, d] : llvm::enumerate(perm))
      if (static_cast<int64_t>(i) != d)
        return false;
    return true;
  };
  bool useSwapped = !isIdentity(natural) && isIdentity(swapped);
  ArrayRef<int64_t> perm = useSwapped ? swapped : natural;
  Value permuted = transpose(b, loc, value, perm);

  int64_t rows = product(isLhs ? ArrayRef<int64_t>(result.outerSizes)
                               : ArrayRef<int64_t>(contractingSizes));
  int64_t cols = product(isLhs ? ArrayRef<int64_t>(contractingSizes)
                               : ArrayRef<int64_t>(result.outerSizes));
  SmallVector<int64_t> shape(batchSizes);
  if (useSwapped) {
    shape.push_back(cols);
    shape.push_back(rows);
    result.operation = trt::MatrixOperation::kTRANSPOSE;
  } else {
    shape.push_back(rows);
    shape.push_back(cols);
  }
  result.matrix = reshape(b, loc, permuted, shape);
  return result;
}

static Value lowerDot(OpBuilder &b, Location loc, Value lhs, Value rhs,
                      ArrayRef<int64_t> lhsBatch, ArrayRef<int64_t> rhsBatch,
                      ArrayRef<int64_t> lhsContracting,
                      ArrayRef<int64_t> rhsContracting,
                      RankedTensorType resultType) {
  MatrixOperand a = toMatrix(b, loc, lhs, lhsBatch, lhsContracting, true);
  MatrixOperand c = toMatrix(b, loc, rhs, rhsBatch, rhsContracting, false);
  SmallVector<int64_t> productShape;
  for (int64_t d : lhsBatch)
    productShape.push_back(tensorType(lhs).getDimSize(d));
  productShape.push_back(product(a.outerSizes));
  productShape.push_back(product(c.outerSizes));
  Value matrix =
      trt::MatrixMultiplyOp::create(b, loc, resultType.clone(productShape),
                                    a.matrix, c.matrix, a.operation,
                                    c.operation)
          .getResult();
  return reshape(b, loc, matrix, resultType.getShape());
}

struct DotGeneralLowering : public StableHLOPattern<shlo::DotGeneralOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DotGeneralOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (!tensorType(op.getResult()).hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    return lowerDot(rewriter, op.getLoc(), adaptor.getLhs(), adaptor.getRhs(),
                    op.getLhsBatchingDimensions(),
                    op.getRhsBatchingDimensions(),
                    op.getLhsContractingDimensions(),
                    op.getRhsContractingDimensions(),
                    tensorType(op.getResult()));
  }
};

struct DotLowering : public StableHLOPattern<shlo::DotOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DotOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (!tensorType(op.getResult()).hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    int64_t lhsRank = tensorType(adaptor.getLhs()).getRank();
    return lowerDot(rewriter, op.getLoc(), adaptor.getLhs(), adaptor.getRhs(),
                    {}, {}, {lhsRank - 1}, {0}, tensorType(op.getResult()));
  }
};

// Convolution

/// Any layout → `tensorrt.convolution` on [N, C, spatial...] and
/// [K, C/G, window...], by transposes in and out.
struct ConvolutionLowering : public StableHLOPattern<shlo::ConvolutionOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConvolutionOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ArrayRef<int64_t> outputDims = op.getOutputDims();
    int64_t spatial = static_cast<int64_t>(outputDims.size()) - 2;
    Value input = transpose(rewriter, loc, adaptor.getLhs(), op.getInputDims());
    Value kernel =
        transpose(rewriter, loc, adaptor.getRhs(), op.getKernelDims());
    RankedTensorType resultType = tensorType(op.getResult());
    SmallVector<int64_t> canonicalShape;
    for (int64_t d : outputDims)
      canonicalShape.push_back(resultType.getDimSize(d));
    SmallVector<int64_t> stride(spatial, 1), pre(spatial, 0), post(spatial, 0),
        dilation(spatial, 1);
    if (auto strides = op.getWindowStrides())
      stride.assign(strides->begin(), strides->end());
    if (auto padding = op.getPadding())
      for (int64_t i = 0; i < spatial; ++i) {
        pre[i] = (*padding)[2 * i];
        post[i] = (*padding)[2 * i + 1];
      }
    if (auto rhsDilation = op.getRhsDilation())
      dilation.assign(rhsDilation->begin(), rhsDilation->end());
    Value conv =
        trt::ConvolutionOp::create(
            rewriter, loc, resultType.clone(canonicalShape), input, kernel,
            Value(), ElementsAttr(), ElementsAttr(), stride, pre, post,
            static_cast<uint32_t>(op.getFeatureGroupCount()),
            rewriter.getDenseI64ArrayAttr(dilation))
            .getResult();
    // Result dimension p is canonical dimension c where outputDims[c] = p.
    SmallVector<int64_t> perm(outputDims.size());
    for (auto [c, p] : llvm::enumerate(outputDims))
      perm[p] = c;
    return transpose(rewriter, loc, conv, perm);
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::DotGeneralOp, shlo::DotOp, shlo::ConvolutionOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (isa<shlo::DotGeneralOp, shlo::DotOp>(op) && !isFloat(op->getOperand(0)))
    return std::string("is supported only on floating-point operands");
  if (auto conv = dyn_cast<shlo::ConvolutionOp>(op))
    return convolutionProblem(conv);
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<DotGeneralLowering, DotLowering, ConvolutionLowering>(
      patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kContractionFamily = {
    "contraction", owns, problem, populate};
