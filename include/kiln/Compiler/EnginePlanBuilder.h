//===- EnginePlanBuilder.h - func.func over tensorrt ops → plan -*- C++ -*-===//
#ifndef KILN_COMPILER_ENGINEPLANBUILDER_H
#define KILN_COMPILER_ENGINEPLANBUILDER_H

#include "kiln/Runtime/EnginePlan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"

namespace kiln::compiler {

/// Turns a verified function over `tensorrt` ops into an engine plan: one
/// buffer per value, constants embedded, one step per op, intermediate
/// buffers planned in one arena. Emits an error at the location of every op,
/// argument or type the runtime cannot execute and fails if there was any.
mlir::FailureOr<EnginePlan> buildEnginePlan(mlir::func::FuncOp func);

} // namespace kiln::compiler

#endif // KILN_COMPILER_ENGINEPLANBUILDER_H
