//===- GatherScatterOps.cpp - gather and scatter ops ----------------------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/GatherScatter.td. One function per op checks the operands and
// computes the result shape for both the verifier and type inference.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// TensorRT tensors have at most this many dimensions.
static constexpr int64_t kMaxRank = 8;

static LogicalResult checkResultRank(int64_t rank, ErrorFn err) {
  if (rank <= kMaxRank)
    return success();
  err() << "expected a result of rank at most " << kMaxRank << ", got rank "
        << rank;
  return failure();
}

/// Checks that `axis` names a dimension of a tensor of rank `rank`.
static LogicalResult checkAxis(int64_t axis, int64_t rank, ErrorFn err) {
  if (axis >= 0 && axis < rank)
    return success();
  err() << "expected axis to be in [0, " << rank << "), got " << axis;
  return failure();
}

/// For the element modes: along every dimension but `axis`, `indices` walks
/// the positions of `data`, so it may not be larger there.
static LogicalResult checkIndicesWithinData(RankedTensorType data,
                                            RankedTensorType indices,
                                            int64_t axis, ErrorFn err) {
  for (int64_t d = 0; d < data.getRank(); ++d) {
    int64_t dataSize = data.getDimSize(d);
    int64_t indicesSize = indices.getDimSize(d);
    if (d == axis || ShapedType::isDynamic(dataSize) ||
        ShapedType::isDynamic(indicesSize) || indicesSize <= dataSize)
      continue;
    err() << "expected dimension " << d << " of indices (" << indicesSize
          << ") to be at most dimension " << d << " of data (" << dataSize
          << ") since it is not the axis";
    return failure();
  }
  return success();
}

/// Shape of the slices addressed by index tuples of the ND modes: the shape
/// of `indices` without its last dimension followed by the trailing
/// dimensions of `data` that a tuple does not address.
static FailureOr<SmallVector<int64_t>>
indexTupleShape(RankedTensorType data, RankedTensorType indices, ErrorFn err) {
  if (data.getRank() < 1) {
    err() << "expected data of rank at least 1, got rank 0";
    return failure();
  }
  if (indices.getRank() < 1) {
    err() << "expected indices of rank at least 1 (the last dimension holds "
             "index tuples), got rank 0";
    return failure();
  }
  int64_t tupleSize = indices.getShape().back();
  if (ShapedType::isDynamic(tupleSize)) {
    err() << "expected the last dimension of indices (the index tuple size) "
             "to be static, got "
          << indices;
    return failure();
  }
  if (tupleSize < 1 || tupleSize > data.getRank()) {
    err() << "expected index tuples of size in [1, " << data.getRank()
          << "] (the data rank), got " << tupleSize;
    return failure();
  }
  SmallVector<int64_t> result(indices.getShape().drop_back());
  llvm::append_range(result, data.getShape().drop_front(tupleSize));
  return result;
}

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
gatherShape(RankedTensorType data, RankedTensorType indices, int64_t axis,
            int64_t numBroadcastDims, ErrorFn err) {
  if (failed(checkAxis(axis, data.getRank(), err)))
    return failure();
  if (numBroadcastDims != 0 && numBroadcastDims != 1) {
    err() << "expected numBroadcastDims to be 0 or 1, got "
          << numBroadcastDims;
    return failure();
  }
  if (numBroadcastDims > axis) {
    err() << "expected numBroadcastDims (" << numBroadcastDims
          << ") to be at most axis (" << axis << ")";
    return failure();
  }
  if (indices.getRank() < numBroadcastDims) {
    err() << "expected indices of rank at least " << numBroadcastDims
          << " (numBroadcastDims), got rank " << indices.getRank();
    return failure();
  }
  ArrayRef<int64_t> dataShape = data.getShape();
  ArrayRef<int64_t> indicesShape = indices.getShape();
  SmallVector<int64_t> result;
  for (int64_t d = 0; d < numBroadcastDims; ++d) {
    std::optional<int64_t> size =
        shape::broadcastDim(dataShape[d], indicesShape[d]);
    if (!size) {
      err() << "expected dimension " << d << " of data (" << dataShape[d]
            << ") and of indices (" << indicesShape[d]
            << ") to broadcast, since numBroadcastDims is "
            << numBroadcastDims;
      return failure();
    }
    result.push_back(*size);
  }
  llvm::append_range(result, dataShape.slice(numBroadcastDims,
                                             axis - numBroadcastDims));
  llvm::append_range(result, indicesShape.drop_front(numBroadcastDims));
  llvm::append_range(result, dataShape.drop_front(axis + 1));
  if (failed(checkResultRank(result.size(), err)))
    return failure();
  return result;
}

LogicalResult GatherOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto data = dyn_cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = dyn_cast<RankedTensorType>(adaptor.getIndices().getType());
  if (!data || !indices)
    return inferenceErrors<GatherOp>(loc)() << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape = gatherShape(
      data, indices, static_cast<int64_t>(adaptor.getAxis()),
      static_cast<int64_t>(adaptor.getNumBroadcastDims()),
      inferenceErrors<GatherOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, data.getElementType());
  return success();
}

