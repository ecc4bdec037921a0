//===- QuantizationOps.cpp - quantize and dequantize ops ------------------===//
//
// Part of Kiln. Verifiers and result type inference of tensorrt.quantize,
// tensorrt.dequantize and tensorrt.dynamic_quantize.
//
// Quantize and dequantize share the scale rules (see Quantization.td): one
// function classifies the scale and checks it against the input, and both
// the verifier and shape inference call it.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

//===----------------------------------------------------------------------===//
// Scale rules shared by QuantizeOp and DequantizeOp
//===----------------------------------------------------------------------===//

namespace {
enum class ScaleGranularity { PerTensor, PerChannel, Block };
} // namespace

/// Checks `scale` and `axis` against `input` and returns how the scale
/// applies. `what` is "quantization" or "dequantization".
static FailureOr<ScaleGranularity>
checkScale(RankedTensorType input, RankedTensorType scale,
           std::optional<int32_t> axis, StringRef what, ErrorFn err) {
  int64_t rank = input.getRank();
  int64_t scaleRank = scale.getRank();

  if (axis) {
    if (scaleRank != 1)
      return err() << "expected a 1-D scale for per-channel " << what
                   << " (axis is set), got a scale of rank " << scaleRank;
    if (*axis < 0 || *axis >= rank)
      return err() << "expected axis to be in [0, " << rank << "), got "
                   << *axis;
    int64_t channels = input.getDimSize(*axis);
    int64_t entries = scale.getDimSize(0);
    if (!shape::dimsCompatible(channels, entries))
      return err() << "expected scale to have " << channels
                   << " entries (dimension " << *axis << " of input), got "
                   << entries;
    return ScaleGranularity::PerChannel;
  }

  if (scaleRank == 0)
    return ScaleGranularity::PerTensor;
  if (scaleRank == 1)
    return err() << "expected axis for a 1-D scale (per-channel " << what
                 << ")";
  if (scaleRank != rank)
    return err() << "expected scale of rank 0 (per-tensor " << what << ")"
                 << (rank >= 2 ? " or " + std::to_string(rank) +
                                     " (block " + what.str() + ")"
                               : std::string())
                 << ", got rank " << scaleRank;

  // Block granularity: the shapes differ in at most one dimension, one of
  // the last two, whose input size is a multiple of the scale size.
  std::optional<int64_t> blocked;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t size = input.getDimSize(i);
    int64_t scaleSize = scale.getDimSize(i);
    if (shape::dimsCompatible(size, scaleSize))
      continue;
    if (blocked)
      return err() << "expected block scale to differ from the input in at "
                      "most one dimension, got scale "
                   << shape::format(scale.getShape()) << " for input "
                   << shape::format(input.getShape());
    blocked = i;
  }
  if (!blocked)
    return ScaleGranularity::Block;
  if (*blocked < rank - 2)
    return err() << "expected the blocked dimension to be one of the last "
                    "two, got dimension "
                 << *blocked << " of " << rank;
  int64_t size = input.getDimSize(*blocked);
  int64_t scaleSize = scale.getDimSize(*blocked);
  if (scaleSize <= 0 || size % scaleSize != 0)
    return err() << "expected input size " << size << " of blocked dimension "
                 << *blocked << " to be a multiple of the scale size "
                 << scaleSize;
  return ScaleGranularity::Block;
}

/// Result shape of quantize/dequantize: the input's, once the scale checks.
static FailureOr<SmallVector<int64_t>>
scaledShape(Type inputType, Type scaleType, std::optional<int32_t> axis,
            StringRef what, ErrorFn err) {
  auto input = dyn_cast<RankedTensorType>(inputType);
  auto scale = dyn_cast<RankedTensorType>(scaleType);
  if (!input || !scale)
    return err() << "expected ranked tensor input and scale";
  if (failed(checkScale(input, scale, axis, what, err)))
    return failure();
  return llvm::to_vector(input.getShape());
}

/// Element types TensorRT block-(de)quantizes.
static bool isBlockQuantizable(Type type) {
  return type.isSignlessInteger(4) || isa<Float4E2M1FNType>(type) ||
         isa<Float8E4M3FNType>(type);
}

