//===- TensorRTOps.cpp - operations of the `tensorrt` dialect -------------===//
//
// Part of Kiln. Verifiers, result type inference, custom assembly directives
// and builders of the `tensorrt` ops.
//
// Each op whose result shape follows from its operands has one function that
// both checks the operands and computes that shape. The verifier calls it
// with the op's own diagnostics; type inference calls it with diagnostics at
// the (optional) location, so the two can never disagree.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

//===----------------------------------------------------------------------===//
// Custom directives: bare integer lists
//===----------------------------------------------------------------------===//

/// Parses `a, b, c` (possibly empty) with no delimiters.
template <typename T>
static ParseResult parseBareIntegers(OpAsmParser &parser,
                                     SmallVectorImpl<T> &values) {
  T first;
  OptionalParseResult parsed = parser.parseOptionalInteger(first);
  if (!parsed.has_value())
    return success();
  if (failed(*parsed))
    return failure();
  values.push_back(first);
  while (succeeded(parser.parseOptionalComma()))
    if (parser.parseInteger(values.emplace_back()))
      return failure();
  return success();
}

static ParseResult parseIndexList(OpAsmParser &parser,
                                  DenseI64ArrayAttr &values) {
  SmallVector<int64_t> parsed;
  if (parseBareIntegers(parser, parsed))
    return failure();
  values = DenseI64ArrayAttr::get(parser.getContext(), parsed);
  return success();
}

static void printIndexList(OpAsmPrinter &printer, Operation *,
                           DenseI64ArrayAttr values) {
  llvm::interleaveComma(values.asArrayRef(), printer);
}

static ParseResult parseIndexList32(OpAsmParser &parser,
                                    DenseI32ArrayAttr &values) {
  SmallVector<int32_t> parsed;
  if (parseBareIntegers(parser, parsed))
    return failure();
  values = DenseI32ArrayAttr::get(parser.getContext(), parsed);
  return success();
}

static void printIndexList32(OpAsmPrinter &printer, Operation *,
                             DenseI32ArrayAttr values) {
  llvm::interleaveComma(values.asArrayRef(), printer);
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  if (!isa<RankedTensorType>(getWeights().getType()))
    return emitOpError("expected weights of ranked tensor type, got ")
           << getWeights().getType();
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getWeightsAttr(); }

void ConstantOp::getAsmResultNames(
    function_ref<void(Value, StringRef)> setNameFn) {
  std::string name;
  llvm::raw_string_ostream os(name);
  os << "cst_" << getType().getElementType();
  setNameFn(getResult(), name);
}

//===----------------------------------------------------------------------===//
// ElementWiseOp
//===----------------------------------------------------------------------===//

static bool producesBool(ElementWiseOperation op) {
  switch (op) {
  case ElementWiseOperation::kAND:
  case ElementWiseOperation::kOR:
  case ElementWiseOperation::kXOR:
  case ElementWiseOperation::kEQUAL:
  case ElementWiseOperation::kGREATER:
  case ElementWiseOperation::kLESS:
    return true;
  default:
    return false;
  }
}

static bool isLogical(ElementWiseOperation op) {
  return op == ElementWiseOperation::kAND || op == ElementWiseOperation::kOR ||
         op == ElementWiseOperation::kXOR;
}

static FailureOr<SmallVector<int64_t>>
elementWiseShape(RankedTensorType lhs, RankedTensorType rhs, ErrorFn err) {
  return shape::broadcastShapes({lhs.getShape(), rhs.getShape()},
                                {"input1", "input2"}, err);
}

LogicalResult ElementWiseOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto lhs = dyn_cast<RankedTensorType>(adaptor.getInput1().getType());
  auto rhs = dyn_cast<RankedTensorType>(adaptor.getInput2().getType());
  if (!lhs || !rhs)
    return inferenceErrors<ElementWiseOp>(loc)()
           << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape =
      elementWiseShape(lhs, rhs, inferenceErrors<ElementWiseOp>(loc));
  if (failed(resultShape))
    return failure();
  Type elementType = producesBool(adaptor.getElementwiseOperation())
                         ? IntegerType::get(ctx, 1)
                         : lhs.getElementType();
  inferred.emplace_back(*resultShape, elementType);
  return success();
}

