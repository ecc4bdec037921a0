//===- Folders.cpp - folders of the `tensorrt` ops ------------------------===//
//
// Part of Kiln. Two kinds of folds:
// - no-ops: an op that returns its operand unchanged (identity permutation,
//   cast to the same type, full slice, ...) folds to that operand, and an op
//   whose producer it can absorb (transpose of a transpose) takes the
//   producer's input in place;
// - constants: an op whose operands are all small constants is evaluated
//   here, with the semantics of the reference kernels (floats in f32,
//   integers in int64 wrapping to the element width), so folding never
//   changes what an engine computes. Results above kFoldElementLimit
//   elements are left to the engine unless they are splats.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace kiln::tensorrt;

/// Largest non-splat constant a folder creates or reads.
static constexpr int64_t kFoldElementLimit = 1024;

//===----------------------------------------------------------------------===//
// Reading and writing constants
//===----------------------------------------------------------------------===//

/// The attribute as a dense constant of plain integer or float elements small
/// enough to fold, or null.
static DenseElementsAttr foldableConstant(Attribute attr) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || !dense.getElementType().isIntOrFloat())
    return {};
  if (!dense.isSplat() && dense.getNumElements() > kFoldElementLimit)
    return {};
  return dense;
}

/// True when a folded constant of `type` may be created: static, and small
/// unless it is a splat.
static bool canCreateConstant(ShapedType type, bool splat) {
  return type.hasStaticShape() &&
         (splat || type.getNumElements() <= kFoldElementLimit);
}

/// i1 and unsigned integers are read zero-extended, others sign-extended.
static bool readsUnsigned(Type type) {
  return type.isInteger(1) || type.isUnsignedInteger();
}

/// The elements widened the way the reference kernels compute with them:
/// floats as f32, integers as int64. A splat is read as one element.
struct Widened {
  bool isFloat = false;
  SmallVector<float> floats;
  SmallVector<int64_t> ints;

  size_t size() const { return isFloat ? floats.size() : ints.size(); }
};

static float toFloat(APFloat value) {
  bool losesInfo = false;
  value.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                &losesInfo);
  return value.convertToFloat();
}

static Widened widen(DenseElementsAttr attr) {
  Widened result;
  Type elementType = attr.getElementType();
  result.isFloat = isa<FloatType>(elementType);
  bool isUnsigned = readsUnsigned(elementType);
  auto readInt = [&](const APInt &v) {
    return isUnsigned ? static_cast<int64_t>(v.getZExtValue()) : v.getSExtValue();
  };
  if (attr.isSplat()) {
    if (result.isFloat)
      result.floats.push_back(toFloat(attr.getSplatValue<APFloat>()));
    else
      result.ints.push_back(readInt(attr.getSplatValue<APInt>()));
    return result;
  }
  if (result.isFloat) {
    for (APFloat v : attr.getValues<APFloat>())
      result.floats.push_back(toFloat(v));
  } else {
    for (APInt v : attr.getValues<APInt>())
      result.ints.push_back(readInt(v));
  }
  return result;
}

static APFloat narrowFloat(float value, FloatType type) {
  APFloat result(value);
  bool losesInfo = false;
  result.convert(type.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                 &losesInfo);
  return result;
}

/// Builds a constant of `type` from f32 values, rounding to nearest even.
/// One value makes a splat.
static DenseElementsAttr narrowFloats(ShapedType type, ArrayRef<float> values) {
  auto elementType = cast<FloatType>(type.getElementType());
  SmallVector<APFloat> converted;
  for (float v : values)
    converted.push_back(narrowFloat(v, elementType));
  return DenseElementsAttr::get(type, converted);
}

