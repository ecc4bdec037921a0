//===- Quantization.cpp - quantize, dequantize, dynamic_quantize → steps --===//
//
// Kernels "quantize" and "dequantize" take (input, scale) and an optional
// `axis` (present only for per-channel scales); the scale's rank chooses
// per-tensor, per-channel or block granularity (docs/engine-format.md).
// "dynamic_quantize" takes (input, double_quant_scale), `axis` and
// `block_size`, and has two results (f4E2M1FN data, f8E4M3FN scales).
//
//===----------------------------------------------------------------------===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

std::optional<LogicalResult> lowerQuantizationOp(Operation *op,
                                                 StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  AttrMap &attrs = step.attrs;
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case<trt::QuantizeOp, trt::DequantizeOp>([&](auto op) -> Result {
        if (std::optional<int32_t> axis = op.getAxis())
          attrs["axis"] = int64_t(*axis);
        step.kernel = isa<trt::QuantizeOp>(op.getOperation()) ? "quantize"
                                                              : "dequantize";
        return success();
      })
      .Case([&](trt::DynamicQuantizeOp op) -> Result {
        attrs["axis"] = int64_t(op.getAxis());
        attrs["block_size"] = int64_t(op.getBlockSize());
        step.kernel = "dynamic_quantize";
        return success();
      })
      .Default([](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