LogicalResult GatherOp::verify() {
  if (failed(gatherShape(getData().getType(), getIndices().getType(),
                         static_cast<int64_t>(getAxis()),
                         static_cast<int64_t>(getNumBroadcastDims()),
                         [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// GatherNdOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
gatherNdShape(RankedTensorType data, RankedTensorType indices, ErrorFn err) {
  FailureOr<SmallVector<int64_t>> result = indexTupleShape(data, indices, err);
  if (failed(result) || failed(checkResultRank(result->size(), err)))
    return failure();
  return result;
}

LogicalResult GatherNdOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto data = dyn_cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = dyn_cast<RankedTensorType>(adaptor.getIndices().getType());
  if (!data || !indices)
    return inferenceErrors<GatherNdOp>(loc)()
           << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape =
      gatherNdShape(data, indices, inferenceErrors<GatherNdOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, data.getElementType());
  return success();
}

LogicalResult GatherNdOp::verify() {
  if (failed(gatherNdShape(getData().getType(), getIndices().getType(),
                           [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// GatherElementsOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
gatherElementsShape(RankedTensorType data, RankedTensorType indices,
                    int64_t axis, ErrorFn err) {
  if (indices.getRank() != data.getRank()) {
    err() << "expected indices of rank " << data.getRank()
          << " (the data rank), got rank " << indices.getRank();
    return failure();
  }
  if (failed(checkAxis(axis, data.getRank(), err)) ||
      failed(checkIndicesWithinData(data, indices, axis, err)))
    return failure();
  return SmallVector<int64_t>(indices.getShape());
}

LogicalResult GatherElementsOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto data = dyn_cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = dyn_cast<RankedTensorType>(adaptor.getIndices().getType());
  if (!data || !indices)
    return inferenceErrors<GatherElementsOp>(loc)()
           << "expected ranked tensor inputs";
  FailureOr<SmallVector<int64_t>> resultShape = gatherElementsShape(
      data, indices, static_cast<int64_t>(adaptor.getAxis()),
      inferenceErrors<GatherElementsOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, data.getElementType());
  return success();
}

LogicalResult GatherElementsOp::verify() {
  if (failed(gatherElementsShape(getData().getType(), getIndices().getType(),
                                 static_cast<int64_t>(getAxis()),
                                 [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ScatterNdOp
//===----------------------------------------------------------------------===//

/// Checks the operands of an ND scatter; the result has the shape of `data`.
static LogicalResult checkScatterNd(RankedTensorType data,
                                    RankedTensorType indices,
                                    RankedTensorType updates, ErrorFn err) {
  FailureOr<SmallVector<int64_t>> expected =
      indexTupleShape(data, indices, err);
  if (failed(expected))
    return failure();
  if (!shape::shapesCompatible(*expected, updates.getShape())) {
    err() << "expected updates of shape " << shape::format(*expected)
          << " (indices without the last dimension, then the data dimensions "
             "an index tuple does not address), got "
          << shape::format(updates.getShape());
    return failure();
  }
  return success();
}

LogicalResult ScatterNdOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto data = dyn_cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = dyn_cast<RankedTensorType>(adaptor.getIndices().getType());
  auto updates = dyn_cast<RankedTensorType>(adaptor.getUpdates().getType());
  if (!data || !indices || !updates)
    return inferenceErrors<ScatterNdOp>(loc)()
           << "expected ranked tensor inputs";
  if (failed(checkScatterNd(data, indices, updates,
                            inferenceErrors<ScatterNdOp>(loc))))
    return failure();
  inferred.emplace_back(data.getShape(), data.getElementType());
  return success();
}

LogicalResult ScatterNdOp::verify() {
  if (failed(checkScatterNd(getData().getType(), getIndices().getType(),
                            getUpdates().getType(),
                            [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ScatterElementsOp
//===----------------------------------------------------------------------===//

static LogicalResult checkScatterElements(RankedTensorType data,
                                          RankedTensorType indices,
                                          RankedTensorType updates,
                                          int64_t axis, ErrorFn err) {
  if (data.getRank() < 1) {
    err() << "expected data of rank at least 1, got rank 0";
    return failure();
  }
  if (indices.getRank() != data.getRank()) {
    err() << "expected indices of rank " << data.getRank()
          << " (the data rank), got rank " << indices.getRank();
    return failure();
  }
  if (failed(checkAxis(axis, data.getRank(), err)))
    return failure();
  if (!shape::shapesCompatible(indices.getShape(), updates.getShape())) {
    err() << "expected updates of shape " << shape::format(indices.getShape())
          << " (that of indices), got " << shape::format(updates.getShape());
    return failure();
  }
  return checkIndicesWithinData(data, indices, axis, err);
}

LogicalResult ScatterElementsOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto data = dyn_cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = dyn_cast<RankedTensorType>(adaptor.getIndices().getType());
  auto updates = dyn_cast<RankedTensorType>(adaptor.getUpdates().getType());
  if (!data || !indices || !updates)
    return inferenceErrors<ScatterElementsOp>(loc)()
           << "expected ranked tensor inputs";
  // The custom parser infers the result type before the attribute dictionary
  // is moved into properties, so `axis` may still sit in the dictionary.
  IntegerAttr axisAttr = adaptor.getAxisAttr();
  if (!axisAttr && adaptor.getAttributes())
    axisAttr = dyn_cast_or_null<IntegerAttr>(
        adaptor.getAttributes().get(
            getAxisAttrName(OperationName(getOperationName(), ctx))));
  int64_t axis = axisAttr ? axisAttr.getInt() : 0;
  if (failed(checkScatterElements(data, indices, updates, axis,
                                  inferenceErrors<ScatterElementsOp>(loc))))
    return failure();
  inferred.emplace_back(data.getShape(), data.getElementType());
  return success();
}

LogicalResult ScatterElementsOp::verify() {
  int64_t axis = static_cast<int64_t>(getAxis().value_or(0));
  if (failed(checkScatterElements(getData().getType(), getIndices().getType(),
                                  getUpdates().getType(), axis,
                                  [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}