/// Builds a constant of `type` from int64 values, wrapping to the element
/// width. One value makes a splat.
static DenseElementsAttr narrowInts(ShapedType type, ArrayRef<int64_t> values) {
  unsigned width = type.getElementType().getIntOrFloatBitWidth();
  SmallVector<APInt> converted;
  for (int64_t v : values)
    converted.push_back(APInt(width, static_cast<uint64_t>(v),
                              /*isSigned=*/false, /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, converted);
}

/// Splits `index` (row-major) into one index per dimension of `shape`.
static SmallVector<int64_t> delinearize(int64_t index, ArrayRef<int64_t> shape) {
  SmallVector<int64_t> position(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    position[d] = index % shape[d];
    index /= shape[d];
  }
  return position;
}

static int64_t linearize(ArrayRef<int64_t> position, ArrayRef<int64_t> shape) {
  int64_t index = 0;
  for (auto [p, size] : llvm::zip_equal(position, shape))
    index = index * size + p;
  return index;
}

/// Element `index` of `values` (a tensor of `shape`, or a splat) when it is
/// broadcast to `resultShape` and read at result element `resultIndex`.
static int64_t broadcastRead(ArrayRef<int64_t> shape, size_t valueCount,
                             ArrayRef<int64_t> resultShape,
                             int64_t resultIndex) {
  if (valueCount == 1)
    return 0;
  SmallVector<int64_t> position = delinearize(resultIndex, resultShape);
  for (auto [p, size] : llvm::zip_equal(position, shape))
    if (size == 1)
      p = 0;
  return linearize(position, shape);
}

/// A constant of `resultType` whose element at each position is the element
/// of `source` at `sourcePosition(position)`; a splat stays a splat.
static DenseElementsAttr
gatherElements(DenseElementsAttr source, RankedTensorType resultType,
               function_ref<SmallVector<int64_t>(ArrayRef<int64_t>)>
                   sourcePosition) {
  if (!resultType.hasStaticShape())
    return {};
  if (source.isSplat())
    return DenseElementsAttr::get(resultType,
                                  source.getSplatValue<Attribute>());
  if (resultType.getNumElements() > kFoldElementLimit)
    return {};
  auto values = llvm::to_vector(source.getValues<Attribute>());
  ArrayRef<int64_t> sourceShape = source.getType().getShape();
  SmallVector<Attribute> gathered;
  gathered.reserve(resultType.getNumElements());
  for (int64_t i = 0, e = resultType.getNumElements(); i < e; ++i) {
    SmallVector<int64_t> from =
        sourcePosition(delinearize(i, resultType.getShape()));
    gathered.push_back(values[linearize(from, sourceShape)]);
  }
  return DenseElementsAttr::get(resultType, gathered);
}

static bool isSplatFloat(Attribute attr, double value) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat() || !isa<FloatType>(dense.getElementType()))
    return false;
  APFloat splat = dense.getSplatValue<APFloat>();
  // Bitwise comparison so that -0.0 and +0.0 are told apart.
  APFloat expected(value);
  bool losesInfo = false;
  expected.convert(splat.getSemantics(), APFloat::rmNearestTiesToEven,
                   &losesInfo);
  return splat.bitwiseIsEqual(expected);
}

static bool isSplatInt(Attribute attr, int64_t value) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat() || !dense.getElementType().isInteger())
    return false;
  APInt splat = dense.getSplatValue<APInt>();
  return readsUnsigned(dense.getElementType())
             ? splat.getZExtValue() == static_cast<uint64_t>(value)
             : splat.getSExtValue() == value;
}

//===----------------------------------------------------------------------===//
// ElementWiseOp
//===----------------------------------------------------------------------===//

static bool isCommutative(ElementWiseOperation op) {
  switch (op) {
  case ElementWiseOperation::kSUM:
  case ElementWiseOperation::kPROD:
  case ElementWiseOperation::kMAX:
  case ElementWiseOperation::kMIN:
  case ElementWiseOperation::kAND:
  case ElementWiseOperation::kOR:
  case ElementWiseOperation::kXOR:
  case ElementWiseOperation::kEQUAL:
    return true;
  default:
    return false;
  }
}

/// Whether `op(x, c)` is `x` for every x when c is the splat `constant`.
/// Float `x + 0.0` is not (-0.0 + 0.0 is +0.0), but `x + -0.0` and
/// `x - 0.0` are.
static bool isRightIdentity(ElementWiseOperation op, Attribute constant,
                            bool isFloat) {
  switch (op) {
  case ElementWiseOperation::kSUM:
    return isFloat ? isSplatFloat(constant, -0.0) : isSplatInt(constant, 0);
  case ElementWiseOperation::kSUB:
    return isFloat ? isSplatFloat(constant, 0.0) : isSplatInt(constant, 0);
  case ElementWiseOperation::kPROD:
  case ElementWiseOperation::kDIV:
    return isFloat ? isSplatFloat(constant, 1.0) : isSplatInt(constant, 1);
  case ElementWiseOperation::kFLOOR_DIV:
    return !isFloat && isSplatInt(constant, 1);
  case ElementWiseOperation::kPOW:
    return isFloat && isSplatFloat(constant, 1.0);
  case ElementWiseOperation::kAND:
    return isSplatInt(constant, 1);
  case ElementWiseOperation::kOR:
  case ElementWiseOperation::kXOR:
    return isSplatInt(constant, 0);
  default:
    return false;
  }
}

