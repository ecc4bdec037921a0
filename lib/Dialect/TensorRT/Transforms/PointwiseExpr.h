//===- PointwiseExpr.h - algebraic view of pointwise tensorrt IR -*- C++ -*-===//
//
// Part of Kiln. The raising passes recognise functions written out as chains
// of `tensorrt.element_wise` / `tensorrt.unary` / `tensorrt.constant` ops.
// Frameworks write the same function in many orders (`0.5 * x * (1 + t)`,
// `x * (t + 1) / 2`, `0.5 * x + 0.5 * x * t`, ...), so instead of matching op
// trees the passes expand a value into a sum of products and compare that.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_DIALECT_TENSORRT_TRANSFORMS_POINTWISEEXPR_H
#define KILN_LIB_DIALECT_TENSORRT_TRANSFORMS_POINTWISEEXPR_H

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace kiln::tensorrt {

/// The value of a splat constant (float or integer) defining `value`.
std::optional<double> getSplatConstant(Value value);

/// Whether `got` equals `want` up to the rounding a constant of
/// `elementType` may have gone through (relative, at least 1e-3).
bool isNear(double got, double want, Type elementType);

/// A value the expansion does not look into, or its reciprocal.
struct Factor {
  Value value;
  bool reciprocal = false;

  bool operator==(const Factor &other) const {
    return value == other.value && reciprocal == other.reciprocal;
  }
};

/// `coefficient` times the product of `factors` (kept sorted).
struct Term {
  double coefficient = 0.0;
  SmallVector<Factor, 4> factors;
};

/// A sum of terms with distinct factor lists and non-zero coefficients.
struct PointwiseExpr {
  SmallVector<Term, 4> terms;

  /// The coefficient of the term whose factors are exactly `factors` (in any
  /// order), or 0 when there is none.
  double coefficientOf(ArrayRef<Factor> factors) const;
};

/// Expands `value` through kSUM/kSUB/kPROD/kDIV/kPOW element_wise ops,
/// kNEG/kRECIP/kSQRT unary ops and splat constants, into a sum of products
/// of the values it stops at. Ops other than the one defining `root` are
/// looked into only when their result has a single use, so that the ops of
/// a match can all be erased; pass a null `root` to apply that to `value`
/// too. `std::nullopt` when the expansion grows too large.
std::optional<PointwiseExpr> expandPointwise(Value value, Value root);

/// `scale * input + offset`, found by walking from `value` through
/// single-use scaling and shifting ops (product or quotient by a constant,
/// sum or difference with a constant, negation). `input` is the first value
/// that is not such an op or has several uses.
struct AffineForm {
  Value input;
  double scale = 1.0;
  double offset = 0.0;
};
AffineForm matchAffine(Value value);

/// Whether a matcher may look into the op defining `value`: it is the root
/// of the match or its only user is part of the match.
inline bool canLookInto(Value value, Value root) {
  return value == root || value.hasOneUse();
}

/// Whether every op between `root` and the `leaves` is used only by that
/// computation, so that replacing the root removes all of them. Constants
/// may be shared. Matchers that look into values with several uses (a
/// statistic used twice, an exponential summed and divided) check this
/// once the whole match is known.
bool isSelfContained(Value root, ArrayRef<Value> leaves);

} // namespace kiln::tensorrt

#endif // KILN_LIB_DIALECT_TENSORRT_TRANSFORMS_POINTWISEEXPR_H
