//===- DynamicShape.cpp - dynamic-shape ops -------------------------------===//
//
// Part of Kiln. The ops jax.export writes for symbolic dimensions:
// get_dimension_size → `tensorrt.shape` + `slice`; dynamic_broadcast_in_dim
// → `expand_rank` and `element_wise` against zeros (of the run-time shape
// for new `?` dimensions); dynamic_reshape → `reshape` (with a shape operand
// for several `?`); dynamic_iota → `linspace`; real_dynamic_slice,
// dynamic_pad and the slice form of dynamic_gather → `slice` with run-time
// start/size (kFILL for padding; the runtime reads those operands when the
// engine runs); custom_call
// @shape_assertion → `tensorrt.assertion`. Shapes held by tensors are read
// when the engine runs.
//
// This family also owns every custom_call that no other family claims, so
// that an unknown target is refused with its name.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/IR/Matchers.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Regex.h"

#include <numeric>

using namespace kiln::stablehlo_to_tensorrt;

//===----------------------------------------------------------------------===//
// Shape-tensor helpers
//===----------------------------------------------------------------------===//

/// A 1-D i32 constant.
static Value i32Vector(OpBuilder &b, Location loc, ArrayRef<int32_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getI32Type());
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(type, values))
      .getResult();
}

/// `shape` (a 1-D integer tensor) as the 1-D i32 tensor `tensorrt` takes for
/// shapes, starts and sizes.
static Value asShapeTensor(OpBuilder &b, Location loc, Value shape) {
  return castTo(b, loc, shape, b.getI32Type());
}

/// Whether `value` is a constant whose elements are all zero.
static bool isZeroConstant(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return false;
  return llvm::all_of(attr.getValues<APInt>(),
                      [](const APInt &v) { return v.isZero(); });
}

/// Whether `type` is a 1-D tensor with a known number of entries.
static bool isStaticVector(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() == 1 && tensor.hasStaticShape();
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

/// get_dimension_size → a constant for a static dimension, else
/// `tensorrt.shape` sliced to the one entry and reshaped to rank 0.
struct GetDimensionSizeLowering
    : public StableHLOPattern<shlo::GetDimensionSizeOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::GetDimensionSizeOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType input = tensorType(adaptor.getOperand());
    int64_t dim = op.getDimension();
    auto scalar = RankedTensorType::get({}, rewriter.getI32Type());
    if (!input.isDynamicDim(dim))
      return trt::ConstantOp::create(
                 rewriter, loc,
                 DenseElementsAttr::get(scalar, rewriter.getI32IntegerAttr(
                                                    input.getDimSize(dim))))
          .getResult();
    Value shape =
        trt::ShapeOp::create(rewriter, loc, adaptor.getOperand()).getResult();
    Value entry = trt::SliceOp::create(rewriter, loc, shape,
                                       {static_cast<int32_t>(dim)}, {1}, {1})
                      .getResult();
    return reshape(rewriter, loc, entry, {});
  }
};

/// A tensor of `type` (whose `?` sizes `shape` holds at run time) filled
/// with zeros (false for i1): `tensorrt.linspace` from 0 with step 0, made
/// in f32 or i32 (what linspace produces) and cast.
static Value zerosOfShape(OpBuilder &b, Location loc, RankedTensorType type,
                          Value shape) {
  Type element = type.getElementType();
  Type fillElement = isa<FloatType>(element) ? Type(b.getF32Type())
                     : element.isSignlessInteger(64) ? element
                                                     : b.getI32Type();
  int64_t rank = type.getRank();
  Value fill;
  if (rank == 1) {
    fill = trt::LinspaceOp::create(b, loc, type.clone(fillElement), shape,
                                   Value(), Value(), b.getF64FloatAttr(0.0),
                                   b.getF64FloatAttr(0.0))
               .getResult();
  } else {
    Attribute zero = isa<FloatType>(fillElement)
                         ? Attribute(FloatAttr::get(fillElement, 0.0))
                         : Attribute(IntegerAttr::get(fillElement, 0));
    Value start = trt::ConstantOp::create(
                      b, loc,
                      DenseElementsAttr::get(
                          RankedTensorType::get({}, fillElement), zero))
                      .getResult();
    Value step = trt::ConstantOp::create(
                     b, loc,
                     DenseElementsAttr::get(
                         RankedTensorType::get({rank}, fillElement), zero))
                     .getResult();
    fill = trt::LinspaceOp::create(b, loc, type.clone(fillElement), shape,
                                   start, step, FloatAttr(), FloatAttr())
               .getResult();
  }
  return castTo(b, loc, fill, element);
}

