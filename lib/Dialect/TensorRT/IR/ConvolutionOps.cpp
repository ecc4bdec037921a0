//===- ConvolutionOps.cpp - convolution, deconvolution and pooling --------===//
//
// Part of Kiln. Verifiers and result type inference of the ops declared in
// Ops/Convolution.td. Convolution and deconvolution share one function that
// checks the operands and computes the result shape; pooling has its own.
// Both are used by the verifier and by type inference.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// Checks that `input` is `[N, C, spatial...]` with one to three spatial
/// dimensions and returns their number.
static FailureOr<int64_t> spatialDimCount(RankedTensorType input,
                                          ErrorFn err) {
  int64_t rank = input.getRank();
  if (rank < 3 || rank > 5) {
    err() << "expected input of rank 3, 4 or 5 ([N, C] and 1 to 3 spatial "
             "dims), got rank "
          << rank;
    return failure();
  }
  return rank - 2;
}

/// Checks that a window attribute has one entry per spatial dimension, each
/// at least `minimum`.
static LogicalResult checkWindowAttr(StringRef name, ArrayRef<int64_t> values,
                                     int64_t spatialDims, int64_t minimum,
                                     ErrorFn err) {
  if (static_cast<int64_t>(values.size()) != spatialDims)
    return err() << "expected " << name << " to have " << spatialDims
                 << " entries (one per spatial dim), got " << values.size();
  if (llvm::any_of(values, [&](int64_t v) { return v < minimum; }))
    return err() << "expected " << name << " entries to be at least "
                 << minimum << ", got " << formatList(values);
  return success();
}

//===----------------------------------------------------------------------===//
// ConvolutionOp and DeconvolutionOp
//===----------------------------------------------------------------------===//

namespace {
/// What convolution and deconvolution have in common, under their own
/// argument names.
struct ConvolutionParts {
  bool transposed = false;
  StringRef kernelName, kernelStaticName, biasName, biasStaticName;
  RankedTensorType input;
  Value kernel;
  ElementsAttr kernelStatic;
  Value bias;
  ElementsAttr biasStatic;
  ArrayRef<int64_t> stride, prePadding, postPadding;
  std::optional<ArrayRef<int64_t>> dilation;
  int64_t numGroups = 1;
};
} // namespace

/// The type of an operand or elements attribute, whichever is given.
static ShapedType operandOrAttrType(Value operand, ElementsAttr attr) {
  if (operand)
    return dyn_cast<ShapedType>(operand.getType());
  return attr ? attr.getShapedType() : ShapedType();
}

