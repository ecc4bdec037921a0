//===- TensorRT.h - the `tensorrt` dialect ----------------------*- C++ -*-===//
//
// Part of Kiln. Include this one header for the dialect, its enums and
// attributes, and its operations.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_TENSORRT_H
#define KILN_DIALECT_TENSORRT_IR_TENSORRT_H

#include "kiln/Dialect/Namespace.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace kiln::tensorrt {

/// True for `!quant.uniform` types with i8 storage, an f16 or f32 expressed
/// type and a zero point of 0: the quantized int8 TensorRT accepts.
bool isSymmetricQuantizedI8(Type type);

/// True when both ranges have the same length and each pair is a pair of
/// ranked tensors with the same element type and rank whose dimensions are
/// equal wherever both are known.
bool areCompatibleTensorTypes(TypeRange lhs, TypeRange rhs);

/// Parses `[d0, d1, ...]` (possibly empty) for attribute parameters.
FailureOr<SmallVector<int64_t>> parseDimList(AsmParser &parser);
/// Prints the form parsed by parseDimList.
void printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims);

} // namespace kiln::tensorrt

#include "kiln/Dialect/TensorRT/IR/TensorRTDialect.h.inc"
#include "kiln/Dialect/TensorRT/IR/TensorRTEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/TensorRT/IR/TensorRTAttributes.h.inc"

#define GET_OP_CLASSES
#include "kiln/Dialect/TensorRT/IR/TensorRTOps.h.inc"

#endif // KILN_DIALECT_TENSORRT_IR_TENSORRT_H
