//===- StableHLO.h - the `stablehlo` and `chlo` input dialects --*- C++ -*-===//
//
// Part of Kiln. Include this one header for both input dialects, their
// enums and their operations.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_STABLEHLO_IR_STABLEHLO_H
#define KILN_DIALECT_STABLEHLO_IR_STABLEHLO_H

#include "kiln/Dialect/Namespace.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "kiln/Dialect/StableHLO/IR/StableHLODialect.h.inc"
#include "kiln/Dialect/StableHLO/IR/StableHLOEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/StableHLO/IR/StableHLOAttributes.h.inc"

#define GET_OP_CLASSES
#include "kiln/Dialect/StableHLO/IR/StableHLOOps.h.inc"

#include "kiln/Dialect/StableHLO/IR/ChloDialect.h.inc"

#define GET_OP_CLASSES
#include "kiln/Dialect/StableHLO/IR/ChloOps.h.inc"

#endif // KILN_DIALECT_STABLEHLO_IR_STABLEHLO_H
