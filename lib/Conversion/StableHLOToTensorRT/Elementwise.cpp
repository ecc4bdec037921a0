//===- Elementwise.cpp - pointwise ops ------------------------------------===//
//
// Part of Kiln. Every pointwise stablehlo/chlo op: arithmetic, logic, shifts,
// comparisons, select, clamp, convert and the math functions.
//
// Where `tensorrt` has the op (element_wise, unary, activation) it is used
// directly; the rest is composed from those, exactly for integers and to
// fp32 accuracy for floats:
//  - Floats: log1p, expm1, erfc, rsqrt, round (ties away), remainder, atan2,
//    cbrt (sign(x)·|x|^(1/3)), is_finite/is_inf/is_pos_inf/is_neg_inf
//    (comparisons with ±inf), and the special functions below. sign keeps
//    -0.0. Math on f16/bf16 that a `unary` operation does not take, and the
//    composed special functions on f16/bf16, are computed in f32.
//  - Integers wrap (two's complement), as the reference kernels do. divide
//    truncates toward zero (x / 0 is -1, as XLA gives), remainder takes the
//    dividend's sign (x % 0 is x); power goes through i64 (`kPOW` does not
//    take i32); not is -1 - x.
//  - Shifts use powers of two from `kPOW` on i64 (2^w wraps to 0): a << b is
//    a·2^b; arithmetic a >> b is two floor divisions by at most 2^(w/2)
//    each; logical a >> b adds 2^(w-b) back to the arithmetic shift of a
//    negative a. Amounts outside [0, w) (read as unsigned, so negative ones
//    too) give 0, or the sign (-1/0) for the arithmetic right shift.
//  - and/or/xor of integers (TensorRT's logical ops take only i1) come from
//    a loop over the w bits: a `tensorrt.for` that splits off the lowest bit
//    of both operands (x - 2·floor(x/2)) and adds 2^k·(bit_a·bit_b) to the
//    result; a | b = a + b - (a & b), a ^ b = a + b - 2(a & b). An `and`
//    with a constant low mask 2^k - 1 or high mask -2^k (JAX's x & 1, x & 7)
//    is a floor division instead. popcnt sums the bits in the same loop;
//    count_leading_zeros is w minus the number of arithmetic right shifts
//    that leave a non-zero value.
//  - Special functions, in f32. Errors below are the largest seen against
//    scipy (float64) on a fine grid, as |error| / max(|exact|, 1): relative
//    for large values, absolute near the zeros of lgamma and digamma.
//    erf_inv: Giles' single-precision polynomials in w = -log((1-x)(1+x))
//      ("Approximating the erfinv function", 2010); ±1 → ±inf, |x| > 1 →
//      NaN. 3e-7 on [-0.999, 0.999].
//    lgamma: Lanczos (g = 7, 9 terms) for x ≥ ½, reflection
//      log(π / |sin(πx)|) - lgamma(1 - x) below; poles and ±inf → +inf.
//      5e-6 on [-10, 20] (1e-3 or more from the poles).
//    digamma: derivative of the same Lanczos sum for x ≥ ½, reflection
//      ψ(1 - x) - π·cot(πx) below; NaN at the poles 0, -1, -2, ....
//      2e-6 on [-10, 20] (1e-3 or more from the poles).
//
// Nothing pointwise is refused for its op alone; what is refused is a form
// StableHLO does not define (bit ops on floats or i1, float math on
// integers, arithmetic on i1 other than add/multiply/max/min).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace kiln::stablehlo_to_tensorrt;

/// Element-wise maps of the binary ops that have a direct counterpart.
std::optional<ElementWiseOperation>
kiln::stablehlo_to_tensorrt::elementWiseOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<ElementWiseOperation>>(op)
      .Case<shlo::AddOp>([](auto) { return ElementWiseOperation::kSUM; })
      .Case<shlo::SubtractOp>([](auto) { return ElementWiseOperation::kSUB; })
      .Case<shlo::MulOp>([](auto) { return ElementWiseOperation::kPROD; })
      .Case<shlo::DivOp>([](auto) { return ElementWiseOperation::kDIV; })
      .Case<shlo::MaxOp>([](auto) { return ElementWiseOperation::kMAX; })
      .Case<shlo::MinOp>([](auto) { return ElementWiseOperation::kMIN; })
      .Case<shlo::PowOp>([](auto) { return ElementWiseOperation::kPOW; })
      .Case<shlo::AndOp>([](auto) { return ElementWiseOperation::kAND; })
      .Case<shlo::OrOp>([](auto) { return ElementWiseOperation::kOR; })
      .Case<shlo::XorOp>([](auto) { return ElementWiseOperation::kXOR; })
      .Default([](Operation *) { return std::nullopt; });
}

