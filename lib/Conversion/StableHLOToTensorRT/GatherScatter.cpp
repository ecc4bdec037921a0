//===- GatherScatter.cpp - gather and scatter -----------------------------===//
//
// Part of Kiln. `stablehlo.gather` in the forms that take whole slices at one
// index per position (embedding lookup, take along an axis) → `tensorrt.gather`,
// and the scatter-add of whole rows → a one-hot matrix product.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

/// Whether `op` is the scatter-add JAX emits for `x.at[ids].add(u)`: one
/// float operand, whole windows along the other dimensions inserted at one
/// index into dimension 0, the batch dimensions of the updates in front.
static bool isRowScatterAdd(shlo::ScatterOp op) {
  if (op.getInputs().size() != 1 || !isFloat(op.getInputs()[0]))
    return false;
  Block &body = op.getUpdateComputation().front();
  if (!llvm::hasNItems(body, 2) || body.getNumArguments() != 2 ||
      !isa<shlo::AddOp>(body.front()))
    return false;
  shlo::ScatterDimensionNumbersAttr dims = op.getScatterDimensionNumbers();
  RankedTensorType operand = tensorType(op.getInputs()[0]);
  RankedTensorType indices = tensorType(op.getScatterIndices());
  RankedTensorType updates = tensorType(op.getUpdates()[0]);
  if (!operand.hasStaticShape() || !indices.hasStaticShape() ||
      !updates.hasStaticShape() || !dims.getInputBatchingDims().empty() ||
      dims.getInsertedWindowDims() != ArrayRef<int64_t>{0} ||
      dims.getScatterDimsToOperandDims() != ArrayRef<int64_t>{0})
    return false;
  int64_t vectorDim = dims.getIndexVectorDim();
  int64_t batchRank = indices.getRank();
  if (vectorDim < indices.getRank()) {
    if (indices.getDimSize(vectorDim) != 1 || vectorDim != indices.getRank() - 1)
      return false;
    --batchRank;
  }
  int64_t windowRank = operand.getRank() - 1;
  if (updates.getRank() != batchRank + windowRank)
    return false;
  for (int64_t i = 0; i < windowRank; ++i)
    if (dims.getUpdateWindowDims().size() != static_cast<size_t>(windowRank) ||
        dims.getUpdateWindowDims()[i] != batchRank + i ||
        updates.getDimSize(batchRank + i) != operand.getDimSize(i + 1))
      return false;
  return true;
}

/// For a gather that takes whole slices at one index per operand dimension
/// `a` (embedding lookup, `jnp.take` along an axis): `a`, else nothing.
static std::optional<int64_t> gatherAxis(shlo::GatherOp op) {
  shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
  RankedTensorType operand = tensorType(op.getOperand());
  RankedTensorType indices = tensorType(op.getStartIndices());
  if (!operand.hasStaticShape() || !indices.hasStaticShape() ||
      !dims.getOperandBatchingDims().empty() ||
      !dims.getStartIndicesBatchingDims().empty() ||
      dims.getStartIndexMap().size() != 1)
    return std::nullopt;
  int64_t axis = dims.getStartIndexMap()[0];
  if (dims.getCollapsedSliceDims() != ArrayRef<int64_t>{axis} ||
      static_cast<int64_t>(dims.getOffsetDims().size()) != operand.getRank() - 1 ||
      !llvm::is_sorted(dims.getOffsetDims()))
    return std::nullopt;
  ArrayRef<int64_t> sizes = op.getSliceSizes();
  for (int64_t d = 0; d < operand.getRank(); ++d)
    if (sizes[d] != (d == axis ? 1 : operand.getDimSize(d)))
      return std::nullopt;
  int64_t vectorDim = dims.getIndexVectorDim();
  if (vectorDim != indices.getRank() &&
      (vectorDim > indices.getRank() || indices.getDimSize(vectorDim) != 1))
    return std::nullopt;
  return axis;
}

