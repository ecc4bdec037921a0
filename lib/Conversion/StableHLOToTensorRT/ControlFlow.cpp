//===- ControlFlow.cpp - while, if and case -------------------------------===//
//
// Part of Kiln. Control flow: `stablehlo.while` → `tensorrt.while`, `if` and
// `case` → (nested) `tensorrt.if`; the regions move over and their
// `stablehlo.return`s become `tensorrt.condition`/`tensorrt.yield`.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

namespace {

/// stablehlo.while → tensorrt.while: the regions move over; their
/// `stablehlo.return`s become `tensorrt.condition`/`tensorrt.yield` (see
/// RegionReturnLowering).
struct WhileLowering : public OpConversionPattern<shlo::WhileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::WhileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    auto loop = trt::WhileOp::create(rewriter, op.getLoc(),
                                     op->getResultTypes(), adaptor.getOperand());
    rewriter.inlineRegionBefore(op.getCond(), loop.getCondRegion(),
                                loop.getCondRegion().end());
    rewriter.inlineRegionBefore(op.getBody(), loop.getBodyRegion(),
                                loop.getBodyRegion().end());
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

/// `tensorrt.if` on `pred`, with the regions moved from `thenRegion` and
/// `elseRegion` (each ends in a `stablehlo.return`).
static trt::IfOp createIf(ConversionPatternRewriter &rewriter, Location loc,
                          TypeRange types, Value pred, Region &thenRegion,
                          Region &elseRegion) {
  auto ifOp = trt::IfOp::create(rewriter, loc, types, pred);
  rewriter.inlineRegionBefore(thenRegion, ifOp.getTrueRegion(),
                              ifOp.getTrueRegion().end());
  rewriter.inlineRegionBefore(elseRegion, ifOp.getFalseRegion(),
                              ifOp.getFalseRegion().end());
  return ifOp;
}

struct IfLowering : public OpConversionPattern<shlo::IfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    trt::IfOp ifOp =
        createIf(rewriter, op.getLoc(), op->getResultTypes(), adaptor.getPred(),
                 op.getTrueBranch(), op.getFalseBranch());
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

/// stablehlo.case → nested `tensorrt.if`s: branch i runs when index == i;
/// an index outside [0, n) runs the last branch (as StableHLO specifies).
struct CaseLowering : public OpConversionPattern<shlo::CaseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::CaseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    MutableArrayRef<Region> branches = op.getBranches();
    if (branches.size() == 1) {
      // The only branch always runs: inline it.
      Block &block = branches.front().front();
      Operation *terminator = block.getTerminator();
      SmallVector<Value> results(terminator->getOperands());
      rewriter.inlineBlockBefore(&block, op);
      rewriter.replaceOp(op, results);
      rewriter.eraseOp(terminator);
      return success();
    }
    Value index = adaptor.getIndex();
    // Build from the outside in: if (index == 0) b0 else if (index == 1) b1
    // ... else b(n-1). Inner ifs sit in the else region of the outer one.
    SmallVector<Value> outerResults;
    Region *elseParent = nullptr;
    for (size_t i = 0; i + 1 < branches.size(); ++i) {
      Value constant = trt::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(tensorType(index),
                                 rewriter.getI32IntegerAttr(i)))
                           .getResult();
      Value pred = elementWise(rewriter, loc, ElementWiseOperation::kEQUAL,
                               index, constant);
      auto ifOp = trt::IfOp::create(rewriter, loc, op->getResultTypes(), pred);
      rewriter.inlineRegionBefore(branches[i], ifOp.getTrueRegion(),
                                  ifOp.getTrueRegion().end());
      if (elseParent) {
        trt::YieldOp::create(rewriter, loc, ifOp.getResults());
      } else {
        outerResults.assign(ifOp.getResults().begin(), ifOp.getResults().end());
      }
      Block *elseBlock = rewriter.createBlock(&ifOp.getFalseRegion());
      elseParent = &ifOp.getFalseRegion();
      rewriter.setInsertionPointToStart(elseBlock);
    }
    // The last branch fills the innermost else region.
    Region &last = branches.back();
    Block *elseBlock = &elseParent->front();
    rewriter.eraseBlock(elseBlock);
    rewriter.inlineRegionBefore(last, *elseParent, elseParent->end());
    rewriter.replaceOp(op, outerResults);
    return success();
  }
};

/// `stablehlo.return` ending a region that now belongs to a `tensorrt`
/// control-flow op.
struct RegionReturnLowering : public OpConversionPattern<shlo::ReturnOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *parent = op->getParentOp();
    if (auto loop = dyn_cast<trt::WhileOp>(parent)) {
      if (op->getParentRegion() == &loop.getCondRegion()) {
        // The condition passes the loop values on unchanged.
        Value pred = adaptor.getResults().front();
        Block *block = op->getBlock();
        rewriter.replaceOpWithNewOp<trt::ConditionOp>(
            op, pred, ValueRange(block->getArguments()));
        return success();
      }
      rewriter.replaceOpWithNewOp<trt::YieldOp>(op, adaptor.getResults());
      return success();
    }
    if (isa<trt::IfOp>(parent)) {
      rewriter.replaceOpWithNewOp<trt::YieldOp>(op, adaptor.getResults());
      return success();
    }
    return failure();
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::WhileOp, shlo::CaseOp, shlo::IfOp, shlo::ReturnOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (auto case_ = dyn_cast<shlo::CaseOp>(op))
    if (case_.getBranches().empty())
      return std::string("needs at least one branch");
  if (isa<shlo::WhileOp, shlo::CaseOp, shlo::IfOp>(op))
    for (Type type : op->getResultTypes())
      if (!isa<RankedTensorType>(type))
        return std::string("is supported only with tensor results");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<WhileLowering, IfLowering, CaseLowering, RegionReturnLowering>(
      patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kControlFlowFamily = {
    "control flow", owns, problem, populate};
