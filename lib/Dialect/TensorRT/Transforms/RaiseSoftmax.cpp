//===- RaiseSoftmax.cpp - tensorrt-raise-softmax --------------------------===//
//
// Part of Kiln. Replaces softmax written out the way JAX, PyTorch and
// hand-written code do it,
//
//   e = exp(x - max(x, axis)),   e / sum(e, axis),
//
// with one `tensorrt.softmax`. The max and the sum are reductions over the
// same single axis, either keeping the dimension or dropping it and
// reshaping it back (JAX's form); JAX's max(m, -inf), the identity on a
// maximum, may wrap the max. Dividing by the sum and multiplying by its
// reciprocal are the same to the match (PointwiseExpr.h).
//
// What is left alone, and why:
//  - exp(x) / sum(exp(x)) without the max: the same function on paper, but
//    where it overflows to inf/inf = NaN the layer returns a number, so
//    raising would change results rather than just their rounding.
//  - log_softmax, (x - m) - log(sum(exp(x - m))): there is no log-softmax
//    layer, and log(softmax(x)) is not the same function in floating point:
//    where exp(x - m) underflows (x - m below about -104 in f32, as with
//    attention masks of -1e9) softmax is 0 and its log -inf, while
//    log_softmax stays finite. The written-out form is already exact.
//  - several axes, or a max and a sum over different axes.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "KeptReduction.h"
#include "PointwiseExpr.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTRAISESOFTMAXPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

namespace {

/// `value` without a max(value, -inf) around it.
Value stripMaxWithNegativeInfinity(Value value) {
  auto max = value.getDefiningOp<ElementWiseOp>();
  if (!max || max.getElementwiseOperation() != ElementWiseOperation::kMAX)
    return value;
  for (auto [inner, bound] : {std::pair(max.getInput1(), max.getInput2()),
                              std::pair(max.getInput2(), max.getInput1())}) {
    std::optional<double> constant = getSplatConstant(bound);
    if (constant && std::isinf(*constant) && *constant < 0 &&
        inner.getType() == value.getType())
      return inner;
  }
  return value;
}

/// The reduction of `kind` over a single axis of `input` that `value` is,
/// with the axis kept; JAX's max(·, -inf) may wrap a kMAX on either side
/// of the reshape that restores the axis.
std::optional<int64_t> matchKeptSingleAxis(Value value, Value input,
                                           ReduceOperation kind) {
  if (kind == ReduceOperation::kMAX) {
    value = stripMaxWithNegativeInfinity(value);
    if (Value source = getReshapeSource(value)) {
      Value stripped = stripMaxWithNegativeInfinity(source);
      if (stripped != source) {
        auto reduce = stripped.getDefiningOp<ReduceOp>();
        if (!reduce || reduce.getReduceOperation() != kind ||
            reduce.getKeepDimensions() || reduce.getInput() != input ||
            reduce.getReduceAxes().size() != 1 ||
            !hasKeptShape(value, input, reduce.getReduceAxes()))
          return std::nullopt;
        return reduce.getReduceAxes().front();
      }
    }
  }
  ReduceOp reduce = matchKeptReduction(value, kind);
  if (!reduce || reduce.getInput() != input ||
      reduce.getReduceAxes().size() != 1)
    return std::nullopt;
  return reduce.getReduceAxes().front();
}

struct RaiseSoftmax : OpRewritePattern<ElementWiseOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ElementWiseOp op,
                                PatternRewriter &rewriter) const override {
    ElementWiseOperation kind = op.getElementwiseOperation();
    if (kind != ElementWiseOperation::kDIV &&
        kind != ElementWiseOperation::kPROD)
      return failure();
    Value root = op.getResult();
    auto type = cast<RankedTensorType>(root.getType());
    Type elementType = type.getElementType();
    if (!elementType.isF16() && !elementType.isBF16() && !elementType.isF32())
      return failure();

    // e / s, in one term of two factors.
    std::optional<PointwiseExpr> expr = expandPointwise(root, root);
    if (!expr || expr->terms.size() != 1)
      return rewriter.notifyMatchFailure(op, "not a quotient");
    const Term &term = expr->terms.front();
    if (term.factors.size() != 2 || term.coefficient != 1.0 ||
        term.factors[0].reciprocal == term.factors[1].reciprocal)
      return rewriter.notifyMatchFailure(op, "not a quotient");
    const Factor &numerator =
        term.factors[0].reciprocal ? term.factors[1] : term.factors[0];
    const Factor &denominator =
        term.factors[0].reciprocal ? term.factors[0] : term.factors[1];

    // e = exp(x - m).
    auto exp = numerator.value.getDefiningOp<UnaryOp>();
    if (!exp || exp.getUnaryOperation() != UnaryOperation::kEXP)
      return rewriter.notifyMatchFailure(op, "numerator is not exp");
    auto shifted = exp.getInput().getDefiningOp<ElementWiseOp>();
    if (!shifted ||
        shifted.getElementwiseOperation() != ElementWiseOperation::kSUB)
      return rewriter.notifyMatchFailure(op, "exp of no difference");
    Value x = shifted.getInput1();
    if (x.getType() != type)
      return rewriter.notifyMatchFailure(op, "the input is broadcast");

    // s = sum(e) and m = max(x) over the same axis.
    std::optional<int64_t> sumAxis = matchKeptSingleAxis(
        denominator.value, numerator.value, ReduceOperation::kSUM);
    std::optional<int64_t> maxAxis =
        matchKeptSingleAxis(shifted.getInput2(), x, ReduceOperation::kMAX);
    if (!sumAxis || !maxAxis || *sumAxis != *maxAxis)
      return rewriter.notifyMatchFailure(op, "no sum and max over one axis");
    if (!isSelfContained(root, {x}))
      return rewriter.notifyMatchFailure(op, "intermediate values escape");

    rewriter.replaceOpWithNewOp<SoftMaxOp>(op, type, x,
                                           rewriter.getI64IntegerAttr(*sumAxis));
    return success();
  }
};

struct TensorRTRaiseSoftmaxPass
    : kiln::tensorrt::impl::TensorRTRaiseSoftmaxPassBase<TensorRTRaiseSoftmaxPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<RaiseSoftmax>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
