//===- Shape.cpp - shape and data-movement ops ----------------------------===//
//
// Part of Kiln. Ops that move data without computing on it: broadcast_in_dim,
// reshape, transpose, concatenate, slice, pad, reverse, dynamic_slice,
// dynamic_update_slice, and the optimization_barrier that JAX inserts
// (dropped).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include <numeric>

using namespace kiln::stablehlo_to_tensorrt;

namespace {

struct BroadcastInDimLowering : public StableHLOPattern<shlo::BroadcastInDimOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::BroadcastInDimOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getOperand();
    ArrayRef<int64_t> dims = op.getBroadcastDimensions();
    bool identity = input.getType() == op.getType();
    for (auto [i, d] : llvm::enumerate(dims))
      identity &= static_cast<int64_t>(i) == d;
    if (identity)
      return input;
    return trt::BroadcastOp::create(rewriter, op.getLoc(), op.getType(), input,
                                    Value(), dims)
        .getResult();
  }
};

struct ReshapeLowering : public StableHLOPattern<shlo::ReshapeOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ReshapeOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return reshape(rewriter, op.getLoc(), adaptor.getOperand(),
                   tensorType(op.getResult()).getShape());
  }
};

struct TransposeLowering : public StableHLOPattern<shlo::TransposeOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::TransposeOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return transpose(rewriter, op.getLoc(), adaptor.getOperand(),
                     op.getPermutation());
  }
};

struct ConcatenateLowering : public StableHLOPattern<shlo::ConcatenateOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConcatenateOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (adaptor.getInputs().size() == 1)
      return adaptor.getInputs().front();
    return trt::ConcatenationOp::create(
               rewriter, op.getLoc(), op.getType(), adaptor.getInputs(),
               static_cast<uint32_t>(op.getDimension()))
        .getResult();
  }
};


struct SliceLowering : public StableHLOPattern<shlo::SliceOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::SliceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (adaptor.getOperand().getType() == op.getType())
      return adaptor.getOperand();
    return trt::SliceOp::create(
               rewriter, op.getLoc(), adaptor.getOperand(),
               toI32(op.getStartIndices()),
               toI32(tensorType(op.getResult()).getShape()),
               toI32(op.getStrides()))
        .getResult();
  }
};

/// Interior padding: each dimension `d` with interior padding `p` is split
/// into [n, 1], widened to [n, p + 1] by a fill-mode slice (element, then p
/// padding values) and merged back into n * (p + 1). That is the interior-
/// padded dimension followed by p more padding values, which the edge
/// slice below never needs to tell apart from its own fill.
static Value padInterior(OpBuilder &b, Location loc, Value input,
                         ArrayRef<int64_t> interior, Value paddingValue) {
  if (llvm::all_of(interior, [](int64_t p) { return p == 0; }))
    return input;
  ArrayRef<int64_t> shape = tensorType(input).getShape();
  SmallVector<int64_t> split, merged;
  SmallVector<int32_t> size;
  for (auto [n, p] : llvm::zip_equal(shape, interior)) {
    split.push_back(n);
    size.push_back(static_cast<int32_t>(n));
    merged.push_back(n * (p + 1));
    if (p == 0)
      continue;
    split.push_back(1);
    size.push_back(static_cast<int32_t>(p + 1));
  }
  Value splitValue = reshape(b, loc, input, split);
  Value widened =
      trt::SliceOp::create(b, loc, splitValue,
                           SmallVector<int32_t>(split.size(), 0), size,
                           SmallVector<int32_t>(split.size(), 1),
                           trt::SliceMode::kFILL, paddingValue)
          .getResult();
  return reshape(b, loc, widened, merged);
}

} // namespace

