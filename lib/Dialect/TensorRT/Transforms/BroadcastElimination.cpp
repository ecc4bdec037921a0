//===- BroadcastElimination.cpp - tensorrt-broadcast-elimination ----------===//
//
// Part of Kiln. An explicit `tensorrt.broadcast` materializes a repeated
// tensor; most of its consumers would repeat size-1 dimensions by
// themselves. This pass
// - lets element_wise and select read the broadcast's input directly (with
//   unit dimensions inserted to match their rank) when another operand
//   already gives the consumer its full shape;
// - moves a broadcast below single-input pointwise ops (unary, activation,
//   cast, identity) so they compute on the smaller tensor;
// - moves matching broadcasts of both element_wise operands below it.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTBROADCASTELIMINATIONPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

/// The broadcast's input shape laid out in the result's dimensions (1 where
/// the broadcast adds a dimension), or std::nullopt when the broadcast also
/// permutes dimensions.
static std::optional<SmallVector<int64_t>> alignedInputShape(BroadcastOp op) {
  ArrayRef<int64_t> dims = op.getBroadcastDims();
  if (!llvm::is_sorted(dims))
    return std::nullopt;
  SmallVector<int64_t> shape(op.getType().getRank(), 1);
  for (auto [inputDim, resultDim] : llvm::enumerate(dims))
    shape[resultDim] = op.getInput().getType().getDimSize(inputDim);
  return shape;
}

/// The broadcast's input at the rank of its result: the input itself, or an
/// expand_rank of it.
static Value alignInput(PatternRewriter &rewriter, BroadcastOp op,
                        ArrayRef<int64_t> shape) {
  RankedTensorType inputType = op.getInput().getType();
  if (inputType.getRank() == static_cast<int64_t>(shape.size()))
    return op.getInput();
  auto type = RankedTensorType::get(shape, inputType.getElementType());
  return ExpandRankOp::create(rewriter, op.getLoc(), type, op.getInput());
}

namespace {
/// element_wise and select broadcast their operands themselves. An operand
/// produced by a broadcast can be replaced by the broadcast's input when,
/// along each dimension the broadcast repeats, another operand is known to
/// have the full size (so the consumer's result keeps its shape).
template <typename OpTy>
struct AbsorbBroadcastOperand : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    for (OpOperand &operand : op->getOpOperands()) {
      auto broadcast = operand.get().template getDefiningOp<BroadcastOp>();
      if (!broadcast)
        continue;
      std::optional<SmallVector<int64_t>> shape = alignedInputShape(broadcast);
      if (!shape)
        continue;
      ArrayRef<int64_t> full = broadcast.getType().getShape();
      bool covered = true;
      for (auto [d, size] : llvm::enumerate(*shape)) {
        // Dimensions the broadcast does not repeat need nothing; a `?` may
        // be a 1 that it does repeat.
        if (full[d] == 1 || (size == full[d] && !ShapedType::isDynamic(size)))
          continue;
        // Some other operand must be known to have the full size here.
        bool byOther = llvm::any_of(op->getOpOperands(), [&](OpOperand &other) {
          if (&other == &operand)
            return false;
          int64_t otherSize =
              cast<RankedTensorType>(other.get().getType()).getDimSize(d);
          return !ShapedType::isDynamic(otherSize) && otherSize != 1 &&
                 otherSize == full[d];
        });
        if (!byOther) {
          covered = false;
          break;
        }
      }
      if (!covered)
        continue;
      Value aligned = alignInput(rewriter, broadcast, *shape);
      rewriter.modifyOpInPlace(op, [&] { operand.set(aligned); });
      return success();
    }
    return failure();
  }
};

/// op(broadcast(x)) is broadcast(op(x)) for a single-input pointwise op.
template <typename OpTy>
struct SinkBroadcastBelowPointwise : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto broadcast = op->getOperand(0).template getDefiningOp<BroadcastOp>();
    if (!broadcast || !broadcast->hasOneUse())
      return failure();
    RankedTensorType inputType = broadcast.getInput().getType();
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    auto narrowType = RankedTensorType::get(inputType.getShape(),
                                            resultType.getElementType());
    Operation *narrow = rewriter.clone(*op);
    rewriter.modifyOpInPlace(narrow, [&] {
      narrow->setOperand(0, broadcast.getInput());
      narrow->getResult(0).setType(narrowType);
    });
    rewriter.replaceOpWithNewOp<BroadcastOp>(
        op, resultType, narrow->getResult(0), broadcast.getShape(),
        broadcast.getBroadcastDimsAttr());
    return success();
  }
};

/// element_wise(broadcast(x), broadcast(y)) with the same broadcast is
/// broadcast(element_wise(x, y)). Preferred over absorbing one of the
/// broadcasts, which would leave the other in place.
struct SinkBroadcastBelowElementWise : OpRewritePattern<ElementWiseOp> {
  SinkBroadcastBelowElementWise(MLIRContext *ctx)
      : OpRewritePattern(ctx, /*benefit=*/2) {}
  LogicalResult matchAndRewrite(ElementWiseOp op,
                                PatternRewriter &rewriter) const override {
    auto lhs = op.getInput1().getDefiningOp<BroadcastOp>();
    auto rhs = op.getInput2().getDefiningOp<BroadcastOp>();
    if (!lhs || !rhs || lhs.getType() != rhs.getType() ||
        lhs.getBroadcastDims() != rhs.getBroadcastDims() ||
        lhs.getShape() != rhs.getShape() || lhs.getType() != op.getType() ||
        lhs.getInput().getType().getRank() !=
            rhs.getInput().getType().getRank())
      return failure();
    if (!(lhs->hasOneUse() || lhs == rhs) || !(rhs->hasOneUse() || lhs == rhs))
      return failure();
    SmallVector<Type> inferred;
    if (failed(ElementWiseOp::inferReturnTypes(
            getContext(), op.getLoc(),
            ValueRange{lhs.getInput(), rhs.getInput()},
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), inferred)))
      return failure();
    auto narrow = ElementWiseOp::create(
        rewriter, op.getLoc(), inferred.front(), lhs.getInput(),
        rhs.getInput(), op.getElementwiseOperationAttr());
    rewriter.replaceOpWithNewOp<BroadcastOp>(op, op.getType(), narrow,
                                             lhs.getShape(),
                                             lhs.getBroadcastDimsAttr());
    return success();
  }
};

struct TensorRTBroadcastEliminationPass
    : kiln::tensorrt::impl::TensorRTBroadcastEliminationPassBase<
          TensorRTBroadcastEliminationPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<AbsorbBroadcastOperand<ElementWiseOp>,
                 AbsorbBroadcastOperand<SelectOp>,
                 SinkBroadcastBelowPointwise<UnaryOp>,
                 SinkBroadcastBelowPointwise<ActivationOp>,
                 SinkBroadcastBelowPointwise<CastOp>,
                 SinkBroadcastBelowPointwise<IdentityOp>,
                 SinkBroadcastBelowElementWise>(ctx);
    BroadcastOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
