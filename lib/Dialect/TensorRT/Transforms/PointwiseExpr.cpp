//===- PointwiseExpr.cpp - algebraic view of pointwise tensorrt IR --------===//
//
// Part of Kiln.
//
//===----------------------------------------------------------------------===//

#include "PointwiseExpr.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"

#include <cmath>

using namespace mlir;
using namespace kiln::tensorrt;

// Recognised functions are small; anything larger is not one of them.
static constexpr size_t kMaxTerms = 16;
static constexpr size_t kMaxFactors = 8;
static constexpr int kMaxIntegerPower = 4;

std::optional<double> kiln::tensorrt::getSplatConstant(Value value) {
  DenseElementsAttr elements;
  if (!value || !matchPattern(value, m_Constant(&elements)) ||
      !elements.isSplat())
    return std::nullopt;
  Type elementType = elements.getElementType();
  if (isa<FloatType>(elementType))
    return elements.getSplatValue<APFloat>().convertToDouble();
  if (elementType.isSignlessInteger() && !elementType.isInteger(1))
    return static_cast<double>(elements.getSplatValue<APInt>().getSExtValue());
  return std::nullopt;
}

bool kiln::tensorrt::isNear(double got, double want, Type elementType) {
  double tolerance = 1e-3;
  if (auto floatType = dyn_cast<FloatType>(elementType))
    tolerance = std::max(tolerance, std::ldexp(1.0, -floatType.getFPMantissaWidth()));
  return std::fabs(got - want) <= tolerance * std::fabs(want) + 1e-7;
}

//===----------------------------------------------------------------------===//
// PointwiseExpr arithmetic
//===----------------------------------------------------------------------===//

static bool factorLess(const Factor &a, const Factor &b) {
  if (a.value != b.value)
    return a.value.getAsOpaquePointer() < b.value.getAsOpaquePointer();
  return a.reciprocal < b.reciprocal;
}

/// Sorts the factors of `term` and cancels each value against its
/// reciprocal.
static void normalizeTerm(Term &term) {
  llvm::sort(term.factors, factorLess);
  SmallVector<Factor, 4> kept;
  for (const Factor &factor : term.factors) {
    if (!kept.empty() && kept.back().value == factor.value &&
        kept.back().reciprocal != factor.reciprocal) {
      kept.pop_back();
      continue;
    }
    kept.push_back(factor);
  }
  term.factors = std::move(kept);
}

static bool sameFactors(ArrayRef<Factor> a, ArrayRef<Factor> b) {
  return a.size() == b.size() && llvm::equal(a, b);
}

/// Merges terms with the same factors and drops the ones that cancel.
static std::optional<PointwiseExpr> normalize(PointwiseExpr expr) {
  PointwiseExpr result;
  for (Term &term : expr.terms) {
    normalizeTerm(term);
    if (term.factors.size() > kMaxFactors)
      return std::nullopt;
    auto *same = llvm::find_if(result.terms, [&](const Term &other) {
      return sameFactors(other.factors, term.factors);
    });
    if (same != result.terms.end())
      same->coefficient += term.coefficient;
    else
      result.terms.push_back(std::move(term));
  }
  llvm::erase_if(result.terms,
                 [](const Term &term) { return term.coefficient == 0.0; });
  if (result.terms.size() > kMaxTerms)
    return std::nullopt;
  return result;
}

static PointwiseExpr constantExpr(double value) {
  PointwiseExpr expr;
  if (value != 0.0)
    expr.terms.push_back(Term{value, {}});
  return expr;
}

static PointwiseExpr factorExpr(Value value, bool reciprocal = false) {
  PointwiseExpr expr;
  expr.terms.push_back(Term{1.0, {Factor{value, reciprocal}}});
  return expr;
}

static std::optional<double> asConstant(const PointwiseExpr &expr) {
  if (expr.terms.empty())
    return 0.0;
  if (expr.terms.size() == 1 && expr.terms.front().factors.empty())
    return expr.terms.front().coefficient;
  return std::nullopt;
}