/// A constant of `shape` filled with zeros of `element` (false for i1).
static Value zerosConstant(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                           Type element) {
  Attribute zero = isa<FloatType>(element)
                       ? Attribute(FloatAttr::get(element, 0.0))
                       : Attribute(IntegerAttr::get(element, 0));
  return trt::ConstantOp::create(
             b, loc,
             DenseElementsAttr::get(RankedTensorType::get(shape, element),
                                    zero))
      .getResult();
}

/// dynamic_broadcast_in_dim → `tensorrt.broadcast` for a static result.
/// Otherwise the operand is brought to the result's rank
/// (a transpose when `dims` is not increasing, `expand_rank` for the new
/// dimensions), which keeps its `?` sizes; the dimensions it still has to
/// grow along are broadcast by `element_wise` against zeros (adding 0, or
/// or-ing false, leaves every value as it is): a constant when the grown
/// sizes are static, else zeros of the run-time shape held by
/// `output_dimensions` (`linspace`).
struct DynamicBroadcastInDimLowering
    : public StableHLOPattern<shlo::DynamicBroadcastInDimOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicBroadcastInDimOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(op.getType());
    Value operand = adaptor.getOperand();
    ArrayRef<int64_t> dims = op.getBroadcastDimensions();
    if (resultType.hasStaticShape())
      return trt::BroadcastOp::create(rewriter, loc, resultType, operand,
                                      Value(), dims)
          .getResult();
    // Operand dimensions in result order.
    SmallVector<int64_t> order(dims.size());
    std::iota(order.begin(), order.end(), 0);
    llvm::sort(order, [&](int64_t a, int64_t b) { return dims[a] < dims[b]; });
    operand = transpose(rewriter, loc, operand, order);
    // Size-1 dimensions for the result dimensions the operand lacks.
    ArrayRef<int64_t> operandShape = tensorType(operand).getShape();
    SmallVector<int64_t> expanded(resultType.getRank(), 1);
    for (auto [i, d] : llvm::enumerate(order))
      expanded[dims[d]] = operandShape[i];
    if (tensorType(operand).getRank() != resultType.getRank())
      operand = trt::ExpandRankOp::create(rewriter, loc,
                                          resultType.clone(expanded), operand)
                    .getResult();
    // The dimensions still to grow: static ones, and `?` ones the operand
    // does not size.
    SmallVector<int64_t> grow(resultType.getRank(), 1);
    bool grows = false, runtimeSized = false;
    for (int64_t d = 0; d < resultType.getRank(); ++d) {
      int64_t from = expanded[d], to = resultType.getDimSize(d);
      if (from == to)
        continue;
      if (ShapedType::isDynamic(to)) {
        runtimeSized = true;
      } else if (from == 1) {
        grow[d] = to;
        grows = true;
      }
      // A `?` operand dimension for a static result one has that size.
    }
    if (!grows && !runtimeSized)
      return operand;
    Value zeros =
        runtimeSized
            ? zerosOfShape(
                  rewriter, loc, resultType,
                  asShapeTensor(rewriter, loc, adaptor.getOutputDimensions()))
            : zerosConstant(rewriter, loc, grow, resultType.getElementType());
    return elementWise(rewriter, loc,
                       isBool(operand) ? ElementWiseOperation::kOR
                                       : ElementWiseOperation::kSUM,
                       operand, zeros);
  }
};

/// dynamic_reshape → `tensorrt.reshape`, with the shape operand only when
/// the result has more than one `?`.
struct DynamicReshapeLowering
    : public StableHLOPattern<shlo::DynamicReshapeOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicReshapeOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(op.getType());
    // One `?` is derived from the element count when the engine runs.
    if (llvm::count_if(resultType.getShape(), ShapedType::isDynamic) <= 1)
      return trt::ReshapeOp::create(rewriter, loc, resultType,
                                    adaptor.getOperand(), Value())
          .getResult();
    Value shape = asShapeTensor(rewriter, loc, adaptor.getOutputShape());
    return trt::ReshapeOp::create(rewriter, loc, resultType,
                                  adaptor.getOperand(), shape)
        .getResult();
  }
};

