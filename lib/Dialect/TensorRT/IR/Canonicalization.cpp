//===- Canonicalization.cpp - canonicalization of the `tensorrt` ops ------===//
//
// Part of Kiln. Rewrites that bring `tensorrt` IR to one preferred form:
// constants on the right of commutative operations, chains of layout ops
// merged into one, values that are only known at run time replaced by the
// attributes they hold when they are constants, and a sum divided by its
// count raised to an average. Rewrites that only remove an op or evaluate
// constants are folders (Folders.cpp); activations written out as
// arithmetic (relu, clip, GELU, ...) are raised by one pass,
// tensorrt-raise-activations.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace kiln::tensorrt;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The splat value of a constant operand, or null.
static DenseElementsAttr getSplatConstant(Value value) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || !attr.isSplat())
    return {};
  return attr;
}

/// The values of a 1-D integer constant operand.
static std::optional<SmallVector<int64_t>> getConstantInts(Value value) {
  DenseIntElementsAttr attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  return llvm::map_to_vector(attr.getValues<APInt>(), [](const APInt &v) {
    return v.getSExtValue();
  });
}

static SmallVector<int64_t> permutationOf(AffineMap map) {
  SmallVector<int64_t> perm;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    perm.push_back(map.getDimPosition(i));
  return perm;
}

/// The transpose `inner` then `outer` as one transpose array (result
/// dimension i takes source dimension inner[outer[i]]).
static SmallVector<int64_t> composeTransposes(ArrayRef<int64_t> inner,
                                              ArrayRef<int64_t> outer) {
  return llvm::map_to_vector(outer, [&](int64_t p) { return inner[p]; });
}

/// Whether every user of `value` is a `tensorrt` op that accepts an operand
/// type more precise than the one it was written with (their verifiers only
/// ask for compatible shapes), so the value may get a more static type.
/// Ops that print only their operand type (unary, activation, softmax) are
/// excluded: their printed form would re-infer a different result type.
static bool usersAcceptRefinedType(Value value) {
  return llvm::all_of(value.getUsers(), [](Operation *user) {
    return isa<ElementWiseOp, CastOp, IdentityOp, SelectOp, MatrixMultiplyOp,
               ReduceOp, ShuffleOp, TransposeOp, ReshapeOp, ExpandRankOp,
               CollapseRankOp, BroadcastOp, SliceOp, ConcatenationOp>(user);
  });
}

//===----------------------------------------------------------------------===//
// ElementWiseOp
//===----------------------------------------------------------------------===//

namespace {
/// Puts the constant of a commutative operation on the right, so that other
/// patterns and the folder only look there.
struct ConstantToRightOperand : OpRewritePattern<ElementWiseOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ElementWiseOp op,
                                PatternRewriter &rewriter) const override {
    switch (op.getElementwiseOperation()) {
    case ElementWiseOperation::kSUM:
    case ElementWiseOperation::kPROD:
    case ElementWiseOperation::kMAX:
    case ElementWiseOperation::kMIN:
    case ElementWiseOperation::kAND:
    case ElementWiseOperation::kOR:
    case ElementWiseOperation::kXOR:
    case ElementWiseOperation::kEQUAL:
      break;
    default:
      return failure();
    }
    if (!matchPattern(op.getInput1(), m_Constant()) ||
        matchPattern(op.getInput2(), m_Constant()))
      return failure();
    Value lhs = op.getInput1(), rhs = op.getInput2();
    rewriter.modifyOpInPlace(op, [&] { op->setOperands({rhs, lhs}); });
    return success();
  }
};

