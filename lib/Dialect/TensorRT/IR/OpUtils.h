//===- OpUtils.h - helpers shared by the op implementation files -*- C++ -*-===//
//
// Part of Kiln. Used by TensorRTOps.cpp and the per-family files
// (<Family>Ops.cpp) that implement verifiers and type inference.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_DIALECT_TENSORRT_IR_OPUTILS_H
#define KILN_LIB_DIALECT_TENSORRT_IR_OPUTILS_H

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "ShapeUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace kiln::tensorrt {

/// Formats integers as `[a, b, c]`.
template <typename Range>
std::string formatList(const Range &values) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '[';
  llvm::interleaveComma(values, os);
  os << ']';
  return text;
}

/// Diagnostic emitter for inference of op `OpTy`.
template <typename OpTy>
auto inferenceErrors(std::optional<Location> loc) {
  return [loc] { return shape::emitAt(loc, OpTy::getOperationName()); };
}

/// Checks the written result type against the inferred one. Run last in the
/// verifier of ops with complete type inference, so that the operands are
/// known to be valid and the message can name both types.
template <typename OpTy>
LogicalResult verifyResultTypeIsInferred(OpTy op) {
  SmallVector<Type, 1> inferred;
  if (failed(OpTy::inferReturnTypes(
          op->getContext(), op->getLoc(), op->getOperands(),
          op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
          op->getRegions(), inferred)))
    return failure();
  if (!OpTy::isCompatibleReturnTypes(inferred, op->getResultTypes()))
    return op.emitOpError("expected result type ")
           << inferred.front() << " (inferred from the operands), got "
           << op->getResultTypes().front();
  return success();
}

/// True for the element types TensorRT treats as int8.
inline bool isInt8(Type type) {
  return type.isSignlessInteger(8) || isSymmetricQuantizedI8(type);
}

} // namespace kiln::tensorrt

#endif // KILN_LIB_DIALECT_TENSORRT_IR_OPUTILS_H
