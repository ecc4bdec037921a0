//===- ControlFlow.cpp - if, while, for, assertion → steps ----------------===//
//
// Picks the kernel of a control-flow op. The regions themselves become
// RegionDesc in EnginePlanBuilder, which owns the buffer table
// (docs/engine-format.md, "Regions").
//
//===----------------------------------------------------------------------===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

std::optional<LogicalResult> lowerControlFlowOp(Operation *op,
                                                StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  // Values in regions may have dynamic shapes: the runtime sizes them each
  // time their region runs (docs/engine-format.md, "Regions").
  auto use = [&](StringRef kernel) -> Result {
    step.kernel = kernel.str();
    return success();
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::IfOp) { return use("if"); })
      .Case([&](trt::WhileOp) { return use("while"); })
      .Case([&](trt::ForOp) { return use("for"); })
      .Case([&](trt::AssertionOp op) -> Result {
        step.attrs["message"] = op.getMessage().str();
        step.kernel = "assertion";
        return success();
      })
      .Default([](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
