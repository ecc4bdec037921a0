//===- Sdy.h - the `sdy` sharding annotations -------------------*- C++ -*-===//
//
// Part of Kiln. The dialect, attributes and ops of Kiln's reading of
// Shardy's `sdy` dialect (see SdyOps.td).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_SDY_IR_SDY_H
#define KILN_DIALECT_SDY_IR_SDY_H

#include "kiln/Dialect/Namespace.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "kiln/Dialect/Sdy/IR/SdyDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/Sdy/IR/SdyAttributes.h.inc"

#define GET_OP_CLASSES
#include "kiln/Dialect/Sdy/IR/SdyOps.h.inc"

#endif // KILN_DIALECT_SDY_IR_SDY_H
