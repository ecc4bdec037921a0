//===- NormalizationOps.cpp - normalization and learned activations -------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/Normalization.td. Each op's result has the type of its input; one
// function per op checks the other operands against it, for both the
// verifier and type inference.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// True when every dimension of `param` is 1 or could equal the input's.
static bool broadcastsTo(ArrayRef<int64_t> param, ArrayRef<int64_t> input) {
  return param.size() == input.size() &&
         llvm::all_of(llvm::zip_equal(param, input), [](auto pair) {
           auto [p, i] = pair;
           return p == 1 || shape::dimsCompatible(p, i);
         });
}

/// True for `[1, channels, 1, ...]` (the channel size may be unknown).
static bool isPerChannel(ArrayRef<int64_t> param, int64_t channels) {
  for (auto [dim, size] : llvm::enumerate(param)) {
    if (dim == 1 ? !shape::dimsCompatible(size, channels) : size != 1)
      return false;
  }
  return param.size() >= 2;
}

//===----------------------------------------------------------------------===//
// NormalizationOp
//===----------------------------------------------------------------------===//

static LogicalResult checkNormalization(RankedTensorType input,
                                        RankedTensorType scale,
                                        RankedTensorType bias,
                                        ArrayRef<int64_t> axis,
                                        std::optional<int32_t> numGroups,
                                        ErrorFn err) {
  int64_t rank = input.getRank();
  ArrayRef<int64_t> shape = input.getShape();
  if (axis.empty())
    return err() << "expected at least one normalization axis";
  if (axis.back() >= rank)
    return err() << "expected normalization axes in [0, " << rank
                 << "), got " << axis.back();
  for (auto [name, type] : {std::make_pair("scale", scale),
                            std::make_pair("bias", bias)}) {
    if (type.getRank() != rank)
      return err() << "expected " << name << " of rank " << rank
                   << " (the input rank), got rank " << type.getRank();
  }

  auto afterChannels = llvm::seq<int64_t>(2, rank);
  bool axisIsAfterChannels =
      rank > 2 && llvm::equal(axis, afterChannels);
  int64_t channels = rank >= 2 ? shape[1] : ShapedType::kDynamic;

  if (numGroups && *numGroups != 1) {
    int32_t groups = *numGroups;
    if (groups < 1)
      return err() << "expected num_groups to be at least 1, got " << groups;
    if (!axisIsAfterChannels)
      return err() << "expected axis to be every dimension after the channel "
                      "dimension ([2, ..., "
                   << rank - 1 << "]) for num_groups = " << groups
                   << ", got " << formatList(axis);
    if (!ShapedType::isDynamic(channels) && channels % groups != 0)
      return err() << "expected num_groups (" << groups
                   << ") to divide the number of channels (" << channels
                   << ")";
    for (auto [name, type] : {std::make_pair("scale", scale),
                              std::make_pair("bias", bias)}) {
      if (!isPerChannel(type.getShape(), groups))
        return err() << "expected " << name << " of shape [1, " << groups
                     << ", 1, ...] (one value per group) for num_groups = "
                     << groups << ", got " << shape::format(type.getShape());
    }
    return success();
  }

  for (auto [name, type] : {std::make_pair("scale", scale),
                            std::make_pair("bias", bias)}) {
    if (!broadcastsTo(type.getShape(), shape))
      return err() << "expected " << name
                   << " to broadcast to the input shape "
                   << shape::format(shape) << ", got "
                   << shape::format(type.getShape());
  }
  // Batch normalization: statistics over the batch, one scale per channel.
  if (axis.size() == 1 && axis.front() == 0) {
    for (auto [name, type] : {std::make_pair("scale", scale),
                              std::make_pair("bias", bias)}) {
      if (!isPerChannel(type.getShape(), channels))
        return err() << "expected " << name
                     << " of shape [1, C, 1, ...] for batch normalization "
                        "(axis = [0]), got "
                     << shape::format(type.getShape());
    }
    return success();
  }
  // Per-channel scale with several axes is instance normalization, which
  // normalizes over every spatial dimension.
  if (axis.size() > 1 && !ShapedType::isDynamic(channels) && channels != 1 &&
      isPerChannel(scale.getShape(), channels) &&
      isPerChannel(bias.getShape(), channels) && !axisIsAfterChannels)
    return err() << "expected axis [2, ..., " << rank - 1
                 << "] for instance normalization (per-channel scale and "
                    "bias over several axes), got "
                 << formatList(axis);
  return success();
}