static FailureOr<SmallVector<int64_t>>
convolutionShape(const ConvolutionParts &p, ErrorFn err) {
  FailureOr<int64_t> spatialDims = spatialDimCount(p.input, err);
  if (failed(spatialDims))
    return failure();
  int64_t rank = p.input.getRank();
  Type elementType = p.input.getElementType();

  if (!p.kernel && !p.kernelStatic) {
    err() << "expected a " << p.kernelName << " operand or a "
          << p.kernelStaticName << " attribute, got neither";
    return failure();
  }
  if (p.kernel && p.kernelStatic) {
    err() << "expected a " << p.kernelName << " operand or a "
          << p.kernelStaticName << " attribute, got both";
    return failure();
  }
  if (p.bias && p.biasStatic) {
    err() << "expected a " << p.biasName << " operand or a "
          << p.biasStaticName << " attribute, got both";
    return failure();
  }
  auto kernelType =
      dyn_cast_if_present<RankedTensorType>(operandOrAttrType(p.kernel,
                                                              p.kernelStatic));
  if (!kernelType || kernelType.getRank() != rank) {
    err() << "expected " << (p.kernel ? p.kernelName : p.kernelStaticName)
          << " of rank " << rank << " (the input rank), got "
          << operandOrAttrType(p.kernel, p.kernelStatic);
    return failure();
  }
  if (kernelType.getElementType() != elementType) {
    err() << "expected " << p.kernelStaticName << " of element type "
          << elementType << " (the input's), got "
          << kernelType.getElementType();
    return failure();
  }

  if (failed(checkWindowAttr("stride", p.stride, *spatialDims, 1, err)) ||
      failed(checkWindowAttr("pre_padding", p.prePadding, *spatialDims, 0,
                             err)) ||
      failed(checkWindowAttr("post_padding", p.postPadding, *spatialDims, 0,
                             err)))
    return failure();
  if (p.dilation &&
      failed(checkWindowAttr("dilation", *p.dilation, *spatialDims, 1, err)))
    return failure();
  ArrayRef<int64_t> window = kernelType.getShape().drop_front(2);
  if (llvm::any_of(window, [](int64_t w) { return w == 0; })) {
    err() << "expected a kernel window of non-zero sizes, got "
          << shape::format(window);
    return failure();
  }

  // Channels: convolution kernels are [K, C / G, window...], deconvolution
  // kernels [C, K / G, window...].
  int64_t groups = p.numGroups;
  if (groups < 1) {
    err() << "expected num_groups to be at least 1, got " << groups;
    return failure();
  }
  int64_t inChannels = p.input.getDimSize(1);
  if (!ShapedType::isDynamic(inChannels) && inChannels % groups != 0) {
    err() << "expected num_groups (" << groups
          << ") to divide the input channels (" << inChannels << ")";
    return failure();
  }
  int64_t outChannels;
  if (!p.transposed) {
    outChannels = kernelType.getDimSize(0);
    if (!ShapedType::isDynamic(outChannels) && outChannels % groups != 0) {
      err() << "expected num_groups (" << groups
            << ") to divide the output channels (" << outChannels
            << ", kernel dimension 0)";
      return failure();
    }
    int64_t perGroup = ShapedType::isDynamic(inChannels)
                           ? ShapedType::kDynamic
                           : inChannels / groups;
    if (!shape::dimsCompatible(kernelType.getDimSize(1), perGroup)) {
      err() << "expected kernel dimension 1 to be " << perGroup
            << " (input channels / num_groups = " << inChannels << " / "
            << groups << "), got " << kernelType.getDimSize(1);
      return failure();
    }
  } else {
    if (!shape::dimsCompatible(kernelType.getDimSize(0), inChannels)) {
      err() << "expected kernel dimension 0 to be " << inChannels
            << " (the input channels), got " << kernelType.getDimSize(0);
      return failure();
    }
    int64_t perGroup = kernelType.getDimSize(1);
    outChannels = ShapedType::isDynamic(perGroup) ? ShapedType::kDynamic
                                                  : perGroup * groups;
  }

  if (ShapedType biasType = operandOrAttrType(p.bias, p.biasStatic)) {
    StringRef name = p.bias ? p.biasName : p.biasStaticName;
    if (!biasType.hasRank() || biasType.getRank() != 1 ||
        !shape::dimsCompatible(biasType.getDimSize(0), outChannels)) {
      err() << "expected " << name << " of shape ["
            << shape::format({outChannels})
            << "] (one value per output channel), got " << biasType;
      return failure();
    }
    if (biasType.getElementType() != elementType) {
      err() << "expected " << name << " of element type " << elementType
            << " (the input's), got " << biasType.getElementType();
      return failure();
    }
    // An unknown kernel size may still be known from the bias.
    if (ShapedType::isDynamic(outChannels))
      outChannels = biasType.getDimSize(0);
  }

  SmallVector<int64_t> result = {p.input.getDimSize(0), outChannels};
  for (int64_t i = 0; i < *spatialDims; ++i) {
    int64_t in = p.input.getDimSize(i + 2);
    int64_t w = window[i];
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(w)) {
      result.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t d = p.dilation ? (*p.dilation)[i] : 1;
    int64_t dilatedWindow = d * (w - 1) + 1;
    int64_t pads = p.prePadding[i] + p.postPadding[i];
    int64_t out;
    if (!p.transposed) {
      int64_t padded = in + pads;
      if (padded < dilatedWindow) {
        err() << "expected padded input size " << padded
              << " along spatial dim " << i
              << " to be at least the dilated kernel window " << dilatedWindow;
        return failure();
      }
      out = (padded - dilatedWindow) / p.stride[i] + 1;
    } else {
      out = (in - 1) * p.stride[i] + dilatedWindow - pads;
      if (out < 1) {
        err() << "expected a positive output size along spatial dim " << i
              << ", got " << out << " (padding " << pads
              << " removes the whole output)";
        return failure();
      }
    }
    result.push_back(out);
  }
  return result;
}

template <typename AdaptorOrOp>
static ConvolutionParts convolutionParts(AdaptorOrOp op) {
  ConvolutionParts p;
  p.kernelName = "kernel";
  p.kernelStaticName = "kernelStatic";
  p.biasName = "bias";
  p.biasStaticName = "biasStatic";
  p.input = dyn_cast<RankedTensorType>(op.getInput().getType());
  p.kernel = op.getKernel();
  p.kernelStatic = op.getKernelStaticAttr();
  p.bias = op.getBias();
  p.biasStatic = op.getBiasStaticAttr();
  p.stride = op.getStride();
  p.prePadding = op.getPrePadding();
  p.postPadding = op.getPostPadding();
  p.dilation = op.getDilation();
  p.numGroups = op.getNumGroups();
  return p;
}

template <typename AdaptorOrOp>
static ConvolutionParts deconvolutionParts(AdaptorOrOp op) {
  ConvolutionParts p;
  p.transposed = true;
  p.kernelName = "kernelWeights";
  p.kernelStaticName = "kernelWeightsStatic";
  p.biasName = "biasWeights";
  p.biasStaticName = "biasWeightsStatic";
  p.input = dyn_cast<RankedTensorType>(op.getInput().getType());
  p.kernel = op.getKernelWeights();
  p.kernelStatic = op.getKernelWeightsStaticAttr();
  p.bias = op.getBiasWeights();
  p.biasStatic = op.getBiasWeightsStaticAttr();
  p.stride = op.getStride();
  p.prePadding = op.getPrePadding();
  p.postPadding = op.getPostPadding();
  p.dilation = op.getDilation();
  p.numGroups = op.getNumGroups();
  return p;
}