/// `sum(x) / n` (or `sum(x) * (1/n)` for floats), with `n` the number of
/// elements each sum adds up, is `avg(x)`.
struct SumByCountToAverage : OpRewritePattern<ElementWiseOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ElementWiseOp op,
                                PatternRewriter &rewriter) const override {
    ElementWiseOperation kind = op.getElementwiseOperation();
    if (kind != ElementWiseOperation::kDIV &&
        kind != ElementWiseOperation::kPROD)
      return failure();
    auto sum = op.getInput1().getDefiningOp<ReduceOp>();
    if (!sum || sum.getReduceOperation() != ReduceOperation::kSUM ||
        !sum->hasOneUse() || sum.getType() != op.getType())
      return failure();
    int64_t count = 1;
    for (int64_t axis : sum.getReduceAxes()) {
      int64_t size = sum.getInput().getType().getDimSize(axis);
      if (ShapedType::isDynamic(size))
        return failure();
      count *= size;
    }
    if (count == 0)
      return failure();
    DenseElementsAttr divisor = getSplatConstant(op.getInput2());
    if (!divisor)
      return failure();
    Type elementType = divisor.getElementType();
    bool matches = false;
    if (auto floatType = dyn_cast<FloatType>(elementType)) {
      APFloat expected(kind == ElementWiseOperation::kDIV
                           ? static_cast<double>(count)
                           : 1.0 / static_cast<double>(count));
      bool losesInfo = false;
      expected.convert(floatType.getFloatSemantics(),
                       APFloat::rmNearestTiesToEven, &losesInfo);
      matches = divisor.getSplatValue<APFloat>().bitwiseIsEqual(expected);
    } else if (kind == ElementWiseOperation::kDIV &&
               elementType.isSignlessInteger()) {
      // Integer kDIV and integer kAVG both truncate toward zero.
      matches = divisor.getSplatValue<APInt>().getSExtValue() == count;
    }
    if (!matches)
      return failure();
    rewriter.replaceOpWithNewOp<ReduceOp>(
        op, op.getType(), sum.getInput(), sum.getReduceAxesAttr(),
        sum.getKeepDimensionsAttr(),
        ReduceOperationAttr::get(getContext(), ReduceOperation::kAVG));
    return success();
  }
};
} // namespace

void ElementWiseOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                MLIRContext *context) {
  results.add<ConstantToRightOperand, SumByCountToAverage>(context);
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

/// Whether converting `from` to `to` keeps every value exactly.
static bool isExactConversion(Type from, Type to) {
  if (from == to || from.isInteger(1))
    return true;
  auto fromInt = dyn_cast<IntegerType>(from);
  if (fromInt && isa<IntegerType>(to)) {
    auto toInt = cast<IntegerType>(to);
    if (toInt.isUnsigned() || toInt.getWidth() <= fromInt.getWidth())
      return toInt.getWidth() == fromInt.getWidth() &&
             toInt.isUnsigned() == fromInt.isUnsigned();
    return true;
  }
  if (fromInt && isa<FloatType>(to))
    return fromInt.getWidth() <= 8 && cast<FloatType>(to).getFPMantissaWidth() >= 8;
  if (isa<FloatType>(from) && isa<FloatType>(to))
    return APFloat::isRepresentableAsNormalIn(
               cast<FloatType>(from).getFloatSemantics(),
               cast<FloatType>(to).getFloatSemantics()) ||
           (to.isF32() && (from.isF16() || from.isBF16()));
  return false;
}

namespace {
/// `cast(cast(x))` is one cast when the first keeps every value of x:
/// conversions are defined on values, so the second then sees x's values.
struct MergeExactCasts : OpRewritePattern<CastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CastOp op,
                                PatternRewriter &rewriter) const override {
    auto producer = op.getInput().getDefiningOp<CastOp>();
    if (!producer ||
        !isExactConversion(producer.getInput().getType().getElementType(),
                           producer.getType().getElementType()))
      return failure();
    rewriter.modifyOpInPlace(
        op, [&] { op.getInputMutable().assign(producer.getInput()); });
    return success();
  }
};
} // namespace

void CastOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  results.add<MergeExactCasts>(context);
}

//===----------------------------------------------------------------------===//
// MatrixMultiplyOp
//===----------------------------------------------------------------------===//

/// Whether `perm` swaps the last two dimensions and keeps the others.
static bool isMatrixTranspose(ArrayRef<int64_t> perm) {
  int64_t rank = perm.size();
  if (rank < 2)
    return false;
  for (int64_t i = 0; i < rank - 2; ++i)
    if (perm[i] != i)
      return false;
  return perm[rank - 2] == rank - 1 && perm[rank - 1] == rank - 2;
}

