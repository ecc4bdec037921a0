//===- StepLowering.cpp - source op → kernel name and attributes ----------===//
#include "kiln/Dialect/Kiln/IR/StepLowering.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;

namespace kiln::engine {

#include "kiln/Dialect/Kiln/IR/KilnInterfaces.cpp.inc"

void StepLowering::set(StringRef name, Attribute value) {
  attrs.set(StringAttr::get(context, name), value);
}

void StepLowering::setInt(StringRef name, int64_t value) {
  set(name, IntegerAttr::get(IntegerType::get(context, 64), value));
}

void StepLowering::setFloat(StringRef name, double value) {
  set(name, FloatAttr::get(Float64Type::get(context), value));
}

void StepLowering::setString(StringRef name, StringRef value) {
  set(name, StringAttr::get(context, value));
}

void StepLowering::setInts(StringRef name, ArrayRef<int64_t> values) {
  set(name, DenseI64ArrayAttr::get(context, values));
}

void StepLowering::setFloats(StringRef name, ArrayRef<double> values) {
  set(name, DenseF64ArrayAttr::get(context, values));
}

DictionaryAttr StepLowering::getAttributes() const {
  if (attrs.empty())
    return nullptr;
  return attrs.getDictionary(context);
}

LogicalResult notSupported(Operation *op, StringRef what) {
  return op->emitOpError() << what
                           << " is not supported by the Kiln runtime yet";
}

LogicalResult noKernel(Operation *op) {
  return op->emitOpError() << "is not supported by the Kiln compiler (the "
                              "engine has no kernel for it)";
}

} // namespace kiln::engine