static LogicalResult
inferConvolution(const ConvolutionParts &parts, ErrorFn err,
                 SmallVectorImpl<ShapedTypeComponents> &inferred) {
  if (!parts.input)
    return err() << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape = convolutionShape(parts, err);
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, parts.input.getElementType());
  return success();
}

LogicalResult ConvolutionOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferConvolution(convolutionParts(adaptor),
                          inferenceErrors<ConvolutionOp>(loc), inferred);
}

LogicalResult ConvolutionOp::verify() {
  if (failed(convolutionShape(convolutionParts(*this),
                              [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

LogicalResult DeconvolutionOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  return inferConvolution(deconvolutionParts(adaptor),
                          inferenceErrors<DeconvolutionOp>(loc), inferred);
}

LogicalResult DeconvolutionOp::verify() {
  if (failed(convolutionShape(deconvolutionParts(*this),
                              [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}

//===----------------------------------------------------------------------===//
// PoolingOp
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<int64_t>>
poolingShape(RankedTensorType input, ArrayRef<int64_t> windowSize,
             ArrayRef<int64_t> stride, ArrayRef<int64_t> prePadding,
             ArrayRef<int64_t> postPadding, PoolingType type,
             std::optional<APFloat> blendFactor,
             std::optional<bool> averageCountExcludesPadding, ErrorFn err) {
  FailureOr<int64_t> spatialDims = spatialDimCount(input, err);
  if (failed(spatialDims))
    return failure();
  if (failed(checkWindowAttr("windowSize", windowSize, *spatialDims, 1, err)) ||
      failed(checkWindowAttr("stride", stride, *spatialDims, 1, err)) ||
      failed(checkWindowAttr("prePadding", prePadding, *spatialDims, 0, err)) ||
      failed(checkWindowAttr("postPadding", postPadding, *spatialDims, 0, err)))
    return failure();

  StringRef typeName = stringifyPoolingType(type);
  bool blends = type == PoolingType::kMAX_AVERAGE_BLEND;
  if (blends && !blendFactor) {
    err() << "expected a blendFactor for " << typeName;
    return failure();
  }
  if (!blends && blendFactor) {
    err() << "expected no blendFactor for " << typeName
          << ", which does not blend";
    return failure();
  }
  if (blendFactor) {
    double factor = blendFactor->convertToDouble();
    if (!(factor >= 0.0 && factor <= 1.0)) {
      err() << "expected blendFactor in [0, 1], got " << factor;
      return failure();
    }
  }
  bool averages = type != PoolingType::kMAX;
  if (averages && !averageCountExcludesPadding) {
    err() << "expected averageCountExcludesPadding for " << typeName
          << ", which averages";
    return failure();
  }
  if (!averages && averageCountExcludesPadding) {
    err() << "expected no averageCountExcludesPadding for " << typeName
          << ", which does not average";
    return failure();
  }

  SmallVector<int64_t> result(input.getShape().take_front(2));
  for (int64_t i = 0; i < *spatialDims; ++i) {
    int64_t in = input.getDimSize(i + 2);
    if (ShapedType::isDynamic(in)) {
      result.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t padded = in + prePadding[i] + postPadding[i];
    if (padded < windowSize[i]) {
      err() << "expected padded input size " << padded << " along spatial dim "
            << i << " to be at least the window size " << windowSize[i];
      return failure();
    }
    result.push_back((padded - windowSize[i]) / stride[i] + 1);
  }
  return result;
}

LogicalResult PoolingOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  auto input = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
  if (!input)
    return inferenceErrors<PoolingOp>(loc)()
           << "expected a ranked tensor input";
  FailureOr<SmallVector<int64_t>> resultShape = poolingShape(
      input, adaptor.getWindowSize(), adaptor.getStride(),
      adaptor.getPrePadding(), adaptor.getPostPadding(),
      adaptor.getPoolingType(), adaptor.getBlendFactor(),
      adaptor.getAverageCountExcludesPadding(),
      inferenceErrors<PoolingOp>(loc));
  if (failed(resultShape))
    return failure();
  inferred.emplace_back(*resultShape, input.getElementType());
  return success();
}

LogicalResult PoolingOp::verify() {
  if (failed(poolingShape(getInput().getType(), getWindowSize(), getStride(),
                          getPrePadding(), getPostPadding(), getPoolingType(),
                          getBlendFactor(), getAverageCountExcludesPadding(),
                          [this] { return emitOpError(); })))
    return failure();
  return verifyResultTypeIsInferred(*this);
}
