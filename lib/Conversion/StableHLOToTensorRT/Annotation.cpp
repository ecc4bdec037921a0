//===- Annotation.cpp - sharding and other annotations --------------------===//
//
// Part of Kiln. Ops that only annotate a program for a partitioner (Shardy's
// `sdy` ops, and GSPMD's sharding custom calls when JAX does not use Shardy)
// say how values are spread over devices; Kiln compiles for one device,
// where every such annotation is the identity, so they are dropped: a
// sharding constraint, reshard or `@Sharding` call becomes its operand, a
// sharding group and a mesh disappear. A manual computation (`shard_map`:
// `sdy.manual_computation`, or the `@SPMDFullToShardShape` /
// `@SPMDShardToFullShape` pair around a call) is kept as its body when each
// device would see whole values, since the body then computes the same on
// one device; one that splits values across devices is refused.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Support/FormatVariadic.h"

using namespace kiln::stablehlo_to_tensorrt;

namespace {

/// `sdy.sharding_constraint` and `sdy.reshard`: the value itself.
template <typename SourceOp>
struct DropShardingLowering : public StableHLOPattern<SourceOp> {
  using StableHLOPattern<SourceOp>::StableHLOPattern;
  using OpAdaptor = typename StableHLOPattern<SourceOp>::OpAdaptor;
  FailureOr<Value> convert(SourceOp, OpAdaptor adaptor,
                           ConversionPatternRewriter &) const override {
    return adaptor.getInput();
  }
};

/// `sdy.sharding_group` and `sdy.mesh`: nothing.
template <typename SourceOp>
struct EraseAnnotationLowering : public OpConversionPattern<SourceOp> {
  using OpConversionPattern<SourceOp>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SourceOp op, typename SourceOp::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.eraseOp(op);
    return success();
  }
};

/// A manual computation whose body sees whole values: the body, inlined.
struct ManualComputationLowering
    : public OpConversionPattern<sdy::ManualComputationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(sdy::ManualComputationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Block &body = op.getBody().front();
    auto ret = cast<sdy::ReturnOp>(body.getTerminator());
    SmallVector<Value> results(ret.getResults());
    rewriter.inlineBlockBefore(&body, op, adaptor.getTensors());
    rewriter.eraseOp(ret);
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// The GSPMD target of a sharding `stablehlo.custom_call`, or nothing.
/// (Read by name so that this family does not depend on how the custom call
/// op is declared.)
static std::optional<StringRef> shardingCallTarget(Operation *op) {
  if (op->getName().getStringRef() != "stablehlo.custom_call")
    return std::nullopt;
  auto target = op->getAttrOfType<StringAttr>("call_target_name");
  if (!target || !llvm::is_contained({StringRef("Sharding"),
                                      StringRef("SPMDFullToShardShape"),
                                      StringRef("SPMDShardToFullShape")},
                                     target.getValue()))
    return std::nullopt;
  return target.getValue();
}

/// A sharding custom call: its operand.
struct ShardingCallLowering : public ConversionPattern {
  ShardingCallLowering(MLIRContext *context)
      : ConversionPattern("stablehlo.custom_call", /*benefit=*/1, context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!shardingCallTarget(op))
      return failure();
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    rewriter.replaceOp(op, operands.front());
    return success();
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<sdy::SdyDialect>(op->getDialect()) ||
         shardingCallTarget(op).has_value();
}

/// The mesh axes `op` splits its operands or results along, as `"x", "y"`.
static std::string splitAxes(sdy::ManualComputationOp op) {
  llvm::SmallSetVector<StringRef, 4> axes;
  for (auto list : {op.getInShardings(), op.getOutShardings()})
    for (sdy::TensorShardingAttr sharding : list.getShardings())
      for (sdy::DimensionShardingAttr dim : sharding.getDimShardings())
        for (sdy::AxisRefAttr axis : dim.getAxes())
          axes.insert(axis.getName());
  if (axes.empty())
    for (StringAttr axis : op.getManualAxes().getAxes())
      axes.insert(axis.getValue());
  std::string names;
  for (StringRef axis : axes)
    names += (names.empty() ? "\"" : ", \"") + axis.str() + "\"";
  return names;
}

static std::optional<std::string> problem(Operation *op) {
  if (std::optional<StringRef> target = shardingCallTarget(op)) {
    if (op->getNumOperands() != 1 || op->getNumResults() != 1)
      return llvm::formatv("@{0} is supported only with one operand and one "
                           "result, got {1} and {2}",
                           *target, op->getNumOperands(), op->getNumResults())
          .str();
    Type from = op->getOperand(0).getType(), to = op->getResult(0).getType();
    if (from != to)
      return llvm::formatv("@{0} turns {1} into {2}: a shard_map whose body "
                           "sees one device's shard; Kiln compiles for a "
                           "single device and can only keep a shard_map "
                           "whose body sees whole values (in_specs and "
                           "out_specs P())",
                           *target, from, to)
          .str();
    return std::nullopt;
  }
  auto manual = dyn_cast<sdy::ManualComputationOp>(op);
  if (!manual || manual.hasGlobalShapesInBody())
    return std::nullopt;
  return llvm::formatv(
             "splits its values across devices along mesh axes {0}, so its "
             "body computes one device's shard; Kiln compiles for a single "
             "device and can only inline a manual computation whose body "
             "sees whole values (shard_map with in_specs and out_specs P())",
             splitAxes(manual))
      .str();
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<DropShardingLowering<sdy::ShardingConstraintOp>,
               DropShardingLowering<sdy::ReshardOp>,
               EraseAnnotationLowering<sdy::ShardingGroupOp>,
               EraseAnnotationLowering<sdy::MeshOp>, ManualComputationLowering,
               ShardingCallLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kAnnotationFamily = {
    "annotation", owns, problem, populate};