static std::optional<float> evaluateFloat(ElementWiseOperation op, float a,
                                          float b) {
  switch (op) {
  case ElementWiseOperation::kSUM:
    return a + b;
  case ElementWiseOperation::kPROD:
    return a * b;
  case ElementWiseOperation::kMAX:
    return (std::isnan(a) || std::isnan(b)) ? NAN : std::max(a, b);
  case ElementWiseOperation::kMIN:
    return (std::isnan(a) || std::isnan(b)) ? NAN : std::min(a, b);
  case ElementWiseOperation::kSUB:
    return a - b;
  case ElementWiseOperation::kDIV:
    return a / b;
  case ElementWiseOperation::kPOW:
    return std::pow(a, b);
  case ElementWiseOperation::kFLOOR_DIV:
    return std::floor(a / b);
  case ElementWiseOperation::kEQUAL:
    return a == b;
  case ElementWiseOperation::kGREATER:
    return a > b;
  case ElementWiseOperation::kLESS:
    return a < b;
  default:
    return std::nullopt;
  }
}

static uint64_t asBits(int64_t v) { return static_cast<uint64_t>(v); }

/// Integer arithmetic of the reference kernel; std::nullopt where the folder
/// leaves the work to the engine (division by zero, overflowing division,
/// integer kPOW).
static std::optional<int64_t> evaluateInt(ElementWiseOperation op, int64_t a,
                                          int64_t b) {
  switch (op) {
  case ElementWiseOperation::kSUM:
    return static_cast<int64_t>(asBits(a) + asBits(b));
  case ElementWiseOperation::kPROD:
    return static_cast<int64_t>(asBits(a) * asBits(b));
  case ElementWiseOperation::kSUB:
    return static_cast<int64_t>(asBits(a) - asBits(b));
  case ElementWiseOperation::kMAX:
    return std::max(a, b);
  case ElementWiseOperation::kMIN:
    return std::min(a, b);
  case ElementWiseOperation::kDIV:
  case ElementWiseOperation::kFLOOR_DIV: {
    if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1))
      return std::nullopt;
    int64_t quotient = a / b;
    if (op == ElementWiseOperation::kFLOOR_DIV && (a % b != 0) &&
        ((a < 0) != (b < 0)))
      --quotient;
    return quotient;
  }
  case ElementWiseOperation::kAND:
    return a & b;
  case ElementWiseOperation::kOR:
    return a | b;
  case ElementWiseOperation::kXOR:
    return a ^ b;
  case ElementWiseOperation::kEQUAL:
    return a == b;
  case ElementWiseOperation::kGREATER:
    return a > b;
  case ElementWiseOperation::kLESS:
    return a < b;
  default:
    return std::nullopt;
  }
}

static Attribute evaluateElementWise(ElementWiseOperation op,
                                     DenseElementsAttr lhs,
                                     DenseElementsAttr rhs,
                                     RankedTensorType resultType) {
  bool splat = lhs.isSplat() && rhs.isSplat();
  if (!canCreateConstant(resultType, splat))
    return {};
  Widened a = widen(lhs), b = widen(rhs);
  int64_t count = splat ? 1 : resultType.getNumElements();
  ArrayRef<int64_t> shape = resultType.getShape();
  auto readIndex = [&](DenseElementsAttr attr, const Widened &w, int64_t i) {
    return broadcastRead(attr.getType().getShape(), w.size(), shape, i);
  };
  bool floatResult = isa<FloatType>(resultType.getElementType());
  SmallVector<float> floats;
  SmallVector<int64_t> ints;
  for (int64_t i = 0; i < count; ++i) {
    int64_t ia = readIndex(lhs, a, i), ib = readIndex(rhs, b, i);
    if (a.isFloat) {
      std::optional<float> v = evaluateFloat(op, a.floats[ia], b.floats[ib]);
      if (!v)
        return {};
      if (floatResult)
        floats.push_back(*v);
      else
        ints.push_back(*v != 0.0f);
      continue;
    }
    std::optional<int64_t> v = evaluateInt(op, a.ints[ia], b.ints[ib]);
    if (!v)
      return {};
    ints.push_back(*v);
  }
  return floatResult ? narrowFloats(resultType, floats)
                     : narrowInts(resultType, ints);
}

