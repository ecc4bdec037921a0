//===- FillOps.cpp - linspace and random fills ----------------------------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/Fill.td. Only the result rank can be inferred (from the length of the
// `shape` operand); the element type and any known sizes are the written
// result type's.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// The result rank given by the `shape` operand, if there is one.
static FailureOr<std::optional<int64_t>> shapeOperandRank(Value shape,
                                                          ErrorFn err) {
  if (!shape)
    return std::optional<int64_t>();
  auto type = dyn_cast<RankedTensorType>(shape.getType());
  if (!type || type.getRank() != 1 || type.isDynamicDim(0)) {
    err() << "expected a shape operand of static length, got "
          << shape.getType();
    return failure();
  }
  return std::optional<int64_t>(type.getDimSize(0));
}

static LogicalResult inferFillShape(Value shape, ErrorFn err,
                                    SmallVectorImpl<ShapedTypeComponents> &out) {
  FailureOr<std::optional<int64_t>> rank = shapeOperandRank(shape, err);
  if (failed(rank))
    return failure();
  if (!*rank) {
    out.emplace_back();
    return success();
  }
  out.emplace_back(SmallVector<int64_t>(**rank, ShapedType::kDynamic));
  return success();
}

/// Checks the result type against the `shape` operand.
static LogicalResult verifyFillShape(Value shape, RankedTensorType result,
                                     ErrorFn err) {
  FailureOr<std::optional<int64_t>> rank = shapeOperandRank(shape, err);
  if (failed(rank))
    return failure();
  if (!*rank) {
    if (!result.hasStaticShape())
      return err() << "expected a shape operand for result type " << result
                   << " with unknown dimensions";
    return success();
  }
  if (**rank != result.getRank())
    return err() << "expected result of rank " << **rank
                 << " (the length of the shape operand), got " << result;
  return success();
}

/// Checks a pair of fill parameters, each given as a scalar operand or as
/// an attribute. `required` is set where the pair has no default.
static LogicalResult verifyParameterPair(StringRef firstName, Value first,
                                         FloatAttr staticFirst,
                                         StringRef secondName, Value second,
                                         FloatAttr staticSecond,
                                         Type resultElementType, bool required,
                                         ErrorFn err) {
  for (auto [name, operand, attr] :
       {std::make_tuple(firstName, first, staticFirst),
        std::make_tuple(secondName, second, staticSecond)}) {
    if (operand && attr)
      return err() << "expected " << name << " as an operand or as static_"
                   << name << ", got both";
    if (required && !operand && !attr)
      return err() << "expected " << name << " as an operand or as static_"
                   << name << ", got neither";
    if (operand) {
      Type elementType = cast<ShapedType>(operand.getType()).getElementType();
      if (elementType != resultElementType)
        return err() << "expected " << name << " of element type "
                     << resultElementType << " (the result's), got "
                     << elementType;
    }
  }
  if (static_cast<bool>(first) != static_cast<bool>(second))
    return err() << "expected " << firstName << " and " << secondName
                 << " both as operands or neither, got only "
                 << (first ? firstName : secondName);
  if (static_cast<bool>(staticFirst) != static_cast<bool>(staticSecond))
    return err() << "expected static_" << firstName << " and static_"
                 << secondName << " both or neither, got only static_"
                 << (staticFirst ? firstName : secondName);
  return success();
}

//===----------------------------------------------------------------------===//
// LinspaceOp
//===----------------------------------------------------------------------===//

LogicalResult LinspaceOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferFillShape(adaptor.getShape(), inferenceErrors<LinspaceOp>(loc),
                        inferred);
}

LogicalResult LinspaceOp::verify() {
  auto err = [this] { return emitOpError(); };
  RankedTensorType result = getType();
  if (failed(verifyFillShape(getShape(), result, err)) ||
      failed(verifyParameterPair("start", getStart(), getStaticStartAttr(),
                                 "step", getStep(), getStaticStepAttr(),
                                 result.getElementType(), /*required=*/true,
                                 err)))
    return failure();
  Value step = getStep();
  if (!step) {
    if (result.getRank() > 1)
      return emitOpError("expected a step operand (one step per dimension) "
                         "for a result of rank ")
             << result.getRank() << ", got static_step";
    return success();
  }
  int64_t length = cast<ShapedType>(step.getType()).getDimSize(0);
  if (!ShapedType::isDynamic(length) && length != result.getRank())
    return emitOpError("expected step of length ")
           << result.getRank() << " (the result rank), got " << length;
  return success();
}

//===----------------------------------------------------------------------===//
// RandomUniformOp and RandomNormalOp
//===----------------------------------------------------------------------===//

LogicalResult RandomUniformOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferFillShape(adaptor.getShape(),
                        inferenceErrors<RandomUniformOp>(loc), inferred);
}

LogicalResult RandomUniformOp::verify() {
  auto err = [this] { return emitOpError(); };
  RankedTensorType result = getType();
  if (failed(verifyFillShape(getShape(), result, err)) ||
      failed(verifyParameterPair("low", getLow(), getStaticLowAttr(), "high",
                                 getHigh(), getStaticHighAttr(),
                                 result.getElementType(),
                                 /*required=*/false, err)))
    return failure();
  std::optional<APFloat> low = getStaticLow(), high = getStaticHigh();
  if (low && high && low->convertToDouble() > high->convertToDouble())
    return emitOpError("expected static_low (")
           << low->convertToDouble() << ") to be at most static_high ("
           << high->convertToDouble() << ")";
  return success();
}

LogicalResult RandomNormalOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferFillShape(adaptor.getShape(),
                        inferenceErrors<RandomNormalOp>(loc), inferred);
}

LogicalResult RandomNormalOp::verify() {
  auto err = [this] { return emitOpError(); };
  RankedTensorType result = getType();
  if (failed(verifyFillShape(getShape(), result, err)) ||
      failed(verifyParameterPair("mean", getMean(), getStaticMeanAttr(), "std",
                                 getStd(), getStaticStdAttr(),
                                 result.getElementType(),
                                 /*required=*/false, err)))
    return failure();
  if (std::optional<APFloat> std = getStaticStd();
      std && std->convertToDouble() < 0)
    return emitOpError("expected static_std to be at least 0, got ")
           << std->convertToDouble();
  return success();
}