namespace {

/// Gather of whole slices along one axis → `tensorrt.gather`, with the
/// indices clamped into bounds (as StableHLO clamps start indices) and the
/// result dimensions permuted into StableHLO's order.
struct GatherLowering : public StableHLOPattern<shlo::GatherOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::GatherOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t axis = *gatherAxis(op);
    shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
    Value data = adaptor.getOperand();
    Value indices = adaptor.getStartIndices();
    RankedTensorType dataType = tensorType(data);
    // Drop the size-1 index vector dimension.
    SmallVector<int64_t> batchShape(tensorType(indices).getShape());
    if (dims.getIndexVectorDim() < static_cast<int64_t>(batchShape.size()))
      batchShape.erase(batchShape.begin() + dims.getIndexVectorDim());
    indices = reshape(rewriter, loc, indices, batchShape);
    if (!elementType(indices).isSignlessInteger(64))
      indices = castTo(rewriter, loc, indices, rewriter.getI32Type());
    Value low = splatLike(rewriter, loc, indices, 0);
    Value high =
        splatLike(rewriter, loc, indices, double(dataType.getDimSize(axis) - 1));
    indices = elementWise(rewriter, loc, ElementWiseOperation::kMAX, indices, low);
    indices = elementWise(rewriter, loc, ElementWiseOperation::kMIN, indices, high);

    int64_t batchRank = batchShape.size();
    SmallVector<int64_t> gatheredShape(dataType.getShape().take_front(axis));
    llvm::append_range(gatheredShape, batchShape);
    llvm::append_range(gatheredShape, dataType.getShape().drop_front(axis + 1));
    Value gathered = trt::GatherOp::create(rewriter, loc,
                                           dataType.clone(gatheredShape), data,
                                           indices, axis, /*numBroadcastDims=*/0)
                         .getResult();
    // Result dimension i is offset dimension k (the k-th kept operand
    // dimension) or batch dimension j.
    int64_t resultRank = tensorType(op.getResult()).getRank();
    SmallVector<int64_t> perm;
    int64_t offset = 0, batch = 0;
    for (int64_t i = 0; i < resultRank; ++i) {
      if (llvm::is_contained(dims.getOffsetDims(), i)) {
        perm.push_back(offset < axis ? offset : offset + batchRank);
        ++offset;
      } else {
        perm.push_back(axis + batch++);
      }
    }
    return transpose(rewriter, loc, gathered, perm);
  }
};

/// Scatter-add of rows as a product with a one-hot matrix:
/// x + onehot(ids, n)^T @ u. Indices outside [0, n) match no row and are
/// skipped, as StableHLO skips out-of-bounds windows; duplicates add up.
struct ScatterAddLowering : public OpConversionPattern<shlo::ScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value operand = adaptor.getInputs()[0];
    Value updates = adaptor.getUpdates()[0];
    RankedTensorType operandType = tensorType(operand);
    int64_t rows = operandType.getDimSize(0);
    int64_t width = product(operandType.getShape().drop_front());
    int64_t count = tensorType(updates).getNumElements() / std::max<int64_t>(width, 1);
    Value ids = reshape(rewriter, loc, adaptor.getScatterIndices(), {count, 1});
    ids = castTo(rewriter, loc, ids, rewriter.getI32Type());
    SmallVector<int32_t> positions(rows);
    std::iota(positions.begin(), positions.end(), 0);
    Value iota = trt::ConstantOp::create(
                     rewriter, loc,
                     DenseElementsAttr::get(
                         RankedTensorType::get({1, rows}, rewriter.getI32Type()),
                         ArrayRef<int32_t>(positions)))
                     .getResult();
    Value match =
        elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, ids, iota);
    Value oneHot = castTo(rewriter, loc, match, operandType.getElementType());
    Value flat = reshape(rewriter, loc, updates, {count, width});
    Value sums = trt::MatrixMultiplyOp::create(
                     rewriter, loc, operandType.clone({rows, width}), oneHot,
                     flat, trt::MatrixOperation::kTRANSPOSE,
                     trt::MatrixOperation::kNONE)
                     .getResult();
    sums = reshape(rewriter, loc, sums, operandType.getShape());
    rewriter.replaceOp(op, elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                       operand, sums));
    return success();
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::GatherOp, shlo::ScatterOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (auto gather = dyn_cast<shlo::GatherOp>(op))
    if (!gatherAxis(gather))
      return std::string("is supported only in the form that takes whole "
                         "slices at one index per position (embedding "
                         "lookup, take along one axis)");
  if (auto scatter = dyn_cast<shlo::ScatterOp>(op))
    if (!isRowScatterAdd(scatter))
      return std::string("is supported only as the floating-point scatter-add "
                         "of whole rows (x.at[ids].add(u))");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<GatherLowering, ScatterAddLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kGatherScatterFamily = {
    "gather/scatter", owns, problem, populate};
