//===- Normalization.cpp - normalization, ragged_softmax, prelu → steps ---===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

std::optional<LogicalResult> lowerNormalizationOp(Operation *op,
                                                  StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  AttrMap &attrs = step.attrs;
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::NormalizationOp op) -> Result {
        ArrayRef<int64_t> axis = op.getAxis();
        attrs["axes"] = std::vector<int64_t>(axis.begin(), axis.end());
        if (std::optional<APFloat> eps = op.getEps())
          attrs["eps"] = eps->convertToDouble();
        if (std::optional<uint32_t> groups = op.getNumGroups())
          attrs["num_groups"] = int64_t(*groups);
        step.kernel = "normalization";
        return success();
      })
      .Case([&](trt::RaggedSoftMaxOp) -> Result {
        step.kernel = "ragged_softmax";
        return success();
      })
      .Case([&](trt::ParametricReLUOp) -> Result {
        step.kernel = "parametric_relu";
        return success();
      })
      .Default([&](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
