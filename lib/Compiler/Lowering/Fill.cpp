//===- Fill.cpp - linspace, random_uniform, random_normal → steps ---------===//
//
// Static parameters travel as f64 attributes; dynamic ones stay operands
// (after the optional `shape` operand, flagged by `has_shape`). A result
// with `?` dims is marked `dynamic_shape`: the runtime sizes it from the
// `shape` operand's values when they are known. random_* read an optional integer `seed` attribute of the op
// (default 0), so a program chooses its stream and gets it on every run.
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

/// Common part of the fill ops: a static result, `has_shape` and `seed`.
static LogicalResult lowerFillShape(Operation *op, Value shape,
                                    StepDesc &step) {
  auto result = cast<RankedTensorType>(op->getResult(0).getType());
  if (!result.hasStaticShape()) {
    if (!shape)
      return op->emitOpError("expected a 'shape' operand for a result of "
                             "dynamic shape");
    // The runtime reads the operand's values to size the result.
    step.attrs["dynamic_shape"] = int64_t(1);
  }
  step.attrs["has_shape"] = int64_t(shape != nullptr);
  if (Attribute seed = op->getAttr("seed")) {
    auto integer = dyn_cast<IntegerAttr>(seed);
    if (!integer)
      return op->emitOpError("expected 'seed' to be an integer attribute");
    step.attrs["seed"] = integer.getValue().getSExtValue();
  }
  return success();
}

std::optional<LogicalResult> lowerFillOp(Operation *op, StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  AttrMap &attrs = step.attrs;
  auto pair = [&](const char *first, std::optional<APFloat> a,
                  const char *second, std::optional<APFloat> b,
                  double defaultA, double defaultB, bool dynamic) {
    if (dynamic)
      return;
    attrs[first] = a ? a->convertToDouble() : defaultA;
    attrs[second] = b ? b->convertToDouble() : defaultB;
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::LinspaceOp op) -> Result {
        if (failed(lowerFillShape(op, op.getShape(), step)))
          return failure();
        pair("start", op.getStaticStart(), "step", op.getStaticStep(), 0.0,
             0.0, op.getStart() != nullptr);
        step.kernel = "linspace";
        return success();
      })
      .Case([&](trt::RandomUniformOp op) -> Result {
        if (failed(lowerFillShape(op, op.getShape(), step)))
          return failure();
        pair("low", op.getStaticLow(), "high", op.getStaticHigh(), 0.0, 1.0,
             op.getLow() != nullptr);
        step.kernel = "random_uniform";
        return success();
      })
      .Case([&](trt::RandomNormalOp op) -> Result {
        if (failed(lowerFillShape(op, op.getShape(), step)))
          return failure();
        pair("mean", op.getStaticMean(), "std", op.getStaticStd(), 0.0, 1.0,
             op.getMean() != nullptr);
        step.kernel = "random_normal";
        return success();
      })
      .Default([&](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
