//===- RaiseNormalizations.cpp - tensorrt-raise-normalizations ------------===//
//
// Part of Kiln. Replaces layer and instance normalization written out as
// reductions and pointwise arithmetic,
//
//   (x - mean(x)) / sqrt(mean((x - mean(x))^2) + eps) * gamma + beta,
//
// with one `tensorrt.normalization`. The pointwise part is expanded into a
// sum of products (PointwiseExpr.h), so the order of operands and products,
// division by sqrt versus multiplication by its reciprocal, and whether the
// centered value is computed once or twice do not matter. A mean is a
// `kAVG` reduction or a `kSUM` reduction divided by the element count, with
// kept dimensions.
//
// RMSNorm, x / sqrt(mean(x^2) + eps) * gamma, subtracts no mean, so
// `tensorrt.normalization` cannot express it and it is left as it is.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "PointwiseExpr.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SetVector.h"

#include <cmath>

namespace mlir {
namespace tensorrt {
#define GEN_PASS_DEF_TENSORRTRAISENORMALIZATIONSPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace tensorrt
} // namespace mlir

using namespace mlir;
using namespace mlir::tensorrt;

namespace {

/// `mean` is the mean of `input` over `axes`, with the axes kept.
struct Mean {
  Value input;
  SmallVector<int64_t> axes;
};

/// A reduction of `kind` with kept dimensions defining `value`.
ReduceOp keptReduction(Value value, ReduceOperation kind) {
  auto reduce = value.getDefiningOp<ReduceOp>();
  if (!reduce || reduce.getReduceOperation() != kind ||
      !reduce.getKeepDimensions())
    return nullptr;
  return reduce;
}

/// The number of elements a reduction over `axes` of `type` combines, when
/// known.
std::optional<int64_t> reducedCount(RankedTensorType type,
                                    ArrayRef<int64_t> axes) {
  int64_t count = 1;
  for (int64_t axis : axes) {
    if (type.isDynamicDim(axis))
      return std::nullopt;
    count *= type.getDimSize(axis);
  }
  return count;
}

/// Whether `scale * reduced` is a mean: `reduced` a kept kAVG reduction and
/// `scale` 1, or a kept kSUM reduction and `scale` 1/count.
std::optional<Mean> matchMeanTerm(Value reduced, double scale) {
  if (ReduceOp avg = keptReduction(reduced, ReduceOperation::kAVG)) {
    if (!isNear(scale, 1.0, getElementTypeOrSelf(reduced.getType())))
      return std::nullopt;
    return Mean{avg.getInput(), llvm::to_vector(avg.getReduceAxes())};
  }
  if (ReduceOp sum = keptReduction(reduced, ReduceOperation::kSUM)) {
    std::optional<int64_t> count =
        reducedCount(sum.getInput().getType(), sum.getReduceAxes());
    if (!count || !isNear(scale * static_cast<double>(*count), 1.0,
                          getElementTypeOrSelf(reduced.getType())))
      return std::nullopt;
    return Mean{sum.getInput(), llvm::to_vector(sum.getReduceAxes())};
  }
  return std::nullopt;
}

/// Whether `value` is a mean (`kAVG`, or `kSUM` times or divided by a
/// constant). Its other users are checked later, with the whole match.
std::optional<Mean> matchMean(Value value) {
  if (auto elementWise = value.getDefiningOp<ElementWiseOp>()) {
    ElementWiseOperation kind = elementWise.getElementwiseOperation();
    Value lhs = elementWise.getInput1(), rhs = elementWise.getInput2();
    if (kind == ElementWiseOperation::kDIV) {
      if (std::optional<double> count = getSplatConstant(rhs))
        return matchMeanTerm(lhs, 1.0 / *count);
      return std::nullopt;
    }
    if (kind == ElementWiseOperation::kPROD) {
      if (std::optional<double> scale = getSplatConstant(rhs))
        return matchMeanTerm(lhs, *scale);
      if (std::optional<double> scale = getSplatConstant(lhs))
        return matchMeanTerm(rhs, *scale);
    }
    return std::nullopt;
  }
  return matchMeanTerm(value, 1.0);
}

/// `x - mean(x)`, written as one subtraction.
std::optional<Mean> matchCentered(Value value) {
  auto sub = value.getDefiningOp<ElementWiseOp>();
  if (!sub || sub.getElementwiseOperation() != ElementWiseOperation::kSUB)
    return std::nullopt;
  std::optional<Mean> mean = matchMean(sub.getInput2());
  if (!mean || mean->input != sub.getInput1())
    return std::nullopt;
  return mean;
}

/// Whether `expr` is (x - mean(x))^2 over `axes`: the square of a centered
/// value, or its expansion x^2 - 2 x m + m^2 when the centered value was
/// itself expanded.
bool isCenteredSquare(const PointwiseExpr &expr, Value x,
                      ArrayRef<int64_t> axes, Type elementType) {
  auto sameMean = [&](const std::optional<Mean> &mean) {
    return mean && mean->input == x && ArrayRef(mean->axes) == axes;
  };
  if (expr.terms.size() == 1) {
    const Term &term = expr.terms.front();
    return term.factors.size() == 2 && term.factors[0] == term.factors[1] &&
           !term.factors[0].reciprocal &&
           isNear(term.coefficient, 1.0, elementType) &&
           sameMean(matchCentered(term.factors[0].value));
  }
  if (expr.terms.size() != 3)
    return false;
  for (const Term &term : expr.terms) {
    if (term.factors.size() != 2 || term.factors[0] == term.factors[1])
      continue;
    Value m = term.factors[0].value == x ? term.factors[1].value
                                         : term.factors[0].value;
    if (!sameMean(matchMean(m)))
      return false;
    Factor xf{x}, mf{m};
    return isNear(expr.coefficientOf({xf, xf}), 1.0, elementType) &&
           isNear(expr.coefficientOf({xf, mf}), -2.0, elementType) &&
           isNear(expr.coefficientOf({mf, mf}), 1.0, elementType);
  }
  return false;
}

/// What the root computes, in the terms of `tensorrt.normalization`.
struct LayerNorm {
  Value input;
  SmallVector<int64_t> axes;
  double eps = 0.0;
  Value gamma;                 // null: a splat of gammaScale
  double gammaScale = 1.0;
  Value beta;                  // null: a splat of betaConstant
  double betaConstant = 0.0;
};

/// The value `w` of a factor 1/sqrt(w): either the reciprocal of a kSQRT or
/// a kPOW to -0.5.
Value inverseStdArgument(const Factor &factor, Value root) {
  if (!canLookInto(factor.value, root))
    return nullptr;
  if (factor.reciprocal) {
    auto sqrt = factor.value.getDefiningOp<UnaryOp>();
    if (sqrt && sqrt.getUnaryOperation() == UnaryOperation::kSQRT)
      return sqrt.getInput();
    return nullptr;
  }
  auto pow = factor.value.getDefiningOp<ElementWiseOp>();
  if (!pow || pow.getElementwiseOperation() != ElementWiseOperation::kPOW)
    return nullptr;
  std::optional<double> exponent = getSplatConstant(pow.getInput2());
  if (!exponent || *exponent != -0.5)
    return nullptr;
  return pow.getInput1();
}

class LayerNormMatcher {
public:
  explicit LayerNormMatcher(Value root)
      : root(root),
        elementType(cast<RankedTensorType>(root.getType()).getElementType()) {}

