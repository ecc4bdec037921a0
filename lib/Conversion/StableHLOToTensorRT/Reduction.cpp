//===- Reduction.cpp - reduce and reduce_window ---------------------------===//
//
// Part of Kiln. `stablehlo.reduce` → `tensorrt.reduce` (or `top_k` for the
// argmax/argmin form), and `stablehlo.reduce_window` → `tensorrt.pooling`
// (max and sum windows, cumulative sums included).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace kiln::stablehlo_to_tensorrt;

/// The `tensorrt.reduce` operation a single-op reducer maps to.
static std::optional<trt::ReduceOperation> reduceOperationOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<trt::ReduceOperation>>(op)
      .Case<shlo::AddOp, shlo::OrOp>(
          [](auto) { return trt::ReduceOperation::kSUM; })
      .Case<shlo::MulOp, shlo::AndOp>(
          [](auto) { return trt::ReduceOperation::kPROD; })
      .Case<shlo::MaxOp>([](auto) { return trt::ReduceOperation::kMAX; })
      .Case<shlo::MinOp>([](auto) { return trt::ReduceOperation::kMIN; })
      .Default([](Operation *) { return std::nullopt; });
}

/// The reducer op of a `stablehlo.reduce` whose body applies one binary op
/// to (accumulator, element), else null.
static Operation *singleReducerOp(shlo::ReduceOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &body = op.getBody().front();
  if (!llvm::hasNItems(body, 2))
    return nullptr;
  Operation &inner = body.front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.back());
  if (!ret || inner.getNumOperands() != 2 || ret.getNumOperands() != 1 ||
      ret.getOperand(0) != inner.getResult(0))
    return nullptr;
  bool argsInOrder = inner.getOperand(0) == body.getArgument(0) &&
                     inner.getOperand(1) == body.getArgument(1);
  bool argsSwapped = inner.getOperand(0) == body.getArgument(1) &&
                     inner.getOperand(1) == body.getArgument(0);
  return argsInOrder || argsSwapped ? &inner : nullptr;
}

/// The reducer op of a one-input `stablehlo.reduce_window` whose body is
/// one add or maximum, else null.
static Operation *windowReducerOp(shlo::ReduceWindowOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &body = op->getRegion(0).front();
  if (!llvm::hasNItems(body, 2) || body.getNumArguments() != 2)
    return nullptr;
  Operation &inner = body.front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.back());
  if (!isa<shlo::AddOp, shlo::MaxOp>(inner) || !ret ||
      ret.getNumOperands() != 1 || ret.getOperand(0) != inner.getResult(0))
    return nullptr;
  return &inner;
}

/// Why a reduce_window cannot become `tensorrt.pooling`, or nothing.
static std::optional<std::string> reduceWindowProblem(shlo::ReduceWindowOp op) {
  Operation *reducer = windowReducerOp(op);
  if (!reducer)
    return std::string("is supported only with one input and a reducer that "
                       "is one add or maximum");
  RankedTensorType type = tensorType(op.getInputs()[0]);
  if (!type.hasStaticShape() || !isFloat(op.getInputs()[0]))
    return std::string("is supported only on static floating-point tensors");
  auto allOnes = [](std::optional<ArrayRef<int64_t>> values) {
    return !values || llvm::all_of(*values, [](int64_t v) { return v == 1; });
  };
  if (!allOnes(op.getBaseDilations()) || !allOnes(op.getWindowDilations()))
    return std::string("with dilations is not supported yet");
  DenseElementsAttr init;
  Value initValue = op.getInitValues()[0];
  // JAX sometimes broadcasts the scalar constant to itself first.
  while (auto broadcast = initValue.getDefiningOp<shlo::BroadcastInDimOp>())
    initValue = broadcast.getOperand();
  if (!matchPattern(initValue, m_Constant(&init)) ||
      !init.isSplat())
    return std::string("is supported only with a constant initial value");
  APFloat x = init.getSplatValue<APFloat>();
  bool identity = isa<shlo::AddOp>(reducer) ? x.isZero()
                                            : x.isInfinity() && x.isNegative();
  if (!identity)
    return std::string("is supported only with the reducer's identity as "
                       "initial value (0 for add, -inf for maximum)");
  int64_t windowed = 0;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    bool strided = op.getWindowStrides() && (*op.getWindowStrides())[d] != 1;
    bool padded = false;
    if (std::optional<DenseIntElementsAttr> padding = op.getPadding())
      padded = padding->getValues<int64_t>()[2 * d] != 0 ||
               padding->getValues<int64_t>()[2 * d + 1] != 0;
    if (op.getWindowDimensions()[d] != 1 || strided || padded)
      ++windowed;
  }
  if (windowed > 3)
    return std::string("over more than 3 dimensions is not supported");
  return std::nullopt;
}

