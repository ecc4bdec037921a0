//===- DataMovement.cpp - Gather/scatter, padding, shape, one_hot, resize -===//
//
// Ops that move data by index arithmetic: the gather and scatter modes,
// one_hot, padding, shape, non_zero and the three resize interpolations.
// Kernels and attributes are listed in docs/engine-format.md.
//
//===----------------------------------------------------------------------===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

/// Attributes every resize op shares; `scales` is optional.
template <typename ResizeOp>
static void addResizeAttrs(ResizeOp op, AttrMap &attrs) {
  attrs["coordinate_transformation"] =
      trt::stringifyResizeCoordinateTransformation(
          op.getCoordinateTransformation())
          .str();
  attrs["selector_for_single_pixel"] =
      trt::stringifyResizeSelector(op.getSelectorForSinglePixel()).str();
  if (std::optional<ArrayRef<float>> scales = op.getScales())
    attrs["scales"] = std::vector<double>(scales->begin(), scales->end());
}

/// A resize whose output shape is only known from its `output_shape` values
/// is sized when the engine runs (`sized_by_output_shape`).
template <typename ResizeOp>
static std::optional<LogicalResult> checkResizeShape(ResizeOp op,
                                                     AttrMap &attrs) {
  auto result = cast<ShapedType>(op.getType());
  if (op.getOutputShape() && !result.hasStaticShape())
    attrs["sized_by_output_shape"] = int64_t(1);
  return std::nullopt;
}

std::optional<LogicalResult> lowerDataMovementOp(Operation *op,
                                                 StepDesc &step) {
  AttrMap &attrs = step.attrs;
  using Result = std::optional<LogicalResult>;
  auto use = [&](StringRef kernel) -> Result {
    step.kernel = kernel.str();
    return success();
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::GatherOp op) -> Result {
        attrs["axis"] = int64_t(op.getAxis());
        attrs["num_broadcast_dims"] = int64_t(op.getNumBroadcastDims());
        return use("gather");
      })
      .Case([&](trt::GatherNdOp) -> Result { return use("gather_nd"); })
      .Case([&](trt::GatherElementsOp op) -> Result {
        attrs["axis"] = int64_t(op.getAxis());
        return use("gather_elements");
      })
      .Case([&](trt::ScatterNdOp) -> Result { return use("scatter_nd"); })
      .Case([&](trt::ScatterElementsOp op) -> Result {
        attrs["axis"] = int64_t(op.getAxis().value_or(0));
        return use("scatter_elements");
      })
      .Case([&](trt::OneHotOp op) -> Result {
        // A dynamic result is sized from the depth operand's value when the
        // engine runs.
        if (!cast<ShapedType>(op.getType()).hasStaticShape())
          attrs["depth_from_value"] = int64_t(1);
        attrs["axis"] = int64_t(op.getAxis());
        return use("one_hot");
      })
      .Case([&](trt::PaddingOp op) -> Result {
        attrs["pre_padding"] =
            std::vector<int64_t>(op.getPrePadding().begin(),
                                 op.getPrePadding().end());
        attrs["post_padding"] =
            std::vector<int64_t>(op.getPostPadding().begin(),
                                 op.getPostPadding().end());
        return use("padding");
      })
      .Case([&](trt::ShapeOp) -> Result { return use("shape"); })
      // The column count is sized at run time from the input's values.
      .Case([&](trt::NonZeroOp) -> Result { return use("non_zero"); })
      .Case([&](trt::ResizeNearestOp op) -> Result {
        if (Result bad = checkResizeShape(op, attrs))
          return bad;
        addResizeAttrs(op, attrs);
        attrs["nearest_rounding"] =
            trt::stringifyResizeRoundMode(op.getNearestRounding()).str();
        return use("resize_nearest");
      })
      .Case([&](trt::ResizeLinearOp op) -> Result {
        if (Result bad = checkResizeShape(op, attrs))
          return bad;
        addResizeAttrs(op, attrs);
        return use("resize_linear");
      })
      .Case([&](trt::ResizeCubicOp op) -> Result {
        if (Result bad = checkResizeShape(op, attrs))
          return bad;
        addResizeAttrs(op, attrs);
        attrs["cubic_coeff"] = op.getCubicCoeff().convertToDouble();
        return use("resize_cubic");
      })
      .Default([&](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
