//===- RaiseActivations.cpp - tensorrt-raise-activations ------------------===//
//
// Part of Kiln. Replaces activation functions written out as pointwise
// arithmetic with one `tensorrt.activation`. Each candidate root (an
// element_wise or unary op) is expanded into a sum of products
// (PointwiseExpr.h), so operand order and the grouping of products do not
// matter; the recognisers below then compare that expansion with the
// function's formula.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "PointwiseExpr.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>
#include <limits>

namespace kiln::tensorrt {
#define GEN_PASS_DEF_TENSORRTRAISEACTIVATIONSPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace kiln::tensorrt

using namespace mlir;
using namespace kiln::tensorrt;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kSqrtTwoOverPi = 0.79788456080286536;
constexpr double kInverseSqrtTwo = 0.70710678118654752;
constexpr double kGeluCubicCoefficient = 0.044715;

/// What to build in place of the root: `activation(input)`, multiplied by
/// `input` when `timesInput` (SiLU and hard-swish have no activation type of
/// their own).
struct Raised {
  Value input;
  ActivationType type;
  std::optional<double> alpha;
  std::optional<double> beta;
  bool timesInput = false;
};

/// Matches a root and says what to raise it to.
class Recognizer {
public:
  Recognizer(Value root, const PointwiseExpr &expr)
      : root(root), expr(expr),
        elementType(cast<RankedTensorType>(root.getType()).getElementType()) {}

  std::optional<Raised> recognize() {
    using Matcher = std::optional<Raised> (Recognizer::*)();
    // GELU before the functions that match parts of it.
    for (Matcher matcher :
         {&Recognizer::geluTanh, &Recognizer::geluErf,
          &Recognizer::siluOrSoftsign, &Recognizer::sigmoid,
          &Recognizer::softplus, &Recognizer::hardSigmoid,
          &Recognizer::scaledTanh, &Recognizer::leakyRelu,
          &Recognizer::clipOrRelu}) {
      std::optional<Raised> raised = (this->*matcher)();
      // The activation keeps its input's shape, so the input must have the
      // shape of the root: no constant may have broadcast it.
      if (raised && raised->input.getType() == root.getType())
        return raised;
    }
    return std::nullopt;
  }

private:
  bool near(double got, double want) const {
    return isNear(got, want, elementType);
  }

  /// The op defining `factor`, when it is a plain (non-reciprocal) factor
  /// that the match may consume.
  template <typename OpTy>
  OpTy consumable(const Factor &factor) const {
    if (factor.reciprocal || !canLookInto(factor.value, root))
      return nullptr;
    return factor.value.getDefiningOp<OpTy>();
  }

  /// The single term of the expansion, if there is exactly one.
  const Term *singleTerm() const {
    return expr.terms.size() == 1 ? &expr.terms.front() : nullptr;
  }

  /// Whether `value` expands (through single-use ops) to exactly
  /// `linear * x + cubic * x^3`.
  bool isOddCubic(Value value, Value x, double linear, double cubic) const {
    std::optional<PointwiseExpr> poly = expandPointwise(value, Value());
    if (!poly || poly->terms.size() != 2)
      return false;
    Factor xf{x};
    return near(poly->coefficientOf({xf}), linear) &&
           near(poly->coefficientOf({xf, xf, xf}), cubic);
  }

  /// `x` and the op of `f` in 0.5·x·(1 + sign·f), `f` the only other
  /// factor and `sign` ±1: the shape shared by both GELU forms.
  template <typename OpTy>
  struct HalfXTimesOnePlus {
    Value x;
    OpTy f;
    double sign;
  };

