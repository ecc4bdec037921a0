//===- Kiln.h - the `kiln` engine dialect -----------------------*- C++ -*-===//
//
// Part of Kiln. Include this one header for the dialect, its attributes and
// its operations.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_KILN_IR_KILN_H
#define KILN_DIALECT_KILN_IR_KILN_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace kiln::engine {

/// Parses `[d0, d1, ...]` (possibly empty) for attribute parameters.
mlir::FailureOr<llvm::SmallVector<int64_t>> parseDimList(mlir::AsmParser &parser);
/// Prints the form parsed by parseDimList.
void printDimList(mlir::AsmPrinter &printer, llvm::ArrayRef<int64_t> dims);

} // namespace kiln::engine

#include "kiln/Dialect/Kiln/IR/KilnDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/Kiln/IR/KilnAttributes.h.inc"

#define GET_OP_CLASSES
#include "kiln/Dialect/Kiln/IR/KilnOps.h.inc"

#endif // KILN_DIALECT_KILN_IR_KILN_H