LogicalResult ElementWiseOp::verify() {
  ElementWiseOperation kind = getElementwiseOperation();
  StringRef kindName = stringifyElementWiseOperation(kind);
  Type elementType = getInput1().getType().getElementType();
  bool isBool = elementType.isInteger(1);
  if (isLogical(kind) && !isBool)
    return emitOpError("expected i1 inputs for ")
           << kindName << ", got " << elementType;
  if (!isLogical(kind) && isBool)
    return emitOpError("expected non-i1 inputs for ")
           << kindName << ", got " << elementType;
  if (kind == ElementWiseOperation::kPOW && elementType.isInteger(32))
    return emitOpError("expected kPOW inputs that are not i32, got ")
           << elementType;
  Type resultElementType = getType().getElementType();
  if (producesBool(kind) && !resultElementType.isInteger(1))
    return emitOpError("expected i1 result for ")
           << kindName << ", got " << resultElementType;
  if (!producesBool(kind) && resultElementType != elementType)
    return emitOpError("expected result element type ")
           << elementType << " for " << kindName << ", got "
           << resultElementType;
  if (failed(elementWiseShape(getInput1().getType(), getInput2().getType(),
                          [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// UnaryOp
//===----------------------------------------------------------------------===//

namespace {
/// Element type classes a unary operation may accept.
enum TypeClass : unsigned {
  kBool = 1 << 0,
  kInt8 = 1 << 1,
  kInt32 = 1 << 2,
  kInt64 = 1 << 3,
  kHalf = 1 << 4,
  kBFloat = 1 << 5,
  kFloat = 1 << 6,
};
} // namespace

static unsigned classOf(Type type) {
  if (type.isInteger(1))
    return kBool;
  if (isInt8(type))
    return kInt8;
  if (type.isSignlessInteger(32))
    return kInt32;
  if (type.isSignlessInteger(64))
    return kInt64;
  if (type.isF16())
    return kHalf;
  if (type.isBF16())
    return kBFloat;
  if (type.isF32())
    return kFloat;
  return 0;
}

static std::string describeClasses(unsigned classes) {
  static const std::pair<unsigned, const char *> names[] = {
      {kBool, "i1"},   {kInt8, "i8"},    {kInt32, "i32"}, {kInt64, "i64"},
      {kHalf, "f16"}, {kBFloat, "bf16"}, {kFloat, "f32"}};
  SmallVector<StringRef> listed;
  for (auto [bit, name] : names)
    if (classes & bit)
      listed.push_back(name);
  return llvm::join(listed, ", ");
}

/// The element types TensorRT implements each unary operation for.
static unsigned allowedClasses(UnaryOperation op) {
  constexpr unsigned signedNumbers =
      kInt8 | kInt32 | kInt64 | kHalf | kBFloat | kFloat;
  constexpr unsigned allFloats = kHalf | kBFloat | kFloat;
  constexpr unsigned halfAndFloat = kHalf | kFloat;
  switch (op) {
  case UnaryOperation::kABS:
  case UnaryOperation::kNEG:
  case UnaryOperation::kSIGN:
    return signedNumbers;
  case UnaryOperation::kNOT:
    return kBool;
  case UnaryOperation::kEXP:
  case UnaryOperation::kLOG:
  case UnaryOperation::kSQRT:
  case UnaryOperation::kRECIP:
  case UnaryOperation::kSIN:
  case UnaryOperation::kCOS:
  case UnaryOperation::kCEIL:
  case UnaryOperation::kFLOOR:
  case UnaryOperation::kERF:
  case UnaryOperation::kROUND:
    return allFloats;
  case UnaryOperation::kTAN:
  case UnaryOperation::kSINH:
  case UnaryOperation::kCOSH:
  case UnaryOperation::kASIN:
  case UnaryOperation::kACOS:
  case UnaryOperation::kATAN:
  case UnaryOperation::kASINH:
  case UnaryOperation::kACOSH:
  case UnaryOperation::kATANH:
    return halfAndFloat;
  }
  llvm_unreachable("unknown unary operation");
}

LogicalResult UnaryOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto inputType = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!inputType)
    return inferenceErrors<UnaryOp>(loc)() << "expected a ranked tensor input";
  inferred.emplace_back(inputType.getShape(), inputType.getElementType());
  return success();
}

LogicalResult UnaryOp::verify() {
  Type elementType = getInput().getType().getElementType();
  unsigned allowed = allowedClasses(getUnaryOperation());
  if (!(classOf(elementType) & allowed))
    return emitOpError("expected element type of ")
           << stringifyUnaryOperation(getUnaryOperation()) << " to be one of "
           << describeClasses(allowed) << ", got " << elementType;
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ActivationOp
//===----------------------------------------------------------------------===//

bool ActivationOp::usesAlpha(ActivationType type) {
  switch (type) {
  case ActivationType::kLEAKY_RELU:       // slope below zero
  case ActivationType::kELU:              // scale of the negative part
  case ActivationType::kSELU:             // alpha of SELU
  case ActivationType::kSOFTPLUS:         // outer scale
  case ActivationType::kCLIP:             // lower bound
  case ActivationType::kHARD_SIGMOID:     // slope
  case ActivationType::kSCALED_TANH:      // outer scale
  case ActivationType::kTHRESHOLDED_RELU: // threshold
    return true;
  default:
    return false;
  }
}

bool ActivationOp::usesBeta(ActivationType type) {
  switch (type) {
  case ActivationType::kSELU:         // lambda of SELU
  case ActivationType::kSOFTPLUS:     // inner scale
  case ActivationType::kCLIP:         // upper bound
  case ActivationType::kHARD_SIGMOID: // offset
  case ActivationType::kSCALED_TANH:  // inner scale
    return true;
  default:
    return false;
  }
}

LogicalResult ActivationOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto inputType = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!inputType)
    return inferenceErrors<ActivationOp>(loc)()
           << "expected a ranked tensor input";
  inferred.emplace_back(inputType.getShape(), inputType.getElementType());
  return success();
}

LogicalResult ActivationOp::verify() {
  ActivationType type = getActivationType();
  StringRef typeName = stringifyActivationType(type);
  Type elementType = getInput().getType().getElementType();
  if ((elementType.isSignlessInteger(32) ||
       elementType.isSignlessInteger(64)) &&
      type != ActivationType::kRELU)
    return emitOpError("expected kRELU for element type ")
           << elementType << ", got " << typeName;
  if (usesAlpha(type) && !getAlpha())
    return emitOpError("expected an 'alpha' attribute for ") << typeName;
  if (!usesAlpha(type) && getAlpha())
    return emitOpError("expected no 'alpha' attribute for ")
           << typeName << ", which takes no alpha";
  if (usesBeta(type) && !getBeta())
    return emitOpError("expected a 'beta' attribute for ") << typeName;
  if (!usesBeta(type) && getBeta())
    return emitOpError("expected no 'beta' attribute for ")
           << typeName << ", which takes no beta";
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// CastOp and IdentityOp
//===----------------------------------------------------------------------===//

/// Shared by the conversions: the shape is kept, the element type is free.
static LogicalResult inferSameShape(std::optional<Location> loc,
                                    StringRef opName, Value input,
                                    SmallVectorImpl<ShapedTypeComponents> &out) {
  auto inputType = dyn_cast<RankedTensorType>(input.getType());
  if (!inputType)
    return shape::emitAt(loc, opName) << "expected a ranked tensor input";
  out.emplace_back(inputType.getShape());
  return success();
}

static LogicalResult verifySameShape(Operation *op, RankedTensorType input,
                                     RankedTensorType result) {
  if (!shape::shapesCompatible(input.getShape(), result.getShape()))
    return op->emitOpError("expected result shape ")
           << shape::format(input.getShape()) << " (that of the input), got "
           << shape::format(result.getShape());
  return success();
}

LogicalResult CastOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferSameShape(loc, getOperationName(), adaptor.getInput(), inferred);
}

LogicalResult CastOp::verify() {
  return verifySameShape(*this, getInput().getType(), getType());
}

LogicalResult IdentityOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferSameShape(loc, getOperationName(), adaptor.getInput(), inferred);
}

LogicalResult IdentityOp::verify() {
  return verifySameShape(*this, getInput().getType(), getType());
}

//===----------------------------------------------------------------------===//
// SelectOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>> selectShape(RankedTensorType condition,
                                                   RankedTensorType thenType,
                                                   RankedTensorType elseType,
                                                   ErrorFn err) {
  return shape::broadcastShapes(
      {condition.getShape(), thenType.getShape(), elseType.getShape()},
      {"condition", "thenInput", "elseInput"}, err);
}