  std::optional<LayerNorm> match() {
    std::optional<PointwiseExpr> expr = expandPointwise(root, root);
    if (!expr)
      return std::nullopt;

    // Split the terms into those with the inverse standard deviation (the
    // normalized, scaled part) and the rest (the bias).
    std::optional<Factor> inverseStd;
    PointwiseExpr scaled, bias;
    for (const Term &term : expr->terms) {
      Term rest = term;
      auto *it = llvm::find_if(rest.factors, [&](const Factor &factor) {
        return inverseStdArgument(factor, root) != nullptr;
      });
      if (it == rest.factors.end()) {
        bias.terms.push_back(term);
        continue;
      }
      if (inverseStd && !(*inverseStd == *it))
        return std::nullopt;
      inverseStd = *it;
      rest.factors.erase(it);
      scaled.terms.push_back(std::move(rest));
    }
    if (!inverseStd)
      return std::nullopt;

    LayerNorm norm;
    if (!matchScaledPart(scaled, norm) || !matchBias(bias, norm) ||
        !matchVariance(inverseStdArgument(*inverseStd, root), norm))
      return std::nullopt;
    return norm;
  }

private:
  bool near(double got, double want) const {
    return isNear(got, want, elementType);
  }

  /// `g * (x - mean(x)) * gamma`: one term with a centered factor, or two
  /// terms `g * x * gamma - g * mean(x) * gamma`.
  bool matchScaledPart(const PointwiseExpr &scaled, LayerNorm &norm) {
    auto takeGamma = [&](ArrayRef<Factor> rest, double coefficient) {
      if (rest.size() > 1 || (rest.size() == 1 && rest.front().reciprocal))
        return false;
      norm.gamma = rest.empty() ? Value() : rest.front().value;
      norm.gammaScale = coefficient;
      // A tensor gamma is used as it is; an extra constant factor on it
      // would need a multiplication of its own.
      return !norm.gamma || near(coefficient, 1.0);
    };

    if (scaled.terms.size() == 1) {
      const Term &term = scaled.terms.front();
      for (size_t i = 0, e = term.factors.size(); i < e; ++i) {
        if (term.factors[i].reciprocal)
          continue;
        std::optional<Mean> mean = matchCentered(term.factors[i].value);
        if (!mean)
          continue;
        SmallVector<Factor> rest(term.factors.begin(), term.factors.end());
        rest.erase(rest.begin() + i);
        norm.input = mean->input;
        norm.axes = mean->axes;
        return takeGamma(rest, term.coefficient);
      }
      return false;
    }
    if (scaled.terms.size() != 2)
      return false;
    // Find x and mean(x) in the two terms; the rest of both is gamma.
    const Term &first = scaled.terms[0], &second = scaled.terms[1];
    for (auto [xTerm, meanTerm] : {std::pair(&first, &second),
                                   std::pair(&second, &first)}) {
      for (size_t i = 0, e = meanTerm->factors.size(); i < e; ++i) {
        std::optional<Mean> mean = matchMean(meanTerm->factors[i].value);
        if (!mean || meanTerm->factors[i].reciprocal)
          continue;
        SmallVector<Factor> rest(meanTerm->factors.begin(), meanTerm->factors.end());
        rest.erase(rest.begin() + i);
        SmallVector<Factor> withX(rest.begin(), rest.end());
        withX.push_back(Factor{mean->input});
        PointwiseExpr xPart;
        xPart.terms.push_back(*xTerm);
        if (!near(xPart.coefficientOf(withX), -meanTerm->coefficient) ||
            xTerm->factors.size() != withX.size())
          continue;
        norm.input = mean->input;
        norm.axes = mean->axes;
        return takeGamma(rest, xTerm->coefficient);
      }
    }
    return false;
  }