/// For a two-input reduce that JAX emits for argmax/argmin (values with an
/// iota along the one reduced dimension, the reducer picking the larger or
/// smaller value and the lower index on ties): the `top_k` operation it
/// computes, else nothing.
static std::optional<trt::TopKOperation> argReduceKind(shlo::ReduceOp op) {
  if (op.getInputs().size() != 2 || op.getDimensions().size() != 1)
    return std::nullopt;
  int64_t axis = op.getDimensions()[0];
  auto iota = op.getInputs()[1].getDefiningOp<shlo::IotaOp>();
  if (!iota || iota.getIotaDimension() != axis ||
      !elementType(op.getInputs()[1]).isSignlessInteger(32))
    return std::nullopt;
  Block &body = op.getBody().front();
  if (body.getNumArguments() != 4)
    return std::nullopt;
  // Block arguments: (acc value, acc index, value, index). The first
  // comparison of the accumulated value with the new one decides the kind.
  for (Operation &inner : body) {
    auto compare = dyn_cast<shlo::CompareOp>(inner);
    if (!compare || compare.getLhs() != body.getArgument(0) ||
        compare.getRhs() != body.getArgument(2))
      continue;
    switch (compare.getComparisonDirection()) {
    case shlo::ComparisonDirection::GT:
      return trt::TopKOperation::kMAX;
    case shlo::ComparisonDirection::LT:
      return trt::TopKOperation::kMIN;
    default:
      return std::nullopt;
    }
  }
  return std::nullopt;
}

namespace {

/// Whether `init` is a constant equal to the identity of `kind` (so the
/// reduction may ignore it).
static bool isIdentityInit(Value init, trt::ReduceOperation kind) {
  DenseElementsAttr value;
  if (!matchPattern(init, m_Constant(&value)) || !value.isSplat())
    return false;
  if (isa<FloatType>(value.getElementType())) {
    APFloat x = value.getSplatValue<APFloat>();
    switch (kind) {
    case trt::ReduceOperation::kSUM:
      return x.isZero();
    case trt::ReduceOperation::kPROD:
      return x.isExactlyValue(1.0);
    case trt::ReduceOperation::kMAX:
      return x.isInfinity() && x.isNegative();
    case trt::ReduceOperation::kMIN:
      return x.isInfinity() && !x.isNegative();
    default:
      return false;
    }
  }
  APInt x = value.getSplatValue<APInt>();
  switch (kind) {
  case trt::ReduceOperation::kSUM:
    return x.isZero();
  case trt::ReduceOperation::kPROD:
    return x.isOne();
  case trt::ReduceOperation::kMAX:
    return x.getBitWidth() == 1 ? x.isZero() : x.isMinSignedValue();
  case trt::ReduceOperation::kMIN:
    return x.getBitWidth() == 1 ? x.isOne() : x.isMaxSignedValue();
  default:
    return false;
  }
}

struct ReduceLowering : public OpConversionPattern<shlo::ReduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    if (std::optional<trt::TopKOperation> arg = argReduceKind(op)) {
      // argmax/argmin: top_k with k = 1 keeps the reduced dimension.
      int64_t axis = op.getDimensions()[0];
      Value input = adaptor.getInputs().front();
      SmallVector<int64_t> kept(tensorType(input).getShape());
      kept[axis] = 1;
      RankedTensorType valuesType = tensorType(input).clone(kept);
      auto topK = trt::TopKOp::create(rewriter, loc, valuesType,
                                      valuesType.clone(rewriter.getI32Type()),
                                      input, /*k=*/1, axis, *arg);
      ArrayRef<int64_t> shape =
          cast<RankedTensorType>(op.getResult(0).getType()).getShape();
      rewriter.replaceOp(op, {reshape(rewriter, loc, topK.getValues(), shape),
                              reshape(rewriter, loc, topK.getIndices(), shape)});
      return success();
    }
    Operation *reducer = singleReducerOp(op);
    trt::ReduceOperation kind = *reduceOperationOf(reducer);
    Value input = adaptor.getInputs().front();
    Value init = op.getInitValues().front();
    auto resultType = cast<RankedTensorType>(op.getResult(0).getType());

    // Booleans reduce as i32: and is a product, or a clamped sum (as max).
    bool isBoolean = isBool(input);
    if (isBoolean) {
      input = castTo(rewriter, loc, input, rewriter.getI32Type());
      kind = isa<shlo::OrOp, shlo::AddOp, shlo::MaxOp>(reducer)
                 ? trt::ReduceOperation::kMAX
                 : trt::ReduceOperation::kMIN;
    }
    SmallVector<int64_t> axes(op.getDimensions());
    llvm::sort(axes);
    Value reduced = input;
    if (!axes.empty())
      reduced = trt::ReduceOp::create(
                    rewriter, loc,
                    resultType.clone(tensorType(input).getElementType()), input,
                    axes, /*keepDimensions=*/false, kind)
                    .getResult();
    if (isBoolean)
      reduced = castTo(rewriter, loc, reduced, rewriter.getI1Type());

