//===- DataMovementOps.cpp - padding, shape, non_zero, one_hot ------------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/DataMovement.td. As in TensorRTOps.cpp, one function per op checks the
// operands and computes the result shape for both the verifier and type
// inference.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// TensorRT tensors have at most this many dimensions.
static constexpr int64_t kMaxRank = 8;

//===----------------------------------------------------------------------===//
// PaddingOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
paddingShape(RankedTensorType input, ArrayRef<int64_t> prePadding,
             ArrayRef<int64_t> postPadding, ErrorFn err) {
  int64_t rank = input.getRank();
  if (rank < 4) {
    err() << "expected input of rank at least 4, got rank " << rank;
    return failure();
  }
  for (auto [name, amounts] : {std::make_pair("prePadding", prePadding),
                               std::make_pair("postPadding", postPadding)}) {
    if (amounts.size() != 2) {
      err() << "expected " << name
            << " to have 2 entries (one per padded innermost dimension), got "
            << amounts.size();
      return failure();
    }
  }
  SmallVector<int64_t> result(input.getShape());
  for (int64_t j = 0; j < 2; ++j) {
    int64_t dim = rank - 2 + j;
    int64_t size = result[dim];
    if (ShapedType::isDynamic(size))
      continue;
    for (auto [name, amount] : {std::make_pair("prePadding", prePadding[j]),
                                std::make_pair("postPadding", postPadding[j])}) {
      if (-amount > size) {
        err() << "expected " << name << " " << amount << " to crop at most "
              << size << " elements from dimension " << dim;
        return failure();
      }
    }
    int64_t padded = size + prePadding[j] + postPadding[j];
    if (padded < 0) {
      err() << "expected a non-negative size for dimension " << dim << ", got "
            << size << " + " << prePadding[j] << " + " << postPadding[j]
            << " = " << padded;
      return failure();
    }
    result[dim] = padded;
  }
  return result;
}

LogicalResult PaddingOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<PaddingOp>(loc)()
           << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape =
      paddingShape(input, adaptor.getPrePadding(), adaptor.getPostPadding(),
                   inferenceErrors<PaddingOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

LogicalResult PaddingOp::verify() {
  if (failed(paddingShape(getInput().getType(), getPrePadding(),
                          getPostPadding(), [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ShapeOp
//===----------------------------------------------------------------------===//

LogicalResult ShapeOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<ShapeOp>(loc)() << "expected a ranked tensor input";
  inferred.emplace_back(ArrayRef<int64_t>{input.getRank()},
                        IntegerType::get(ctx, 32));
  return success();
}

LogicalResult ShapeOp::verify() { return verifyResultTypeIsInferred(*this); }

//===----------------------------------------------------------------------===//
// NonZeroOp
//===----------------------------------------------------------------------===//

LogicalResult NonZeroOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<NonZeroOp>(loc)()
           << "expected a ranked tensor input";
  // The number of non-zero elements is data dependent.
  inferred.emplace_back(
      ArrayRef<int64_t>{input.getRank(), ShapedType::kDynamic},
      IntegerType::get(ctx, 32));
  return success();
}

LogicalResult NonZeroOp::verify() { return verifyResultTypeIsInferred(*this); }

//===----------------------------------------------------------------------===//
// OneHotOp
//===----------------------------------------------------------------------===//

/// The value of `depth` when it is a known constant.
static std::optional<int64_t> constantDepth(Value depth) {
  ElementsAttr value;
  if (!depth || !matchPattern(depth, m_Constant(&value)) ||
      value.getNumElements() != 1)
    return std::nullopt;
  auto elements = value.tryGetValues<APInt>();
  if (!elements)
    return std::nullopt;
  return (*elements->begin()).getSExtValue();
}

static FailureOr<SmallVector<int64_t>>
oneHotShape(RankedTensorType indices, RankedTensorType values,
            RankedTensorType depthType, Value depth, int64_t axis,
            ErrorFn err) {
  int64_t rank = indices.getRank();
  if (rank + 1 > kMaxRank) {
    err() << "expected indices of rank at most " << kMaxRank - 1
          << " (the result has one more dimension), got rank " << rank;
    return failure();
  }
  if (axis < -rank - 1 || axis > rank) {
    err() << "expected axis to be in [" << -rank - 1 << ", " << rank
          << "] for indices of rank " << rank << ", got " << axis;
    return failure();
  }
  if (values.getRank() != 1 || !shape::dimsCompatible(values.getDimSize(0), 2)) {
    err() << "expected values to be a 1-d tensor of 2 elements (off, on), got "
          << values;
    return failure();
  }
  if (depthType.getRank() != 0) {
    err() << "expected depth to be a rank-0 tensor, got " << depthType;
    return failure();
  }
  int64_t depthSize = ShapedType::kDynamic;
  if (std::optional<int64_t> known = constantDepth(depth)) {
    if (*known <= 0) {
      err() << "expected a positive depth, got " << *known;
      return failure();
    }
    depthSize = *known;
  }
  if (axis < 0)
    axis += rank + 1;
  SmallVector<int64_t> result(indices.getShape());
  result.insert(result.begin() + axis, depthSize);
  return result;
}

LogicalResult OneHotOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto indices = dyn_cast<RankedTensorType>(adaptor.getIndices().getType());
  auto values = dyn_cast<RankedTensorType>(adaptor.getValues().getType());
  auto depth = dyn_cast<RankedTensorType>(adaptor.getDepth().getType());
  if (!indices || !values || !depth)
    return inferenceErrors<OneHotOp>(loc)() << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape =
      oneHotShape(indices, values, depth, adaptor.getDepth(), adaptor.getAxis(),
                  inferenceErrors<OneHotOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, values.getElementType());
  return success();
}

LogicalResult OneHotOp::verify() {
  if (failed(oneHotShape(getIndices().getType(), getValues().getType(),
                         getDepth().getType(), getDepth(), getAxis(),
                         [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}