  /// Nothing, a constant, or one value.
  bool matchBias(const PointwiseExpr &bias, LayerNorm &norm) {
    if (bias.terms.empty())
      return true;
    if (bias.terms.size() != 1)
      return false;
    const Term &term = bias.terms.front();
    if (term.factors.empty()) {
      norm.betaConstant = term.coefficient;
      return true;
    }
    if (term.factors.size() != 1 || term.factors.front().reciprocal ||
        !near(term.coefficient, 1.0))
      return false;
    norm.beta = term.factors.front().value;
    return true;
  }

  /// `variancePlusEps` is mean((x - mean(x))^2) + eps over the axes of the
  /// mean of the scaled part.
  bool matchVariance(Value variancePlusEps, LayerNorm &norm) {
    std::optional<PointwiseExpr> sum =
        expandPointwise(variancePlusEps, Value());
    if (!sum || sum->terms.size() > 2)
      return false;
    norm.eps = sum->coefficientOf({});
    if (norm.eps < 0.0)
      return false;
    for (const Term &term : sum->terms) {
      if (term.factors.empty())
        continue;
      if (term.factors.size() != 1 || term.factors.front().reciprocal)
        return false;
      std::optional<Mean> variance =
          matchMeanTerm(term.factors.front().value, term.coefficient);
      if (!variance || variance->axes != norm.axes)
        return false;
      std::optional<PointwiseExpr> square =
          expandPointwise(variance->input, Value());
      return square &&
             isCenteredSquare(*square, norm.input, norm.axes, elementType);
    }
    return false;
  }

