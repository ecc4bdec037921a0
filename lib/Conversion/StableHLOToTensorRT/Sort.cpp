//===- Sort.cpp - sort and top_k ------------------------------------------===//
//
// Part of Kiln. `stablehlo.sort` by one key and `chlo.top_k` → `tensorrt.top_k`,
// other sorted inputs following through `gather_elements`.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

/// Whether `value`, computed in a comparator block, depends on no block
/// argument other than `arg`.
static bool dependsOnlyOn(Value value, BlockArgument arg) {
  SmallVector<Value> worklist{value};
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    if (auto blockArg = dyn_cast<BlockArgument>(v)) {
      if (blockArg != arg)
        return false;
      continue;
    }
    Operation *def = v.getDefiningOp();
    if (!def || def->getNumRegions())
      return false;
    llvm::append_range(worklist, def->getOperands());
  }
  return true;
}

/// For a sort whose comparator orders by the first input alone (JAX's
/// `jnp.sort`/`argsort`/`lax.sort` with one key): kMIN for ascending, kMAX
/// for descending; else nothing.
static std::optional<trt::TopKOperation> sortOrder(shlo::SortOp op) {
  Block &body = op.getComparator().front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.getTerminator());
  if (!ret || ret.getNumOperands() != 1 || body.getNumArguments() < 2)
    return std::nullopt;
  auto compare = ret.getOperand(0).getDefiningOp<shlo::CompareOp>();
  if (!compare || !dependsOnlyOn(compare.getLhs(), body.getArgument(0)) ||
      !dependsOnlyOn(compare.getRhs(), body.getArgument(1)))
    return std::nullopt;
  switch (compare.getComparisonDirection()) {
  case shlo::ComparisonDirection::LT:
    return trt::TopKOperation::kMIN;
  case shlo::ComparisonDirection::GT:
    return trt::TopKOperation::kMAX;
  default:
    return std::nullopt;
  }
}

namespace {

/// Sort by the first input → `top_k` over the whole dimension (stable, so
/// ties keep their order); the other inputs follow the permutation through
/// `gather_elements`. Unlike JAX, which puts NaNs last, top_k ranks NaN
/// first.
struct SortLowering : public OpConversionPattern<shlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value key = adaptor.getInputs()[0];
    RankedTensorType keyType = tensorType(key);
    int64_t dim = op.getDimension() < 0 ? op.getDimension() + keyType.getRank()
                                        : op.getDimension();
    auto topK = trt::TopKOp::create(
        rewriter, loc, keyType, keyType.clone(rewriter.getI32Type()), key,
        keyType.getDimSize(dim), dim, *sortOrder(op));
    SmallVector<Value> results{topK.getValues()};
    for (auto [input, original] :
         llvm::drop_begin(llvm::zip(adaptor.getInputs(), op.getInputs()))) {
      // An iota along the sorted dimension (argsort) is the permutation.
      auto iota = original.getDefiningOp<shlo::IotaOp>();
      if (iota && iota.getIotaDimension() == dim &&
          isa<IntegerType>(elementType(input))) {
        results.push_back(
            castTo(rewriter, loc, topK.getIndices(), elementType(input)));
        continue;
      }
      results.push_back(trt::GatherElementsOp::create(
                            rewriter, loc, input.getType(), input,
                            topK.getIndices(), dim)
                            .getResult());
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// chlo.top_k: the k largest along the last dimension.
struct TopKLowering : public OpConversionPattern<chlo::TopKOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(chlo::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value input = adaptor.getOperand();
    int64_t axis = tensorType(input).getRank() - 1;
    auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
    auto topK = trt::TopKOp::create(
        rewriter, loc, op.getValues().getType(),
        indicesType.clone(rewriter.getI32Type()), input,
        static_cast<int64_t>(op.getK()), axis, trt::TopKOperation::kMAX);
    rewriter.replaceOp(op, {topK.getValues(),
                            castTo(rewriter, loc, topK.getIndices(),
                                   indicesType.getElementType())});
    return success();
  }
};

} // namespace

static bool owns(Operation *op) { return isa<shlo::SortOp, chlo::TopKOp>(op); }

static std::optional<std::string> problem(Operation *op) {
  auto sort = dyn_cast<shlo::SortOp>(op);
  if (!sort)
    return std::nullopt;
  if (!sortOrder(sort))
    return std::string("is supported only with a comparator that orders by "
                       "the first input with LT or GT");
  RankedTensorType key = tensorType(sort.getInputs()[0]);
  int64_t dim = sort.getDimension() < 0 ? sort.getDimension() + key.getRank()
                                        : sort.getDimension();
  if (!key.hasStaticShape() || key.getDimSize(dim) > trt::TopKOp::kMaxK ||
      !(isFloat(sort.getInputs()[0]) ||
        key.getElementType().isSignlessInteger(32) ||
        key.getElementType().isSignlessInteger(64)))
    return std::string("is supported only on static f32/f16/bf16/i32/i64 "
                       "keys of at most 3840 elements along the sorted "
                       "dimension");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<SortLowering, TopKLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kSortFamily = {
    "sort", owns, problem, populate};