static std::optional<int32_t> signedGroups(std::optional<uint32_t> groups) {
  if (!groups)
    return std::nullopt;
  return static_cast<int32_t>(*groups);
}

LogicalResult NormalizationOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  auto scale = dyn_cast<RankedTensorType>(adaptor.getScale().getType());
  auto bias = dyn_cast<RankedTensorType>(adaptor.getBias().getType());
  if (!input || !scale || !bias)
    return inferenceErrors<NormalizationOp>(loc)()
           << "expected ranked tensor operands";
  if (failed(checkNormalization(input, scale, bias, adaptor.getAxis(),
                                signedGroups(adaptor.getNumGroups()),
                                inferenceErrors<NormalizationOp>(loc))))
    return failure();
  inferred.emplace_back(input.getShape(), input.getElementType());
  return success();
}

LogicalResult NormalizationOp::verify() {
  if (failed(checkNormalization(getInput().getType(), getScale().getType(),
                                getBias().getType(), getAxis(),
                                signedGroups(getNumGroups()),
                                [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// RaggedSoftMaxOp
//===----------------------------------------------------------------------===//

static LogicalResult checkRaggedSoftMax(RankedTensorType input,
                                        RankedTensorType bounds, ErrorFn err) {
  if (input.getRank() != 3)
    return err() << "expected input of rank 3 ([batch, sequences, length]), "
                    "got rank "
                 << input.getRank();
  if (bounds.getRank() != 3)
    return err() << "expected bounds of rank 3 ([batch, sequences, 1]), got "
                    "rank "
                 << bounds.getRank();
  SmallVector<int64_t> expected(input.getShape());
  expected.back() = 1;
  if (!shape::shapesCompatible(bounds.getShape(), expected))
    return err() << "expected bounds of shape " << shape::format(expected)
                 << " (one length per sequence), got "
                 << shape::format(bounds.getShape());
  return success();
}

LogicalResult RaggedSoftMaxOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  auto bounds = dyn_cast<RankedTensorType>(adaptor.getBounds().getType());
  if (!input || !bounds)
    return inferenceErrors<RaggedSoftMaxOp>(loc)()
           << "expected ranked tensor operands";
  if (failed(checkRaggedSoftMax(input, bounds,
                                inferenceErrors<RaggedSoftMaxOp>(loc))))
    return failure();
  inferred.emplace_back(input.getShape(), input.getElementType());
  return success();
}

LogicalResult RaggedSoftMaxOp::verify() {
  if (failed(checkRaggedSoftMax(getInput().getType(), getBounds().getType(),
                                [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// ParametricReLUOp
//===----------------------------------------------------------------------===//

static LogicalResult checkParametricReLU(RankedTensorType input,
                                         RankedTensorType slope, ErrorFn err) {
  if (slope.getRank() != input.getRank())
    return err() << "expected slope of rank " << input.getRank()
                 << " (the input rank), got rank " << slope.getRank();
  for (auto [dim, sizes] :
       llvm::enumerate(llvm::zip_equal(slope.getShape(), input.getShape()))) {
    auto [s, i] = sizes;
    if (s != 1 && !shape::dimsCompatible(s, i))
      return err() << "expected slope dimension " << dim << " to be 1 or "
                   << i << " (the input's), got " << s;
  }
  return success();
}

LogicalResult ParametricReLUOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  auto slope = dyn_cast<RankedTensorType>(adaptor.getSlope().getType());
  if (!input || !slope)
    return inferenceErrors<ParametricReLUOp>(loc)()
           << "expected ranked tensor operands";
  if (failed(checkParametricReLU(input, slope,
                                 inferenceErrors<ParametricReLUOp>(loc))))
    return failure();
  inferred.emplace_back(input.getShape(), input.getElementType());
  return success();
}

LogicalResult ParametricReLUOp::verify() {
  if (failed(checkParametricReLU(getInput().getType(), getSlope().getType(),
                                 [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}
