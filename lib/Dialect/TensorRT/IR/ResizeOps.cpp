//===- ResizeOps.cpp - nearest, linear and cubic resize -------------------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/Resize.td. The three ops share one shape function; they differ only in
// how many innermost dimensions they may resize.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include <cmath>

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

namespace {
/// What a resize op may change: the innermost `resizable` dimensions of an
/// input of rank at least `minRank`.
struct ResizeLimits {
  int64_t resizable;
  int64_t minRank;
};
} // namespace

/// Nearest and linear resize act on up to three innermost dimensions.
static ResizeLimits upToThreeInnermost(int64_t rank) {
  return {std::min<int64_t>(3, rank), 0};
}

/// Cubic resize acts on exactly the two innermost dimensions.
static ResizeLimits twoInnermost(int64_t) { return {2, 2}; }

/// Checks the size operands of a resize and returns what is known of the
/// result shape: leading dimensions are the input's; resized dimensions come
/// from `scales` when given and are unknown otherwise (the `output_shape`
/// operand holds them at run time, or the result type states them).
static FailureOr<SmallVector<int64_t>>
resizeShape(RankedTensorType input, Value outputShape,
            std::optional<ArrayRef<float>> scales, ResizeLimits limits,
            ErrorFn err) {
  int64_t rank = input.getRank();
  if (rank < limits.minRank) {
    err() << "expected input of rank at least " << limits.minRank
          << " (it resizes the " << limits.resizable
          << " innermost dimensions), got rank " << rank;
    return failure();
  }
  if (outputShape && scales) {
    err() << "expected either an output_shape operand or a scales attribute, "
             "got both";
    return failure();
  }
  int64_t firstResized = rank - limits.resizable;
  SmallVector<int64_t> result(input.getShape());
  for (int64_t d = firstResized; d < rank; ++d)
    result[d] = ShapedType::kDynamic;
  if (outputShape) {
    auto shapeType = cast<ShapedType>(outputShape.getType());
    if (!shapeType.hasStaticShape() || shapeType.getDimSize(0) != rank) {
      err() << "expected output_shape operand of length " << rank
            << " (the input rank), got " << shapeType;
      return failure();
    }
    return result;
  }
  if (!scales)
    return result;
  if (static_cast<int64_t>(scales->size()) != rank) {
    err() << "expected " << rank << " scales (one per input dimension), got "
          << scales->size();
    return failure();
  }
  for (auto [d, scale] : llvm::enumerate(*scales)) {
    if (!(scale > 0.0f)) {
      err() << "expected positive scales, got " << scale << " for dimension "
            << d;
      return failure();
    }
    if (static_cast<int64_t>(d) < firstResized && scale != 1.0f) {
      err() << "expected scale 1 for dimension " << d << ", got " << scale
            << "; only the " << limits.resizable
            << " innermost dimensions may be resized";
      return failure();
    }
    int64_t size = input.getDimSize(d);
    if (static_cast<int64_t>(d) >= firstResized && !ShapedType::isDynamic(size))
      result[d] = static_cast<int64_t>(
          std::floor(static_cast<double>(size) * static_cast<double>(scale)));
  }
  return result;
}

template <typename OpTy>
static LogicalResult
inferResize(std::optional<Location> loc, typename OpTy::Adaptor adaptor,
            ResizeLimits (*limitsFor)(int64_t),
            SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<OpTy>(loc)() << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape =
      resizeShape(input, adaptor.getOutputShape(), adaptor.getScales(),
                  limitsFor(input.getRank()), inferenceErrors<OpTy>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

/// The verifier shared by the resize ops. The result type must agree with
/// the known part of the inferred shape; when neither `output_shape` nor
/// `scales` is given, it is the only source of the resized sizes, which must
/// therefore be known.
template <typename OpTy>
static LogicalResult verifyResize(OpTy op, ResizeLimits (*limitsFor)(int64_t)) {
  RankedTensorType input = op.getInput().getType();
  RankedTensorType result = op.getType();
  if (input.getElementType() != result.getElementType())
    return op.emitOpError("expected result element type ")
           << input.getElementType() << " (that of the input), got "
           << result.getElementType();
  if (input.getRank() != result.getRank())
    return op.emitOpError("expected result of rank ")
           << input.getRank() << " (the input rank), got rank "
           << result.getRank();
  ResizeLimits limits = limitsFor(input.getRank());
  FailureOr<SmallVector<int64_t>> expected =
      resizeShape(input, op.getOutputShape(), op.getScales(), limits,
                  [&] { return op.emitOpError(); });
  if (failed(expected))
    return failure();
  int64_t firstResized = input.getRank() - limits.resizable;
  for (auto [d, pair] :
       llvm::enumerate(llvm::zip_equal(*expected, result.getShape()))) {
    auto [want, got] = pair;
    if (shape::dimsCompatible(want, got))
      continue;
    if (static_cast<int64_t>(d) < firstResized)
      return op.emitOpError("expected result dimension ")
             << d << " to be " << want << " (that of the input; only the "
             << limits.resizable << " innermost dimensions may be resized), "
             << "got " << got;
    return op.emitOpError("expected result dimension ")
           << d << " to be " << want << " (input size times scale), got "
           << got;
  }
  if (op.getOutputShape() || op.getScales())
    return success();
  for (int64_t d = firstResized; d < result.getRank(); ++d)
    if (result.isDynamicDim(d))
      return op.emitOpError("expected a scales attribute or an output_shape "
                            "operand when resized result dimension ")
             << d << " is unknown";
  return success();
}

//===----------------------------------------------------------------------===//
// ResizeNearestOp, ResizeLinearOp, ResizeCubicOp
//===----------------------------------------------------------------------===//

LogicalResult ResizeNearestOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferResize<ResizeNearestOp>(loc, adaptor, upToThreeInnermost,
                                      inferred);
}

LogicalResult ResizeNearestOp::verify() {
  return verifyResize(*this, upToThreeInnermost);
}

LogicalResult ResizeLinearOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferResize<ResizeLinearOp>(loc, adaptor, upToThreeInnermost,
                                     inferred);
}

LogicalResult ResizeLinearOp::verify() {
  return verifyResize(*this, upToThreeInnermost);
}

LogicalResult ResizeCubicOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferResize<ResizeCubicOp>(loc, adaptor, twoInnermost, inferred);
}

LogicalResult ResizeCubicOp::verify() {
  return verifyResize(*this, twoInnermost);
}