/// dynamic_iota → `tensorrt.linspace` of the run-time shape, starting at 0
/// with step 1 along the iota dimension and 0 along the others. Computed in
/// f32 or i32 (what linspace produces) and cast to the result type.
struct DynamicIotaLowering : public StableHLOPattern<shlo::DynamicIotaOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicIotaOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(op.getType());
    Type element = resultType.getElementType();
    Type fillElement = element;
    if (isa<FloatType>(element))
      fillElement = rewriter.getF32Type();
    else if (!element.isSignlessInteger(64))
      fillElement = rewriter.getI32Type();
    auto fillType = resultType.clone(fillElement);
    Value shape = asShapeTensor(rewriter, loc, adaptor.getOutputShape());
    int64_t rank = resultType.getRank();
    Value fill;
    if (rank == 1) {
      fill = trt::LinspaceOp::create(rewriter, loc, fillType, shape, Value(),
                                     Value(), rewriter.getF64FloatAttr(0.0),
                                     rewriter.getF64FloatAttr(1.0))
                 .getResult();
    } else {
      auto attrOf = [&](double v) -> Attribute {
        if (isa<FloatType>(fillElement))
          return FloatAttr::get(fillElement, v);
        return IntegerAttr::get(fillElement, static_cast<int64_t>(v));
      };
      Value start =
          trt::ConstantOp::create(
              rewriter, loc,
              DenseElementsAttr::get(RankedTensorType::get({}, fillElement),
                                     attrOf(0)))
              .getResult();
      SmallVector<Attribute> steps(rank, attrOf(0));
      steps[op.getIotaDimension()] = attrOf(1);
      Value step =
          trt::ConstantOp::create(
              rewriter, loc,
              DenseElementsAttr::get(RankedTensorType::get({rank}, fillElement),
                                     steps))
              .getResult();
      fill = trt::LinspaceOp::create(rewriter, loc, fillType, shape, start,
                                     step, FloatAttr(), FloatAttr())
                 .getResult();
    }
    return castTo(rewriter, loc, fill, element);
  }
};

/// real_dynamic_slice → `tensorrt.slice` at `start` of size
/// `ceil((limit - start) / stride)`, computed on the shape tensors.
struct RealDynamicSliceLowering
    : public StableHLOPattern<shlo::RealDynamicSliceOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::RealDynamicSliceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value start = asShapeTensor(rewriter, loc, adaptor.getStartIndices());
    Value limit = asShapeTensor(rewriter, loc, adaptor.getLimitIndices());
    Value stride = asShapeTensor(rewriter, loc, adaptor.getStrides());
    int64_t rank = tensorType(adaptor.getOperand()).getRank();
    Value one = i32Vector(rewriter, loc, SmallVector<int32_t>(rank, 1));
    Value extent =
        elementWise(rewriter, loc, ElementWiseOperation::kSUB, limit, start);
    Value rounded = elementWise(
        rewriter, loc, ElementWiseOperation::kSUM, extent,
        elementWise(rewriter, loc, ElementWiseOperation::kSUB, stride, one));
    Value size =
        elementWise(rewriter, loc, ElementWiseOperation::kDIV, rounded, stride);
    return trt::SliceOp::create(rewriter, loc, op.getType(),
                                adaptor.getOperand(), Value(), start, size,
                                stride, DenseI32ArrayAttr(),
                                DenseI32ArrayAttr(), DenseI32ArrayAttr())
        .getResult();
  }
};

/// dynamic_pad without interior padding → `tensorrt.slice` in kFILL mode
/// starting at `-low`, of size `shape + low + high` (negative amounts crop).
struct DynamicPadLowering : public StableHLOPattern<shlo::DynamicPadOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicPadOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand();
    int64_t rank = tensorType(operand).getRank();
    Value low = asShapeTensor(rewriter, loc, adaptor.getEdgePaddingLow());
    Value high = asShapeTensor(rewriter, loc, adaptor.getEdgePaddingHigh());
    Value zero = i32Vector(rewriter, loc, SmallVector<int32_t>(rank, 0));
    Value start =
        elementWise(rewriter, loc, ElementWiseOperation::kSUB, zero, low);
    Value shape = trt::ShapeOp::create(rewriter, loc, operand).getResult();
    Value size = elementWise(
        rewriter, loc, ElementWiseOperation::kSUM,
        elementWise(rewriter, loc, ElementWiseOperation::kSUM, shape, low),
        high);
    Value stride = i32Vector(rewriter, loc, SmallVector<int32_t>(rank, 1));
    return trt::SliceOp::create(rewriter, loc, op.getType(), operand,
                                adaptor.getPaddingValue(), start, size, stride,
                                DenseI32ArrayAttr(), DenseI32ArrayAttr(),
                                DenseI32ArrayAttr(),
                                trt::SliceMode::kFILL)
        .getResult();
  }
};