static std::optional<PointwiseExpr> add(PointwiseExpr lhs,
                                        const PointwiseExpr &rhs,
                                        double rhsScale) {
  for (Term term : rhs.terms) {
    term.coefficient *= rhsScale;
    lhs.terms.push_back(std::move(term));
  }
  return normalize(std::move(lhs));
}

static std::optional<PointwiseExpr> multiply(const PointwiseExpr &lhs,
                                             const PointwiseExpr &rhs) {
  if (lhs.terms.size() * rhs.terms.size() > kMaxTerms)
    return std::nullopt;
  PointwiseExpr product;
  for (const Term &a : lhs.terms) {
    for (const Term &b : rhs.terms) {
      Term term{a.coefficient * b.coefficient, a.factors};
      llvm::append_range(term.factors, b.factors);
      product.terms.push_back(std::move(term));
    }
  }
  return normalize(std::move(product));
}

/// 1 / `expr`, where `expr` is the expansion of `value`. A single term is
/// inverted factor by factor; a sum becomes the reciprocal of `value`.
static std::optional<PointwiseExpr> reciprocal(const PointwiseExpr &expr,
                                               Value value) {
  if (expr.terms.size() != 1)
    return factorExpr(value, /*reciprocal=*/true);
  const Term &term = expr.terms.front();
  Term inverse{1.0 / term.coefficient, {}};
  for (const Factor &factor : term.factors)
    inverse.factors.push_back(Factor{factor.value, !factor.reciprocal});
  PointwiseExpr result;
  result.terms.push_back(std::move(inverse));
  return normalize(std::move(result));
}

static std::optional<PointwiseExpr> power(const PointwiseExpr &base,
                                          Value baseValue, double exponent) {
  if (std::optional<double> constant = asConstant(base))
    return constantExpr(std::pow(*constant, exponent));
  if (exponent != std::round(exponent) ||
      std::fabs(exponent) > kMaxIntegerPower)
    return std::nullopt;
  PointwiseExpr result = constantExpr(1.0);
  for (int i = 0, e = static_cast<int>(std::fabs(exponent)); i < e; ++i) {
    std::optional<PointwiseExpr> next = multiply(result, base);
    if (!next)
      return std::nullopt;
    result = std::move(*next);
  }
  if (exponent < 0)
    return reciprocal(result, baseValue);
  return result;
}

//===----------------------------------------------------------------------===//
// Expansion
//===----------------------------------------------------------------------===//

static std::optional<PointwiseExpr> expand(Value value, Value root);

static std::optional<PointwiseExpr> expandElementWise(ElementWiseOp op,
                                                      Value root) {
  std::optional<PointwiseExpr> lhs = expand(op.getInput1(), root);
  std::optional<PointwiseExpr> rhs = expand(op.getInput2(), root);
  if (!lhs || !rhs)
    return std::nullopt;
  switch (op.getElementwiseOperation()) {
  case ElementWiseOperation::kSUM:
    return add(std::move(*lhs), *rhs, 1.0);
  case ElementWiseOperation::kSUB:
    return add(std::move(*lhs), *rhs, -1.0);
  case ElementWiseOperation::kPROD:
    return multiply(*lhs, *rhs);
  case ElementWiseOperation::kDIV: {
    std::optional<double> divisor = asConstant(*rhs);
    if (divisor && *divisor == 0.0)
      return factorExpr(op.getResult());
    std::optional<PointwiseExpr> inverse = reciprocal(*rhs, op.getInput2());
    if (!inverse)
      return std::nullopt;
    return multiply(*lhs, *inverse);
  }
  case ElementWiseOperation::kPOW: {
    std::optional<double> exponent = asConstant(*rhs);
    if (!exponent)
      return factorExpr(op.getResult());
    if (std::optional<PointwiseExpr> result =
            power(*lhs, op.getInput1(), *exponent))
      return result;
    return factorExpr(op.getResult());
  }
  default:
    return factorExpr(op.getResult());
  }
}

