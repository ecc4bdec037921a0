//===- Importer.h - shared by the ONNX op converters ---------------*- C++ -*-===//
//
// Part of Kiln. The state of one graph import (ONNX value names to MLIR
// values), the context a converter sees for one node, and the registry of
// converters. Each op family file (Elementwise.cpp, Shape.cpp, ...) registers
// its converters; Importer.cpp checks every node against the registry before
// converting any, then converts the nodes in order.
//
// Integer tensors that describe shapes (the Shape -> Gather -> Concat ->
// Reshape chains exporters write) are tracked on the host: a value may carry
// `Known` integers, some of them unknown (`?` dimensions). Converters fold
// such chains at import time, so that static models need no shape arithmetic
// at run time and a dynamic dimension stays symbolic only where it must.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_IMPORT_ONNX_IMPORTER_H
#define KILN_LIB_IMPORT_ONNX_IMPORTER_H

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"
#include "kiln/Import/ONNX/ONNXModel.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiln::onnx_import {

using namespace mlir;
namespace trt = ::kiln::tensorrt;
namespace ox = ::kiln::onnx;

/// Integer values known at import time; `std::nullopt` entries are known
/// only at run time.
struct Known {
  std::vector<int64_t> shape;
  std::vector<std::optional<int64_t>> values;

  bool isFull() const;
  int64_t size() const { return static_cast<int64_t>(values.size()); }
  /// The values, when all are known.
  std::optional<std::vector<int64_t>> full() const;
  static Known vector(std::vector<std::optional<int64_t>> values);
  static Known scalar(int64_t value);
};

/// An ONNX value: its type, its MLIR value (null while it is known on the
/// host and nobody has needed it at run time) and what is known of its
/// contents.
struct OValue {
  RankedTensorType type;
  Value value;
  std::optional<Known> known;
};

class GraphImporter;

/// What a converter sees of one node.
class NodeContext {
public:
  NodeContext(GraphImporter &importer, const ox::Node &node, int64_t opset,
              OpBuilder &builder, Location loc)
      : importer(importer), node(node), opset(opset), b(builder), loc(loc) {}

  GraphImporter &importer;
  const ox::Node &node;
  int64_t opset;
  OpBuilder &b;
  Location loc;

  size_t numInputs() const { return node.inputs.size(); }
  /// Whether optional input `i` is given (present and not empty).
  bool hasInput(size_t i) const {
    return i < node.inputs.size() && !node.inputs[i].empty();
  }
  /// Input `i` as a run-time value (materializing a host-known constant).
  Value input(size_t i);
  RankedTensorType inputType(size_t i);
  /// What is known on the host of input `i`, or null.
  const Known *known(size_t i);
  /// Input `i`'s values when all are known on the host, else nothing.
  std::optional<std::vector<int64_t>> knownInts(size_t i);
  /// Input `i`'s values as doubles when it is a constant (float or
  /// integer), else nothing.
  std::optional<std::vector<double>> constantValues(size_t i);
  /// Input `i` as an elements attribute when it is a constant.
  DenseElementsAttr constantAttr(size_t i);

  bool hasAttr(StringRef name) const { return node.attribute(name); }
  int64_t attrInt(StringRef name, int64_t defaultValue) const;
  float attrFloat(StringRef name, float defaultValue) const;
  std::string attrString(StringRef name, StringRef defaultValue = "") const;
  std::vector<int64_t> attrInts(StringRef name) const;
  std::vector<float> attrFloats(StringRef name) const;
  const ox::Tensor *attrTensor(StringRef name) const;

  void setOutput(size_t i, Value value, std::optional<Known> known = {});
  /// An output known entirely on the host; materialized when used.
  void setKnownOutput(size_t i, RankedTensorType type, Known known);

  /// An error at this node; the message should say what is wrong.
  InFlightDiagnostic error();
};

/// How one op type converts.
struct Converter {
  /// Converts the node; on failure an error has been emitted.
  std::function<LogicalResult(NodeContext &)> convert;
  /// Why this node cannot be converted (read from its attributes and
  /// opset alone), or nothing. Asked for every node before any converts.
  std::function<std::optional<std::string>(const ox::Node &, int64_t opset)>
      check;
};

using Registry = llvm::StringMap<Converter>;

// The families, one per file.
void registerElementwise(Registry &registry); // Elementwise.cpp
void registerShape(Registry &registry);       // Shape.cpp
void registerNN(Registry &registry);          // NN.cpp
void registerReduction(Registry &registry);   // Reduction.cpp
void registerQuantization(Registry &registry); // Quantization.cpp