OpFoldResult ElementWiseOp::fold(FoldAdaptor adaptor) {
  ElementWiseOperation op = getElementwiseOperation();
  RankedTensorType resultType = getType();
  bool isFloat = isa<FloatType>(getInput1().getType().getElementType());
  if (getInput1().getType() == resultType &&
      isRightIdentity(op, adaptor.getInput2(), isFloat))
    return getInput1();
  if (isCommutative(op) && getInput2().getType() == resultType &&
      isRightIdentity(op, adaptor.getInput1(), isFloat))
    return getInput2();
  bool idempotent = op == ElementWiseOperation::kMAX ||
                    op == ElementWiseOperation::kMIN ||
                    op == ElementWiseOperation::kAND ||
                    op == ElementWiseOperation::kOR;
  if (idempotent && getInput1() == getInput2() &&
      getInput1().getType() == resultType)
    return getInput1();
  DenseElementsAttr lhs = foldableConstant(adaptor.getInput1());
  DenseElementsAttr rhs = foldableConstant(adaptor.getInput2());
  if (!lhs || !rhs)
    return {};
  return evaluateElementWise(op, lhs, rhs, resultType);
}

//===----------------------------------------------------------------------===//
// UnaryOp
//===----------------------------------------------------------------------===//

static std::optional<float> evaluateUnaryFloat(UnaryOperation op, float x) {
  switch (op) {
  case UnaryOperation::kEXP:
    return std::exp(x);
  case UnaryOperation::kLOG:
    return std::log(x);
  case UnaryOperation::kSQRT:
    return std::sqrt(x);
  case UnaryOperation::kRECIP:
    return 1.0f / x;
  case UnaryOperation::kABS:
    return std::fabs(x);
  case UnaryOperation::kNEG:
    return -x;
  case UnaryOperation::kSIN:
    return std::sin(x);
  case UnaryOperation::kCOS:
    return std::cos(x);
  case UnaryOperation::kTAN:
    return std::tan(x);
  case UnaryOperation::kSINH:
    return std::sinh(x);
  case UnaryOperation::kCOSH:
    return std::cosh(x);
  case UnaryOperation::kASIN:
    return std::asin(x);
  case UnaryOperation::kACOS:
    return std::acos(x);
  case UnaryOperation::kATAN:
    return std::atan(x);
  case UnaryOperation::kASINH:
    return std::asinh(x);
  case UnaryOperation::kACOSH:
    return std::acosh(x);
  case UnaryOperation::kATANH:
    return std::atanh(x);
  case UnaryOperation::kCEIL:
    return std::ceil(x);
  case UnaryOperation::kFLOOR:
    return std::floor(x);
  case UnaryOperation::kERF:
    return std::erf(x);
  case UnaryOperation::kSIGN:
    if (std::isnan(x))
      return x;
    return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f);
  case UnaryOperation::kROUND:
    // Half to even: the default rounding mode, as in the kernel.
    return std::nearbyint(x);
  default:
    return std::nullopt;
  }
}

static std::optional<int64_t> evaluateUnaryInt(UnaryOperation op, int64_t x) {
  switch (op) {
  case UnaryOperation::kABS:
    return x < 0 ? static_cast<int64_t>(0 - asBits(x)) : x;
  case UnaryOperation::kNEG:
    return static_cast<int64_t>(0 - asBits(x));
  case UnaryOperation::kSIGN:
    return x > 0 ? 1 : (x < 0 ? -1 : 0);
  case UnaryOperation::kNOT:
    return x == 0;
  default:
    return std::nullopt;
  }
}

OpFoldResult UnaryOp::fold(FoldAdaptor adaptor) {
  UnaryOperation op = getUnaryOperation();
  if (auto producer = getInput().getDefiningOp<UnaryOp>()) {
    UnaryOperation inner = producer.getUnaryOperation();
    bool involution = op == UnaryOperation::kNEG || op == UnaryOperation::kNOT;
    if (involution && inner == op && producer.getInput().getType() == getType())
      return producer.getInput();
    bool idempotent = op == UnaryOperation::kABS ||
                      op == UnaryOperation::kCEIL ||
                      op == UnaryOperation::kFLOOR ||
                      op == UnaryOperation::kROUND ||
                      op == UnaryOperation::kSIGN;
    if (idempotent && inner == op && producer.getType() == getType())
      return producer.getResult();
  }
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  if (!input || !canCreateConstant(getType(), input.isSplat()))
    return {};
  Widened x = widen(input);
  if (x.isFloat) {
    SmallVector<float> values;
    for (float v : x.floats) {
      std::optional<float> r = evaluateUnaryFloat(op, v);
      if (!r)
        return {};
      values.push_back(*r);
    }
    return narrowFloats(getType(), values);
  }
  SmallVector<int64_t> values;
  for (int64_t v : x.ints) {
    std::optional<int64_t> r = evaluateUnaryInt(op, v);
    if (!r)
      return {};
    values.push_back(*r);
  }
  return narrowInts(getType(), values);
}

