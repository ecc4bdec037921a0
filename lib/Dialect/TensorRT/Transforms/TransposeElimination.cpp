//===- TransposeElimination.cpp - tensorrt-transpose-elimination ----------===//
//
// Part of Kiln. Moves `tensorrt.transpose` ops down the graph, through
// pointwise ops and reductions, so that they meet and cancel (or merge)
// with other transposes, are absorbed by `tensorrt.matrix_multiply`, or
// leave a chain of pointwise ops with one transpose instead of several. A
// constant operand of a pointwise op takes the inverse transpose, which
// folds into the constant. A transpose is only moved when the op is its
// sole user: each rewrite removes at least one transpose above the op and
// adds one below it, so the count never grows and the process terminates.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTTRANSPOSEELIMINATIONPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

/// Largest non-splat constant that is transposed to let a transpose pass a
/// pointwise op; larger ones would be copied rather than folded.
static constexpr int64_t kMaxTransposedConstant = 1024;

static SmallVector<unsigned> permutationOf(AffineMap map) {
  SmallVector<unsigned> perm;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    perm.push_back(map.getDimPosition(i));
  return perm;
}

static RankedTensorType permuteType(RankedTensorType type,
                                    ArrayRef<unsigned> perm,
                                    Type elementType = {}) {
  SmallVector<int64_t> shape;
  for (unsigned p : perm)
    shape.push_back(type.getDimSize(p));
  return RankedTensorType::get(
      shape, elementType ? elementType : type.getElementType());
}

static Value createTranspose(PatternRewriter &rewriter, Location loc,
                             Value input, AffineMap perm) {
  auto inputType = cast<RankedTensorType>(input.getType());
  return TransposeOp::create(rewriter, loc,
                             permuteType(inputType, permutationOf(perm)),
                             input, perm);
}

/// Whether `value` is a constant that a transpose folds into.
static bool isFoldableConstant(Value value) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return false;
  return attr.isSplat() || attr.getNumElements() <= kMaxTransposedConstant;
}

namespace {
/// A pointwise op whose non-constant operands are all transposes by the
/// same permutation computes on the untransposed values and transposes its
/// result once; constant operands take the inverse permutation.
template <typename OpTy>
struct SinkTransposeBelowPointwise : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    AffineMap perm;
    for (Value operand : op->getOperands()) {
      if (auto transpose = operand.template getDefiningOp<TransposeOp>()) {
        // A transpose with users elsewhere would stay, and one more be added.
        bool onlyHere = llvm::all_of(transpose->getUsers(), [&](Operation *u) {
          return u == op.getOperation();
        });
        if (!onlyHere || (perm && perm != transpose.getPermutation()))
          return failure();
        perm = transpose.getPermutation();
        continue;
      }
      if (!isFoldableConstant(operand))
        return failure();
    }
    if (!perm)
      return failure();
    AffineMap inverse = inversePermutation(perm);
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      if (auto transpose = operand.template getDefiningOp<TransposeOp>())
        operands.push_back(transpose.getInput());
      else
        operands.push_back(
            createTranspose(rewriter, op.getLoc(), operand, inverse));
    }
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    RankedTensorType innerType =
        permuteType(resultType, permutationOf(inverse));
    Operation *inner = rewriter.clone(*op);
    rewriter.modifyOpInPlace(inner, [&] {
      inner->setOperands(operands);
      inner->getResult(0).setType(innerType);
    });
    rewriter.replaceOpWithNewOp<TransposeOp>(op, resultType,
                                             inner->getResult(0), perm);
    return success();
  }
};

/// reduce(transpose(x)) reduces x along the corresponding axes; the kept
/// dimensions are then transposed only if their order changed.
struct SinkTransposeBelowReduce : OpRewritePattern<ReduceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReduceOp op,
                                PatternRewriter &rewriter) const override {
    auto transpose = op.getInput().getDefiningOp<TransposeOp>();
    if (!transpose || !transpose->hasOneUse())
      return failure();
    SmallVector<unsigned> perm = permutationOf(transpose.getPermutation());
    ArrayRef<int64_t> axes = op.getReduceAxes();
    SmallVector<int64_t> sourceAxes;
    for (int64_t axis : axes)
      sourceAxes.push_back(perm[axis]);
    llvm::sort(sourceAxes);
    bool keep = op.getKeepDimensions();
    RankedTensorType sourceType = transpose.getInput().getType();
    SmallVector<int64_t> reducedShape;
    for (int64_t d = 0, e = sourceType.getRank(); d < e; ++d) {
      if (!llvm::is_contained(sourceAxes, d))
        reducedShape.push_back(sourceType.getDimSize(d));
      else if (keep)
        reducedShape.push_back(1);
    }
    // The permutation of the reduced tensor: with kept dimensions the same
    // one; otherwise the order of the surviving source dimensions.
    SmallVector<unsigned> reducedPerm;
    if (keep) {
      reducedPerm = perm;
    } else {
      SmallVector<int64_t> surviving;
      for (int64_t d = 0, e = sourceType.getRank(); d < e; ++d)
        if (!llvm::is_contained(sourceAxes, d))
          surviving.push_back(d);
      for (auto [i, p] : llvm::enumerate(perm)) {
        if (llvm::is_contained(axes, static_cast<int64_t>(i)))
          continue;
        reducedPerm.push_back(llvm::find(surviving, p) - surviving.begin());
      }
    }
    auto reducedType = RankedTensorType::get(reducedShape,
                                             sourceType.getElementType());
    auto reduced = ReduceOp::create(
        rewriter, op.getLoc(), reducedType, transpose.getInput(),
        rewriter.getDenseI64ArrayAttr(sourceAxes), op.getKeepDimensionsAttr(),
        op.getReduceOperationAttr());
    AffineMap reducedMap =
        AffineMap::getPermutationMap(reducedPerm, getContext());
    if (reducedMap.isIdentity()) {
      if (reducedType == op.getType()) {
        rewriter.replaceOp(op, reduced);
        return success();
      }
      // Only the written result type differs (it may be less precise).
      rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), reduced,
                                             Value());
      return success();
    }
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(), reduced,
                                             reducedMap);
    return success();
  }
};

struct TensorRTTransposeEliminationPass
    : kiln::tensorrt::impl::TensorRTTransposeEliminationPassBase<
          TensorRTTransposeEliminationPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<SinkTransposeBelowPointwise<ElementWiseOp>,
                 SinkTransposeBelowPointwise<SelectOp>,
                 SinkTransposeBelowPointwise<UnaryOp>,
                 SinkTransposeBelowPointwise<ActivationOp>,
                 SinkTransposeBelowPointwise<CastOp>,
                 SinkTransposeBelowPointwise<IdentityOp>,
                 SinkTransposeBelowReduce>(ctx);
    // Merging transposes, folding them into constants and into
    // matrix_multiply are the ops' own folds and canonicalizations.
    TransposeOp::getCanonicalizationPatterns(patterns, ctx);
    MatrixMultiplyOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