  Value root;
  Type elementType;
};

/// Whether every op between `root` and the `leaves` (the input, gamma and
/// beta) is used only by that computation, so replacing the root removes
/// all of them. Constants may be shared.
bool isSelfContained(Value root, ArrayRef<Value> leaves) {
  llvm::SetVector<Operation *> ops;
  SmallVector<Operation *> worklist{root.getDefiningOp()};
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    if (!op || op->hasTrait<OpTrait::ConstantLike>() || !ops.insert(op))
      continue;
    for (Value operand : op->getOperands())
      if (!llvm::is_contained(leaves, operand))
        worklist.push_back(operand.getDefiningOp());
  }
  for (Operation *op : ops) {
    if (op == root.getDefiningOp())
      continue;
    for (Operation *user : op->getUsers())
      if (!ops.contains(user))
        return false;
  }
  return true;
}

/// Whether a scale or bias of `type` broadcasts to `input`, as
/// `tensorrt.normalization` requires.
bool broadcastsTo(Type type, RankedTensorType input) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked || ranked.getRank() != input.getRank() ||
      ranked.getElementType() != input.getElementType())
    return false;
  for (auto [param, size] : llvm::zip_equal(ranked.getShape(),
                                            input.getShape()))
    if (param != 1 && param != size && !ShapedType::isDynamic(param) &&
        !ShapedType::isDynamic(size))
      return false;
  return true;
}

/// Layer normalization (a trailing run of axes after the batch dimension)
/// or instance normalization (every axis after the channels, per-channel
/// scale and bias): the layouts `tensorrt.normalization` reads that way.
bool isSupportedLayout(const LayerNorm &norm, RankedTensorType input) {
  int64_t rank = input.getRank();
  ArrayRef<int64_t> axes = norm.axes;
  if (axes.empty() || axes.front() < 1 || axes.back() != rank - 1)
    return false;
  for (size_t i = 1; i < axes.size(); ++i)
    if (axes[i] != axes[i - 1] + 1)
      return false;
  if (axes.size() == 1 || axes.front() == 2 || input.isDynamicDim(1) ||
      input.getDimSize(1) == 1)
    return true;
  // Per-channel scale and bias over several axes must be instance
  // normalization, which these axes are not.
  auto perChannel = [&](Value value) {
    if (!value)
      return false;
    ArrayRef<int64_t> shape = cast<RankedTensorType>(value.getType()).getShape();
    for (auto [dim, size] : llvm::enumerate(shape))
      if (dim == 1 ? size != input.getDimSize(1) : size != 1)
        return false;
    return true;
  };
  return !(perChannel(norm.gamma) && perChannel(norm.beta));
}

struct RaiseLayerNorm : OpRewritePattern<ElementWiseOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ElementWiseOp op,
                                PatternRewriter &rewriter) const override {
    Value root = op.getResult();
    auto type = cast<RankedTensorType>(root.getType());
    Type elementType = type.getElementType();
    if (!elementType.isF16() && !elementType.isBF16() && !elementType.isF32())
      return failure();
    std::optional<LayerNorm> norm = LayerNormMatcher(root).match();
    if (!norm)
      return rewriter.notifyMatchFailure(op, "no normalization recognised");
    if (norm->input.getType() != type)
      return rewriter.notifyMatchFailure(op, "the input is broadcast");
    if ((norm->gamma && !broadcastsTo(norm->gamma.getType(), type)) ||
        (norm->beta && !broadcastsTo(norm->beta.getType(), type)) ||
        !isSupportedLayout(*norm, type))
      return rewriter.notifyMatchFailure(op, "unsupported scale or axes");
    SmallVector<Value> leaves{norm->input};
    for (Value leaf : {norm->gamma, norm->beta})
      if (leaf)
        leaves.push_back(leaf);
    if (!isSelfContained(root, leaves))
      return rewriter.notifyMatchFailure(op, "intermediate values escape");

    auto splat = [&](double value) -> Value {
      auto splatType = RankedTensorType::get(
          SmallVector<int64_t>(type.getRank(), 1), elementType);
      auto attr = DenseElementsAttr::get(
          splatType, rewriter.getFloatAttr(elementType, value));
      return ConstantOp::create(rewriter, op.getLoc(), splatType, attr);
    };
    Value gamma = norm->gamma ? norm->gamma : splat(norm->gammaScale);
    Value beta = norm->beta ? norm->beta : splat(norm->betaConstant);
    rewriter.replaceOpWithNewOp<NormalizationOp>(
        op, type, norm->input, gamma, beta,
        rewriter.getDenseI64ArrayAttr(norm->axes),
        rewriter.getF32FloatAttr(static_cast<float>(norm->eps)),
        /*num_groups=*/IntegerAttr());
    return success();
  }
};

struct TensorRTRaiseNormalizationsPass
    : tensorrt::impl::TensorRTRaiseNormalizationsPassBase<
          TensorRTRaiseNormalizationsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<RaiseLayerNorm>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