/// The slice form of dynamic_gather (what `x[a:b]` with a symbolic bound
/// becomes): one index vector, every operand dimension an offset
/// dimension. → `tensorrt.slice` at the start clamped so the window fits
/// (as gather clamps), of size `slice_sizes`.
struct DynamicGatherLowering : public StableHLOPattern<shlo::DynamicGatherOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicGatherOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand();
    int64_t rank = tensorType(operand).getRank();
    Value indices = asShapeTensor(rewriter, loc, adaptor.getStartIndices());
    Value size = asShapeTensor(rewriter, loc, adaptor.getSliceSizes());
    // The start of every operand dimension: entry k of the index vector
    // for start_index_map[k], 0 for the others.
    ArrayRef<int64_t> map = op.getDimensionNumbers().getStartIndexMap();
    SmallVector<Value> pieces;
    for (int64_t d = 0; d < rank; ++d) {
      const int64_t *it = llvm::find(map, d);
      if (it == map.end()) {
        pieces.push_back(i32Vector(rewriter, loc, {0}));
        continue;
      }
      int32_t k = static_cast<int32_t>(it - map.begin());
      pieces.push_back(
          trt::SliceOp::create(rewriter, loc, indices, {k}, {1}, {1})
              .getResult());
    }
    Value start =
        pieces.size() == 1
            ? pieces.front()
            : trt::ConcatenationOp::create(rewriter, loc, pieces, 0u)
                  .getResult();
    // Clamp into [0, shape - size].
    Value shape = trt::ShapeOp::create(rewriter, loc, operand).getResult();
    Value highest =
        elementWise(rewriter, loc, ElementWiseOperation::kSUB, shape, size);
    Value zero = i32Vector(rewriter, loc, SmallVector<int32_t>(rank, 0));
    start = elementWise(
        rewriter, loc, ElementWiseOperation::kMAX, zero,
        elementWise(rewriter, loc, ElementWiseOperation::kMIN, start, highest));
    Value stride = i32Vector(rewriter, loc, SmallVector<int32_t>(rank, 1));
    return trt::SliceOp::create(rewriter, loc, op.getType(), operand, Value(),
                                start, size, stride, DenseI32ArrayAttr(),
                                DenseI32ArrayAttr(), DenseI32ArrayAttr())
        .getResult();
  }
};

/// custom_call @shape_assertion(%ok, %dims...) → `tensorrt.assertion` on
/// `%ok`, with JAX's error message. The message's `{i}` placeholders stand
/// for the values of the dimension operands, which an assertion cannot
/// print; they become `?`.
struct ShapeAssertionLowering
    : public OpConversionPattern<shlo::CustomCallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::CustomCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getCallTargetName() != "shape_assertion")
      return failure();
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    std::string message = "shape assertion failed";
    if (auto text = op->getAttrOfType<StringAttr>("error_message")) {
      llvm::Regex placeholder("\\{[0-9]+\\}");
      std::string rest = text.getValue().str();
      message = "";
      SmallVector<StringRef> match;
      while (placeholder.match(rest, &match)) {
        size_t at = rest.find(match.front());
        message += rest.substr(0, at) + "?";
        rest = rest.substr(at + match.front().size());
      }
      message += rest;
    }
    trt::AssertionOp::create(rewriter, op.getLoc(), adaptor.getInputs().front(),
                             message);
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// The family
//===----------------------------------------------------------------------===//

static bool owns(Operation *op) {
  if (isa<shlo::CustomCallOp>(op))
    return !kAnnotationFamily.owns(op);
  return isa<shlo::GetDimensionSizeOp, shlo::DynamicBroadcastInDimOp,
             shlo::DynamicReshapeOp, shlo::DynamicIotaOp,
             shlo::RealDynamicSliceOp, shlo::DynamicPadOp,
             shlo::DynamicGatherOp>(op);
}