namespace {
/// A matrix operand that is a transpose of its last two dimensions is read
/// transposed by the multiply itself.
struct AbsorbOperandTranspose : OpRewritePattern<MatrixMultiplyOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatrixMultiplyOp op,
                                PatternRewriter &rewriter) const override {
    auto flip = [](MatrixOperation m) -> std::optional<MatrixOperation> {
      if (m == MatrixOperation::kNONE)
        return MatrixOperation::kTRANSPOSE;
      if (m == MatrixOperation::kTRANSPOSE)
        return MatrixOperation::kNONE;
      return std::nullopt;
    };
    bool changed = false;
    for (unsigned index : {0u, 1u}) {
      OpOperand &operand = op->getOpOperand(index);
      auto transpose = operand.get().getDefiningOp<TransposeOp>();
      MatrixOperation current = index == 0 ? op.getOp0() : op.getOp1();
      std::optional<MatrixOperation> flipped = flip(current);
      if (!transpose || !flipped ||
          !isMatrixTranspose(permutationOf(transpose.getPermutation())))
        continue;
      rewriter.modifyOpInPlace(op, [&] {
        operand.set(transpose.getInput());
        auto attr = MatrixOperationAttr::get(getContext(), *flipped);
        if (index == 0)
          op.setOp0Attr(attr);
        else
          op.setOp1Attr(attr);
      });
      changed = true;
    }
    return success(changed);
  }
};
} // namespace

void MatrixMultiplyOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *context) {
  results.add<AbsorbOperandTranspose>(context);
}

//===----------------------------------------------------------------------===//
// ReduceOp
//===----------------------------------------------------------------------===//

namespace {
/// Reducing only unit dimensions without keeping them drops those
/// dimensions.
struct ReduceOfUnitDimsToCollapse : OpRewritePattern<ReduceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReduceOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    if (op.getKeepDimensions() || inputType == op.getType() ||
        !llvm::all_of(op.getReduceAxes(), [&](int64_t axis) {
          return inputType.getDimSize(axis) == 1;
        }))
      return failure();
    rewriter.replaceOpWithNewOp<CollapseRankOp>(op, op.getType(),
                                                op.getInput());
    return success();
  }
};
} // namespace

void ReduceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  results.add<ReduceOfUnitDimsToCollapse>(context);
}

//===----------------------------------------------------------------------===//
// TransposeOp, ShuffleOp
//===----------------------------------------------------------------------===//

namespace {
/// A transpose that only moves unit dimensions keeps the element order, so
/// it is a reshape.
struct TransposeOfUnitDimsToReshape : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    if (op.getPermutation().isIdentity() ||
        op.getType().getNumDynamicDims() > 1)
      return failure();
    int64_t last = -1;
    for (int64_t p : permutationOf(op.getPermutation())) {
      if (inputType.getDimSize(p) == 1)
        continue;
      if (p < last)
        return failure();
      last = p;
    }
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), op.getInput(),
                                           Value());
    return success();
  }
};

/// A transpose of a shuffle is the shuffle with a different second
/// transpose.
struct TransposeOfShuffle : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto shuffle = op.getInput().getDefiningOp<ShuffleOp>();
    if (!shuffle)
      return failure();
    SmallVector<int64_t> second = composeTransposes(
        shuffle.getSecondTranspose(), permutationOf(op.getPermutation()));
    rewriter.replaceOpWithNewOp<ShuffleOp>(
        op, op.getType(), shuffle.getInput(), shuffle.getDynamicReshape(),
        shuffle.getFirstTransposeAttr(), shuffle.getReshapeAttr(),
        rewriter.getDenseI64ArrayAttr(second),
        shuffle.getZeroIsPlaceholderAttr());
    return success();
  }
};

/// A shuffle of a transpose is the shuffle with a different first
/// transpose.
struct ShuffleOfTranspose : OpRewritePattern<ShuffleOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ShuffleOp op,
                                PatternRewriter &rewriter) const override {
    auto transpose = op.getInput().getDefiningOp<TransposeOp>();
    if (!transpose)
      return failure();
    SmallVector<int64_t> first = composeTransposes(
        permutationOf(transpose.getPermutation()), op.getFirstTranspose());
    rewriter.modifyOpInPlace(op, [&] {
      op.getInputMutable().assign(transpose.getInput());
      op.setFirstTranspose(first);
    });
    return success();
  }
};

static bool hasReshape(ShuffleOp op) {
  return op.getReshape() || op.getDynamicReshape();
}