static std::optional<PointwiseExpr> expandUnary(UnaryOp op, Value root) {
  UnaryOperation kind = op.getUnaryOperation();
  if (kind != UnaryOperation::kNEG && kind != UnaryOperation::kRECIP &&
      kind != UnaryOperation::kSQRT)
    return factorExpr(op.getResult());
  std::optional<PointwiseExpr> input = expand(op.getInput(), root);
  if (!input)
    return std::nullopt;
  switch (kind) {
  case UnaryOperation::kNEG:
    return add(PointwiseExpr(), *input, -1.0);
  case UnaryOperation::kRECIP:
    if (std::optional<double> constant = asConstant(*input);
        constant && *constant == 0.0)
      return factorExpr(op.getResult());
    return reciprocal(*input, op.getInput());
  default: // kSQRT, of constants only
    if (std::optional<double> constant = asConstant(*input);
        constant && *constant >= 0.0)
      return constantExpr(std::sqrt(*constant));
    return factorExpr(op.getResult());
  }
}

static std::optional<PointwiseExpr> expand(Value value, Value root) {
  if (std::optional<double> constant = getSplatConstant(value))
    return constantExpr(*constant);
  if (!canLookInto(value, root))
    return factorExpr(value);
  Operation *op = value.getDefiningOp();
  if (auto elementWise = dyn_cast_or_null<ElementWiseOp>(op))
    return expandElementWise(elementWise, root);
  if (auto unary = dyn_cast_or_null<UnaryOp>(op))
    return expandUnary(unary, root);
  return factorExpr(value);
}

std::optional<PointwiseExpr> kiln::tensorrt::expandPointwise(Value value,
                                                       Value root) {
  return expand(value, root);
}

double PointwiseExpr::coefficientOf(ArrayRef<Factor> factors) const {
  Term query{1.0, SmallVector<Factor, 4>(factors)};
  llvm::sort(query.factors, factorLess);
  for (const Term &term : terms)
    if (sameFactors(term.factors, query.factors))
      return term.coefficient;
  return 0.0;
}

//===----------------------------------------------------------------------===//
// Affine forms
//===----------------------------------------------------------------------===//

AffineForm kiln::tensorrt::matchAffine(Value value) {
  AffineForm form{value, 1.0, 0.0};
  // Walk down, composing `form.scale * (s * inner + o) + form.offset`.
  while (form.input.hasOneUse()) {
    Operation *op = form.input.getDefiningOp();
    if (auto unary = dyn_cast_or_null<UnaryOp>(op)) {
      if (unary.getUnaryOperation() != UnaryOperation::kNEG)
        break;
      form.scale = -form.scale;
      form.input = unary.getInput();
      continue;
    }
    auto elementWise = dyn_cast_or_null<ElementWiseOp>(op);
    if (!elementWise)
      break;
    Value lhs = elementWise.getInput1(), rhs = elementWise.getInput2();
    std::optional<double> lhsConstant = getSplatConstant(lhs);
    std::optional<double> rhsConstant = getSplatConstant(rhs);
    if (lhsConstant.has_value() == rhsConstant.has_value())
      break;
    double constant = lhsConstant ? *lhsConstant : *rhsConstant;
    Value inner = lhsConstant ? rhs : lhs;
    switch (elementWise.getElementwiseOperation()) {
    case ElementWiseOperation::kSUM:
      form.offset += form.scale * constant;
      break;
    case ElementWiseOperation::kSUB:
      // inner - c, or c - inner.
      if (rhsConstant) {
        form.offset -= form.scale * constant;
      } else {
        form.offset += form.scale * constant;
        form.scale = -form.scale;
      }
      break;
    case ElementWiseOperation::kPROD:
      form.scale *= constant;
      break;
    case ElementWiseOperation::kDIV:
      if (!rhsConstant || constant == 0.0)
        return form;
      form.scale /= constant;
      break;
    default:
      return form;
    }
    form.input = inner;
  }
  return form;
}

//===----------------------------------------------------------------------===//
// Match scope
//===----------------------------------------------------------------------===//

bool kiln::tensorrt::isSelfContained(Value root, ArrayRef<Value> leaves) {
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