/// Unary float math with a direct `tensorrt.unary` counterpart, and abs and
/// negate, which `unary` also has for integers.
static std::optional<UnaryOperation> unaryOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<UnaryOperation>>(op)
      .Case<shlo::AbsOp>([](auto) { return UnaryOperation::kABS; })
      .Case<shlo::CeilOp>([](auto) { return UnaryOperation::kCEIL; })
      .Case<shlo::CosineOp>([](auto) { return UnaryOperation::kCOS; })
      .Case<shlo::ExpOp>([](auto) { return UnaryOperation::kEXP; })
      .Case<shlo::FloorOp>([](auto) { return UnaryOperation::kFLOOR; })
      .Case<shlo::LogOp>([](auto) { return UnaryOperation::kLOG; })
      .Case<shlo::NegOp>([](auto) { return UnaryOperation::kNEG; })
      .Case<shlo::SineOp>([](auto) { return UnaryOperation::kSIN; })
      .Case<shlo::SqrtOp>([](auto) { return UnaryOperation::kSQRT; })
      .Case<shlo::TanOp, chlo::TanOp>([](auto) { return UnaryOperation::kTAN; })
      .Case<shlo::RoundNearestEvenOp>(
          [](auto) { return UnaryOperation::kROUND; })
      .Case<chlo::ErfOp>([](auto) { return UnaryOperation::kERF; })
      .Case<chlo::SinhOp>([](auto) { return UnaryOperation::kSINH; })
      .Case<chlo::CoshOp>([](auto) { return UnaryOperation::kCOSH; })
      .Case<chlo::AsinOp>([](auto) { return UnaryOperation::kASIN; })
      .Case<chlo::AcosOp>([](auto) { return UnaryOperation::kACOS; })
      .Case<chlo::AtanOp>([](auto) { return UnaryOperation::kATAN; })
      .Case<chlo::AsinhOp>([](auto) { return UnaryOperation::kASINH; })
      .Case<chlo::AcoshOp>([](auto) { return UnaryOperation::kACOSH; })
      .Case<chlo::AtanhOp>([](auto) { return UnaryOperation::kATANH; })
      .Default([](Operation *) { return std::nullopt; });
}

/// Unary float functions composed from several `tensorrt` ops.
static bool isComposedFloatFunction(Operation *op) {
  return isa<shlo::RsqrtOp, shlo::LogisticOp, shlo::TanhOp, shlo::Log1pOp,
             shlo::Expm1Op, shlo::RoundOp, shlo::IsFiniteOp, shlo::CbrtOp,
             chlo::SquareOp, chlo::ErfcOp, chlo::ErfInvOp, chlo::LgammaOp,
             chlo::DigammaOp, chlo::IsInfOp, chlo::IsPosInfOp,
             chlo::IsNegInfOp>(op);
}

/// Ops StableHLO defines on integers only (not i1, not floats).
static bool isIntegerBitOp(Operation *op) {
  return isa<shlo::ShiftLeftOp, shlo::ShiftRightArithmeticOp,
             shlo::ShiftRightLogicalOp, shlo::PopulationCountOp, shlo::ClzOp>(
      op);
}

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

namespace {

/// Emits pointwise arithmetic at one place. Constants are splats of rank
/// `like` with all dimensions 1 (they broadcast) and `like`'s element type.
struct Emitter {
  OpBuilder &b;
  Location loc;
  Value like;

  Value c(double value) const { return splatLike(b, loc, like, value); }
  Value ew(ElementWiseOperation op, Value x, Value y) const {
    return elementWise(b, loc, op, x, y);
  }
  Value add(Value x, Value y) const { return ew(ElementWiseOperation::kSUM, x, y); }
  Value sub(Value x, Value y) const { return ew(ElementWiseOperation::kSUB, x, y); }
  Value mul(Value x, Value y) const { return ew(ElementWiseOperation::kPROD, x, y); }
  Value div(Value x, Value y) const { return ew(ElementWiseOperation::kDIV, x, y); }
  Value floorDiv(Value x, Value y) const {
    return ew(ElementWiseOperation::kFLOOR_DIV, x, y);
  }
  Value less(Value x, Value y) const { return ew(ElementWiseOperation::kLESS, x, y); }
  Value equal(Value x, Value y) const { return ew(ElementWiseOperation::kEQUAL, x, y); }
  Value un(UnaryOperation op, Value x) const { return unary(b, loc, op, x); }
  Value select(Value pred, Value x, Value y) const {
    return trt::SelectOp::create(b, loc, pred, x, y).getResult();
  }
  /// c0 + c1·x + c2·x² + ... by Horner's rule.
  Value polynomial(Value x, ArrayRef<double> coefficients) const {
    Value result = c(coefficients.back());
    for (double coefficient : llvm::reverse(coefficients.drop_back())) {
      Value scaled = mul(result, x);
      result = add(scaled, c(coefficient));
    }
    return result;
  }
};

} // namespace

/// `unary` of `op` on `x`, in f32 when `x` is bf16 and `op` does not take
/// bf16 (TensorRT's trigonometric and hyperbolic layers take f16 and f32).
static Value unaryAnyFloat(OpBuilder &b, Location loc, UnaryOperation op,
                           Value x) {
  bool takesBF16 =
      !llvm::is_contained({UnaryOperation::kTAN, UnaryOperation::kSINH,
                           UnaryOperation::kCOSH, UnaryOperation::kASIN,
                           UnaryOperation::kACOS, UnaryOperation::kATAN,
                           UnaryOperation::kASINH, UnaryOperation::kACOSH,
                           UnaryOperation::kATANH},
                          op);
  Type type = elementType(x);
  if (!type.isBF16() || takesBF16)
    return unary(b, loc, op, x);
  Value wide = castTo(b, loc, x, b.getF32Type());
  return castTo(b, loc, unary(b, loc, op, wide), type);
}

/// `compute(x)` in f32 when `x` is f16 or bf16, rounded back once: for the
/// composed functions whose constants and intermediate values need f32.
static Value inF32(OpBuilder &b, Location loc, Value x,
                   llvm::function_ref<Value(Value)> compute) {
  Type type = elementType(x);
  if (type.isF32())
    return compute(x);
  Value result = compute(castTo(b, loc, x, b.getF32Type()));
  return castTo(b, loc, result, type);
}

static unsigned bitWidth(Value value) {
  return elementType(value).getIntOrFloatBitWidth();
}

