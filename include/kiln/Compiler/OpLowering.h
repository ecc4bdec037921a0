//===- OpLowering.h - One tensorrt op → one engine step ---------*- C++ -*-===//
#ifndef KILN_COMPILER_OPLOWERING_H
#define KILN_COMPILER_OPLOWERING_H

#include "kiln/Runtime/EnginePlan.h"

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

namespace kiln::compiler {

/// Fills `step.kernel` and `step.attrs` for `op` following the kernel
/// contract in docs/engine-format.md. Operands and results are filled by the
/// caller. Emits an error on `op` and fails for ops, or forms of ops (dynamic
/// parameters), that the runtime does not execute.
mlir::LogicalResult lowerOpToStep(mlir::Operation *op, StepDesc &step);

} // namespace kiln::compiler

#endif // KILN_COMPILER_OPLOWERING_H