/// Two shuffles are one when at least one of them does not reshape: its
/// transposes merge into the other's.
struct MergeShuffles : OpRewritePattern<ShuffleOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ShuffleOp op,
                                PatternRewriter &rewriter) const override {
    auto producer = op.getInput().getDefiningOp<ShuffleOp>();
    if (!producer)
      return failure();
    if (!hasReshape(producer)) {
      SmallVector<int64_t> inner = composeTransposes(
          producer.getFirstTranspose(), producer.getSecondTranspose());
      SmallVector<int64_t> first =
          composeTransposes(inner, op.getFirstTranspose());
      rewriter.modifyOpInPlace(op, [&] {
        op.getInputMutable().assign(producer.getInput());
        op.setFirstTranspose(first);
      });
      return success();
    }
    if (hasReshape(op))
      return failure();
    SmallVector<int64_t> outer =
        composeTransposes(op.getFirstTranspose(), op.getSecondTranspose());
    SmallVector<int64_t> second =
        composeTransposes(producer.getSecondTranspose(), outer);
    rewriter.replaceOpWithNewOp<ShuffleOp>(
        op, op.getType(), producer.getInput(), producer.getDynamicReshape(),
        producer.getFirstTransposeAttr(), producer.getReshapeAttr(),
        rewriter.getDenseI64ArrayAttr(second),
        producer.getZeroIsPlaceholderAttr());
    return success();
  }
};

/// A constant `dynamic_reshape` becomes the static `reshape`.
struct ShuffleConstantReshape : OpRewritePattern<ShuffleOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ShuffleOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> spec =
        getConstantInts(op.getDynamicReshape());
    if (!spec)
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      op.getDynamicReshapeMutable().clear();
      op.setReshape(ArrayRef<int64_t>(*spec));
    });
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<TransposeOfUnitDimsToReshape, TransposeOfShuffle>(context);
}

void ShuffleOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ShuffleOfTranspose, MergeShuffles, ShuffleConstantReshape>(
      context);
}

//===----------------------------------------------------------------------===//
// ReshapeOp, ExpandRankOp, CollapseRankOp
//===----------------------------------------------------------------------===//

namespace {
/// A constant `shape` operand is dropped: its values become the result type
/// when the users accept a more precise type, and the engine derives a
/// single `?` from the element count otherwise.
struct ReshapeConstantShape : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> shape = getConstantInts(op.getShape());
    if (!shape || llvm::any_of(*shape, [](int64_t d) { return d < 0; }))
      return failure();
    RankedTensorType resultType = op.getType();
    auto refined = RankedTensorType::get(*shape, resultType.getElementType(),
                                         resultType.getEncoding());
    if (refined != resultType && usersAcceptRefinedType(op.getResult())) {
      rewriter.replaceOpWithNewOp<ReshapeOp>(op, refined, op.getInput(),
                                             Value());
      return success();
    }
    if (resultType.getNumDynamicDims() > 1)
      return failure();
    rewriter.modifyOpInPlace(op, [&] { op.getShapeMutable().clear(); });
    return success();
  }
};

/// An expand_rank or collapse_rank of another kind of reshape is one
/// reshape (expand_rank of expand_rank and the like are folded instead).
template <typename OpTy>
struct ReshapeChainToReshape : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Operation *producer = op.getInput().getDefiningOp();
    if (!producer || isa<OpTy>(producer) ||
        !isa<ReshapeOp, ExpandRankOp, CollapseRankOp>(producer) ||
        op.getType().getNumDynamicDims() > 1)
      return failure();
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(),
                                           producer->getOperand(0), Value());
    return success();
  }
};
} // namespace

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ReshapeConstantShape>(context);
}

void ExpandRankOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                               MLIRContext *context) {
  results.add<ReshapeChainToReshape<ExpandRankOp>>(context);
}

void CollapseRankOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                 MLIRContext *context) {
  results.add<ReshapeChainToReshape<CollapseRankOp>>(context);
}

//===----------------------------------------------------------------------===//
// BroadcastOp
//===----------------------------------------------------------------------===//

namespace {
/// broadcast(broadcast(x)) is one broadcast: input dimension i goes where
/// the second broadcast sends the first one's dimension dims1[i].
struct MergeBroadcasts : OpRewritePattern<BroadcastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BroadcastOp op,
                                PatternRewriter &rewriter) const override {
    auto producer = op.getInput().getDefiningOp<BroadcastOp>();
    if (!producer)
      return failure();
    ArrayRef<int64_t> outer = op.getBroadcastDims();
    SmallVector<int64_t> dims = llvm::map_to_vector(
        producer.getBroadcastDims(), [&](int64_t d) { return outer[d]; });
    rewriter.modifyOpInPlace(op, [&] {
      op.getInputMutable().assign(producer.getInput());
      op.setBroadcastDims(dims);
    });
    return success();
  }
};