/// 2^e in the element type of the integer `e`, for e in [0, 64]: computed
/// with `kPOW` on i64, so 2^w wraps to 0 in a w-bit type.
static Value powerOfTwo(OpBuilder &b, Location loc, Value e) {
  Value wide = castTo(b, loc, e, b.getI64Type());
  Value two = splatLike(b, loc, wide, 2);
  Value power = elementWise(b, loc, ElementWiseOperation::kPOW, two, wide);
  return castTo(b, loc, power, elementType(e));
}

/// Whether each shift amount `amount` lies in [0, w): b < w and not b < 0,
/// which is (b < 0) xor (b < w) since b < 0 implies b < w.
static Value shiftInRange(const Emitter &e, Value amount) {
  Value negative = e.less(amount, e.c(0));
  Value belowWidth = e.less(amount, e.c(bitWidth(amount)));
  return e.ew(ElementWiseOperation::kXOR, negative, belowWidth);
}

/// floor(x / 2^e) for e in [0, w): two floor divisions by 2^⌊e/2⌋ and
/// 2^(e - ⌊e/2⌋), each at most 2^(w/2), so both divisors are positive in
/// the w-bit type.
static Value shiftRightArithmetic(OpBuilder &b, Location loc, Value x,
                                  Value amount) {
  Emitter e{b, loc, x};
  Value first = e.floorDiv(amount, e.c(2));
  Value second = e.sub(amount, first);
  Value firstPower = powerOfTwo(b, loc, first);
  Value shifted = e.floorDiv(x, firstPower);
  Value secondPower = powerOfTwo(b, loc, second);
  return e.floorDiv(shifted, secondPower);
}

/// The splat value of an integer constant, looking through the broadcasts
/// and reshapes JAX and the conversion put around constants.
static std::optional<APInt> splatInteger(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (isa<shlo::BroadcastInDimOp, shlo::ReshapeOp, shlo::ConvertOp,
            trt::BroadcastOp, trt::ReshapeOp, trt::ExpandRankOp>(def)) {
      if (elementType(def->getOperand(0)) != elementType(value))
        return std::nullopt;
      value = def->getOperand(0);
      continue;
    }
    DenseIntElementsAttr attr;
    if (matchPattern(value, m_Constant(&attr)) && attr.isSplat())
      return attr.getSplatValue<APInt>();
    return std::nullopt;
  }
  return std::nullopt;
}

/// Runs `body` `count` times on the carried values `init` in a
/// `tensorrt.for` and returns the last ones. `body` may only create
/// pointwise ops and constants.
static SmallVector<Value>
repeat(OpBuilder &b, Location loc, int64_t count, ValueRange init,
       llvm::function_ref<SmallVector<Value>(OpBuilder &, ValueRange)> body) {
  auto scalar = [&](int32_t value) {
    auto type = RankedTensorType::get({}, b.getI32Type());
    return trt::ConstantOp::create(
               b, loc, DenseElementsAttr::get(type, b.getI32IntegerAttr(value)))
        .getResult();
  };
  Value lower = scalar(0), upper = scalar(count), step = scalar(1);
  auto loop = trt::ForOp::create(b, loc, init.getTypes(), lower, upper, step,
                                 init);
  OpBuilder::InsertionGuard guard(b);
  SmallVector<Type> argTypes{RankedTensorType::get({}, b.getI32Type())};
  llvm::append_range(argTypes, init.getTypes());
  SmallVector<Location> argLocs(argTypes.size(), loc);
  Block *block = b.createBlock(&loop.getBodyRegion(),
                                loop.getBodyRegion().end(), argTypes, argLocs);
  b.setInsertionPointToStart(block);
  SmallVector<Value> next = body(b, block->getArguments().drop_front());
  trt::YieldOp::create(b, loc, next);
  return SmallVector<Value>(loop.getResults());
}

/// Splits off the lowest bit of each element of `x`: floor(x / 2) (the
/// arithmetic shift right by one) and x - 2·floor(x / 2), which is 0 or 1.
static std::pair<Value, Value> splitLowestBit(const Emitter &e, Value x) {
  Value high = e.floorDiv(x, e.c(2));
  Value twice = e.add(high, high);
  Value low = e.sub(x, twice);
  return {high, low};
}

/// a & b for integers: Σ 2^k·(bit k of a)·(bit k of b) over the w bits.
static Value bitwiseAnd(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Emitter e{b, loc, lhs};
  Value zero = e.sub(lhs, lhs);
  SmallVector<Value> results = repeat(
      b, loc, bitWidth(lhs), {lhs, rhs, e.c(1), zero},
      [&](OpBuilder &nested, ValueRange carried) -> SmallVector<Value> {
        Emitter in{nested, loc, carried[0]};
        auto [lhsHigh, lhsBit] = splitLowestBit(in, carried[0]);
        auto [rhsHigh, rhsBit] = splitLowestBit(in, carried[1]);
        Value both = in.mul(lhsBit, rhsBit);
        Value weighted = in.mul(both, carried[2]);
        Value sum = in.add(carried[3], weighted);
        Value nextWeight = in.add(carried[2], carried[2]);
        return {lhsHigh, rhsHigh, nextWeight, sum};
      });
  return results[3];
}