    // A non-identity initial value takes part in every reduction.
    if (axes.empty() || !isIdentityInit(init, *reduceOperationOf(reducer))) {
      std::optional<ElementWiseOperation> combine = elementWiseOf(reducer);
      if (isBoolean)
        combine = isa<shlo::OrOp, shlo::AddOp, shlo::MaxOp>(reducer)
                      ? ElementWiseOperation::kOR
                      : ElementWiseOperation::kAND;
      Value initValue = expandTo(rewriter, loc, adaptor.getInitValues().front(),
                                 resultType.getRank());
      reduced = elementWise(rewriter, loc, *combine, reduced, initValue);
    }
    rewriter.replaceOp(op, reduced);
    return success();
  }
};

// Window reductions

/// reduce_window (max or sum, no dilation) → `tensorrt.pooling`: the
/// windowed dimensions move to the end as the spatial dimensions of a
/// [1, C, spatial...] tensor, C holding all other dimensions. A sum is an
/// average (padding counted) times the window volume; this also covers the
/// cumulative sums JAX writes as a full-length window padded in front.
struct ReduceWindowLowering : public OpConversionPattern<shlo::ReduceWindowOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceWindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value input = adaptor.getInputs()[0];
    RankedTensorType type = tensorType(input);
    auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
    int64_t rank = type.getRank();
    bool isSum = isa<shlo::AddOp>(windowReducerOp(op));
    SmallVector<int64_t> window, stride, pre, post, windowedDims, otherDims;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t w = op.getWindowDimensions()[d];
      int64_t s = op.getWindowStrides() ? (*op.getWindowStrides())[d] : 1;
      int64_t lo = 0, hi = 0;
      if (std::optional<DenseIntElementsAttr> padding = op.getPadding()) {
        lo = padding->getValues<int64_t>()[2 * d];
        hi = padding->getValues<int64_t>()[2 * d + 1];
      }
      if (w == 1 && s == 1 && lo == 0 && hi == 0) {
        otherDims.push_back(d);
        continue;
      }
      windowedDims.push_back(d);
      window.push_back(w);
      stride.push_back(s);
      pre.push_back(lo);
      post.push_back(hi);
    }
    if (windowedDims.empty()) {
      rewriter.replaceOp(op, input);
      return success();
    }
    SmallVector<int64_t> perm(otherDims);
    llvm::append_range(perm, windowedDims);
    Value moved = transpose(rewriter, loc, input, perm);
    int64_t channels = 1;
    for (int64_t d : otherDims)
      channels *= type.getDimSize(d);
    SmallVector<int64_t> pooledIn{1, channels}, pooledOut{1, channels};
    for (int64_t d : windowedDims) {
      pooledIn.push_back(type.getDimSize(d));
      pooledOut.push_back(resultType.getDimSize(d));
    }
    Value nchw = reshape(rewriter, loc, moved, pooledIn);
    Value pooled =
        trt::PoolingOp::create(
            rewriter, loc, type.clone(pooledOut), nchw,
            rewriter.getDenseI64ArrayAttr(window),
            rewriter.getDenseI64ArrayAttr(stride),
            rewriter.getDenseI64ArrayAttr(pre),
            rewriter.getDenseI64ArrayAttr(post),
            trt::PoolingTypeAttr::get(rewriter.getContext(),
                                      isSum ? trt::PoolingType::kAVERAGE
                                            : trt::PoolingType::kMAX),
            FloatAttr(), isSum ? rewriter.getBoolAttr(false) : BoolAttr())
            .getResult();
    if (isSum)
      pooled = elementWise(rewriter, loc, ElementWiseOperation::kPROD, pooled,
                           splatLike(rewriter, loc, pooled,
                                     double(product(window))));
    SmallVector<int64_t> movedShape;
    for (int64_t d : perm)
      movedShape.push_back(resultType.getDimSize(d));
    Value result = reshape(rewriter, loc, pooled, movedShape);
    SmallVector<int64_t> inverse(rank);
    for (auto [i, d] : llvm::enumerate(perm))
      inverse[d] = i;
    rewriter.replaceOp(op, transpose(rewriter, loc, result, inverse));
    return success();
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::ReduceOp, shlo::ReduceWindowOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (auto reduce = dyn_cast<shlo::ReduceOp>(op)) {
    if (reduce.getInputs().size() != 1) {
      if (argReduceKind(reduce))
        return std::nullopt;
      return std::string("with several inputs is supported only in the "
                         "argmax/argmin form (values and an iota along one "
                         "reduced dimension)");
    }
    Operation *inner = singleReducerOp(reduce);
    if (!inner || !reduceOperationOf(inner))
      return std::string("is supported only with a reducer that is one "
                         "add, multiply, maximum, minimum, and or or");
    if (isa<shlo::AndOp, shlo::OrOp>(inner) && !isBool(reduce.getInputs()[0]))
      return std::string("with and/or is supported only on i1");
  }
  if (auto window = dyn_cast<shlo::ReduceWindowOp>(op))
    return reduceWindowProblem(window);
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<ReduceLowering, ReduceWindowLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kReductionFamily = {
    "reduction", owns, problem, populate};