  template <typename OpTy>
  std::optional<HalfXTimesOnePlus<OpTy>> halfXTimesOnePlus() const {
    if (expr.terms.size() != 2)
      return std::nullopt;
    const Term *linear = nullptr, *product = nullptr;
    for (const Term &term : expr.terms)
      (term.factors.size() == 1 ? linear : product) = &term;
    if (!linear || !product || product->factors.size() != 2 ||
        linear->factors.front().reciprocal || !near(linear->coefficient, 0.5))
      return std::nullopt;
    double sign = product->coefficient < 0.0 ? -1.0 : 1.0;
    if (!near(sign * product->coefficient, linear->coefficient))
      return std::nullopt;
    Value x = linear->factors.front().value;
    for (int i = 0; i < 2; ++i) {
      if (!(product->factors[i] == Factor{x}))
        continue;
      if (auto op = consumable<OpTy>(product->factors[1 - i]))
        return HalfXTimesOnePlus<OpTy>{x, op, sign};
    }
    return std::nullopt;
  }

  /// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), or the equal
  /// x·sigmoid(2·√(2/π)·(x + 0.044715·x³)).
  std::optional<Raised> geluTanh() {
    if (auto match = halfXTimesOnePlus<ActivationOp>()) {
      if (match->sign > 0.0 &&
          match->f.getActivationType() == ActivationType::kTANH &&
          isOddCubic(match->f.getInput(), match->x, kSqrtTwoOverPi,
                     kSqrtTwoOverPi * kGeluCubicCoefficient))
        return Raised{match->x, ActivationType::kGELU_TANH};
    }
    const Term *term = singleTerm();
    if (!term || term->factors.size() != 2 || !near(term->coefficient, 1.0))
      return std::nullopt;
    for (int i = 0; i < 2; ++i) {
      Value x = term->factors[i].value;
      auto sigmoid = consumable<ActivationOp>(term->factors[1 - i]);
      if (term->factors[i].reciprocal || !sigmoid ||
          sigmoid.getActivationType() != ActivationType::kSIGMOID)
        continue;
      if (isOddCubic(sigmoid.getInput(), x, 2 * kSqrtTwoOverPi,
                     2 * kSqrtTwoOverPi * kGeluCubicCoefficient))
        return Raised{x, ActivationType::kGELU_TANH};
    }
    return std::nullopt;
  }

  /// 0.5·x·(1 + erf(x/√2)), or JAX's 0.5·x·erfc(-x/√2) once erfc(z) is
  /// converted to 1 - erf(z): erf is odd, so 1 - erf(-y) = 1 + erf(y).
  std::optional<Raised> geluErf() {
    auto match = halfXTimesOnePlus<UnaryOp>();
    if (!match || match->f.getUnaryOperation() != UnaryOperation::kERF)
      return std::nullopt;
    // x·(1/√2), x/√2, x/sqrt(2), -x·(1/√2) with the minus sign, ...
    std::optional<PointwiseExpr> argument =
        expandPointwise(match->f.getInput(), Value());
    if (!argument || argument->terms.size() != 1 ||
        !near(argument->coefficientOf({Factor{match->x}}),
              match->sign * kInverseSqrtTwo))
      return std::nullopt;
    return Raised{match->x, ActivationType::kGELU_ERF};
  }

  /// Whether `denominator` is 1 + exp(-x), or 1 + 1/exp(x).
  bool isSigmoidDenominator(Value denominator, Value x) const {
    std::optional<PointwiseExpr> sum = expandPointwise(denominator, Value());
    if (!sum || sum->terms.size() != 2 || !near(sum->coefficientOf({}), 1.0))
      return false;
    for (const Term &term : sum->terms) {
      if (term.factors.size() != 1 || !near(term.coefficient, 1.0))
        continue;
      const Factor &factor = term.factors.front();
      if (!canLookInto(factor.value, Value()))
        return false;
      auto exp = factor.value.getDefiningOp<UnaryOp>();
      if (!exp || exp.getUnaryOperation() != UnaryOperation::kEXP)
        return false;
      AffineForm argument = matchAffine(exp.getInput());
      return argument.input == x && near(argument.offset, 0.0) &&
             near(argument.scale, factor.reciprocal ? 1.0 : -1.0);
    }
    return false;
  }

