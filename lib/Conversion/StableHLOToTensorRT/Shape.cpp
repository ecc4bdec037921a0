//===- Shape.cpp - shape and data-movement ops ----------------------------===//
//
// Part of Kiln. Ops that move data without computing on it: broadcast_in_dim,
// reshape, transpose, concatenate, slice, pad, reverse, and the
// optimization_barrier that JAX inserts (dropped).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

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

/// Edge padding (possibly negative) as a slice that reads the padding value
/// outside the operand.
struct PadLowering : public StableHLOPattern<shlo::PadOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::PadOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    SmallVector<int32_t> start, stride;
    for (int64_t low : op.getEdgePaddingLow()) {
      start.push_back(static_cast<int32_t>(-low));
      stride.push_back(1);
    }
    return trt::SliceOp::create(rewriter, op.getLoc(), adaptor.getOperand(),
                                start,
                                toI32(tensorType(op.getResult()).getShape()),
                                stride, trt::SliceMode::kFILL,
                                adaptor.getPaddingValue())
        .getResult();
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
             shlo::OptimizationBarrierOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (auto pad = dyn_cast<shlo::PadOp>(op))
    if (llvm::any_of(pad.getInteriorPadding(), [](int64_t p) { return p != 0; }))
      return std::string("with interior padding is not supported yet");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<BroadcastInDimLowering, ReshapeLowering, TransposeLowering,
               ConcatenateLowering, SliceLowering, PadLowering, ReverseLowering,
               OptimizationBarrierLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kShapeFamily = {
    "shape", owns, problem, populate};
