//===- TypeInference.h - Result types of one op, MLIR-free ------*- C++ -*-===//
//
// The frontend asks the dialect, not its own copy of each shape rule, what an
// op it traces produces: the op's InferTypeOpInterface (or
// InferShapedTypeOpInterface) runs on the operand types and attributes it
// would be printed with. Plain C++ interface, so the Python extension can call
// it without MLIR headers.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_COMPILER_TYPEINFERENCE_H
#define KILN_COMPILER_TYPEINFERENCE_H

#include <string>
#include <vector>

namespace kiln::compiler {

struct InferredTypes {
  bool ok = false;
  /// The result types in MLIR syntax (`tensor<2x?xf32>`), one per result.
  std::vector<std::string> types;
  /// Why inference failed: the op's own diagnostics, one per line, without
  /// a location (the caller knows where the op came from).
  std::string diagnostics;
};

/// Infers the result types of the registered op `opName` (e.g.
/// `tensorrt.element_wise`) with operands of `operandTypes` and the
/// attributes `attributes`, a dictionary attribute in MLIR syntax
/// (`{axis = 1 : i64}`, or empty). Ops whose interface infers only shapes use
/// `elementType` (e.g. `f32`) for the element type when it gives none. Thread
/// safe.
InferredTypes inferResultTypes(const std::string &opName,
                               const std::vector<std::string> &operandTypes,
                               const std::string &attributes,
                               const std::string &elementType = "");

} // namespace kiln::compiler

#endif // KILN_COMPILER_TYPEINFERENCE_H