  /// Whether `denominator` is 1 + |x|.
  bool isSoftsignDenominator(Value denominator, Value x) const {
    std::optional<PointwiseExpr> sum = expandPointwise(denominator, Value());
    if (!sum || sum->terms.size() != 2 || !near(sum->coefficientOf({}), 1.0))
      return false;
    for (const Term &term : sum->terms) {
      if (term.factors.size() != 1)
        continue;
      auto abs = consumable<UnaryOp>(term.factors.front());
      return near(term.coefficient, 1.0) && abs &&
             abs.getUnaryOperation() == UnaryOperation::kABS &&
             abs.getInput() == x;
    }
    return false;
  }

  /// The value `d` of the factor 1/d when the expansion is `x / d` (x any
  /// plain factor), with `x`.
  std::optional<std::pair<Value, Value>> xOverDenominator() const {
    const Term *term = singleTerm();
    if (!term || term->factors.size() != 2 || !near(term->coefficient, 1.0))
      return std::nullopt;
    for (int i = 0; i < 2; ++i) {
      const Factor &x = term->factors[i], &d = term->factors[1 - i];
      if (!x.reciprocal && d.reciprocal)
        return std::make_pair(x.value, d.value);
    }
    return std::nullopt;
  }

  /// x/(1 + exp(-x)) (SiLU, to x·sigmoid(x)) and x/(1 + |x|) (softsign).
  std::optional<Raised> siluOrSoftsign() {
    auto match = xOverDenominator();
    if (!match)
      return std::nullopt;
    auto [x, denominator] = *match;
    if (isSigmoidDenominator(denominator, x))
      return Raised{x, ActivationType::kSIGMOID, {}, {}, /*timesInput=*/true};
    if (isSoftsignDenominator(denominator, x))
      return Raised{x, ActivationType::kSOFTSIGN};
    return std::nullopt;
  }

  /// 1/(1 + exp(-x)).
  std::optional<Raised> sigmoid() {
    const Term *term = singleTerm();
    if (!term || term->factors.size() != 1 ||
        !term->factors.front().reciprocal || !near(term->coefficient, 1.0))
      return std::nullopt;
    Value denominator = term->factors.front().value;
    // x is the input of the exponential; find it, then check the whole.
    std::optional<PointwiseExpr> sum = expandPointwise(denominator, Value());
    if (!sum)
      return std::nullopt;
    for (const Term &inner : sum->terms) {
      if (inner.factors.size() != 1)
        continue;
      auto exp = inner.factors.front().value.getDefiningOp<UnaryOp>();
      if (!exp)
        continue;
      Value x = matchAffine(exp.getInput()).input;
      if (isSigmoidDenominator(denominator, x))
        return Raised{x, ActivationType::kSIGMOID};
    }
    return std::nullopt;
  }

  /// a·log(1 + exp(b·x)).
  std::optional<Raised> softplus() {
    const Term *term = singleTerm();
    if (!term || term->factors.size() != 1)
      return std::nullopt;
    auto log = consumable<UnaryOp>(term->factors.front());
    if (!log || log.getUnaryOperation() != UnaryOperation::kLOG)
      return std::nullopt;
    std::optional<PointwiseExpr> sum = expandPointwise(log.getInput(), Value());
    if (!sum || sum->terms.size() != 2 || !near(sum->coefficientOf({}), 1.0))
      return std::nullopt;
    for (const Term &inner : sum->terms) {
      if (inner.factors.size() != 1)
        continue;
      auto exp = consumable<UnaryOp>(inner.factors.front());
      if (!near(inner.coefficient, 1.0) || !exp ||
          exp.getUnaryOperation() != UnaryOperation::kEXP)
        return std::nullopt;
      AffineForm argument = matchAffine(exp.getInput());
      if (!near(argument.offset, 0.0))
        return std::nullopt;
      return Raised{argument.input, ActivationType::kSOFTPLUS,
                    term->coefficient, argument.scale};
    }
    return std::nullopt;
  }