/// x & mask for a constant mask of the form 2^k - 1 (the low k bits: x mod
/// 2^k, rounded toward -inf) or -2^k (all but the low k bits: 2^k·floor(x /
/// 2^k)), 0 < k < w - 1; nothing for other masks.
static std::optional<Value> andWithMask(OpBuilder &b, Location loc, Value x,
                                        const APInt &mask) {
  unsigned width = bitWidth(x);
  bool low = mask.isMask();
  bool high = (~mask).isMask();
  unsigned k = low ? mask.countTrailingOnes() : (~mask).countTrailingOnes();
  if ((!low && !high) || k == 0 || k + 1 >= width)
    return std::nullopt;
  Emitter e{b, loc, x};
  Value divisor = e.c(static_cast<double>(int64_t(1) << k));
  Value quotient = e.floorDiv(x, divisor);
  Value multiple = e.mul(quotient, divisor);
  return low ? e.sub(x, multiple) : multiple;
}

//===----------------------------------------------------------------------===//
// Special functions (f32)
//===----------------------------------------------------------------------===//

/// Lanczos approximation with g = 7 and 9 terms (the widely published
/// coefficient set): Γ(z + 1) ≈ √(2π)·t^(z+½)·e^(-t)·A(z), t = z + g + ½,
/// A(z) = c0 + Σ c_i / (z + i).
static constexpr double kLanczosG = 7.0;
static constexpr double kLanczosCoefficients[] = {
    0.99999999999980993,     676.5203681218851,     -1259.1392167224028,
    771.32342877765313,      -176.61502916214059,   12.507343278686905,
    -0.13857109526572012,    9.9843695780195716e-6, 1.5056327351493116e-7};
static constexpr double kPi = 3.14159265358979323846;

/// erf⁻¹(x) after Giles: x·p(w) with w = -log((1 - x)(1 + x)), one
/// polynomial for w < 5 (in w - 2.5) and one for the tails (in √w - 3).
static Value erfInv(OpBuilder &b, Location loc, Value x) {
  Emitter e{b, loc, x};
  Value oneMinus = e.sub(e.c(1), x);
  Value onePlus = e.add(e.c(1), x);
  Value product = e.mul(oneMinus, onePlus);
  Value logProduct = e.un(UnaryOperation::kLOG, product);
  Value w = e.un(UnaryOperation::kNEG, logProduct);
  Value central = e.sub(w, e.c(2.5));
  Value centralP = e.polynomial(
      central, {1.50140941, 0.246640727, -0.00417768164, -0.00125372503,
                0.00021858087, -4.39150654e-06, -3.5233877e-06,
                3.43273939e-07, 2.81022636e-08});
  Value root = e.un(UnaryOperation::kSQRT, w);
  Value tail = e.sub(root, e.c(3.0));
  Value tailP = e.polynomial(
      tail, {2.83297682, 1.00167406, 0.00943887047, -0.0076224613,
             0.00573950773, -0.00367342844, 0.00134934322, 0.000100950558,
             -0.000200214257});
  Value isCentral = e.less(w, e.c(5.0));
  Value p = e.select(isCentral, centralP, tailP);
  Value result = e.mul(p, x);
  // At ±1 the tail polynomial overflows; erf⁻¹(±1) = ±inf.
  Value magnitude = e.un(UnaryOperation::kABS, x);
  Value atOne = e.equal(magnitude, e.c(1));
  Value infinite = e.mul(x, e.c(INFINITY));
  return e.select(atOne, infinite, result);
}

/// For lgamma and digamma: reflect = x < ½; z = -x when reflecting (the
/// Lanczos sum is taken at 1 - x), x - 1 otherwise; t = z + g + ½.
struct LanczosArgument {
  Value reflect, z, t;
};

static LanczosArgument lanczosArgument(const Emitter &e, Value x) {
  Value reflect = e.less(x, e.c(0.5));
  Value negated = e.un(UnaryOperation::kNEG, x);
  Value shifted = e.sub(x, e.c(1));
  Value z = e.select(reflect, negated, shifted);
  Value t = e.add(z, e.c(kLanczosG + 0.5));
  return {reflect, z, t};
}

/// log Γ(x): Lanczos for x ≥ ½; log(π / |sin(πx)|) - log Γ(1 - x) below,
/// with sin taken of the distance from |x| to the nearest integer so that
/// large |x| keeps its fraction; poles and ±inf give +inf.
static Value lgamma(OpBuilder &b, Location loc, Value x) {
  Emitter e{b, loc, x};
  LanczosArgument arg = lanczosArgument(e, x);
  Value sum = e.c(kLanczosCoefficients[0]);
  for (int i = 1; i < 9; ++i) {
    Value denominator = e.add(arg.z, e.c(i));
    Value term = e.div(e.c(kLanczosCoefficients[i]), denominator);
    sum = e.add(sum, term);
  }
  // (z + ½)·log t - t, written as (z + ½ - t / log t)·log t to keep the
  // intermediate values small.
  Value logT = e.un(UnaryOperation::kLOG, arg.t);
  Value ratio = e.div(arg.t, logT);
  Value power = e.sub(e.add(arg.z, e.c(0.5)), ratio);
  Value logSum = e.un(UnaryOperation::kLOG, sum);
  Value logGamma = e.add(e.mul(power, logT), logSum);
  logGamma = e.add(logGamma, e.c(0.5 * std::log(2 * kPi)));

  Value magnitude = e.un(UnaryOperation::kABS, x);
  Value floor = e.un(UnaryOperation::kFLOOR, magnitude);
  Value fraction = e.sub(magnitude, floor);
  Value upperHalf = e.less(e.c(0.5), fraction);
  Value distance = e.select(upperHalf, e.sub(e.c(1), fraction), fraction);
  Value sine = e.un(UnaryOperation::kSIN, e.mul(distance, e.c(kPi)));
  Value logSine = e.un(UnaryOperation::kLOG, sine);
  Value reflection = e.sub(e.sub(e.c(std::log(kPi)), logSine), logGamma);

  Value result = e.select(arg.reflect, reflection, logGamma);
  Value infinite = e.equal(magnitude, e.c(INFINITY));
  return e.select(infinite, e.c(INFINITY), result);
}

