//===- ReshapeElimination.cpp - tensorrt-reshape-elimination --------------===//
//
// Part of Kiln. Frontends wrap pointwise work in reshapes (flatten, compute,
// unflatten). This pass moves reshape-like ops (reshape, expand_rank,
// collapse_rank) below pointwise ops whose other operands are reshaped the
// same way or are constants, so the reshape and its inverse end up next to
// each other, where the ops' folds merge or cancel them.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTRESHAPEELIMINATIONPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

/// Largest non-splat constant that is reshaped to let a reshape pass a
/// pointwise op.
static constexpr int64_t kMaxReshapedConstant = 1024;

static bool isReshapeLike(Operation *op) {
  return op && isa<ReshapeOp, ExpandRankOp, CollapseRankOp>(op);
}

namespace {
/// op(reshape(x), reshape(y), c) is reshape(op(x, y, c')) when both
/// reshapes take the same type to the op's shape, the op is their only
/// user, and each constant c either has that shape (c' is c reshaped) or is
/// a splat (c' is the splat with all dimensions 1).
template <typename OpTy>
struct SinkReshapeBelowPointwise : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    Operation *reshape = nullptr;
    for (Value operand : op->getOperands()) {
      Operation *producer = operand.getDefiningOp();
      if (!isReshapeLike(producer))
        continue;
      auto type = cast<RankedTensorType>(operand.getType());
      bool onlyHere = llvm::all_of(producer->getUsers(), [&](Operation *u) {
        return u == op.getOperation();
      });
      if (!onlyHere || type.getShape() != resultType.getShape())
        return failure();
      auto shapeOf = [](Value v) {
        return cast<RankedTensorType>(v.getType()).getShape();
      };
      if (reshape && shapeOf(reshape->getOperand(0)) !=
                         shapeOf(producer->getOperand(0)))
        return failure();
      reshape = reshape ? reshape : producer;
    }
    if (!reshape)
      return failure();
    auto sourceType = cast<RankedTensorType>(reshape->getOperand(0).getType());
    // Check every constant before creating anything.
    for (Value operand : op->getOperands()) {
      if (isReshapeLike(operand.getDefiningOp()))
        continue;
      DenseElementsAttr constant;
      if (!matchPattern(operand, m_Constant(&constant)))
        return failure();
      if (constant.isSplat())
        continue;
      if (cast<RankedTensorType>(constant.getType()).getShape() !=
              resultType.getShape() ||
          !sourceType.hasStaticShape() ||
          constant.getNumElements() > kMaxReshapedConstant)
        return failure();
    }
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      Operation *producer = operand.getDefiningOp();
      if (isReshapeLike(producer)) {
        operands.push_back(producer->getOperand(0));
        continue;
      }
      DenseElementsAttr constant;
      matchPattern(operand, m_Constant(&constant));
      Type elementType = constant.getElementType();
      if (constant.isSplat()) {
        auto type = RankedTensorType::get(
            SmallVector<int64_t>(sourceType.getRank(), 1), elementType);
        operands.push_back(ConstantOp::create(
            rewriter, op.getLoc(), type,
            DenseElementsAttr::get(type, constant.getSplatValue<Attribute>())));
        continue;
      }
      auto type = RankedTensorType::get(sourceType.getShape(), elementType);
      operands.push_back(
          ConstantOp::create(rewriter, op.getLoc(), type, constant.reshape(type)));
    }
    auto innerType = RankedTensorType::get(sourceType.getShape(),
                                           resultType.getElementType());
    Operation *inner = rewriter.clone(*op);
    rewriter.modifyOpInPlace(inner, [&] {
      inner->setOperands(operands);
      inner->getResult(0).setType(innerType);
    });
    Operation *outer = rewriter.clone(*reshape);
    rewriter.modifyOpInPlace(outer, [&] {
      outer->setOperand(0, inner->getResult(0));
      outer->getResult(0).setType(resultType);
    });
    rewriter.replaceOp(op, outer->getResults());
    return success();
  }
};

struct TensorRTReshapeEliminationPass
    : kiln::tensorrt::impl::TensorRTReshapeEliminationPassBase<
          TensorRTReshapeEliminationPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<SinkReshapeBelowPointwise<ElementWiseOp>,
                 SinkReshapeBelowPointwise<SelectOp>,
                 SinkReshapeBelowPointwise<UnaryOp>,
                 SinkReshapeBelowPointwise<ActivationOp>,
                 SinkReshapeBelowPointwise<CastOp>,
                 SinkReshapeBelowPointwise<IdentityOp>>(ctx);
    // Chains of reshapes merge and reshapes back to the input's type vanish
    // through the ops' folds and canonicalizations.
    ReshapeOp::getCanonicalizationPatterns(patterns, ctx);
    ExpandRankOp::getCanonicalizationPatterns(patterns, ctx);
    CollapseRankOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
