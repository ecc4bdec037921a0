//===- Reduction.cpp - reduce and reduce_window ---------------------------===//
//
// Part of Kiln. `stablehlo.reduce` → `tensorrt.reduce` (or `top_k` for the
// argmax/argmin form), and `stablehlo.reduce_window` → `tensorrt.pooling`
// where a pooling computes it (float max, min and sum windows, cumulative
// sums included), else an exact composition of shifted slices.
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

/// The reducer op of a one-input `stablehlo.reduce_window` whose body
/// applies one add, multiply, maximum, minimum, and or or to its two
/// arguments, else null.
static Operation *windowReducerOp(shlo::ReduceWindowOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &body = op->getRegion(0).front();
  if (!llvm::hasNItems(body, 2) || body.getNumArguments() != 2)
    return nullptr;
  Operation &inner = body.front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.back());
  if (!reduceOperationOf(&inner) || inner.getNumOperands() != 2 || !ret ||
      ret.getNumOperands() != 1 || ret.getOperand(0) != inner.getResult(0))
    return nullptr;
  Value lhs = inner.getOperand(0), rhs = inner.getOperand(1);
  Value x = body.getArgument(0), y = body.getArgument(1);
  return (lhs == x && rhs == y) || (lhs == y && rhs == x) ? &inner : nullptr;
}