/// ψ(x) = d/dx log Γ(x): from the Lanczos form, log t + A'(z)/A(z) - g/t for
/// x ≥ ½; ψ(1 - x) - π·cot(πx) below, with cot taken of x minus its nearest
/// integer; NaN at the poles (x ≤ 0 and integral).
static Value digamma(OpBuilder &b, Location loc, Value x) {
  Emitter e{b, loc, x};
  LanczosArgument arg = lanczosArgument(e, x);
  Value numerator = e.c(0);
  Value denominator = e.c(kLanczosCoefficients[0]);
  for (int i = 1; i < 9; ++i) {
    Value shifted = e.add(arg.z, e.c(i));
    Value term = e.div(e.c(kLanczosCoefficients[i]), shifted);
    denominator = e.add(denominator, term);
    Value derivative = e.div(term, shifted);
    numerator = e.sub(numerator, derivative);
  }
  Value logT = e.un(UnaryOperation::kLOG, arg.t);
  Value quotient = e.div(numerator, denominator);
  Value gOverT = e.div(e.c(kLanczosG), arg.t);
  Value psi = e.sub(e.add(logT, quotient), gOverT);

  Value nearest = e.un(UnaryOperation::kFLOOR, e.add(x, e.c(0.5)));
  Value reduced = e.mul(e.sub(x, nearest), e.c(kPi));
  Value cosine = e.un(UnaryOperation::kCOS, reduced);
  Value sine = e.un(UnaryOperation::kSIN, reduced);
  Value cotangent = e.div(e.mul(cosine, e.c(kPi)), sine);
  Value reflection = e.sub(psi, cotangent);

  Value result = e.select(arg.reflect, reflection, psi);
  Value integral = e.equal(x, e.un(UnaryOperation::kFLOOR, x));
  Value positive = e.less(e.c(0), x);
  Value notPositive = e.un(UnaryOperation::kNOT, positive);
  Value pole = e.ew(ElementWiseOperation::kAND, integral, notPositive);
  return e.select(pole, e.c(NAN), result);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

/// add, subtract, multiply, maximum, minimum: a direct `element_wise`. On
/// i1, add/max are `or` and multiply/min are `and`.
struct ArithmeticPattern : public ConversionPattern {
  ArithmeticPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    if (!isa<shlo::AddOp, shlo::SubtractOp, shlo::MulOp, shlo::MaxOp,
             shlo::MinOp>(op) ||
        unsupportedReason(op))
      return failure();
    std::optional<ElementWiseOperation> kind = elementWiseOf(op);
    if (isBool(operands[0]))
      kind = isa<shlo::AddOp, shlo::MaxOp>(op) ? ElementWiseOperation::kOR
                                               : ElementWiseOperation::kAND;
    rewriter.replaceOp(op, elementWise(rewriter, op->getLoc(), *kind,
                                       operands[0], operands[1]));
    return success();
  }
};

/// Float division is `kDIV`; integer `kDIV` truncates like StableHLO, and
/// division by zero gives -1 (all bits set), as XLA does.
struct DivPattern : public StableHLOPattern<shlo::DivOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DivOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Emitter e{rewriter, op.getLoc(), adaptor.getLhs()};
    Value quotient = e.div(adaptor.getLhs(), adaptor.getRhs());
    if (isFloat(adaptor.getLhs()))
      return quotient;
    Value byZero = e.equal(adaptor.getRhs(), e.c(0));
    return e.select(byZero, e.c(-1), quotient);
  }
};

/// `kPOW`; i32 goes through i64, which `kPOW` takes, and wraps back.
struct PowPattern : public StableHLOPattern<shlo::PowOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::PowOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    Type type = elementType(lhs);
    if (!type.isSignlessInteger(32))
      return elementWise(rewriter, loc, ElementWiseOperation::kPOW, lhs, rhs);
    Value wideLhs = castTo(rewriter, loc, lhs, rewriter.getI64Type());
    Value wideRhs = castTo(rewriter, loc, rhs, rewriter.getI64Type());
    Value power = elementWise(rewriter, loc, ElementWiseOperation::kPOW,
                              wideLhs, wideRhs);
    return castTo(rewriter, loc, power, type);
  }
};

/// and/or/xor: `element_wise` on i1, composed from integer arithmetic on
/// wider integers (see the file header).
template <typename SourceOp>
struct BitwisePattern : public StableHLOPattern<SourceOp> {
  using StableHLOPattern<SourceOp>::StableHLOPattern;
  using OpAdaptor = typename StableHLOPattern<SourceOp>::OpAdaptor;
  FailureOr<Value> convert(SourceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (isBool(lhs))
      return elementWise(rewriter, loc, *elementWiseOf(op), lhs, rhs);
    if (isa<shlo::AndOp>(op.getOperation()))
      for (auto [x, mask] : {std::pair<Value, Value>(lhs, op.getRhs()),
                             std::pair<Value, Value>(rhs, op.getLhs())})
        if (std::optional<APInt> value = splatInteger(mask))
          if (std::optional<Value> masked =
                  andWithMask(rewriter, loc, x, *value))
            return *masked;
    Value both = bitwiseAnd(rewriter, loc, lhs, rhs);
    if (isa<shlo::AndOp>(op.getOperation()))
      return both;
    Emitter e{rewriter, loc, lhs};
    Value sum = e.add(lhs, rhs);
    Value result = e.sub(sum, both);
    if (isa<shlo::XorOp>(op.getOperation()))
      result = e.sub(result, both);
    return result;
  }
};

