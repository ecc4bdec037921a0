//===- ONNXImporter.h - ONNX model to the tensorrt dialect ------*- C++ -*-===//
//
// Part of Kiln. Reads a serialized ONNX model (ModelProto, with external data
// files next to it) and builds a module with one `func.func @main` over
// `tensorrt` ops: graph inputs become arguments (named by `loc("name")`,
// `dim_param` and unknown dimensions become `?`), initializers become
// constants, graph outputs become results.
//
// Before anything is converted every node is checked: the nodes Kiln cannot
// convert are listed together in one error, by node name, op type and opset.
// Every error names the model file (and the node, through the op's
// location `loc("node name"("file"))`).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_IMPORT_ONNX_ONNXIMPORTER_H
#define KILN_IMPORT_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace kiln {

/// The opsets of the default ONNX domain that the importer converts.
constexpr int64_t kMinONNXOpset = 13;
constexpr int64_t kMaxONNXOpset = 21;

/// Imports the model in `bytes`. `path` names the model in diagnostics and
/// locates external data (relative to its folder); it may be a pseudo-name
/// such as "<bytes>" when the model has no external data. Returns null after
/// emitting errors on `context` (which must have the tensorrt, func and
/// quant dialects loaded).
mlir::OwningOpRef<mlir::ModuleOp> importONNXModel(mlir::MLIRContext &context,
                                                  llvm::StringRef bytes,
                                                  llvm::StringRef path);

/// Renders a diagnostic location of an imported model for a person:
/// `file: node 'name'` for an op of a node, `file` for the model itself,
/// else the location as MLIR prints it.
std::string describeONNXLocation(mlir::Location loc);

} // namespace kiln

#endif // KILN_IMPORT_ONNX_ONNXIMPORTER_H
