//===- KilnInterfaces.td - lowering source ops to steps ----*- tablegen -*-===//
//
// Part of Kiln. Ops of a source dialect (`tensorrt`) implement this interface
// to say which kernel runs them and with which attributes; the conversion to
// the `kiln` dialect asks each op through it.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_KILN_IR_KILNINTERFACES_TD
#define KILN_DIALECT_KILN_IR_KILNINTERFACES_TD

include "mlir/IR/OpBase.td"

def Kiln_StepLoweringOpInterface : OpInterface<"StepLoweringOpInterface"> {
  let cppNamespace = "::kiln::engine";
  let description = [{
    An op that becomes one `kiln.step`: its operands become the step's
    operands (in order), its results the step's results and its regions the
    step's regions. The op names the kernel and fills the kernel's
    attributes following docs/engine-format.md, or emits an error on itself
    and fails for a form the runtime does not execute.
  }];
  let methods = [
    InterfaceMethod<[{
        Sets the kernel name and attributes of the step this op lowers to,
        or emits an error and fails.
      }], "::llvm::LogicalResult", "lowerToStep",
      (ins "::kiln::engine::StepLowering &":$step)>,
  ];
}

#endif // KILN_DIALECT_KILN_IR_KILNINTERFACES_TD