/// Verifier shared by quantize and dequantize; `lowPrecision` is the
/// quantized side (the result of quantize, the input of dequantize).
template <typename OpTy>
static LogicalResult verifyScaledOp(OpTy op, StringRef what,
                                    StringRef lowPrecisionName,
                                    RankedTensorType lowPrecision) {
  auto err = [&] { return op.emitOpError(); };
  RankedTensorType input = op.getInput().getType();
  RankedTensorType scale = op.getScale().getType();
  FailureOr<ScaleGranularity> granularity =
      checkScale(input, scale, op.getAxis(), what, err);
  if (failed(granularity))
    return failure();
  Type element = lowPrecision.getElementType();
  if (*granularity == ScaleGranularity::Block && !isBlockQuantizable(element))
    return op.emitOpError("expected i4, f4E2M1FN or f8E4M3FN ")
           << lowPrecisionName << " for block " << what << ", got " << element;
  RankedTensorType result = op.getResult().getType();
  if (!shape::shapesCompatible(input.getShape(), result.getShape()))
    return op.emitOpError("expected result shape ")
           << shape::format(input.getShape()) << " (that of the input), got "
           << shape::format(result.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// QuantizeOp
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  FailureOr<SmallVector<int64_t>> resultShape = scaledShape(
      adaptor.getInput().getType(), adaptor.getScale().getType(),
      adaptor.getAxis(), "quantization", inferenceErrors<QuantizeOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape);
  return success();
}

LogicalResult QuantizeOp::verify() {
  return verifyScaledOp(*this, "quantization", "result", getType());
}

//===----------------------------------------------------------------------===//
// DequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult DequantizeOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  FailureOr<SmallVector<int64_t>> resultShape = scaledShape(
      adaptor.getInput().getType(), adaptor.getScale().getType(),
      adaptor.getAxis(), "dequantization", inferenceErrors<DequantizeOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape);
  return success();
}

LogicalResult DequantizeOp::verify() {
  return verifyScaledOp(*this, "dequantization", "input",
                        getInput().getType());
}

//===----------------------------------------------------------------------===//
// DynamicQuantizeOp
//===----------------------------------------------------------------------===//

/// The only block size TensorRT's dynamic quantization supports.
static constexpr int64_t kDynamicQuantBlockSize = 16;

/// Checks the input, axis and block size; returns the shapes of the data and
/// of the block scales.
static FailureOr<std::pair<SmallVector<int64_t>, SmallVector<int64_t>>>
dynamicQuantizeShapes(Type inputType, int64_t axis, int64_t blockSize,
                      ErrorFn err) {
  auto input = dyn_cast<RankedTensorType>(inputType);
  if (!input)
    return err() << "expected a ranked tensor input";
  if (blockSize != kDynamicQuantBlockSize)
    return err() << "expected block_size " << kDynamicQuantBlockSize
                 << ", got " << blockSize;
  int64_t rank = input.getRank();
  if (axis < std::max<int64_t>(rank - 2, 0) || axis >= rank)
    return err() << "expected axis to be one of the last two dimensions (in ["
                 << std::max<int64_t>(rank - 2, 0) << ", " << rank
                 << ")), got " << axis;
  SmallVector<int64_t> data = llvm::to_vector(input.getShape());
  SmallVector<int64_t> scales = data;
  int64_t size = data[axis];
  if (!ShapedType::isDynamic(size)) {
    if (size % blockSize != 0)
      return err() << "expected dimension " << axis << " of input (size "
                   << size << ") to be a multiple of the block size "
                   << blockSize;
    scales[axis] = size / blockSize;
  }
  return std::make_pair(std::move(data), std::move(scales));
}

LogicalResult DynamicQuantizeOp::inferReturnTypeComponents(
    MLIRContext *ctx, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto shapes = dynamicQuantizeShapes(
      adaptor.getInput().getType(), adaptor.getAxis(), adaptor.getBlockSize(),
      inferenceErrors<DynamicQuantizeOp>(loc));
  if (failed(shapes))
    return failure();
  inferred.emplace_back(shapes->first, Float4E2M1FNType::get(ctx));
  inferred.emplace_back(shapes->second, Float8E4M3FNType::get(ctx));
  return success();
}

LogicalResult DynamicQuantizeOp::verify() {
  auto shapes = dynamicQuantizeShapes(getInput().getType(), getAxis(),
                                      getBlockSize(),
                                      [this] { return emitOpError(); });
  if (failed(shapes))
    return failure();
  if (!shape::shapesCompatible(shapes->first, getResult().getType().getShape()))
    return emitOpError("expected result shape ")
           << shape::format(shapes->first) << " (that of the input), got "
           << shape::format(getResult().getType().getShape());
  if (!shape::shapesCompatible(shapes->second,
                               getScales().getType().getShape()))
    return emitOpError("expected scales shape ")
           << shape::format(shapes->second)
           << " (the input's with dimension " << getAxis()
           << " divided by the block size), got "
           << shape::format(getScales().getType().getShape());
  return success();
}
