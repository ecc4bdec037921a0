//===- ControlFlow.cpp - if, while, for, assertion → steps ----------------===//
//
// Picks the kernel of a control-flow op and checks the forms the runtime
// runs. The regions themselves become RegionDesc in EnginePlanBuilder, which
// owns the buffer table (docs/engine-format.md, "Regions").
//
//===----------------------------------------------------------------------===//
#include "Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = mlir::tensorrt;

namespace kiln::compiler {

static bool isDynamic(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  return shaped && !shaped.hasStaticShape();
}

/// Region buffers are planned statically (the runtime binds no shapes inside
/// regions), so every value the op defines or touches in its regions, and
/// its results, must have a static shape.
static LogicalResult checkStaticShapes(Operation *op) {
  for (Type type : op->getResultTypes())
    if (isDynamic(type))
      return op->emitOpError()
             << "has a result of dynamic type " << type
             << "; control-flow results need static shapes in the Kiln "
                "runtime";
  WalkResult walk = op->walk([&](Operation *inner) -> WalkResult {
    if (inner == op)
      return WalkResult::advance();
    for (Value value : inner->getOperands())
      if (isDynamic(value.getType())) {
        inner->emitOpError()
            << "uses a value of dynamic type " << value.getType() << " inside '"
            << op->getName()
            << "'; values inside regions need static shapes in the Kiln "
               "runtime";
        return WalkResult::interrupt();
      }
    for (Type type : inner->getResultTypes())
      if (isDynamic(type)) {
        inner->emitOpError()
            << "defines a value of dynamic type " << type << " inside '"
            << op->getName()
            << "'; values inside regions need static shapes in the Kiln "
               "runtime";
        return WalkResult::interrupt();
      }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  for (Region &region : op->getRegions())
    for (BlockArgument arg : region.getArguments())
      if (isDynamic(arg.getType()))
        return op->emitOpError()
               << "has a region argument of dynamic type " << arg.getType()
               << "; values inside regions need static shapes in the Kiln "
                  "runtime";
  return success();
}

std::optional<LogicalResult> lowerControlFlowOp(Operation *op,
                                                StepDesc &step) {
  using Result = std::optional<LogicalResult>;
  auto use = [&](Operation *op, StringRef kernel) -> Result {
    step.kernel = kernel.str();
    return checkStaticShapes(op);
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](trt::IfOp op) { return use(op, "if"); })
      .Case([&](trt::WhileOp op) { return use(op, "while"); })
      .Case([&](trt::ForOp op) { return use(op, "for"); })
      .Case([&](trt::AssertionOp op) -> Result {
        step.attrs["message"] = op.getMessage().str();
        step.kernel = "assertion";
        return success();
      })
      .Default([](Operation *) -> Result { return std::nullopt; });
}

} // namespace kiln::compiler