/// Edge padding is a slice that reads the padding value outside the
/// (interior-padded) operand.
Value kiln::stablehlo_to_tensorrt::padTensor(OpBuilder &b, Location loc,
                                             Value input, Value paddingValue,
                                             ArrayRef<int64_t> low,
                                             ArrayRef<int64_t> high,
                                             ArrayRef<int64_t> interior) {
  ArrayRef<int64_t> shape = tensorType(input).getShape();
  bool edges = llvm::any_of(llvm::concat<const int64_t>(low, high),
                            [](int64_t p) { return p != 0; });
  Value padded = padInterior(b, loc, input, interior, paddingValue);
  if (!edges && padded == input)
    return input;
  SmallVector<int32_t> start, size, stride;
  for (auto [n, lo, hi, p] : llvm::zip_equal(shape, low, high, interior)) {
    start.push_back(static_cast<int32_t>(-lo));
    size.push_back(static_cast<int32_t>(
        lo + hi + (n == 0 ? 0 : n + (n - 1) * p)));
    stride.push_back(1);
  }
  return trt::SliceOp::create(b, loc, padded, start, size, stride,
                              trt::SliceMode::kFILL, paddingValue)
      .getResult();
}

namespace {

struct PadLowering : public StableHLOPattern<shlo::PadOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::PadOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return padTensor(rewriter, op.getLoc(), adaptor.getOperand(),
                     adaptor.getPaddingValue(), op.getEdgePaddingLow(),
                     op.getEdgePaddingHigh(), op.getInteriorPadding());
  }
};

/// A run-time start index clamped so that a window of `window` elements
/// fits a dimension of `dimSize`, as StableHLO clamps it: min(max(start, 0),
/// dimSize - window), computed in the index type and returned as
/// tensor<1xi32>.
static Value indexConstant(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                           ArrayRef<int32_t> values);

static Value clampedStart(OpBuilder &b, Location loc, Value start,
                          int64_t dimSize, int64_t window) {
  if (window == dimSize)
    return indexConstant(b, loc, 1, 0);
  Value low = splatLike(b, loc, start, 0.0);
  Value high = splatLike(b, loc, start, double(dimSize - window));
  Value clamped = elementWise(b, loc, ElementWiseOperation::kMAX, start, low);
  clamped = elementWise(b, loc, ElementWiseOperation::kMIN, clamped, high);
  clamped = castTo(b, loc, clamped, b.getI32Type());
  return reshape(b, loc, clamped, {1});
}

/// A constant i32 tensor of `shape` holding `values`.
static Value indexConstant(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                           ArrayRef<int32_t> values) {
  auto type = RankedTensorType::get(shape, b.getI32Type());
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(type, values))
      .getResult();
}

/// The number of leading dimensions a window of `window` sizes in `shape`
/// must be addressed along: every dimension after them is taken whole, so
/// its clamped start is 0.
static int64_t addressedRank(ArrayRef<int64_t> shape, ArrayRef<int64_t> window) {
  int64_t rank = 0;
  for (auto [d, sizes] : llvm::enumerate(llvm::zip_equal(shape, window)))
    if (std::get<0>(sizes) != std::get<1>(sizes))
      rank = static_cast<int64_t>(d) + 1;
  return rank;
}

/// dynamic_slice → one `gather` per dimension that is not taken whole, at
/// the indices clamped start + [0, size).
struct DynamicSliceLowering : public StableHLOPattern<shlo::DynamicSliceOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicSliceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result = adaptor.getOperand();
    ArrayRef<int64_t> sizes = op.getSliceSizes();
    for (auto [d, start] : llvm::enumerate(adaptor.getStartIndices())) {
      RankedTensorType type = tensorType(result);
      int64_t dimSize = type.getDimSize(d);
      if (sizes[d] == dimSize)
        continue;
      Value indices = clampedStart(rewriter, loc, start, dimSize, sizes[d]);
      if (sizes[d] != 1) {
        SmallVector<int32_t> offsets(sizes[d]);
        std::iota(offsets.begin(), offsets.end(), 0);
        indices = elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                              indices,
                              indexConstant(rewriter, loc, sizes[d], offsets));
      }
      SmallVector<int64_t> shape(type.getShape());
      shape[d] = sizes[d];
      result = trt::GatherOp::create(rewriter, loc, type.clone(shape), result,
                                     indices, static_cast<int64_t>(d),
                                     /*numBroadcastDims=*/0)
                   .getResult();
    }
    return result;
  }
};

