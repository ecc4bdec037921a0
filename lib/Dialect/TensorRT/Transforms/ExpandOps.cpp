//===- ExpandOps.cpp - tensorrt-expand-ops --------------------------------===//
//
// Part of Kiln. Rewrites the dialect's extension ops, which have no TensorRT
// layer of their own, into core layers:
//
//   transpose, reshape, expand_rank, collapse_rank  ->  shuffle
//   broadcast  ->  [transpose] [expand_rank] slice in kWRAP mode
//
// The transposes and rank changes a broadcast needs are themselves expanded
// to shuffles by the same pattern set.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/Sequence.h"

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTEXPANDOPSPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

namespace {

SmallVector<int64_t> identity(int64_t rank) {
  return llvm::to_vector(llvm::seq<int64_t>(0, rank));
}

/// The static reshape of a shuffle producing `shape` from any input with
/// zero_is_placeholder = false: the shape itself, with its one unknown
/// dimension (if any) as -1. Fails for several unknown dimensions, and for
/// an unknown dimension next to a 0, which -1 cannot stand beside.
FailureOr<SmallVector<int64_t>> reshapeSpec(ArrayRef<int64_t> shape) {
  if (llvm::count_if(shape, ShapedType::isDynamic) > 1 ||
      (llvm::any_of(shape, ShapedType::isDynamic) &&
       llvm::is_contained(shape, 0)))
    return failure();
  return llvm::map_to_vector(shape, [](int64_t size) {
    return ShapedType::isDynamic(size) ? int64_t(-1) : size;
  });
}

/// For a rank change that only adds or drops size-1 dimensions, which
/// positions of the longer shape `wide` hold the dimensions of `narrow` (in
/// order); the others are the unit dimensions. Prefers treating a 1 of
/// `wide` as a unit dimension when `narrow`'s dimension may not be 1.
FailureOr<SmallVector<int64_t>> keptPositions(ArrayRef<int64_t> narrow,
                                              ArrayRef<int64_t> wide) {
  SmallVector<int64_t> kept;
  size_t next = 0;
  for (auto [pos, size] : llvm::enumerate(wide)) {
    bool mustKeep = wide.size() - pos == narrow.size() - next;
    if (next < narrow.size() &&
        (mustKeep || size != 1 || narrow[next] == 1)) {
      kept.push_back(pos);
      ++next;
      continue;
    }
    if (size != 1)
      return failure();
  }
  if (next != narrow.size())
    return failure();
  return kept;
}

/// `wide`'s positions other than `kept`.
SmallVector<int64_t> unitPositions(ArrayRef<int64_t> kept, int64_t rank) {
  SmallVector<int64_t> units;
  for (int64_t pos = 0; pos < rank; ++pos)
    if (!llvm::is_contained(kept, pos))
      units.push_back(pos);
  return units;
}

ShuffleOp createShuffle(PatternRewriter &rewriter, Location loc, Type type,
                        Value input, Value dynamicReshape,
                        ArrayRef<int64_t> firstTranspose,
                        std::optional<ArrayRef<int64_t>> reshape,
                        ArrayRef<int64_t> secondTranspose,
                        bool zeroIsPlaceholder) {
  return ShuffleOp::create(
      rewriter, loc, type, input, dynamicReshape,
      rewriter.getDenseI64ArrayAttr(firstTranspose),
      reshape ? rewriter.getDenseI64ArrayAttr(*reshape) : DenseI64ArrayAttr(),
      rewriter.getDenseI64ArrayAttr(secondTranspose),
      rewriter.getBoolAttr(zeroIsPlaceholder));
}

struct TransposeToShuffle : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    AffineMap permutation = op.getPermutation();
    if (!permutation.isPermutation())
      return failure();
    SmallVector<int64_t> perm = llvm::map_to_vector(
        permutation.getResults(), [](AffineExpr expr) {
          return static_cast<int64_t>(cast<AffineDimExpr>(expr).getPosition());
        });
    rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), op.getType(),
                                         op.getInput(), Value(), perm,
                                         std::nullopt,
                                         identity(op.getType().getRank()),
                                         /*zeroIsPlaceholder=*/false));
    return success();
  }
};

struct ReshapeToShuffle : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType resultType = op.getType();
    SmallVector<int64_t> first = identity(inputType.getRank());
    SmallVector<int64_t> second = identity(resultType.getRank());
    if (Value shape = op.getShape()) {
      rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), resultType,
                                           op.getInput(), shape, first,
                                           std::nullopt, second,
                                           /*zeroIsPlaceholder=*/false));
      return success();
    }
    FailureOr<SmallVector<int64_t>> spec = reshapeSpec(resultType.getShape());
    if (failed(spec))
      return rewriter.notifyMatchFailure(op, "result shape has no static "
                                             "reshape specification");
    rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), resultType,
                                         op.getInput(), Value(), first, *spec,
                                         second,
                                         /*zeroIsPlaceholder=*/false));
    return success();
  }
};