/// not: `kNOT` on i1; -1 - x (all bits flipped) on integers.
struct NotPattern : public StableHLOPattern<shlo::NotOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::NotOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getOperand();
    if (isBool(x))
      return unary(rewriter, op.getLoc(), UnaryOperation::kNOT, x);
    Emitter e{rewriter, op.getLoc(), x};
    return e.sub(e.c(-1), x);
  }
};

/// sign: `kSIGN`, except that a float ±0 stays itself (kSIGN gives +0).
struct SignPattern : public StableHLOPattern<shlo::SignOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::SignOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getOperand();
    Emitter e{rewriter, op.getLoc(), x};
    Value sign = e.un(UnaryOperation::kSIGN, x);
    if (!isFloat(x))
      return sign;
    Value zero = e.equal(x, e.c(0));
    return e.select(zero, x, sign);
  }
};

/// shift_left, shift_right_arithmetic, shift_right_logical (see the file
/// header).
template <typename SourceOp>
struct ShiftPattern : public StableHLOPattern<SourceOp> {
  using StableHLOPattern<SourceOp>::StableHLOPattern;
  using OpAdaptor = typename StableHLOPattern<SourceOp>::OpAdaptor;
  FailureOr<Value> convert(SourceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getLhs(), amount = adaptor.getRhs();
    Emitter e{rewriter, loc, x};
    int64_t width = bitWidth(x);
    Value inRange = shiftInRange(e, amount);
    if (isa<shlo::ShiftLeftOp>(op.getOperation())) {
      // Out of range: 2^w, which is 0 in the w-bit type.
      Value exponent = e.select(inRange, amount, e.c(width));
      return e.mul(x, powerOfTwo(rewriter, loc, exponent));
    }
    if (isa<shlo::ShiftRightArithmeticOp>(op.getOperation())) {
      // Out of range: by w - 1, which leaves the sign (-1 or 0).
      Value exponent = e.select(inRange, amount, e.c(width - 1));
      return shiftRightArithmetic(rewriter, loc, x, exponent);
    }
    // Logical: the arithmetic shift, plus 2^(w-b) for a negative x (the bits
    // the sign filled in, which is 0 mod 2^w for b = 0); 0 out of range.
    Value exponent = e.select(inRange, amount, e.c(0));
    Value arithmetic = shiftRightArithmetic(rewriter, loc, x, exponent);
    Value fillExponent = e.sub(e.c(width), exponent);
    Value fill = powerOfTwo(rewriter, loc, fillExponent);
    Value negative = e.less(x, e.c(0));
    Value correction = e.select(negative, fill, e.c(0));
    Value logical = e.add(arithmetic, correction);
    return e.select(inRange, logical, e.c(0));
  }
};

/// popcnt: the sum of the w bits; count_leading_zeros: w minus the number
/// of right shifts by 0..w-1 that leave a non-zero value (all w for a
/// negative x, none for 0).
template <typename SourceOp>
struct BitCountPattern : public StableHLOPattern<SourceOp> {
  using StableHLOPattern<SourceOp>::StableHLOPattern;
  using OpAdaptor = typename StableHLOPattern<SourceOp>::OpAdaptor;
  FailureOr<Value> convert(SourceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getOperand();
    Emitter e{rewriter, loc, x};
    int64_t width = bitWidth(x);
    Value zero = e.sub(x, x);
    bool population = isa<shlo::PopulationCountOp>(op.getOperation());
    SmallVector<Value> results = repeat(
        rewriter, loc, width, {x, zero},
        [&](OpBuilder &nested, ValueRange carried) -> SmallVector<Value> {
          Emitter in{nested, loc, carried[0]};
          if (population) {
            auto [high, bit] = splitLowestBit(in, carried[0]);
            return {high, in.add(carried[1], bit)};
          }
          Value isZero = in.equal(carried[0], in.c(0));
          Value nonZero = in.select(isZero, in.c(0), in.c(1));
          Value high = in.floorDiv(carried[0], in.c(2));
          return {high, in.add(carried[1], nonZero)};
        });
    if (population)
      return results[1];
    return e.sub(e.c(width), results[1]);
  }
};

/// Unary ops with a direct `unary` counterpart.
struct UnaryPattern : public ConversionPattern {
  UnaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    std::optional<UnaryOperation> kind = unaryOf(op);
    if (!kind || operands.size() != 1 || unsupportedReason(op))
      return failure();
    rewriter.replaceOp(
        op, unaryAnyFloat(rewriter, op->getLoc(), *kind, operands[0]));
    return success();
  }
};