//===----------------------------------------------------------------------===//
// ActivationOp
//===----------------------------------------------------------------------===//

OpFoldResult ActivationOp::fold(FoldAdaptor adaptor) {
  ActivationType type = getActivationType();
  // Both clamp into a range that the first application already reached.
  if (auto producer = getInput().getDefiningOp<ActivationOp>()) {
    if (producer.getActivationType() == type &&
        producer.getAlphaAttr() == getAlphaAttr() &&
        producer.getBetaAttr() == getBetaAttr() &&
        (type == ActivationType::kRELU || type == ActivationType::kCLIP))
      return producer.getResult();
  }
  if (type != ActivationType::kRELU && type != ActivationType::kCLIP)
    return {};
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  if (!input || !canCreateConstant(getType(), input.isSplat()))
    return {};
  Widened x = widen(input);
  if (!x.isFloat) {
    if (type != ActivationType::kRELU)
      return {};
    SmallVector<int64_t> values;
    for (int64_t v : x.ints)
      values.push_back(std::max<int64_t>(v, 0));
    return narrowInts(getType(), values);
  }
  float low = type == ActivationType::kCLIP ? getAlpha()->convertToFloat() : 0;
  float high = type == ActivationType::kCLIP
                   ? getBeta()->convertToFloat()
                   : std::numeric_limits<float>::infinity();
  SmallVector<float> values;
  for (float v : x.floats)
    values.push_back(std::isnan(v) ? v : std::min(std::max(v, low), high));
  return narrowFloats(getType(), values);
}

//===----------------------------------------------------------------------===//
// CastOp, IdentityOp
//===----------------------------------------------------------------------===//

/// Converts widened values to `type` the way the cast kernel does.
static DenseElementsAttr convertElements(const Widened &x, ShapedType type) {
  Type target = type.getElementType();
  if (target.isInteger(1)) {
    SmallVector<int64_t> values;
    if (x.isFloat)
      for (float v : x.floats)
        values.push_back(v != 0.0f);
    else
      for (int64_t v : x.ints)
        values.push_back(v != 0);
    return narrowInts(type, values);
  }
  if (auto floatType = dyn_cast<FloatType>(target)) {
    SmallVector<APFloat> values;
    for (size_t i = 0, e = x.size(); i < e; ++i) {
      if (x.isFloat) {
        values.push_back(narrowFloat(x.floats[i], floatType));
        continue;
      }
      APFloat v(floatType.getFloatSemantics());
      v.convertFromAPInt(APInt(64, asBits(x.ints[i])), /*IsSigned=*/true,
                         APFloat::rmNearestTiesToEven);
      values.push_back(v);
    }
    return DenseElementsAttr::get(type, values);
  }
  if (!x.isFloat)
    return narrowInts(type, x.ints);
  // Float to integer: toward zero, saturating, NaN to 0.
  unsigned width = target.getIntOrFloatBitWidth();
  bool isUnsigned = target.isUnsignedInteger();
  double low = isUnsigned ? 0.0 : -std::ldexp(1.0, width - 1);
  double high = isUnsigned ? std::ldexp(1.0, width) - 1
                           : std::ldexp(1.0, width - 1) - 1;
  SmallVector<int64_t> values;
  for (float v : x.floats) {
    if (std::isnan(v)) {
      values.push_back(0);
      continue;
    }
    double clamped = std::min(std::max(std::trunc(double(v)), low), high);
    values.push_back(clamped >= 9.2e18 ? std::numeric_limits<int64_t>::max()
                                       : static_cast<int64_t>(clamped));
  }
  return narrowInts(type, values);
}

static OpFoldResult foldConversion(Value input, Attribute inputAttr,
                                   RankedTensorType resultType) {
  if (input.getType() == resultType)
    return input;
  DenseElementsAttr constant = foldableConstant(inputAttr);
  if (!constant || !resultType.getElementType().isIntOrFloat() ||
      !canCreateConstant(resultType, constant.isSplat()))
    return {};
  return convertElements(widen(constant), resultType);
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  return foldConversion(getInput(), adaptor.getInput(), getType());
}