  /// `input` clamped to [lo, hi] by max/min with constants, relu or clip.
  struct Clamp {
    Value input;
    double lo = -kInfinity;
    double hi = kInfinity;
  };

  std::optional<Clamp> matchClamp(Value value) const {
    if (!canLookInto(value, root))
      return std::nullopt;
    if (auto activation = value.getDefiningOp<ActivationOp>()) {
      if (activation.getActivationType() == ActivationType::kRELU)
        return Clamp{activation.getInput(), 0.0, kInfinity};
      if (activation.getActivationType() == ActivationType::kCLIP)
        return Clamp{activation.getInput(),
                     activation.getAlpha()->convertToDouble(),
                     activation.getBeta()->convertToDouble()};
      return std::nullopt;
    }
    auto elementWise = value.getDefiningOp<ElementWiseOp>();
    if (!elementWise)
      return std::nullopt;
    ElementWiseOperation kind = elementWise.getElementwiseOperation();
    if (kind != ElementWiseOperation::kMAX &&
        kind != ElementWiseOperation::kMIN)
      return std::nullopt;
    Value lhs = elementWise.getInput1(), rhs = elementWise.getInput2();
    std::optional<double> bound = getSplatConstant(rhs);
    Value inner = lhs;
    if (!bound) {
      bound = getSplatConstant(lhs);
      inner = rhs;
    }
    if (!bound)
      return std::nullopt;
    // max(clamp(y, lo, hi), c) = clamp(y, max(lo, c), max(hi, c)); likewise
    // for min.
    Clamp clamp = matchClamp(inner).value_or(Clamp{inner});
    if (kind == ElementWiseOperation::kMAX) {
      clamp.lo = std::max(clamp.lo, *bound);
      clamp.hi = std::max(clamp.hi, *bound);
    } else {
      clamp.lo = std::min(clamp.lo, *bound);
      clamp.hi = std::min(clamp.hi, *bound);
    }
    return clamp;
  }

  /// c·clamp(α·x + β, 0, 1/c), to hard sigmoid(x; cα, cβ); also
  /// x·c·clamp(α·x + β, 0, 1/c) (hard swish), to x·hard sigmoid(x).
  std::optional<Raised> hardSigmoid() {
    const Term *term = singleTerm();
    if (!term || term->factors.empty() || term->factors.size() > 2 ||
        term->coefficient <= 0.0)
      return std::nullopt;
    double c = term->coefficient;
    for (size_t i = 0, e = term->factors.size(); i < e; ++i) {
      const Factor &clampFactor = term->factors[i];
      if (clampFactor.reciprocal)
        continue;
      std::optional<Clamp> clamp = matchClamp(clampFactor.value);
      if (!clamp || !near(clamp->lo, 0.0) || !near(c * clamp->hi, 1.0))
        continue;
      AffineForm affine = matchAffine(clamp->input);
      if (e == 2) {
        const Factor &x = term->factors[1 - i];
        if (x.reciprocal || x.value != affine.input)
          continue;
        return Raised{affine.input, ActivationType::kHARD_SIGMOID,
                      c * affine.scale, c * affine.offset,
                      /*timesInput=*/true};
      }
      // With nothing to scale or shift, this is a clip.
      if (c == 1.0 && affine.scale == 1.0 && affine.offset == 0.0)
        return std::nullopt;
      return Raised{affine.input, ActivationType::kHARD_SIGMOID,
                    c * affine.scale, c * affine.offset};
    }
    return std::nullopt;
  }

