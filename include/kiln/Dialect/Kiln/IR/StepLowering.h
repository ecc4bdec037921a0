//===- StepLowering.h - source op → kernel name and attributes --*- C++ -*-===//
//
// Part of Kiln. What an op of a source dialect says about the `kiln.step` it
// becomes (StepLoweringOpInterface): the kernel name and the kernel's typed
// attributes. The interface is implemented next to each op (for `tensorrt`,
// in lib/Dialect/TensorRT/IR/Lowering/).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_KILN_IR_STEPLOWERING_H
#define KILN_DIALECT_KILN_IR_STEPLOWERING_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Operation.h"

#include <string>

namespace kiln::engine {

/// Collects the kernel name and attributes of one step. Attribute values
/// have the five kinds `kiln.step` accepts: i64, f64, string, array<i64>,
/// array<f64>. Setting a name twice keeps the last value.
class StepLowering {
public:
  explicit StepLowering(mlir::MLIRContext *context) : context(context) {}

  void setKernel(llvm::StringRef name) { kernel = name.str(); }
  llvm::StringRef getKernel() const { return kernel; }

  void setInt(llvm::StringRef name, int64_t value);
  void setFloat(llvm::StringRef name, double value);
  void setString(llvm::StringRef name, llvm::StringRef value);
  void setInts(llvm::StringRef name, llvm::ArrayRef<int64_t> values);
  void setFloats(llvm::StringRef name, llvm::ArrayRef<double> values);

  /// The attributes as the step's `kernel_attrs` (null when there are none).
  mlir::DictionaryAttr getAttributes() const;

  mlir::MLIRContext *getContext() const { return context; }

private:
  void set(llvm::StringRef name, mlir::Attribute value);

  mlir::MLIRContext *context;
  std::string kernel;
  mlir::NamedAttrList attrs;
};

/// The error for a form of an op the runtime does not execute yet:
/// "'<op>' op <what> is not supported by the Kiln runtime yet".
mlir::LogicalResult notSupported(mlir::Operation *op, llvm::StringRef what);

/// The error for an op no kernel implements: "'<op>' op is not supported by
/// the Kiln compiler (the engine has no kernel for it)".
mlir::LogicalResult noKernel(mlir::Operation *op);

} // namespace kiln::engine

#include "kiln/Dialect/Kiln/IR/KilnInterfaces.h.inc"

#endif // KILN_DIALECT_KILN_IR_STEPLOWERING_H