/// Why a shape operand cannot feed `tensorrt` (which takes 1-D i32 tensors
/// of known length), or nothing.
static std::optional<std::string> shapeOperandProblem(Value shape,
                                                      StringRef name) {
  if (!isStaticVector(shape.getType()))
    return ("needs `" + name + "` to be a 1-D tensor of known length, got " +
            llvm::formatv("{0}", shape.getType()).str())
        .str();
  return std::nullopt;
}

static std::optional<std::string> problem(Operation *op) {
  if (auto call = dyn_cast<shlo::CustomCallOp>(op)) {
    if (call.getCallTargetName() != "shape_assertion")
      return "with target @" + call.getCallTargetName().str() +
             " has no conversion to `tensorrt` (Kiln converts "
             "@shape_assertion and the sharding targets)";
    if (call->getNumResults() != 0 || call.getInputs().empty() ||
        call.getInputs().front().getType() !=
            RankedTensorType::get({}, IntegerType::get(op->getContext(), 1)))
      return std::string("@shape_assertion is supported only with a "
                         "tensor<i1> condition first and no results");
    return std::nullopt;
  }
  if (auto broadcast = dyn_cast<shlo::DynamicBroadcastInDimOp>(op))
    return shapeOperandProblem(broadcast.getOutputDimensions(),
                               "output_dimensions");
  if (auto reshape = dyn_cast<shlo::DynamicReshapeOp>(op))
    return shapeOperandProblem(reshape.getOutputShape(), "output_shape");
  if (auto iota = dyn_cast<shlo::DynamicIotaOp>(op)) {
    Type element = tensorType(iota.getResult()).getElementType();
    if (element.isSignlessInteger(1) || element.isSignlessInteger(8))
      return "is supported only with float, i32 or i64 results, got " +
             llvm::formatv("{0}", element).str();
    return shapeOperandProblem(iota.getOutputShape(), "output_shape");
  }
  if (auto slice = dyn_cast<shlo::RealDynamicSliceOp>(op)) {
    for (auto [value, name] :
         {std::pair{slice.getStartIndices(), "start_indices"},
          std::pair{slice.getLimitIndices(), "limit_indices"},
          std::pair{slice.getStrides(), "strides"}})
      if (auto reason = shapeOperandProblem(value, name))
        return reason;
    return std::nullopt;
  }
  if (auto pad = dyn_cast<shlo::DynamicPadOp>(op)) {
    for (auto [value, name] :
         {std::pair{pad.getEdgePaddingLow(), "edge_padding_low"},
          std::pair{pad.getEdgePaddingHigh(), "edge_padding_high"},
          std::pair{pad.getInteriorPadding(), "interior_padding"}})
      if (auto reason = shapeOperandProblem(value, name))
        return reason;
    if (!isZeroConstant(pad.getInteriorPadding()))
      return std::string("is supported only without interior padding (a "
                         "constant all-zero `interior_padding`)");
    return std::nullopt;
  }
  if (auto gather = dyn_cast<shlo::DynamicGatherOp>(op)) {
    shlo::GatherDimensionNumbersAttr dims = gather.getDimensionNumbers();
    int64_t rank = tensorType(gather.getOperand()).getRank();
    auto indices = tensorType(gather.getStartIndices());
    bool sliceForm =
        indices.getRank() == 1 && indices.hasStaticShape() &&
        dims.getIndexVectorDim() == 0 && dims.getCollapsedSliceDims().empty() &&
        dims.getOperandBatchingDims().empty() &&
        dims.getStartIndicesBatchingDims().empty() &&
        static_cast<int64_t>(dims.getOffsetDims().size()) == rank &&
        llvm::equal(dims.getOffsetDims(), llvm::seq<int64_t>(0, rank)) &&
        static_cast<int64_t>(dims.getStartIndexMap().size()) ==
            indices.getDimSize(0);
    if (!sliceForm)
      return std::string(
          "is supported only in the slice form (one start index vector, "
          "every operand dimension an offset dimension, none collapsed)");
    return shapeOperandProblem(gather.getSliceSizes(), "slice_sizes");
  }
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<GetDimensionSizeLowering, DynamicBroadcastInDimLowering,
               DynamicReshapeLowering, DynamicIotaLowering,
               RealDynamicSliceLowering, DynamicPadLowering,
               DynamicGatherLowering, ShapeAssertionLowering>(
      patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kDynamicShapeFamily = {
    "dynamic shape", owns, problem, populate};