OpFoldResult IdentityOp::fold(FoldAdaptor adaptor) {
  return foldConversion(getInput(), adaptor.getInput(), getType());
}

//===----------------------------------------------------------------------===//
// SelectOp
//===----------------------------------------------------------------------===//

OpFoldResult SelectOp::fold(FoldAdaptor adaptor) {
  RankedTensorType resultType = getType();
  if (getThenInput() == getElseInput() &&
      getThenInput().getType() == resultType)
    return getThenInput();
  auto condition = dyn_cast_or_null<DenseElementsAttr>(adaptor.getCondition());
  if (!condition || !condition.isSplat())
    return {};
  Value chosen =
      condition.getSplatValue<bool>() ? getThenInput() : getElseInput();
  // The condition may broadcast the chosen input to a larger shape.
  if (chosen.getType() == resultType)
    return chosen;
  return {};
}

//===----------------------------------------------------------------------===//
// ReduceOp
//===----------------------------------------------------------------------===//

OpFoldResult ReduceOp::fold(FoldAdaptor adaptor) {
  // Reducing only unit dimensions, keeping them, is the identity for every
  // combiner.
  RankedTensorType inputType = getInput().getType();
  bool onlyUnitDims = llvm::all_of(getReduceAxes(), [&](int64_t axis) {
    return inputType.getDimSize(axis) == 1;
  });
  if (onlyUnitDims && inputType == getType())
    return getInput();
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  RankedTensorType resultType = getType();
  if (!input || !inputType.hasStaticShape() ||
      !canCreateConstant(resultType, false))
    return {};
  // Accumulate each input element into the result element it reduces to.
  ArrayRef<int64_t> inputShape = inputType.getShape();
  SmallVector<int64_t> keptShape(inputShape);
  for (int64_t axis : getReduceAxes())
    keptShape[axis] = 1;
  int64_t resultCount = resultType.getNumElements();
  int64_t inputCount = inputType.getNumElements();
  if (inputCount > kFoldElementLimit)
    return {};
  if (resultCount == 0 || inputCount == 0)
    return {};
  int64_t perResult = inputCount / resultCount;
  Widened x = widen(input);
  auto valueAt = [&](int64_t i) -> size_t { return x.size() == 1 ? 0 : i; };
  ReduceOperation op = getReduceOperation();
  // Like the reference kernel: floats accumulate in double and round once,
  // integers accumulate in int64 with wrap-around.
  SmallVector<double> acc(resultCount, 0.0);
  SmallVector<int64_t> iacc(resultCount, 0);
  SmallVector<bool> started(resultCount, false);
  for (int64_t i = 0; i < inputCount; ++i) {
    SmallVector<int64_t> position = delinearize(i, inputShape);
    for (int64_t axis : getReduceAxes())
      position[axis] = 0;
    int64_t r = linearize(position, keptShape);
    bool first = !started[r];
    started[r] = true;
    if (x.isFloat) {
      double v = x.floats[valueAt(i)];
      double &a = acc[r];
      switch (op) {
      case ReduceOperation::kSUM:
      case ReduceOperation::kAVG:
        a = first ? v : a + v;
        break;
      case ReduceOperation::kPROD:
        a = first ? v : a * v;
        break;
      case ReduceOperation::kMAX:
        a = first ? v : ((std::isnan(a) || std::isnan(v)) ? NAN : std::max(a, v));
        break;
      case ReduceOperation::kMIN:
        a = first ? v : ((std::isnan(a) || std::isnan(v)) ? NAN : std::min(a, v));
        break;
      }
      continue;
    }
    int64_t v = x.ints[valueAt(i)];
    int64_t &a = iacc[r];
    switch (op) {
    case ReduceOperation::kSUM:
    case ReduceOperation::kAVG:
      a = first ? v : static_cast<int64_t>(asBits(a) + asBits(v));
      break;
    case ReduceOperation::kPROD:
      a = first ? v : static_cast<int64_t>(asBits(a) * asBits(v));
      break;
    case ReduceOperation::kMAX:
      a = first ? v : std::max(a, v);
      break;
    case ReduceOperation::kMIN:
      a = first ? v : std::min(a, v);
      break;
    }
  }
  if (x.isFloat) {
    SmallVector<float> values;
    for (double a : acc)
      values.push_back(static_cast<float>(
          op == ReduceOperation::kAVG ? a / static_cast<double>(perResult) : a));
    return narrowFloats(resultType, values);
  }
  if (op == ReduceOperation::kAVG)
    for (int64_t &a : iacc)
      a /= perResult;
  return narrowInts(resultType, iacc);
}