/// Unary float functions composed from `tensorrt` ops.
struct ComposedUnaryPattern : public ConversionPattern {
  ComposedUnaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    if (!isComposedFloatFunction(op) || unsupportedReason(op))
      return failure();
    Location loc = op->getLoc();
    Value x = operands[0];
    Emitter e{rewriter, loc, x};
    // Operands are built into locals first so the order of the emitted ops
    // does not depend on argument evaluation order.
    Value result =
        llvm::TypeSwitch<Operation *, Value>(op)
            .Case([&](shlo::RsqrtOp) {
              Value root = e.un(UnaryOperation::kSQRT, x);
              return e.un(UnaryOperation::kRECIP, root);
            })
            .Case([&](shlo::LogisticOp) {
              return activation(rewriter, loc, trt::ActivationType::kSIGMOID, x);
            })
            .Case([&](shlo::TanhOp) {
              return activation(rewriter, loc, trt::ActivationType::kTANH, x);
            })
            .Case([&](shlo::Log1pOp) {
              Value shifted = e.add(x, e.c(1));
              return e.un(UnaryOperation::kLOG, shifted);
            })
            .Case([&](shlo::Expm1Op) {
              Value exp = e.un(UnaryOperation::kEXP, x);
              return e.sub(exp, e.c(1));
            })
            .Case([&](chlo::ErfcOp) {
              Value erf = e.un(UnaryOperation::kERF, x);
              return e.sub(e.c(1), erf);
            })
            .Case([&](chlo::SquareOp) { return e.mul(x, x); })
            .Case([&](shlo::RoundOp) {
              // Ties away from zero: sign(x) * floor(|x| + 0.5).
              Value magnitude = e.un(UnaryOperation::kABS, x);
              magnitude = e.add(magnitude, e.c(0.5));
              magnitude = e.un(UnaryOperation::kFLOOR, magnitude);
              Value sign = e.un(UnaryOperation::kSIGN, x);
              return e.mul(sign, magnitude);
            })
            .Case([&](shlo::IsFiniteOp) {
              // x - x is 0 for finite x and NaN for infinities and NaN.
              Value difference = e.sub(x, x);
              return e.equal(difference, e.c(0));
            })
            .Case([&](chlo::IsInfOp) {
              Value magnitude = e.un(UnaryOperation::kABS, x);
              return e.equal(magnitude, e.c(INFINITY));
            })
            .Case([&](chlo::IsPosInfOp) { return e.equal(x, e.c(INFINITY)); })
            .Case([&](chlo::IsNegInfOp) { return e.equal(x, e.c(-INFINITY)); })
            .Case([&](shlo::CbrtOp) {
              // sign(x)·|x|^(1/3) in f32; the sign keeps ±0.
              return inF32(rewriter, loc, x, [&](Value wide) {
                Emitter w{rewriter, loc, wide};
                Value magnitude = w.un(UnaryOperation::kABS, wide);
                Value root = w.ew(ElementWiseOperation::kPOW, magnitude,
                                  w.c(1.0 / 3.0));
                Value sign = w.un(UnaryOperation::kSIGN, wide);
                Value zero = w.equal(wide, w.c(0));
                sign = w.select(zero, wide, sign);
                return w.mul(sign, root);
              });
            })
            .Case([&](chlo::ErfInvOp) {
              return inF32(rewriter, loc, x, [&](Value wide) {
                return erfInv(rewriter, loc, wide);
              });
            })
            .Case([&](chlo::LgammaOp) {
              return inF32(rewriter, loc, x, [&](Value wide) {
                return lgamma(rewriter, loc, wide);
              });
            })
            .Case([&](chlo::DigammaOp) {
              return inF32(rewriter, loc, x, [&](Value wide) {
                return digamma(rewriter, loc, wide);
              });
            });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// a - b * trunc(a / b): the result has the sign of `a`. For integers `kDIV`
/// truncates and gives 0 for b = 0, so a % 0 is a (as in XLA).
struct RemainderPattern : public StableHLOPattern<shlo::RemOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::RemOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value a = adaptor.getLhs(), b = adaptor.getRhs();
    Value quotient = elementWise(rewriter, loc, ElementWiseOperation::kDIV, a, b);
    if (isFloat(a)) {
      Value zero = splatLike(rewriter, loc, quotient, 0.0);
      Value negative = elementWise(rewriter, loc, ElementWiseOperation::kLESS,
                                   quotient, zero);
      Value up = unary(rewriter, loc, UnaryOperation::kCEIL, quotient);
      Value down = unary(rewriter, loc, UnaryOperation::kFLOOR, quotient);
      quotient = trt::SelectOp::create(rewriter, loc, quotient.getType(),
                                       negative, up, down)
                     .getResult();
    }
    Value multiple =
        elementWise(rewriter, loc, ElementWiseOperation::kPROD, b, quotient);
    return elementWise(rewriter, loc, ElementWiseOperation::kSUB, a, multiple);
  }
};

struct CompareLowering : public StableHLOPattern<shlo::CompareOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::CompareOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    shlo::ComparisonDirection direction = op.getComparisonDirection();
    using Direction = shlo::ComparisonDirection;
    if (isBool(lhs)) {
      // Comparisons do not take i1; equality of booleans is xor.
      if (direction == Direction::NE)
        return elementWise(rewriter, loc, ElementWiseOperation::kXOR, lhs, rhs);
      if (direction == Direction::EQ)
        return unary(rewriter, loc, UnaryOperation::kNOT,
                     elementWise(rewriter, loc, ElementWiseOperation::kXOR,
                                 lhs, rhs));
      lhs = castTo(rewriter, loc, lhs, rewriter.getI32Type());
      rhs = castTo(rewriter, loc, rhs, rewriter.getI32Type());
    }
    auto compare = [&](ElementWiseOperation kind) {
      return elementWise(rewriter, loc, kind, lhs, rhs);
    };
    // GE and LE as (GT or EQ), (LT or EQ) keep NaN operands false.
    switch (direction) {
    case Direction::EQ:
      return compare(ElementWiseOperation::kEQUAL);
    case Direction::NE:
      return unary(rewriter, loc, UnaryOperation::kNOT,
                   compare(ElementWiseOperation::kEQUAL));
    case Direction::GT:
      return compare(ElementWiseOperation::kGREATER);
    case Direction::LT:
      return compare(ElementWiseOperation::kLESS);
    case Direction::GE:
    case Direction::LE: {
      Value strict = compare(direction == Direction::GE
                                 ? ElementWiseOperation::kGREATER
                                 : ElementWiseOperation::kLESS);
      Value equal = compare(ElementWiseOperation::kEQUAL);
      return elementWise(rewriter, loc, ElementWiseOperation::kOR, strict,
                         equal);
    }
    }
    return failure();
  }
};

