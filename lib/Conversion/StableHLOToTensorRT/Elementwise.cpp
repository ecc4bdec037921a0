//===- Elementwise.cpp - pointwise ops ------------------------------------===//
//
// Part of Kiln. Pointwise stablehlo/chlo ops: binary and unary ops with a
// direct `element_wise`/`unary`/`activation` counterpart, and the ones
// composed from them where the composition is exact enough for fp32 (log1p,
// expm1, erfc, remainder, atan2); comparisons, select, clamp, convert.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/TypeSwitch.h"

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

/// Unary ops with a direct `tensorrt.unary` counterpart.
static std::optional<UnaryOperation> unaryOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<UnaryOperation>>(op)
      .Case<shlo::AbsOp>([](auto) { return UnaryOperation::kABS; })
      .Case<shlo::CeilOp>([](auto) { return UnaryOperation::kCEIL; })
      .Case<shlo::CosineOp>([](auto) { return UnaryOperation::kCOS; })
      .Case<shlo::ExpOp>([](auto) { return UnaryOperation::kEXP; })
      .Case<shlo::FloorOp>([](auto) { return UnaryOperation::kFLOOR; })
      .Case<shlo::LogOp>([](auto) { return UnaryOperation::kLOG; })
      .Case<shlo::NegOp>([](auto) { return UnaryOperation::kNEG; })
      .Case<shlo::NotOp>([](auto) { return UnaryOperation::kNOT; })
      .Case<shlo::SignOp>([](auto) { return UnaryOperation::kSIGN; })
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

namespace {

/// Binary ops with a direct `element_wise` counterpart. On i1, add/max are
/// `or` and multiply/min are `and`.
struct BinaryPattern : public ConversionPattern {
  BinaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    std::optional<ElementWiseOperation> kind = elementWiseOf(op);
    if (!kind || operands.size() != 2 || unsupportedReason(op))
      return failure();
    if (isBool(operands[0])) {
      if (isa<shlo::AddOp, shlo::MaxOp>(op))
        kind = ElementWiseOperation::kOR;
      else if (isa<shlo::MulOp, shlo::MinOp>(op))
        kind = ElementWiseOperation::kAND;
    }
    rewriter.replaceOp(op, elementWise(rewriter, op->getLoc(), *kind,
                                       operands[0], operands[1]));
    return success();
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
    rewriter.replaceOp(op, unary(rewriter, op->getLoc(), *kind, operands[0]));
    return success();
  }
};

/// Unary functions composed from `tensorrt` ops.
struct ComposedUnaryPattern : public ConversionPattern {
  ComposedUnaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    if (operands.size() != 1 || unsupportedReason(op))
      return failure();
    Location loc = op->getLoc();
    Value x = operands[0];
    auto one = [&] { return splatLike(rewriter, loc, x, 1.0); };
    std::optional<Value> result =
        llvm::TypeSwitch<Operation *, std::optional<Value>>(op)
            .Case([&](shlo::RsqrtOp) {
              return unary(rewriter, loc, UnaryOperation::kRECIP,
                           unary(rewriter, loc, UnaryOperation::kSQRT, x));
            })
            .Case([&](shlo::LogisticOp) {
              return activation(rewriter, loc, trt::ActivationType::kSIGMOID, x);
            })
            .Case([&](shlo::TanhOp) {
              return activation(rewriter, loc, trt::ActivationType::kTANH, x);
            })
            // Operands are built into locals first so the order of the
            // emitted ops does not depend on argument evaluation order.
            .Case([&](shlo::Log1pOp) {
              Value shifted = one();
              shifted = elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                    x, shifted);
              return unary(rewriter, loc, UnaryOperation::kLOG, shifted);
            })
            .Case([&](shlo::Expm1Op) {
              Value exp = unary(rewriter, loc, UnaryOperation::kEXP, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kSUB,
                                 exp, one());
            })
            .Case([&](chlo::ErfcOp) {
              Value erf = unary(rewriter, loc, UnaryOperation::kERF, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kSUB,
                                 one(), erf);
            })
            .Case([&](chlo::SquareOp) {
              return elementWise(rewriter, loc, ElementWiseOperation::kPROD, x,
                                 x);
            })
            .Case([&](shlo::RoundOp) {
              // Ties away from zero: sign(x) * floor(|x| + 0.5).
              Value magnitude = unary(rewriter, loc, UnaryOperation::kABS, x);
              Value half = splatLike(rewriter, loc, x, 0.5);
              magnitude = elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                      magnitude, half);
              magnitude = unary(rewriter, loc, UnaryOperation::kFLOOR, magnitude);
              Value sign = unary(rewriter, loc, UnaryOperation::kSIGN, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kPROD,
                                 sign, magnitude);
            })
            .Case([&](shlo::IsFiniteOp) {
              // x - x is 0 for finite x and NaN for infinities and NaN.
              Value difference =
                  elementWise(rewriter, loc, ElementWiseOperation::kSUB, x, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kEQUAL,
                                 difference, splatLike(rewriter, loc, x, 0.0));
            })
            .Default([](Operation *) { return std::nullopt; });
    if (!result)
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// a - b * trunc(a / b): the result has the sign of `a`.
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
    Value angle = unary(rewriter, loc, UnaryOperation::kATAN, ratio);
    Value pi = splatLike(rewriter, loc, x, 3.14159265358979323846);
    Value minusPi = splatLike(rewriter, loc, x, -3.14159265358979323846);
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

static bool owns(Operation *op) {
  if (elementWiseOf(op) || unaryOf(op))
    return true;
  return isa<shlo::ConvertOp, shlo::CompareOp, shlo::SelectOp, shlo::ClampOp,
             shlo::RsqrtOp, shlo::LogisticOp, shlo::TanhOp, shlo::Log1pOp,
             shlo::Expm1Op, shlo::RoundOp, shlo::RemOp, shlo::IsFiniteOp,
             chlo::SquareOp, chlo::ErfcOp, shlo::Atan2Op>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (isa<shlo::AndOp, shlo::OrOp, shlo::XorOp, shlo::NotOp>(op) &&
      !isBool(op->getOperand(0)))
    return std::string("is supported only on i1 (bitwise integer logic is "
                       "not supported yet)");
  if (isa<shlo::Atan2Op>(op) && !isFloat(op->getOperand(0)))
    return std::string("is supported only on floating-point operands");
  if (isa<shlo::RemOp>(op) && !isFloat(op->getOperand(0)) &&
      !elementType(op->getOperand(0)).isSignlessInteger())
    return std::string("is not supported on this element type");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<BinaryPattern, UnaryPattern, ComposedUnaryPattern,
               RemainderPattern, CompareLowering, ConvertLowering,
               SelectLowering, ClampLowering, Atan2Lowering>(context);
}

const Family kiln::stablehlo_to_tensorrt::kElementwiseFamily = {
    "elementwise", owns, problem, populate};