  /// a·tanh(b·x).
  std::optional<Raised> scaledTanh() {
    const Term *term = singleTerm();
    if (!term || term->factors.size() != 1 ||
        !root.getDefiningOp<ElementWiseOp>())
      return std::nullopt;
    auto tanh = consumable<ActivationOp>(term->factors.front());
    if (!tanh || tanh.getActivationType() != ActivationType::kTANH)
      return std::nullopt;
    AffineForm argument = matchAffine(tanh.getInput());
    if (!near(argument.offset, 0.0) ||
        (term->coefficient == 1.0 && argument.scale == 1.0))
      return std::nullopt;
    return Raised{argument.input, ActivationType::kSCALED_TANH,
                  term->coefficient, argument.scale};
  }

  /// max(x, α·x) with 0 < α < 1.
  std::optional<Raised> leakyRelu() {
    auto max = root.getDefiningOp<ElementWiseOp>();
    if (!max || max.getElementwiseOperation() != ElementWiseOperation::kMAX)
      return std::nullopt;
    for (auto [x, scaled] : {std::pair(max.getInput1(), max.getInput2()),
                             std::pair(max.getInput2(), max.getInput1())}) {
      AffineForm affine = matchAffine(scaled);
      if (affine.input == x && scaled != x && near(affine.offset, 0.0) &&
          affine.scale > 0.0 && affine.scale < 1.0)
        return Raised{x, ActivationType::kLEAKY_RELU, affine.scale};
    }
    return std::nullopt;
  }

  /// max(x, 0) to relu; max/min with constants on both sides to clip.
  std::optional<Raised> clipOrRelu() {
    if (!root.getDefiningOp<ElementWiseOp>())
      return std::nullopt;
    std::optional<Clamp> clamp = matchClamp(root);
    if (!clamp)
      return std::nullopt;
    if (clamp->lo == 0.0 && clamp->hi == kInfinity)
      return Raised{clamp->input, ActivationType::kRELU};
    if (std::isfinite(clamp->lo) && std::isfinite(clamp->hi) &&
        clamp->lo < clamp->hi)
      return Raised{clamp->input, ActivationType::kCLIP, clamp->lo, clamp->hi};
    return std::nullopt;
  }

  Value root;
  const PointwiseExpr &expr;
  Type elementType;
};

/// Whether `activation(input)` with these parameters is a valid
/// `tensorrt.activation`: only kRELU takes integers.
bool acceptsElementType(ActivationType type, Type elementType) {
  if (elementType.isF16() || elementType.isBF16() || elementType.isF32())
    return true;
  return type == ActivationType::kRELU &&
         (elementType.isSignlessInteger(32) ||
          elementType.isSignlessInteger(64));
}

struct RaiseActivation : RewritePattern {
  explicit RaiseActivation(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<ElementWiseOp, UnaryOp>(op))
      return failure();
    Value root = op->getResult(0);
    std::optional<PointwiseExpr> expr = expandPointwise(root, root);
    if (!expr)
      return failure();
    std::optional<Raised> raised = Recognizer(root, *expr).recognize();
    if (!raised)
      return rewriter.notifyMatchFailure(op, "no activation recognised");
    Type elementType = getElementTypeOrSelf(raised->input.getType());
    if (!acceptsElementType(raised->type, elementType))
      return rewriter.notifyMatchFailure(op, "element type not accepted");

    auto floatAttr = [&](std::optional<double> value) -> FloatAttr {
      if (!value)
        return FloatAttr();
      return rewriter.getF32FloatAttr(static_cast<float>(*value));
    };
    Value activation = ActivationOp::create(
        rewriter, op->getLoc(), raised->input.getType(), raised->input,
        raised->type, floatAttr(raised->alpha), floatAttr(raised->beta));
    if (raised->timesInput)
      activation = ElementWiseOp::create(rewriter, op->getLoc(),
                                         raised->input.getType(),
                                         raised->input, activation,
                                         ElementWiseOperation::kPROD);
    rewriter.replaceOp(op, activation);
    return success();
  }
};

struct TensorRTRaiseActivationsPass
    : kiln::tensorrt::impl::TensorRTRaiseActivationsPassBase<
          TensorRTRaiseActivationsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<RaiseActivation>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