struct ConvertLowering : public StableHLOPattern<shlo::ConvertOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConvertOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return castTo(rewriter, op.getLoc(), adaptor.getOperand(),
                getElementTypeOrSelf(op.getType()));
  }
};

struct SelectLowering : public StableHLOPattern<shlo::SelectOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::SelectOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    int64_t rank = tensorType(op.getResult()).getRank();
    Value pred = expandTo(rewriter, op.getLoc(), adaptor.getPred(), rank);
    return trt::SelectOp::create(rewriter, op.getLoc(), op.getType(), pred,
                                 adaptor.getOnTrue(), adaptor.getOnFalse())
        .getResult();
  }
};

struct ClampLowering : public StableHLOPattern<shlo::ClampOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ClampOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t rank = tensorType(op.getResult()).getRank();
    Value low = expandTo(rewriter, loc, adaptor.getMin(), rank);
    Value high = expandTo(rewriter, loc, adaptor.getMax(), rank);
    Value raised = elementWise(rewriter, loc, ElementWiseOperation::kMAX,
                               adaptor.getOperand(), low);
    return elementWise(rewriter, loc, ElementWiseOperation::kMIN, raised, high);
  }
};

/// atan2(y, x) = atan(y / x), moved by ±π when x < 0 (toward the sign of
/// y), and 0 when both are 0.
struct Atan2Lowering : public StableHLOPattern<shlo::Atan2Op> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::Atan2Op op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value y = adaptor.getLhs(), x = adaptor.getRhs();
    auto select = [&](Value pred, Value a, Value b) {
      return trt::SelectOp::create(rewriter, loc, x.getType(), pred, a, b)
          .getResult();
    };
    Value zero = splatLike(rewriter, loc, x, 0.0);
    Value ratio = elementWise(rewriter, loc, ElementWiseOperation::kDIV, y, x);
    Value angle = unaryAnyFloat(rewriter, loc, UnaryOperation::kATAN, ratio);
    Value pi = splatLike(rewriter, loc, x, kPi);
    Value minusPi = splatLike(rewriter, loc, x, -kPi);
    Value yNegative =
        elementWise(rewriter, loc, ElementWiseOperation::kLESS, y, zero);
    Value shift = select(yNegative, minusPi, pi);
    Value shifted =
        elementWise(rewriter, loc, ElementWiseOperation::kSUM, angle, shift);
    Value xNegative =
        elementWise(rewriter, loc, ElementWiseOperation::kLESS, x, zero);
    angle = select(xNegative, shifted, angle);
    Value xZero =
        elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, x, zero);
    Value yZero =
        elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, y, zero);
    Value bothZero =
        elementWise(rewriter, loc, ElementWiseOperation::kAND, xZero, yZero);
    Value zeros = elementWise(rewriter, loc, ElementWiseOperation::kPROD, y,
                              zero); // keeps y's shape and sign of zero
    return select(bothZero, zeros, angle);
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// The family
//===----------------------------------------------------------------------===//

static bool owns(Operation *op) {
  if (elementWiseOf(op) || unaryOf(op) || isComposedFloatFunction(op) ||
      isIntegerBitOp(op))
    return true;
  return isa<shlo::ConvertOp, shlo::CompareOp, shlo::SelectOp, shlo::ClampOp,
             shlo::RemOp, shlo::Atan2Op, shlo::NotOp, shlo::SignOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (op->getNumOperands() == 0)
    return std::nullopt;
  Value operand = op->getOperand(0);
  bool floating = isFloat(operand), boolean = isBool(operand);
  if (isa<shlo::AndOp, shlo::OrOp, shlo::XorOp, shlo::NotOp>(op) && floating)
    return std::string("is defined only on integer and i1 tensors");
  if (isIntegerBitOp(op) && (floating || boolean))
    return std::string("is defined only on integer tensors (i8, i32, i64), "
                       "not on floats or i1");
  bool floatMath = isComposedFloatFunction(op) || isa<shlo::Atan2Op>(op) ||
                   (unaryOf(op) && !isa<shlo::AbsOp, shlo::NegOp>(op));
  if (floatMath && !floating)
    return std::string("is defined only on floating-point tensors");
  if (boolean && isa<shlo::SubtractOp, shlo::DivOp, shlo::PowOp, shlo::RemOp,
                     shlo::AbsOp, shlo::NegOp, shlo::SignOp>(op))
    return std::string("is not defined on i1");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ArithmeticPattern, DivPattern, PowPattern,
               BitwisePattern<shlo::AndOp>, BitwisePattern<shlo::OrOp>,
               BitwisePattern<shlo::XorOp>, NotPattern, SignPattern,
               ShiftPattern<shlo::ShiftLeftOp>,
               ShiftPattern<shlo::ShiftRightArithmeticOp>,
               ShiftPattern<shlo::ShiftRightLogicalOp>,
               BitCountPattern<shlo::PopulationCountOp>,
               BitCountPattern<shlo::ClzOp>, UnaryPattern, ComposedUnaryPattern,
               RemainderPattern, CompareLowering, ConvertLowering,
               SelectLowering, ClampLowering, Atan2Lowering>(context);
}

const Family kiln::stablehlo_to_tensorrt::kElementwiseFamily = {
    "elementwise", owns, problem, populate};