/// The registry of every converter (built once).
const Registry &registry();

/// Set once the node being converted has failed; reset for each node.
bool &nodeFailed();

/// Creates `OpTy` with its result types inferred from the operands. When
/// they do not fit the op (a malformed model) the op's inference error is
/// reported at `loc`, the node is marked failed, and the results take the
/// first operand's type so that the converter can finish without crashing
/// (the importer then stops).
template <typename OpTy, typename... Args>
OpTy createInferred(OpBuilder &b, Location loc, unsigned numResults,
                    Args &&...args) {
  SmallVector<Type> placeholder(numResults, b.getNoneType());
  OpTy op = OpTy::create(b, loc, TypeRange(placeholder),
                         std::forward<Args>(args)...);
  SmallVector<Type> inferred;
  std::string why;
  LogicalResult ok = failure();
  {
    ScopedDiagnosticHandler capture(b.getContext(), [&](Diagnostic &d) {
      if (why.empty())
        why = d.str();
      return success();
    });
    ok = OpTy::inferReturnTypes(b.getContext(), loc, op->getOperands(),
                                op->getRawDictionaryAttrs(),
                                op->getPropertiesStorage(), op->getRegions(),
                                inferred);
  }
  if (succeeded(ok) && inferred.size() == numResults) {
    for (auto [result, type] : llvm::zip(op->getResults(), inferred))
      result.setType(type);
    return op;
  }
  if (!nodeFailed())
    emitError(loc) << "the operands do not fit '" << OpTy::getOperationName()
                   << "': " << (why.empty() ? "type inference failed" : why);
  nodeFailed() = true;
  Type fallback = op->getNumOperands()
                      ? op->getOperand(0).getType()
                      : RankedTensorType::get({}, b.getF32Type());
  for (OpResult result : op->getResults())
    result.setType(fallback);
  return op;
}

//===----------------------------------------------------------------------===//
// Small builders shared by the families
//===----------------------------------------------------------------------===//

inline RankedTensorType typeOf(Value value) {
  return cast<RankedTensorType>(value.getType());
}
inline Type elementTypeOf(Value value) { return typeOf(value).getElementType(); }
inline bool isFloat(Value value) { return isa<FloatType>(elementTypeOf(value)); }

/// A constant tensor of `type` holding `values` (converted to its element
/// type).
Value constantOf(OpBuilder &b, Location loc, RankedTensorType type,
                 ArrayRef<double> values);
/// A rank-`rank` all-ones-shaped splat of `value` with element type
/// `element`: broadcasts against any tensor of that rank.
Value splat(OpBuilder &b, Location loc, Type element, int64_t rank,
            double value);
Value constantI32(OpBuilder &b, Location loc, ArrayRef<int32_t> values);
/// `value` with size-1 dimensions in front up to `rank`.
Value expandTo(OpBuilder &b, Location loc, Value value, int64_t rank);
/// Both operands brought to the larger rank (numpy broadcasting).
std::pair<Value, Value> broadcastRanks(OpBuilder &b, Location loc, Value lhs,
                                       Value rhs);
Value castTo(OpBuilder &b, Location loc, Value value, Type element);
Value reshapeTo(OpBuilder &b, Location loc, Value value,
                ArrayRef<int64_t> shape);
Value transposeBy(OpBuilder &b, Location loc, Value value,
                  ArrayRef<int64_t> perm);
Value elementWise(OpBuilder &b, Location loc, trt::ElementWiseOperation op,
                  Value lhs, Value rhs);
Value unary(OpBuilder &b, Location loc, trt::UnaryOperation op, Value x);
/// The run-time shape of `value` as a 1-D i32 tensor.
Value shapeOf(OpBuilder &b, Location loc, Value value);
/// A 1-D i32 shape tensor for `known` (i64 run-time values are cast).
Value shapeTensor(OpBuilder &b, Location loc, Value runtime,
                  const Known *known);

/// `axis` in [-rank, rank) normalized to [0, rank), or nothing.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// The elements of an ONNX tensor (a node attribute), read like an
/// initializer.
FailureOr<DenseElementsAttr> tensorAttrOf(NodeContext &ctx,
                                          const ox::Tensor &tensor);

/// The MLIR element type of an ONNX data type Kiln holds, or null.
Type elementTypeFor(MLIRContext *context, int32_t dataType);

} // namespace kiln::onnx_import

#endif // KILN_LIB_IMPORT_ONNX_IMPORTER_H