/// dynamic_update_slice → `scatter_nd` of the update at the index tuples
/// clamped start + position, over the leading dimensions the update does
/// not cover whole (the rest come along as slices). i1 moves as i8, which
/// scatter_nd holds.
struct DynamicUpdateSliceLowering
    : public StableHLOPattern<shlo::DynamicUpdateSliceOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DynamicUpdateSliceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand(), update = adaptor.getUpdate();
    ArrayRef<int64_t> shape = tensorType(operand).getShape();
    ArrayRef<int64_t> window = tensorType(update).getShape();
    int64_t k = addressedRank(shape, window);
    if (k == 0)
      return update;

    // The index tuple of every update position among the first k
    // dimensions, shaped window[:k] x k, plus the clamped starts.
    SmallVector<int64_t> gridShape(window.take_front(k));
    gridShape.push_back(k);
    SmallVector<int32_t> grid;
    grid.reserve(product(gridShape));
    SmallVector<int64_t> position(k, 0);
    for (int64_t n = product(window.take_front(k)); n > 0; --n) {
      llvm::append_range(grid, toI32(position));
      for (int64_t d = k - 1; d >= 0; --d) {
        if (++position[d] < window[d])
          break;
        position[d] = 0;
      }
    }
    SmallVector<Value> starts;
    for (int64_t d = 0; d < k; ++d)
      starts.push_back(clampedStart(rewriter, loc, adaptor.getStartIndices()[d],
                                    shape[d], window[d]));
    Value start = starts.front();
    if (k > 1)
      start = trt::ConcatenationOp::create(
                  rewriter, loc,
                  RankedTensorType::get({k}, rewriter.getI32Type()), starts, 0)
                  .getResult();
    SmallVector<int64_t> startShape(k, 1);
    startShape.push_back(k);
    Value indices = elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                indexConstant(rewriter, loc, gridShape, grid),
                                reshape(rewriter, loc, start, startShape));

    Type element = elementType(operand);
    bool boolean = element.isSignlessInteger(1);
    if (boolean) {
      operand = castTo(rewriter, loc, operand, rewriter.getI8Type());
      update = castTo(rewriter, loc, update, rewriter.getI8Type());
    }
    Value result = trt::ScatterNdOp::create(rewriter, loc, operand.getType(),
                                            operand, indices, update)
                       .getResult();
    return castTo(rewriter, loc, result, element);
  }
};

/// Reversal as a slice with stride -1 along the reversed dimensions.
struct ReverseLowering : public StableHLOPattern<shlo::ReverseOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ReverseOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    ArrayRef<int64_t> shape = tensorType(op.getResult()).getShape();
    SmallVector<int32_t> start(shape.size(), 0), stride(shape.size(), 1);
    for (int64_t d : op.getDimensions()) {
      start[d] = static_cast<int32_t>(shape[d] - 1);
      stride[d] = -1;
    }
    return trt::SliceOp::create(rewriter, op.getLoc(), adaptor.getOperand(),
                                start, toI32(shape), stride)
        .getResult();
  }
};

struct OptimizationBarrierLowering
    : public OpConversionPattern<shlo::OptimizationBarrierOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::OptimizationBarrierOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getOperand());
    return success();
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::BroadcastInDimOp, shlo::ReshapeOp, shlo::TransposeOp,
             shlo::ConcatenateOp, shlo::SliceOp, shlo::PadOp, shlo::ReverseOp,
             shlo::DynamicSliceOp, shlo::DynamicUpdateSliceOp,
             shlo::OptimizationBarrierOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (isa<shlo::DynamicSliceOp, shlo::DynamicUpdateSliceOp>(op)) {
    for (Value operand : op->getOperands())
      if (!tensorType(operand).hasStaticShape())
        return std::string("is supported only on static shapes");
    for (Value start : op->getOperands().drop_front(
             isa<shlo::DynamicSliceOp>(op) ? 1 : 2))
      if (tensorType(start).getRank() != 0)
        return std::string("is supported only with scalar start indices");
  }
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<BroadcastInDimLowering, ReshapeLowering, TransposeLowering,
               ConcatenateLowering, SliceLowering, PadLowering, ReverseLowering,
               DynamicSliceLowering, DynamicUpdateSliceLowering,
               OptimizationBarrierLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kShapeFamily = {
    "shape", owns, problem, populate};
