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
// `kAVG` reduction or a `kSUM` reduction divided by the element count. The
// statistics may keep the reduced dimensions or, as JAX writes them, drop
// them and be reshaped back after some arithmetic on the small tensor
// (KeptReduction.h); they may be computed on a widened copy of the input
// and rounded back (JAX and flax do so for f16 and bf16), which the layer,
// computing them in higher precision still, only makes more accurate.
//
// The variance may also be written mean(x^2) - mean(x)^2, possibly clamped
// at 0 (flax's LayerNorm with use_fast_variance, its default). That is the
// same quantity, the population variance, computed by a formula that
// cancels catastrophically when |mean| is large against the spread; the
// clamp exists only to absorb that rounding. The layer computes the
// variance in two passes in higher precision, so its result differs from
// the written-out one by at most the written-out one's own rounding error,
// and is closer to the exact value: it is raised. Frameworks choose the
// fast formula for speed, not for its rounding.
//
// RMSNorm, x / sqrt(mean(x^2) + eps) * gamma, subtracts no mean, so
// `tensorrt.normalization` cannot express it and it is left as it is; so
// are eps added outside the square root and a scaled input that is not
// centered.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "KeptReduction.h"
#include "PointwiseExpr.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTRAISENORMALIZATIONSPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

namespace {

/// `input` averaged over `axes`; `kept` when the result has the reduced
/// dimensions (as size 1), not just the others.
struct Mean {
  Value input;
  SmallVector<int64_t> axes;
  bool kept = false;
};

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

/// The float input of a cast defining `value` to a float type of `wider`
/// (or, when not, narrower) mantissa, or null.
Value floatCastSource(Value value, bool wider) {
  auto cast = value.getDefiningOp<CastOp>();
  if (!cast)
    return nullptr;
  auto from = dyn_cast<FloatType>(getElementTypeOrSelf(cast.getInput()));
  auto to = dyn_cast<FloatType>(getElementTypeOrSelf(value));
  if (!from || !to)
    return nullptr;
  bool widens = to.getFPMantissaWidth() > from.getFPMantissaWidth() &&
                to.getWidth() > from.getWidth();
  return widens == wider ? cast.getInput() : nullptr;
}

/// `value` before the exact widening casts (f16 or bf16 to f32) that
/// frameworks put in front of statistics computed in higher precision.
Value stripWidening(Value value) {
  while (Value source = floatCastSource(value, /*wider=*/true))
    value = source;
  return value;
}

/// Whether `a` and `b` are the same tensor, up to widening casts.
bool sameUpToWidening(Value a, Value b) {
  return stripWidening(a) == stripWidening(b);
}

/// `mean`, seen through `reshaped`: a reshape of a mean without the
/// reduced dimensions that puts them back.
std::optional<Mean> keptView(std::optional<Mean> mean, Value reshaped) {
  if (!mean || mean->kept ||
      !hasKeptShape(reshaped, mean->input, mean->axes))
    return std::nullopt;
  mean->kept = true;
  return mean;
}

/// Whether `scale * reduced` is a mean: `reduced` a kAVG reduction and
/// `scale` 1, or a kSUM reduction and `scale` 1/count, possibly reshaped to
/// the kept shape.
std::optional<Mean> matchMeanTerm(Value reduced, double scale) {
  if (Value source = getReshapeSource(reduced))
    return keptView(matchMeanTerm(source, scale), reduced);
  if (Value source = floatCastSource(reduced, /*wider=*/false))
    return matchMeanTerm(source, scale);
  auto reduce = reduced.getDefiningOp<ReduceOp>();
  if (!reduce)
    return std::nullopt;
  Type elementType = getElementTypeOrSelf(reduced.getType());
  if (reduce.getReduceOperation() == ReduceOperation::kAVG) {
    if (!isNear(scale, 1.0, elementType))
      return std::nullopt;
  } else if (reduce.getReduceOperation() == ReduceOperation::kSUM) {
    std::optional<int64_t> count =
        reducedCount(reduce.getInput().getType(), reduce.getReduceAxes());
    if (!count ||
        !isNear(scale * static_cast<double>(*count), 1.0, elementType))
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  return Mean{reduce.getInput(), llvm::to_vector(reduce.getReduceAxes()),
              reduce.getKeepDimensions()};
}

/// Whether `value` is a mean (`kAVG`, or `kSUM` times or divided by a
/// constant, possibly reshaped to the kept shape). Its other users are
/// checked later, with the whole match.
std::optional<Mean> matchMean(Value value) {
  if (Value source = getReshapeSource(value))
    return keptView(matchMean(source), value);
  if (Value source = floatCastSource(value, /*wider=*/false))
    return matchMean(source);
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

/// `scale * value` is a mean: the expansion either kept the scale of a
/// `kSUM` apart or stopped at a mean with several users.
std::optional<Mean> matchScaledMean(Value value, double scale) {
  if (std::optional<Mean> mean = matchMeanTerm(value, scale))
    return mean;
  if (isNear(scale, 1.0, getElementTypeOrSelf(value.getType())))
    return matchMean(value);
  return std::nullopt;
}

/// `x - mean(x)`, written as one subtraction of a mean with kept
/// dimensions; the mean's input is the subtraction's `x`.
std::optional<Mean> matchCentered(Value value) {
  auto sub = value.getDefiningOp<ElementWiseOp>();
  if (!sub || sub.getElementwiseOperation() != ElementWiseOperation::kSUB)
    return std::nullopt;
  std::optional<Mean> mean = matchMean(sub.getInput2());
  if (!mean || !mean->kept || !sameUpToWidening(mean->input, sub.getInput1()))
    return std::nullopt;
  mean->input = sub.getInput1();
  return mean;
}

/// Whether `expr` is (x - mean(x))^2 over `axes`: the square of a centered
/// value, or its expansion x^2 - 2 x m + m^2 when the centered value was
/// itself expanded.
bool isCenteredSquare(const PointwiseExpr &expr, Value x,
                      ArrayRef<int64_t> axes, Type elementType) {
  auto sameMean = [&](const std::optional<Mean> &mean) {
    return mean && mean->kept && sameUpToWidening(mean->input, x) &&
           ArrayRef(mean->axes) == axes;
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

/// A factor 1/sqrt(w): `argument` is w. When the factor is a reshape to
/// the kept shape of 1/sqrt(w) computed without the reduced dimensions,
/// `reshaped` is that factor's value.
struct InverseStd {
  Value argument;
  Value reshaped;
};

/// Matches `factor` as the reciprocal of a kSQRT, a kPOW to -0.5, or a
/// reshape of either.
std::optional<InverseStd> matchInverseStd(const Factor &factor, Value root) {
  if (!canLookInto(factor.value, root))
    return std::nullopt;
  if (factor.reciprocal) {
    auto sqrt = factor.value.getDefiningOp<UnaryOp>();
    if (sqrt && sqrt.getUnaryOperation() == UnaryOperation::kSQRT)
      return InverseStd{sqrt.getInput(), Value()};
    return std::nullopt;
  }
  if (auto pow = factor.value.getDefiningOp<ElementWiseOp>()) {
    std::optional<double> exponent = getSplatConstant(pow.getInput2());
    if (pow.getElementwiseOperation() != ElementWiseOperation::kPOW ||
        !exponent || *exponent != -0.5)
      return std::nullopt;
    return InverseStd{pow.getInput1(), Value()};
  }
  Value source = getReshapeSource(factor.value);
  if (!source)
    return std::nullopt;
  std::optional<PointwiseExpr> inner = expandPointwise(source, Value());
  if (!inner || inner->terms.size() != 1 ||
      inner->terms.front().factors.size() != 1 ||
      inner->terms.front().coefficient != 1.0)
    return std::nullopt;
  std::optional<InverseStd> inverse =
      matchInverseStd(inner->terms.front().factors.front(), Value());
  if (!inverse || inverse->reshaped)
    return std::nullopt;
  inverse->reshaped = factor.value;
  return inverse;
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
        return matchInverseStd(factor, root).has_value();
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
        !matchVariance(*matchInverseStd(*inverseStd, root), norm))
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
        if (!mean || !mean->kept || meanTerm->factors[i].reciprocal)
          continue;
        SmallVector<Factor> rest(meanTerm->factors.begin(), meanTerm->factors.end());
        rest.erase(rest.begin() + i);
        // x is the tensor the mean read, or the one it widened.
        Value x;
        for (Value candidate : {mean->input, stripWidening(mean->input)}) {
          SmallVector<Factor> withX(rest.begin(), rest.end());
          withX.push_back(Factor{candidate});
          PointwiseExpr xPart;
          xPart.terms.push_back(*xTerm);
          if (near(xPart.coefficientOf(withX), -meanTerm->coefficient) &&
              xTerm->factors.size() == withX.size())
            x = candidate;
        }
        if (!x)
          continue;
        norm.input = x;
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

  /// `inverse.argument` is var(x) + eps over the axes of the mean of the
  /// scaled part, with the dimensions kept unless `inverse` was seen
  /// through a reshape to the kept shape.
  bool matchVariance(const InverseStd &inverse, LayerNorm &norm) {
    if (inverse.reshaped &&
        !hasKeptShape(inverse.reshaped, norm.input, norm.axes))
      return false;
    std::optional<PointwiseExpr> sum =
        expandPointwise(inverse.argument, Value());
    if (!sum)
      return false;
    norm.eps = sum->coefficientOf({});
    if (norm.eps < 0.0)
      return false;
    llvm::erase_if(sum->terms,
                   [](const Term &term) { return term.factors.empty(); });
    return isVariance(*sum, /*kept=*/!inverse.reshaped, norm);
  }

  /// Whether `expr` is the variance of the input over the axes, with the
  /// dimensions `kept` or not: the mean of the squared centered input, the
  /// mean of the squares less the square of the mean, either of them
  /// clamped at 0 or computed without the dimensions and reshaped.
  bool isVariance(const PointwiseExpr &expr, bool kept, const LayerNorm &norm) {
    if (expr.terms.size() == 2)
      return isFastVariance(expr, kept, norm);
    if (expr.terms.size() != 1 || expr.terms.front().factors.size() != 1 ||
        expr.terms.front().factors.front().reciprocal)
      return false;
    const Term &term = expr.terms.front();
    Value value = term.factors.front().value;
    if (std::optional<Mean> variance =
            matchScaledMean(value, term.coefficient)) {
      if (variance->kept != kept || variance->axes != norm.axes)
        return false;
      std::optional<PointwiseExpr> square =
          expandPointwise(variance->input, Value());
      return square &&
             isCenteredSquare(*square, norm.input, norm.axes, elementType);
    }
    if (!near(term.coefficient, 1.0) || !value.hasOneUse())
      return false;
    if (Value source = getReshapeSource(value)) {
      std::optional<PointwiseExpr> inner = expandPointwise(source, Value());
      return kept && hasKeptShape(value, norm.input, norm.axes) && inner &&
             isVariance(*inner, /*kept=*/false, norm);
    }
    // max(var, 0), or the relu raise-activations made of it: a variance is
    // never negative, so the clamp, which only absorbs the rounding of the
    // fast form, is the identity on it.
    if (auto relu = value.getDefiningOp<ActivationOp>()) {
      if (relu.getActivationType() != ActivationType::kRELU)
        return false;
      std::optional<PointwiseExpr> clamped =
          expandPointwise(relu.getInput(), Value());
      return clamped && isVariance(*clamped, kept, norm);
    }
    auto max = value.getDefiningOp<ElementWiseOp>();
    if (!max || max.getElementwiseOperation() != ElementWiseOperation::kMAX)
      return false;
    for (auto [inner, bound] : {std::pair(max.getInput1(), max.getInput2()),
                                std::pair(max.getInput2(), max.getInput1())}) {
      std::optional<double> zero = getSplatConstant(bound);
      if (!zero || *zero != 0.0 || inner.getType() != value.getType())
        continue;
      std::optional<PointwiseExpr> clamped = expandPointwise(inner, Value());
      return clamped && isVariance(*clamped, kept, norm);
    }
    return false;
  }

  /// mean(x^2) - mean(x)^2.
  bool isFastVariance(const PointwiseExpr &expr, bool kept,
                      const LayerNorm &norm) {
    auto isMeanOf = [&](const std::optional<Mean> &mean, Value input) {
      return mean && mean->kept == kept && mean->axes == norm.axes &&
             sameUpToWidening(mean->input, input);
    };
    bool sawSquares = false, sawSquaredMean = false;
    for (const Term &term : expr.terms) {
      ArrayRef<Factor> factors = term.factors;
      if (llvm::any_of(factors, [](const Factor &f) { return f.reciprocal; }))
        return false;
      if (factors.size() == 1) {
        std::optional<Mean> squares =
            matchScaledMean(factors.front().value, term.coefficient);
        if (!squares || squares->kept != kept || squares->axes != norm.axes)
          return false;
        std::optional<PointwiseExpr> square =
            expandPointwise(squares->input, Value());
        if (!square || square->terms.size() != 1)
          return false;
        const Term &xx = square->terms.front();
        if (xx.factors.size() != 2 || !(xx.factors[0] == xx.factors[1]) ||
            xx.factors[0].reciprocal || !near(xx.coefficient, 1.0) ||
            !sameUpToWidening(xx.factors[0].value, norm.input))
          return false;
        sawSquares = true;
        continue;
      }
      if (factors.size() != 2 || !(factors[0] == factors[1]) ||
          term.coefficient >= 0.0 ||
          !isMeanOf(matchScaledMean(factors[0].value,
                                    std::sqrt(-term.coefficient)),
                    norm.input))
        return false;
      sawSquaredMean = true;
    }
    return sawSquares && sawSquaredMean;
  }

  Value root;
  Type elementType;
};

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
    : kiln::tensorrt::impl::TensorRTRaiseNormalizationsPassBase<
          TensorRTRaiseNormalizationsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<RaiseLayerNorm>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