/// Why a reduce_window cannot be converted, or nothing.
static std::optional<std::string> reduceWindowProblem(shlo::ReduceWindowOp op) {
  if (op.getInputs().size() != 1)
    return std::string("is supported only with one input");
  Operation *reducer = windowReducerOp(op);
  if (!reducer)
    return std::string("is supported only with a reducer that is one add, "
                       "multiply, maximum, minimum, and or or");
  if (isa<shlo::AndOp, shlo::OrOp>(reducer) && !isBool(op.getInputs()[0]))
    return std::string("with and/or is supported only on i1");
  if (!tensorType(op.getInputs()[0]).hasStaticShape() ||
      !cast<RankedTensorType>(op.getResult(0).getType()).hasStaticShape())
    return std::string("is supported only on static shapes");
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

/// A window attribute (one entry per dimension), or `fallback` everywhere.
static SmallVector<int64_t> windowAttr(std::optional<ArrayRef<int64_t>> values,
                                       int64_t rank, int64_t fallback) {
  if (!values)
    return SmallVector<int64_t>(rank, fallback);
  return SmallVector<int64_t>(values->begin(), values->end());
}

/// The window shape of a reduce_window in one place.
struct Window {
  SmallVector<int64_t> size, stride, baseDilation, dilation, low, high;

  explicit Window(shlo::ReduceWindowOp op) {
    int64_t rank = tensorType(op.getInputs()[0]).getRank();
    size.assign(op.getWindowDimensions().begin(),
                op.getWindowDimensions().end());
    stride = windowAttr(op.getWindowStrides(), rank, 1);
    baseDilation = windowAttr(op.getBaseDilations(), rank, 1);
    dilation = windowAttr(op.getWindowDilations(), rank, 1);
    low.assign(rank, 0);
    high.assign(rank, 0);
    if (std::optional<DenseIntElementsAttr> padding = op.getPadding())
      for (int64_t d = 0; d < rank; ++d) {
        low[d] = padding->getValues<int64_t>()[2 * d];
        high[d] = padding->getValues<int64_t>()[2 * d + 1];
      }
  }

  bool windowed(int64_t d) const {
    return size[d] != 1 || stride[d] != 1 || low[d] != 0 || high[d] != 0 ||
           baseDilation[d] != 1;
  }
};

/// The constant initial value of a reduce_window, looking through the
/// broadcasts JAX sometimes applies to the scalar first.
static Value initValueOf(shlo::ReduceWindowOp op) {
  Value init = op.getInitValues()[0];
  while (auto broadcast = init.getDefiningOp<shlo::BroadcastInDimOp>())
    init = broadcast.getOperand();
  return init;
}

/// Whether a `tensorrt.pooling` computes `op`: a float max, min (as the
/// negated max of the negation) or sum (as an average times the window
/// volume) window without dilations over at most 3 dimensions, starting
/// from the reducer's identity.
static bool isPooling(shlo::ReduceWindowOp op) {
  Operation *reducer = windowReducerOp(op);
  if (!isa<shlo::AddOp, shlo::MaxOp, shlo::MinOp>(reducer) ||
      !isFloat(op.getInputs()[0]) ||
      !isIdentityInit(initValueOf(op), *reduceOperationOf(reducer)))
    return false;
  Window window(op);
  auto ones = [](ArrayRef<int64_t> v) {
    return llvm::all_of(v, [](int64_t x) { return x == 1; });
  };
  auto negative = [](ArrayRef<int64_t> v) {
    return llvm::any_of(v, [](int64_t x) { return x < 0; });
  };
  if (!ones(window.baseDilation) || !ones(window.dilation) ||
      negative(window.low) || negative(window.high))
    return false;
  int64_t windowed = 0;
  for (int64_t d = 0, e = window.size.size(); d < e; ++d)
    windowed += window.windowed(d);
  return windowed <= 3;
}

/// reduce_window → `tensorrt.pooling`: the windowed dimensions move to the
/// end as the spatial dimensions of a [1, C, spatial...] tensor, C holding
/// all other dimensions. A sum is an average (padding counted) times the
/// window volume; this also covers the cumulative sums JAX writes as a
/// full-length window padded in front.
static Value lowerToPooling(OpBuilder &b, shlo::ReduceWindowOp op,
                            Value input) {
  Location loc = op.getLoc();
  RankedTensorType type = tensorType(input);
  auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
  int64_t rank = type.getRank();
  Operation *reducer = windowReducerOp(op);
  bool isSum = isa<shlo::AddOp>(reducer), isMin = isa<shlo::MinOp>(reducer);
  Window window(op);
  SmallVector<int64_t> size, stride, pre, post, windowedDims, otherDims;
  for (int64_t d = 0; d < rank; ++d) {
    if (!window.windowed(d)) {
      otherDims.push_back(d);
      continue;
    }
    windowedDims.push_back(d);
    size.push_back(window.size[d]);
    stride.push_back(window.stride[d]);
    pre.push_back(window.low[d]);
    post.push_back(window.high[d]);
  }
  if (windowedDims.empty())
    return input;
  SmallVector<int64_t> perm(otherDims);
  llvm::append_range(perm, windowedDims);
  Value moved = transpose(b, loc, input, perm);
  int64_t channels = 1;
  for (int64_t d : otherDims)
    channels *= type.getDimSize(d);
  SmallVector<int64_t> pooledIn{1, channels}, pooledOut{1, channels};
  for (int64_t d : windowedDims) {
    pooledIn.push_back(type.getDimSize(d));
    pooledOut.push_back(resultType.getDimSize(d));
  }
  Value nchw = reshape(b, loc, moved, pooledIn);
  if (isMin)
    nchw = unary(b, loc, UnaryOperation::kNEG, nchw);
  Value pooled =
      trt::PoolingOp::create(
          b, loc, type.clone(pooledOut), nchw, b.getDenseI64ArrayAttr(size),
          b.getDenseI64ArrayAttr(stride), b.getDenseI64ArrayAttr(pre),
          b.getDenseI64ArrayAttr(post),
          trt::PoolingTypeAttr::get(b.getContext(),
                                    isSum ? trt::PoolingType::kAVERAGE
                                          : trt::PoolingType::kMAX),
          FloatAttr(), isSum ? b.getBoolAttr(false) : BoolAttr())
          .getResult();
  if (isSum)
    pooled = elementWise(b, loc, ElementWiseOperation::kPROD, pooled,
                         splatLike(b, loc, pooled, double(product(size))));
  if (isMin)
    pooled = unary(b, loc, UnaryOperation::kNEG, pooled);
  SmallVector<int64_t> movedShape;
  for (int64_t d : perm)
    movedShape.push_back(resultType.getDimSize(d));
  Value result = reshape(b, loc, pooled, movedShape);
  SmallVector<int64_t> inverse(rank);
  for (auto [i, d] : llvm::enumerate(perm))
    inverse[d] = i;
  return transpose(b, loc, result, inverse);
}

/// `value` shifted towards the front by `offset` along `dim`: position i
/// reads i + offset, positions past the end read 0.
static Value shiftDown(OpBuilder &b, Location loc, Value value, int64_t dim,
                       int64_t offset) {
  if (offset == 0)
    return value;
  ArrayRef<int64_t> shape = tensorType(value).getShape();
  SmallVector<int32_t> start(shape.size(), 0), stride(shape.size(), 1);
  start[dim] = static_cast<int32_t>(offset);
  return trt::SliceOp::create(b, loc, value, start, toI32(shape), stride,
                              trt::SliceMode::kFILL)
      .getResult();
}

/// The windows of `size` taps `dilation` apart along `dim`, every `stride`
/// positions, `count` of them, each folded with `combine`. Runs of 2^j taps
/// are built by doubling (each from two runs of half the length) and a
/// window is the runs of the binary digits of `size` side by side, so a
/// window of n taps costs about 2 log2(n) element-wise ops rather than n.
/// Positions whose run would read past the end hold garbage, but no
/// window of the result reads them.
static Value reduceAlong(OpBuilder &b, Location loc, Value value, int64_t dim,
                         int64_t size, int64_t dilation, int64_t stride,
                         int64_t count, ElementWiseOperation combine) {
  SmallVector<Value> runs{value};
  while ((int64_t(1) << runs.size()) <= size) {
    int64_t half = int64_t(1) << (runs.size() - 1);
    Value run = runs.back();
    runs.push_back(elementWise(b, loc, combine, run,
                               shiftDown(b, loc, run, dim, half * dilation)));
  }
  Value window;
  int64_t offset = 0;
  for (int64_t j = runs.size() - 1; j >= 0; --j) {
    if (!((size >> j) & 1))
      continue;
    Value piece = shiftDown(b, loc, runs[j], dim, offset * dilation);
    window = window ? elementWise(b, loc, combine, window, piece) : piece;
    offset += int64_t(1) << j;
  }
  ArrayRef<int64_t> shape = tensorType(window).getShape();
  if (stride == 1 && shape[dim] == count)
    return window;
  SmallVector<int32_t> start(shape.size(), 0), steps(shape.size(), 1);
  SmallVector<int32_t> sizes = toI32(shape);
  steps[dim] = static_cast<int32_t>(stride);
  sizes[dim] = static_cast<int32_t>(count);
  return trt::SliceOp::create(b, loc, window, start, sizes, steps)
      .getResult();
}

/// Any reduce_window with an associative, commutative reducer: the input is
/// padded (edges and base dilation) with the initial value, reduced one
/// windowed dimension after another (a window is the product of its
/// per-dimension extents), and the initial value joins each window once
/// unless it is the reducer's identity.
static Value lowerToShiftedSlices(OpBuilder &b, shlo::ReduceWindowOp op,
                                  Value input, Value init) {
  Location loc = op.getLoc();
  Operation *reducer = windowReducerOp(op);
  ElementWiseOperation combine = *elementWiseOf(reducer);
  if (isBool(input))
    combine = isa<shlo::AddOp, shlo::OrOp, shlo::MaxOp>(reducer)
                  ? ElementWiseOperation::kOR
                  : ElementWiseOperation::kAND;
  auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
  Window window(op);
  SmallVector<int64_t> interior;
  for (int64_t dilation : window.baseDilation)
    interior.push_back(dilation - 1);
  Value result = padTensor(b, loc, input, init, window.low, window.high,
                           interior);
  for (int64_t d = 0, e = resultType.getRank(); d < e; ++d) {
    if (window.size[d] == 1 && window.stride[d] == 1)
      continue;
    result = reduceAlong(b, loc, result, d, window.size[d], window.dilation[d],
                         window.stride[d], resultType.getDimSize(d), combine);
  }
  if (!isIdentityInit(initValueOf(op), *reduceOperationOf(reducer)))
    result = elementWise(b, loc, combine, result,
                         expandTo(b, loc, init, resultType.getRank()));
  return result;
}

struct ReduceWindowLowering : public OpConversionPattern<shlo::ReduceWindowOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceWindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Value input = adaptor.getInputs()[0];
    rewriter.replaceOp(op, isPooling(op)
                               ? lowerToPooling(rewriter, op, input)
                               : lowerToShiftedSlices(rewriter, op, input,
                                                      adaptor.getInitValues()[0]));
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
