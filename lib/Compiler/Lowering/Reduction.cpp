//===- Reduction.cpp - top_k, argmin, argmax, einsum → steps --------------===//
//
// argmin and argmax are top_k with k = 1 (the dialect defines them so), and
// lower to the same `top_k` kernel; axes travel as given (non-negative).
//
//===----------------------------------------------------------------------===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

std::optional<LogicalResult> lowerReductionOp(Operation *op, StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  AttrMap &attrs = step.attrs;
  auto topK = [&](StringRef which, int64_t k, int64_t axis) -> Result {
    attrs["op"] = which.str();
    attrs["k"] = k;
    attrs["axis"] = axis;
    step.kernel = "top_k";
    return success();
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::TopKOp op) -> Result {
        return topK(trt::stringifyTopKOperation(op.getTopkOperation()),
                    int64_t(op.getK()), int64_t(op.getAxis()));
      })
      .Case([&](trt::ArgMinOp op) -> Result {
        return topK("kMIN", 1, int64_t(op.getAxis()));
      })
      .Case([&](trt::ArgMaxOp op) -> Result {
        return topK("kMAX", 1, int64_t(op.getAxis()));
      })
      .Case([&](trt::EinsumOp op) -> Result {
        attrs["equation"] = op.getEquation().str();
        step.kernel = "einsum";
        return success();
      })
      .Default([&](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
