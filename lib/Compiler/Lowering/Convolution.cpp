//===- Convolution.cpp - convolution, deconvolution, pooling → steps ------===//
//
// Window attributes travel as i64 lists under the runtime's names
// (docs/engine-format.md). A kernel or bias given as an elements attribute
// (`kernelStatic`, `biasStatic`, ...) travels in the step as an f64 list,
// which holds every f32/f16/bf16/i8 value exactly, with `kernel_shape`
// giving the static kernel's shape; the step's operands are then only the
// tensors the op actually takes as operands, in order.
//
//===----------------------------------------------------------------------===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

static std::vector<int64_t> toVector(ArrayRef<int64_t> values) {
  return std::vector<int64_t>(values.begin(), values.end());
}

/// The values of a dense elements attribute as doubles; fails (with an
/// error on `op`) for other kinds of elements attributes.
static FailureOr<std::vector<double>>
staticValues(Operation *op, ElementsAttr attr, StringRef name) {
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense) {
    (void)notSupported(op, ("a non-dense '" + name + "' attribute").str());
    return failure();
  }
  std::vector<double> values;
  values.reserve(dense.getNumElements());
  if (isa<FloatType>(dense.getElementType())) {
    for (const APFloat &value : dense.getValues<APFloat>()) {
      APFloat wide = value;
      bool losesInfo = false;
      wide.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                   &losesInfo);
      values.push_back(wide.convertToDouble());
    }
  } else {
    for (const APInt &value : dense.getValues<APInt>())
      values.push_back(static_cast<double>(value.getSExtValue()));
  }
  return values;
}

/// Shared by convolution and deconvolution: window attributes plus the
/// static kernel and bias when they are attributes.
static LogicalResult lowerConvolutionLike(Operation *op, StepDesc &step,
                                          ArrayRef<int64_t> stride,
                                          ArrayRef<int64_t> prePadding,
                                          ArrayRef<int64_t> postPadding,
                                          std::optional<ArrayRef<int64_t>> dilation,
                                          uint32_t numGroups,
                                          ElementsAttr kernelStatic,
                                          StringRef kernelStaticName,
                                          ElementsAttr biasStatic,
                                          StringRef biasStaticName) {
  AttrMap &attrs = step.attrs;
  attrs["stride"] = toVector(stride);
  attrs["pre_padding"] = toVector(prePadding);
  attrs["post_padding"] = toVector(postPadding);
  attrs["dilation"] = dilation ? toVector(*dilation)
                               : std::vector<int64_t>(stride.size(), 1);
  attrs["num_groups"] = int64_t(numGroups);
  if (kernelStatic) {
    FailureOr<std::vector<double>> values =
        staticValues(op, kernelStatic, kernelStaticName);
    if (failed(values))
      return failure();
    attrs["kernel_static"] = std::move(*values);
    attrs["kernel_shape"] = toVector(kernelStatic.getShapedType().getShape());
  }
  if (biasStatic) {
    FailureOr<std::vector<double>> values =
        staticValues(op, biasStatic, biasStaticName);
    if (failed(values))
      return failure();
    attrs["bias_static"] = std::move(*values);
  }
  return success();
}

std::optional<LogicalResult> lowerConvolutionOp(Operation *op,
                                                StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::ConvolutionOp op) -> Result {
        step.kernel = "convolution";
        return lowerConvolutionLike(
            op, step, op.getStride(), op.getPrePadding(), op.getPostPadding(),
            op.getDilation(), op.getNumGroups(), op.getKernelStaticAttr(),
            "kernelStatic", op.getBiasStaticAttr(), "biasStatic");
      })
      .Case([&](trt::DeconvolutionOp op) -> Result {
        step.kernel = "deconvolution";
        return lowerConvolutionLike(
            op, step, op.getStride(), op.getPrePadding(), op.getPostPadding(),
            op.getDilation(), op.getNumGroups(),
            op.getKernelWeightsStaticAttr(), "kernelWeightsStatic",
            op.getBiasWeightsStaticAttr(), "biasWeightsStatic");
      })
      .Case([&](trt::PoolingOp op) -> Result {
        AttrMap &attrs = step.attrs;
        attrs["type"] = trt::stringifyPoolingType(op.getPoolingType()).str();
        attrs["window"] = toVector(op.getWindowSize());
        attrs["stride"] = toVector(op.getStride());
        attrs["pre_padding"] = toVector(op.getPrePadding());
        attrs["post_padding"] = toVector(op.getPostPadding());
        if (std::optional<APFloat> blend = op.getBlendFactor())
          attrs["blend_factor"] = blend->convertToDouble();
        if (std::optional<bool> excludes = op.getAverageCountExcludesPadding())
          attrs["exclude_padding"] = int64_t(*excludes);
        step.kernel = "pooling";
        return success();
      })
      .Default([&](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