//===----------------------------------------------------------------------===//
// Data movement: transpose, shuffle, reshape, expand/collapse, broadcast
//===----------------------------------------------------------------------===//

static SmallVector<int64_t> permutationOf(AffineMap map) {
  SmallVector<int64_t> perm;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    perm.push_back(map.getDimPosition(i));
  return perm;
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  AffineMap perm = getPermutation();
  if (perm.isIdentity() && getInput().getType() == getType())
    return getInput();
  if (auto producer = getInput().getDefiningOp<TransposeOp>()) {
    // Result dimension i is producer result dimension p2[i], which is
    // producer input dimension p1[p2[i]].
    SmallVector<int64_t> p1 = permutationOf(producer.getPermutation());
    SmallVector<int64_t> p2 = permutationOf(perm);
    SmallVector<unsigned> composed;
    for (int64_t p : p2)
      composed.push_back(p1[p]);
    setPermutation(AffineMap::getPermutationMap(composed, getContext()));
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  if (!input)
    return {};
  SmallVector<int64_t> p = permutationOf(perm);
  return gatherElements(input, getType(), [&](ArrayRef<int64_t> position) {
    SmallVector<int64_t> from(position.size());
    for (auto [i, src] : llvm::enumerate(p))
      from[src] = position[i];
    return from;
  });
}

/// Folds a reshape-like op (the row-major order of the elements is kept) of
/// a constant.
static OpFoldResult reshapeConstant(Attribute inputAttr,
                                    RankedTensorType resultType) {
  DenseElementsAttr input = foldableConstant(inputAttr);
  if (!input || !resultType.hasStaticShape())
    return {};
  return input.reshape(resultType);
}

static bool isReshapeLike(Operation *op) {
  return op && isa<ReshapeOp, ExpandRankOp, CollapseRankOp>(op);
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType resultType = getType();
  // With a shape operand, two `?`s may be split differently than the input.
  if (getInput().getType() == resultType &&
      (!getShape() || resultType.getNumDynamicDims() <= 1))
    return getInput();
  if (Operation *producer = getInput().getDefiningOp();
      isReshapeLike(producer)) {
    getInputMutable().assign(producer->getOperand(0));
    return getResult();
  }
  return reshapeConstant(adaptor.getInput(), resultType);
}

OpFoldResult ExpandRankOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto producer = getInput().getDefiningOp<ExpandRankOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (auto producer = getInput().getDefiningOp<CollapseRankOp>())
    if (producer.getInput().getType() == getType())
      return producer.getInput();
  return reshapeConstant(adaptor.getInput(), getType());
}

OpFoldResult CollapseRankOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto producer = getInput().getDefiningOp<CollapseRankOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (auto producer = getInput().getDefiningOp<ExpandRankOp>())
    if (producer.getInput().getType() == getType())
      return producer.getInput();
  return reshapeConstant(adaptor.getInput(), getType());
}

OpFoldResult ShuffleOp::fold(FoldAdaptor adaptor) {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  auto isIdentity = [](ArrayRef<int64_t> perm) {
    for (auto [i, p] : llvm::enumerate(perm))
      if (static_cast<int64_t>(i) != p)
        return false;
    return true;
  };
  bool identityTransposes =
      isIdentity(getFirstTranspose()) && isIdentity(getSecondTranspose());
  if (identityTransposes && !getDynamicReshape() && !getReshape() &&
      inputType == resultType)
    return getInput();
  // A static reshape to the input's own shape, with at most one `?`.
  if (identityTransposes && getReshape() && inputType == resultType &&
      resultType.getNumDynamicDims() <= 1)
    return getInput();
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  if (!input || getDynamicReshape() || !resultType.hasStaticShape())
    return {};
  // Transpose, reinterpret in row-major order, transpose.
  ArrayRef<int64_t> first = getFirstTranspose();
  ArrayRef<int64_t> second = getSecondTranspose();
  SmallVector<int64_t> transposedShape;
  for (int64_t p : first)
    transposedShape.push_back(inputType.getDimSize(p));
  SmallVector<int64_t> reshapedShape(second.size());
  for (auto [i, p] : llvm::enumerate(second))
    reshapedShape[p] = resultType.getDimSize(i);
  return gatherElements(input, resultType, [&](ArrayRef<int64_t> position) {
    SmallVector<int64_t> reshaped(second.size());
    for (auto [i, p] : llvm::enumerate(second))
      reshaped[p] = position[i];
    SmallVector<int64_t> transposed = delinearize(
        linearize(reshaped, reshapedShape), transposedShape);
    SmallVector<int64_t> from(first.size());
    for (auto [i, p] : llvm::enumerate(first))
      from[p] = transposed[i];
    return from;
  });
}