/// expand_rank: with at most one unknown dimension, a reshape to the result
/// shape; otherwise the input dimensions are copied (placeholder 0s), the
/// unit dimensions appended, and the second transpose moves them into
/// place.
struct ExpandRankToShuffle : OpRewritePattern<ExpandRankOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ExpandRankOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType resultType = op.getType();
    int64_t inputRank = inputType.getRank(), rank = resultType.getRank();
    SmallVector<int64_t> first = identity(inputRank);
    if (FailureOr<SmallVector<int64_t>> spec =
            reshapeSpec(resultType.getShape());
        succeeded(spec)) {
      rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), resultType,
                                           op.getInput(), Value(), first,
                                           *spec, identity(rank),
                                           /*zeroIsPlaceholder=*/false));
      return success();
    }
    FailureOr<SmallVector<int64_t>> kept =
        keptPositions(inputType.getShape(), resultType.getShape());
    if (failed(kept))
      return failure();
    SmallVector<int64_t> reshape(inputRank, 0);
    reshape.append(rank - inputRank, 1);
    // Result position kept[i] takes input dimension i; the k-th unit
    // position takes appended dimension inputRank + k.
    SmallVector<int64_t> second(rank);
    for (auto [i, pos] : llvm::enumerate(*kept))
      second[pos] = i;
    for (auto [k, pos] : llvm::enumerate(unitPositions(*kept, rank)))
      second[pos] = inputRank + k;
    rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), resultType,
                                         op.getInput(), Value(), first,
                                         reshape, second,
                                         /*zeroIsPlaceholder=*/true));
    return success();
  }
};

/// collapse_rank: with at most one unknown dimension, a reshape to the
/// result shape; otherwise the first transpose moves the unit dimensions to
/// the back and the reshape keeps the others (placeholder 0s).
struct CollapseRankToShuffle : OpRewritePattern<CollapseRankOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(CollapseRankOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType resultType = op.getType();
    int64_t inputRank = inputType.getRank(), rank = resultType.getRank();
    SmallVector<int64_t> second = identity(rank);
    if (FailureOr<SmallVector<int64_t>> spec =
            reshapeSpec(resultType.getShape());
        succeeded(spec)) {
      rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), resultType,
                                           op.getInput(), Value(),
                                           identity(inputRank), *spec, second,
                                           /*zeroIsPlaceholder=*/false));
      return success();
    }
    FailureOr<SmallVector<int64_t>> kept =
        keptPositions(resultType.getShape(), inputType.getShape());
    if (failed(kept))
      return failure();
    SmallVector<int64_t> first(*kept);
    llvm::append_range(first, unitPositions(*kept, inputRank));
    rewriter.replaceOp(op, createShuffle(rewriter, op.getLoc(), resultType,
                                         op.getInput(), Value(), first,
                                         SmallVector<int64_t>(rank, 0), second,
                                         /*zeroIsPlaceholder=*/true));
    return success();
  }
};

/// A broadcast whose `broadcast_dims` are not increasing permutes its
/// input: transpose first, so that the remaining broadcast keeps the order.
struct BroadcastTransposeFirst : OpRewritePattern<BroadcastOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BroadcastOp op,
                                PatternRewriter &rewriter) const override {
    ArrayRef<int64_t> dims = op.getBroadcastDims();
    if (llvm::is_sorted(dims))
      return failure();
    // Transposed dimension i is the input dimension with the i-th smallest
    // target.
    SmallVector<int64_t> order = identity(dims.size());
    llvm::sort(order, [&](int64_t a, int64_t b) { return dims[a] < dims[b]; });
    SmallVector<unsigned> orderUnsigned(order.begin(), order.end());
    auto map = AffineMap::getPermutationMap(orderUnsigned, getContext());
    RankedTensorType inputType = op.getInput().getType();
    SmallVector<int64_t> transposedShape = llvm::map_to_vector(
        order, [&](int64_t d) { return inputType.getDimSize(d); });
    Value transposed = TransposeOp::create(
        rewriter, op.getLoc(), inputType.clone(transposedShape), op.getInput(),
        AffineMapAttr::get(map));
    SmallVector<int64_t> sortedDims(dims);
    llvm::sort(sortedDims);
    rewriter.replaceOpWithNewOp<BroadcastOp>(op, op.getType(), transposed,
                                             op.getShape(), sortedDims);
    return success();
  }
};

/// A broadcast in dimension order: expand the input to the result rank,
/// then read it with a wrapping slice of the result's size, which repeats
/// every size-1 dimension.
struct BroadcastToSlice : OpRewritePattern<BroadcastOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BroadcastOp op,
                                PatternRewriter &rewriter) const override {
    ArrayRef<int64_t> dims = op.getBroadcastDims();
    if (!llvm::is_sorted(dims))
      return failure();
    RankedTensorType resultType = op.getType();
    Value size = op.getShape();
    if (!resultType.hasStaticShape() && !size)
      return rewriter.notifyMatchFailure(op, "dynamic result without shape");

    Value input = op.getInput();
    RankedTensorType inputType = op.getInput().getType();
    int64_t rank = resultType.getRank();
    if (inputType.getRank() != rank) {
      SmallVector<int64_t> expanded(rank, 1);
      for (auto [i, dim] : llvm::enumerate(dims))
        expanded[dim] = inputType.getDimSize(i);
      input = ExpandRankOp::create(rewriter, op.getLoc(),
                                   inputType.clone(expanded), input);
    }

    DenseI32ArrayAttr staticSize;
    if (!size)
      staticSize = rewriter.getDenseI32ArrayAttr(llvm::map_to_vector(
          resultType.getShape(),
          [](int64_t d) { return static_cast<int32_t>(d); }));
    rewriter.replaceOpWithNewOp<SliceOp>(
        op, resultType, input, /*fill=*/Value(), /*start=*/Value(), size,
        /*stride=*/Value(),
        rewriter.getDenseI32ArrayAttr(SmallVector<int32_t>(rank, 0)),
        staticSize,
        rewriter.getDenseI32ArrayAttr(SmallVector<int32_t>(rank, 1)),
        SliceMode::kWRAP);
    return success();
  }
};

struct TensorRTExpandOpsPass
    : kiln::tensorrt::impl::TensorRTExpandOpsPassBase<TensorRTExpandOpsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<TransposeToShuffle, ReshapeToShuffle, ExpandRankToShuffle,
                 CollapseRankToShuffle, BroadcastTransposeFirst,
                 BroadcastToSlice>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