LogicalResult SelectOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto condition = dyn_cast<RankedTensorType>(adaptor.getCondition().getType());
  auto thenType = dyn_cast<RankedTensorType>(adaptor.getThenInput().getType());
  auto elseType = dyn_cast<RankedTensorType>(adaptor.getElseInput().getType());
  if (!condition || !thenType || !elseType)
    return inferenceErrors<SelectOp>(loc)() << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape = selectShape(
      condition, thenType, elseType, inferenceErrors<SelectOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, thenType.getElementType());
  return success();
}

LogicalResult SelectOp::verify() {
  if (failed(selectShape(getCondition().getType(), getThenInput().getType(),
                     getElseInput().getType(),
                     [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// MatrixMultiplyOp
//===----------------------------------------------------------------------===//

/// Checks the operands of a matrix multiplication and returns the result
/// shape: broadcast collection dimensions, then the rows of input0 and the
/// columns of input1 where they are matrices.
static FailureOr<SmallVector<int64_t>>
matrixMultiplyShape(RankedTensorType lhs, MatrixOperation lhsOp,
                    RankedTensorType rhs, MatrixOperation rhsOp, ErrorFn err) {
  auto matrixRank = [](MatrixOperation op) -> int64_t {
    return op == MatrixOperation::kVECTOR ? 1 : 2;
  };
  for (auto [name, type, op] : {std::make_tuple("input0", lhs, lhsOp),
                                std::make_tuple("input1", rhs, rhsOp)}) {
    if (type.getRank() < matrixRank(op)) {
      err() << "expected " << name << " of rank at least " << matrixRank(op)
            << " for " << stringifyMatrixOperation(op) << ", got rank "
            << type.getRank();
      return failure();
    }
  }
  ArrayRef<int64_t> lhsCollection =
      lhs.getShape().drop_back(matrixRank(lhsOp));
  ArrayRef<int64_t> rhsCollection =
      rhs.getShape().drop_back(matrixRank(rhsOp));
  if (lhsCollection.size() != rhsCollection.size()) {
    err() << "expected input0 and input1 to have the same number of "
             "collection dimensions, got "
          << lhsCollection.size() << " and " << rhsCollection.size();
    return failure();
  }
  FailureOr<SmallVector<int64_t>> result = shape::broadcastShapes(
      {lhsCollection, rhsCollection},
      {"input0 collection dims", "input1 collection dims"}, err);
  if (failed(result))
    return failure();

  // Position from the back of the contracted dimension and of the kept
  // (row or column) dimension of each operand.
  int64_t lhsContracted = lhsOp == MatrixOperation::kTRANSPOSE ? 2 : 1;
  int64_t rhsContracted = rhsOp == MatrixOperation::kNONE ? 2 : 1;
  int64_t lhsK = lhs.getShape().end()[-lhsContracted];
  int64_t rhsK = rhs.getShape().end()[-rhsContracted];
  if (!shape::dimsCompatible(lhsK, rhsK)) {
    err() << "expected contracted sizes to agree, got " << lhsK
          << " (input0) and " << rhsK << " (input1)";
    return failure();
  }
  if (lhsOp != MatrixOperation::kVECTOR)
    result->push_back(lhs.getShape().end()[-(3 - lhsContracted)]);
  if (rhsOp != MatrixOperation::kVECTOR)
    result->push_back(rhs.getShape().end()[-(3 - rhsContracted)]);
  return result;
}

LogicalResult MatrixMultiplyOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto lhs = dyn_cast<RankedTensorType>(adaptor.getInput0().getType());
  auto rhs = dyn_cast<RankedTensorType>(adaptor.getInput1().getType());
  if (!lhs || !rhs)
    return inferenceErrors<MatrixMultiplyOp>(loc)()
           << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape =
      matrixMultiplyShape(lhs, adaptor.getOp0(), rhs, adaptor.getOp1(),
                          inferenceErrors<MatrixMultiplyOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, lhs.getElementType());
  return success();
}

LogicalResult MatrixMultiplyOp::verify() {
  if (failed(matrixMultiplyShape(getInput0().getType(), getOp0(),
                             getInput1().getType(), getOp1(),
                             [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ReduceOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
reduceShape(RankedTensorType input, ArrayRef<int64_t> axes, bool keepDims,
            ErrorFn err) {
  int64_t rank = input.getRank();
  for (int64_t axis : axes) {
    if (axis < 0 || axis >= rank) {
      err() << "expected reduction axis " << axis << " to be in [0, " << rank
            << ")";
      return failure();
    }
  }
  SmallVector<int64_t> result;
  for (auto [dim, size] : llvm::enumerate(input.getShape())) {
    bool reduced = llvm::is_contained(axes, static_cast<int64_t>(dim));
    if (!reduced)
      result.push_back(size);
    else if (keepDims)
      result.push_back(1);
  }
  return result;
}

LogicalResult ReduceOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<ReduceOp>(loc)() << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape =
      reduceShape(input, adaptor.getReduceAxes(), adaptor.getKeepDimensions(),
                  inferenceErrors<ReduceOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

LogicalResult ReduceOp::verify() {
  if (failed(reduceShape(getInput().getType(), getReduceAxes(),
                     getKeepDimensions(), [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// SoftMaxOp
//===----------------------------------------------------------------------===//

LogicalResult SoftMaxOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<SoftMaxOp>(loc)()
           << "expected a ranked tensor input";
  inferred.emplace_back(input.getShape(), input.getElementType());
  return success();
}

LogicalResult SoftMaxOp::verify() {
  int64_t rank = getInput().getType().getRank();
  auto axis = static_cast<int64_t>(getAxis());
  if (axis < 0 || axis >= rank)
    return emitOpError("expected axis to be in [0, ")
           << rank << "), got " << axis;
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ShuffleOp
//===----------------------------------------------------------------------===//

/// Applies a transpose array: result dimension i is source dimension perm[i].
static SmallVector<int64_t> permute(ArrayRef<int64_t> shape,
                                    ArrayRef<int64_t> perm) {
  return llvm::map_to_vector(perm, [&](int64_t p) { return shape[p]; });
}

/// Resolves a static reshape specification against `source`.
static FailureOr<SmallVector<int64_t>>
resolveReshape(ArrayRef<int64_t> source, ArrayRef<int64_t> spec,
               bool zeroIsPlaceholder, ErrorFn err) {
  if (llvm::any_of(spec, [](int64_t d) { return d < -1; })) {
    err() << "expected reshape entries >= -1, got " << formatList(spec);
    return failure();
  }
  int64_t inferredCount = llvm::count(spec, -1);
  if (inferredCount > 1) {
    err() << "expected at most one -1 in reshape, got " << formatList(spec);
    return failure();
  }
  if (!zeroIsPlaceholder && inferredCount == 1 && llvm::is_contained(spec, 0)) {
    err() << "expected reshape without both 0 and -1 when "
             "zero_is_placeholder is false, got "
          << formatList(spec);
    return failure();
  }
  SmallVector<int64_t> result(spec);
  for (auto [i, entry] : llvm::enumerate(result)) {
    if (entry != 0 || !zeroIsPlaceholder)
      continue;
    if (i >= source.size()) {
      err() << "expected reshape placeholder 0 at position " << i
            << " to name a dimension of the " << source.size()
            << "-d transposed input";
      return failure();
    }
    entry = source[i];
  }
  std::optional<int64_t> sourceVolume = shape::volume(source);
  auto inferredPos = llvm::find(result, -1);
  if (inferredPos != result.end()) {
    *inferredPos = 1;
    std::optional<int64_t> rest = shape::volume(result);
    *inferredPos = ShapedType::kDynamic;
    if (sourceVolume && rest && *rest != 0) {
      if (*sourceVolume % *rest != 0) {
        err() << "expected reshape to keep " << *sourceVolume
              << " elements, but they do not divide into "
              << formatList(spec);
        return failure();
      }
      *inferredPos = *sourceVolume / *rest;
    }
  }
  std::optional<int64_t> resultVolume = shape::volume(result);
  if (sourceVolume && resultVolume && *sourceVolume != *resultVolume) {
    err() << "expected reshape to keep " << *sourceVolume << " elements, got "
          << *resultVolume;
    return failure();
  }
  return result;
}

static FailureOr<SmallVector<int64_t>>
shuffleShape(RankedTensorType input, Value dynamicReshape,
             ArrayRef<int64_t> firstTranspose,
             std::optional<ArrayRef<int64_t>> reshape,
             ArrayRef<int64_t> secondTranspose, bool zeroIsPlaceholder,
             ErrorFn err) {
  if (static_cast<int64_t>(firstTranspose.size()) != input.getRank() ||
      !shape::isPermutation(firstTranspose)) {
    err() << "expected first_transpose to be a permutation of "
          << input.getRank() << " dimensions, got "
          << formatList(firstTranspose);
    return failure();
  }
  SmallVector<int64_t> current = permute(input.getShape(), firstTranspose);
  if (reshape && dynamicReshape) {
    err() << "expected either a static reshape or a dynamic_reshape "
             "operand, got both";
    return failure();
  }
  if (reshape) {
    FailureOr<SmallVector<int64_t>> reshaped =
        resolveReshape(current, *reshape, zeroIsPlaceholder, err);
    if (failed(reshaped))
      return failure();
    current = std::move(*reshaped);
  } else if (dynamicReshape) {
    auto shapeType = cast<ShapedType>(dynamicReshape.getType());
    if (!shapeType.hasStaticShape()) {
      err() << "expected dynamic_reshape of static length, got "
            << shapeType;
      return failure();
    }
    current.assign(shapeType.getDimSize(0), ShapedType::kDynamic);
  }
  if (secondTranspose.size() != current.size() ||
      !shape::isPermutation(secondTranspose)) {
    err() << "expected second_transpose to be a permutation of "
          << current.size() << " dimensions, got "
          << formatList(secondTranspose);
    return failure();
  }
  return permute(current, secondTranspose);
}

LogicalResult ShuffleOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<ShuffleOp>(loc)()
           << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape = shuffleShape(
      input, adaptor.getDynamicReshape(), adaptor.getFirstTranspose(),
      adaptor.getReshape(), adaptor.getSecondTranspose(),
      adaptor.getZeroIsPlaceholder(), inferenceErrors<ShuffleOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

LogicalResult ShuffleOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getType();
  if (input.getElementType() != result.getElementType())
    return emitOpError("expected result element type ")
           << input.getElementType() << ", got " << result.getElementType();
  FailureOr<SmallVector<int64_t>> expected =
      shuffleShape(input, getDynamicReshape(), getFirstTranspose(),
                   getReshape(), getSecondTranspose(), getZeroIsPlaceholder(),
                   [this] { return emitOpError(); });
  if (failed(expected))
    return failure();
  if (!shape::shapesCompatible(*expected, result.getShape()))
    return emitOpError("expected result shape ")
           << shape::format(*expected) << ", got "
           << shape::format(result.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
transposeShape(RankedTensorType input, AffineMap perm, ErrorFn err) {
  int64_t rank = input.getRank();
  if (static_cast<int64_t>(perm.getNumDims()) != rank ||
      static_cast<int64_t>(perm.getNumResults()) != rank ||
      !perm.isPermutation()) {
    std::string text;
    llvm::raw_string_ostream os(text);
    perm.print(os);
    err() << "expected permutation to be a permutation of " << rank
          << " dimensions, got " << text;
    return failure();
  }
  SmallVector<int64_t> result;
  for (unsigned i = 0; i < perm.getNumResults(); ++i)
    result.push_back(input.getDimSize(perm.getDimPosition(i)));
  return result;
}

LogicalResult TransposeOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<TransposeOp>(loc)()
           << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape = transposeShape(
      input, adaptor.getPermutation(), inferenceErrors<TransposeOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

LogicalResult TransposeOp::verify() {
  if (failed(transposeShape(getInput().getType(), getPermutation(),
                        [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ReshapeOp, ExpandRankOp, CollapseRankOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getType();
  std::optional<int64_t> inputVolume = shape::volume(input.getShape());
  std::optional<int64_t> resultVolume = shape::volume(result.getShape());
  if (inputVolume && resultVolume && *inputVolume != *resultVolume)
    return emitOpError("expected result with ")
           << *inputVolume << " elements (as the input), got "
           << *resultVolume;
  if (!getShape()) {
    if (result.getNumDynamicDims() > 1)
      return emitOpError("expected a shape operand for a result with ")
             << result.getNumDynamicDims() << " unknown dimensions";
    return success();
  }
  auto shapeType = cast<ShapedType>(getShape().getType());
  if (!shapeType.hasStaticShape())
    return emitOpError("expected shape operand of static length, got ")
           << shapeType;
  if (shapeType.getDimSize(0) != result.getRank())
    return emitOpError("expected shape operand of length ")
           << result.getRank() << " (the result rank), got "
           << shapeType.getDimSize(0);
  return success();
}

LogicalResult ExpandRankOp::verify() {
  ArrayRef<int64_t> input = getInput().getType().getShape();
  ArrayRef<int64_t> result = getType().getShape();
  if (result.size() < input.size())
    return emitOpError("expected result rank of at least ")
           << input.size() << ", got " << result.size();
  if (!shape::isUnitDimRemoval(result, input))
    return emitOpError("expected result shape to be ")
           << shape::format(input) << " with unit dimensions inserted, got "
           << shape::format(result);
  return success();
}

LogicalResult CollapseRankOp::verify() {
  ArrayRef<int64_t> input = getInput().getType().getShape();
  ArrayRef<int64_t> result = getType().getShape();
  if (result.size() > input.size())
    return emitOpError("expected result rank of at most ")
           << input.size() << ", got " << result.size();
  if (!shape::isUnitDimRemoval(input, result))
    return emitOpError("expected result shape to be ")
           << shape::format(input)
           << " with some unit dimensions removed, got "
           << shape::format(result);
  return success();
}

//===----------------------------------------------------------------------===//
// BroadcastOp
//===----------------------------------------------------------------------===//

LogicalResult BroadcastOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<BroadcastOp>(loc)()
           << "expected a ranked tensor input";
  // Without a shape operand the result rank is only known from the written
  // result type; with one, the rank is its length.
  if (!adaptor.getShape()) {
    inferred.emplace_back(input.getElementType());
    return success();
  }
  auto shapeType = dyn_cast<RankedTensorType>(adaptor.getShape().getType());
  if (!shapeType || shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return inferenceErrors<BroadcastOp>(loc)()
           << "expected a 1-d shape operand of static length";
  inferred.emplace_back(
      SmallVector<int64_t>(shapeType.getDimSize(0), ShapedType::kDynamic),
      input.getElementType());
  return success();
}

LogicalResult BroadcastOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getType();
  ArrayRef<int64_t> dims = getBroadcastDims();
  if (input.getElementType() != result.getElementType())
    return emitOpError("expected result element type ")
           << input.getElementType() << ", got " << result.getElementType();
  if (static_cast<int64_t>(dims.size()) != input.getRank())
    return emitOpError("expected ")
           << input.getRank() << " broadcast_dims (the input rank), got "
           << dims.size();
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t dim : dims) {
    if (dim < 0 || dim >= result.getRank())
      return emitOpError("expected broadcast_dims entries in [0, ")
             << result.getRank() << "), got " << dim;
    if (!seen.insert(dim).second)
      return emitOpError("expected distinct broadcast_dims, got ")
             << dim << " twice";
  }
  if (Value shapeOperand = getShape()) {
    int64_t length = cast<ShapedType>(shapeOperand.getType()).getDimSize(0);
    if (length != result.getRank())
      return emitOpError("expected shape operand of length ")
             << result.getRank() << " (the result rank), got " << length;
  } else if (!result.hasStaticShape()) {
    return emitOpError("expected a shape operand for result type ")
           << result << " with unknown dimensions";
  }
  for (auto [inputDim, resultDim] : llvm::enumerate(dims)) {
    int64_t from = input.getDimSize(inputDim);
    int64_t to = result.getDimSize(resultDim);
    if (from != 1 && !shape::dimsCompatible(from, to))
      return emitOpError("expected input dimension ")
             << inputDim << " (" << from << ") to be 1 or equal result "
             << "dimension " << resultDim << " (" << to << ")";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

void SliceOp::build(OpBuilder &builder, OperationState &state, Value input,
                    ArrayRef<int32_t> start, ArrayRef<int32_t> size,
                    ArrayRef<int32_t> stride, SliceMode sliceMode,
                    Value fill) {
  auto inputType = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> resultShape(size.begin(), size.end());
  auto resultType =
      RankedTensorType::get(resultShape, inputType.getElementType());
  build(builder, state, resultType, input, fill, /*start=*/Value(),
        /*size=*/Value(), /*stride=*/Value(),
        builder.getDenseI32ArrayAttr(start), builder.getDenseI32ArrayAttr(size),
        builder.getDenseI32ArrayAttr(stride),
        SliceModeAttr::get(builder.getContext(), sliceMode));
}

/// Result shape of a slice: the static sizes when known, otherwise unknown
/// sizes of the length of the size operand.
static FailureOr<SmallVector<int64_t>>
sliceShape(std::optional<ArrayRef<int32_t>> staticSize, Value size,
           ErrorFn err) {
  if (staticSize)
    return llvm::map_to_vector(*staticSize,
                               [](int32_t s) { return int64_t(s); });
  auto sizeType = size ? dyn_cast<RankedTensorType>(size.getType()) : nullptr;
  if (!sizeType || sizeType.getRank() != 1 || sizeType.isDynamicDim(0)) {
    err() << "expected static sizes or a size operand of static length";
    return failure();
  }
  return SmallVector<int64_t>(sizeType.getDimSize(0), ShapedType::kDynamic);
}

LogicalResult SliceOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<SliceOp>(loc)() << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape =
      sliceShape(adaptor.getStaticSize(), adaptor.getSize(),
                 inferenceErrors<SliceOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

LogicalResult SliceOp::verify() {
  RankedTensorType input = getInput().getType();
  int64_t rank = input.getRank();
  struct Parameter {
    StringRef name;
    std::optional<ArrayRef<int32_t>> values;
    Value operand;
  };
  Parameter parameters[] = {{"start", getStaticStart(), getStart()},
                            {"size", getStaticSize(), getSize()},
                            {"stride", getStaticStride(), getStride()}};
  for (const Parameter &p : parameters) {
    if (p.values && p.operand)
      return emitOpError("expected either static or dynamic ")
             << p.name << ", got both";
    if (!p.values && !p.operand)
      return emitOpError("expected static or dynamic ")
             << p.name << ", got neither";
    if (p.values && static_cast<int64_t>(p.values->size()) != rank)
      return emitOpError("expected ")
             << rank << " " << p.name << " indices, got " << p.values->size();
    if (p.operand) {
      int64_t length = cast<ShapedType>(p.operand.getType()).getDimSize(0);
      if (length != rank)
        return emitOpError("expected ")
               << p.name << " operand of length " << rank << ", got "
               << length;
    }
  }
  if (std::optional<ArrayRef<int32_t>> sizes = getStaticSize()) {
    for (auto [dim, size] : llvm::enumerate(*sizes))
      if (size < 0)
        return emitOpError("expected non-negative sizes, got ")
               << size << " in dimension " << dim;
  }
  SliceMode mode = getMode();
  if (Value fill = getFill()) {
    if (mode != SliceMode::kFILL)
      return emitOpError("expected mode kFILL when a fill value is given, "
                         "got ")
             << stringifySliceMode(mode);
    auto fillType = cast<RankedTensorType>(fill.getType());
    if (fillType.getElementType() != input.getElementType())
      return emitOpError("expected fill of element type ")
             << input.getElementType() << ", got " << fillType.getElementType();
    std::optional<int64_t> count = shape::volume(fillType.getShape());
    if (count && *count != 1)
      return emitOpError("expected fill to hold one element, got ")
             << fillType;
  }
  if (input.getElementType().isBF16() &&
      (mode == SliceMode::kCLAMP || mode == SliceMode::kFILL ||
       mode == SliceMode::kREFLECT))
    return emitOpError("expected mode kDEFAULT or kWRAP for bf16, got ")
           << stringifySliceMode(mode);
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ConcatenationOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
concatenationShape(TypeRange inputTypes, int64_t axis, ErrorFn err) {
  if (inputTypes.empty()) {
    err() << "expected at least one input";
    return failure();
  }
  auto first = dyn_cast<RankedTensorType>(inputTypes.front());
  if (!first) {
    err() << "expected ranked tensor inputs";
    return failure();
  }
  int64_t rank = first.getRank();
  if (axis < 0 || axis >= rank) {
    err() << "expected axis to be in [0, " << rank << "), got " << axis;
    return failure();
  }
  SmallVector<int64_t> result(first.getShape());
  for (auto [index, type] : llvm::enumerate(inputTypes.drop_front())) {
    auto ranked = dyn_cast<RankedTensorType>(type);
    if (!ranked || ranked.getRank() != rank) {
      err() << "expected input " << index + 1 << " to have rank " << rank
            << ", got " << type;
      return failure();
    }
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = ranked.getDimSize(d);
      if (d == axis) {
        result[d] = (ShapedType::isDynamic(result[d]) ||
                     ShapedType::isDynamic(size))
                        ? ShapedType::kDynamic
                        : result[d] + size;
        continue;
      }
      if (!shape::dimsCompatible(result[d], size)) {
        err() << "expected dimension " << d << " of input " << index + 1
              << " to be " << result[d] << " (as in the inputs before it), got "
              << size;
        return failure();
      }
      if (ShapedType::isDynamic(result[d]))
        result[d] = size;
    }
  }
  return result;
}

LogicalResult ConcatenationOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  SmallVector<Type> types(adaptor.getInputs().getTypes());
  FailureOr<SmallVector<int64_t>> resultShape =
      concatenationShape(types, static_cast<int32_t>(adaptor.getAxis()),
                         inferenceErrors<ConcatenationOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape,
                        cast<ShapedType>(types.front()).getElementType());
  return success();
}

LogicalResult ConcatenationOp::verify() {
  if (failed(concatenationShape(getInputs().getTypes(),
                            static_cast<int32_t>(getAxis()),
                            [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

#define GET_OP_CLASSES
#include "kiln/Dialect/TensorRT/IR/TensorRTOps.cpp.inc"