OpFoldResult BroadcastOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> dims = getBroadcastDims();
  bool identityDims = llvm::all_of(llvm::enumerate(dims), [](auto entry) {
    return static_cast<int64_t>(entry.index()) == entry.value();
  });
  if (identityDims && getInput().getType() == getType() &&
      getType().hasStaticShape())
    return getInput();
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  if (!input)
    return {};
  ArrayRef<int64_t> inputShape = getInput().getType().getShape();
  return gatherElements(input, getType(), [&](ArrayRef<int64_t> position) {
    SmallVector<int64_t> from;
    for (auto [inputDim, resultDim] : llvm::enumerate(dims))
      from.push_back(inputShape[inputDim] == 1 ? 0 : position[resultDim]);
    return from;
  });
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  std::optional<ArrayRef<int32_t>> start = getStaticStart();
  std::optional<ArrayRef<int32_t>> size = getStaticSize();
  std::optional<ArrayRef<int32_t>> stride = getStaticStride();
  if (!start || !size || !stride)
    return {};
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  ArrayRef<int64_t> inputShape = inputType.getShape();
  bool inBounds = true;
  bool whole = true;
  for (int64_t d = 0, e = inputType.getRank(); d < e; ++d) {
    int64_t first = (*start)[d], count = (*size)[d], step = (*stride)[d];
    if (inputType.isDynamicDim(d)) {
      inBounds = whole = false;
      continue;
    }
    int64_t last = first + (count - 1) * step;
    if (count > 0 && (first < 0 || first >= inputShape[d] || last < 0 ||
                      last >= inputShape[d]))
      inBounds = false;
    if (first != 0 || step != 1 || count != inputShape[d])
      whole = false;
  }
  if (whole && inputType == resultType)
    return getInput();
  DenseElementsAttr input = foldableConstant(adaptor.getInput());
  if (!input)
    return {};
  // A splat reads the same value at every position that is not filled.
  bool mayFill = getMode() == SliceMode::kFILL && !inBounds;
  if (input.isSplat() && !mayFill && resultType.hasStaticShape())
    return DenseElementsAttr::get(resultType, input.getSplatValue<Attribute>());
  if (!inBounds)
    return {};
  return gatherElements(input, resultType, [&](ArrayRef<int64_t> position) {
    SmallVector<int64_t> from;
    for (auto [d, p] : llvm::enumerate(position))
      from.push_back((*start)[d] + p * (*stride)[d]);
    return from;
  });
}

//===----------------------------------------------------------------------===//
// ConcatenationOp
//===----------------------------------------------------------------------===//

OpFoldResult ConcatenationOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1 && getInputs().front().getType() == getType())
    return getInputs().front();
  RankedTensorType resultType = getType();
  if (!canCreateConstant(resultType, /*splat=*/false))
    return {};
  SmallVector<DenseElementsAttr> inputs;
  for (Attribute attr : adaptor.getInputs()) {
    DenseElementsAttr input = foldableConstant(attr);
    if (!input || !input.getType().hasStaticShape())
      return {};
    inputs.push_back(input);
  }
  // Copy slabs: for each index of the dimensions before `axis`, the inputs'
  // contiguous blocks follow one another.
  int64_t axis = getAxis();
  ArrayRef<int64_t> shape = resultType.getShape();
  int64_t outer = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  SmallVector<SmallVector<Attribute>> values;
  SmallVector<int64_t> blocks;
  for (DenseElementsAttr input : inputs) {
    int64_t count = input.getType().getNumElements();
    if (input.isSplat())
      values.emplace_back(count, input.getSplatValue<Attribute>());
    else
      values.push_back(llvm::to_vector(input.getValues<Attribute>()));
    blocks.push_back(outer == 0 ? 0 : count / outer);
  }
  SmallVector<Attribute> result;
  for (int64_t o = 0; o < outer; ++o)
    for (auto [input, block] : llvm::zip_equal(values, blocks))
      llvm::append_range(result, ArrayRef<Attribute>(input).slice(o * block,
                                                                  block));
  return DenseElementsAttr::get(resultType, result);
}