/// A broadcast that repeats nothing and keeps the dimension order only
/// inserts unit dimensions.
struct BroadcastWithoutRepeatToExpandRank : OpRewritePattern<BroadcastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BroadcastOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType resultType = op.getType();
    ArrayRef<int64_t> dims = op.getBroadcastDims();
    if (inputType.getRank() == resultType.getRank() ||
        !llvm::is_sorted(dims) || !resultType.hasStaticShape())
      return failure();
    SmallVector<bool> fromInput(resultType.getRank(), false);
    for (auto [inputDim, resultDim] : llvm::enumerate(dims)) {
      if (inputType.getDimSize(inputDim) != resultType.getDimSize(resultDim))
        return failure();
      fromInput[resultDim] = true;
    }
    for (auto [d, size] : llvm::enumerate(resultType.getShape()))
      if (!fromInput[d] && size != 1)
        return failure();
    rewriter.replaceOpWithNewOp<ExpandRankOp>(op, resultType, op.getInput());
    return success();
  }
};

/// The `shape` operand is not needed when the result type is static; when
/// it is a constant, its values make the result type static.
struct BroadcastConstantShape : OpRewritePattern<BroadcastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BroadcastOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.getShape())
      return failure();
    RankedTensorType resultType = op.getType();
    if (resultType.hasStaticShape()) {
      rewriter.modifyOpInPlace(op, [&] { op.getShapeMutable().clear(); });
      return success();
    }
    std::optional<SmallVector<int64_t>> shape = getConstantInts(op.getShape());
    if (!shape || llvm::any_of(*shape, [](int64_t d) { return d < 0; }) ||
        !usersAcceptRefinedType(op.getResult()))
      return failure();
    auto refined = RankedTensorType::get(*shape, resultType.getElementType(),
                                         resultType.getEncoding());
    rewriter.replaceOpWithNewOp<BroadcastOp>(op, refined, op.getInput(),
                                             Value(),
                                             op.getBroadcastDimsAttr());
    return success();
  }
};
} // namespace

void BroadcastOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<MergeBroadcasts, BroadcastWithoutRepeatToExpandRank,
              BroadcastConstantShape>(context);
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

namespace {
/// Constant start, size and stride operands become the static lists. The
/// result type is kept: it may be less precise than the static sizes.
struct SliceConstantOperands : OpRewritePattern<SliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SliceOp op,
                                PatternRewriter &rewriter) const override {
    auto toStatic = [&](Value operand) -> DenseI32ArrayAttr {
      std::optional<SmallVector<int64_t>> values = getConstantInts(operand);
      if (!values)
        return {};
      return rewriter.getDenseI32ArrayAttr(llvm::map_to_vector(
          *values, [](int64_t v) { return static_cast<int32_t>(v); }));
    };
    DenseI32ArrayAttr start = toStatic(op.getStart());
    DenseI32ArrayAttr size = toStatic(op.getSize());
    DenseI32ArrayAttr stride = toStatic(op.getStride());
    if (!start && !size && !stride)
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      if (start) {
        op.getStartMutable().clear();
        op.setStaticStartAttr(start);
      }
      if (size) {
        op.getSizeMutable().clear();
        op.setStaticSizeAttr(size);
      }
      if (stride) {
        op.getStrideMutable().clear();
        op.setStaticStrideAttr(stride);
      }
    });
    return success();
  }
};
} // namespace

void SliceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  results.add<SliceConstantOperands>(context);
}

//===----------------------------------------------------------------------===//
// ConcatenationOp
//===----------------------------------------------------------------------===//

namespace {
/// Inputs that are concatenations along the same axis, used only here,
/// contribute their own inputs; inputs known to be empty along the axis are
/// dropped.
struct FlattenConcatenation : OpRewritePattern<ConcatenationOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ConcatenationOp op,
                                PatternRewriter &rewriter) const override {
    int64_t axis = op.getAxis();
    SmallVector<Value> inputs;
    bool changed = false;
    for (Value input : op.getInputs()) {
      auto nested = input.getDefiningOp<ConcatenationOp>();
      if (nested && nested.getAxis() == op.getAxis() && nested->hasOneUse()) {
        llvm::append_range(inputs, nested.getInputs());
        changed = true;
        continue;
      }
      if (cast<RankedTensorType>(input.getType()).getDimSize(axis) == 0) {
        changed = true;
        continue;
      }
      inputs.push_back(input);
    }
    if (!changed || inputs.empty())
      return failure();
    rewriter.modifyOpInPlace(op, [&] { op->setOperands(inputs); });
    return success();
  }
};
} // namespace

void ConcatenationOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                  MLIRContext *context) {
  results.add<FlattenConcatenation>(context);
}
