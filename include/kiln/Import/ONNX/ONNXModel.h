//===- ONNXModel.h - the parts of an ONNX model Kiln reads ------*- C++ -*-===//
//
// Part of Kiln. Plain structs for the ONNX messages the importer needs
// (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
// ValueInfoProto and the type and shape messages), and a decoder of the
// protobuf wire format that fills them. The field numbers come from the ONNX
// specification (onnx.proto); fields Kiln does not use are skipped, so newer
// models still read.
//
// No protobuf library: the decoder is small, checks every length against the
// bytes that remain, limits nesting, and reports where a file is truncated or
// corrupt instead of crashing. Tensor payloads (`raw_data`) are not copied:
// they are views into the bytes given to `parseModel`, which must outlive the
// model.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_IMPORT_ONNX_ONNXMODEL_H
#define KILN_IMPORT_ONNX_ONNXMODEL_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiln::onnx {

/// TensorProto.DataType.
enum class DataType : int32_t {
  Undefined = 0,
  Float = 1,
  UInt8 = 2,
  Int8 = 3,
  UInt16 = 4,
  Int16 = 5,
  Int32 = 6,
  Int64 = 7,
  String = 8,
  Bool = 9,
  Float16 = 10,
  Double = 11,
  UInt32 = 12,
  UInt64 = 13,
  Complex64 = 14,
  Complex128 = 15,
  BFloat16 = 16,
  Float8E4M3FN = 17,
  Float8E4M3FNUZ = 18,
  Float8E5M2 = 19,
  Float8E5M2FNUZ = 20,
  UInt4 = 21,
  Int4 = 22,
  Float4E2M1 = 23,
};

/// The ONNX name of a data type ("FLOAT", "INT64", ...), or "type N".
std::string dataTypeName(int32_t type);

/// One dimension of a tensor shape: a size, a symbolic name (`dim_param`), or
/// neither (unknown).
struct Dim {
  std::optional<int64_t> value;
  std::string param;
};

/// ValueInfoProto restricted to tensor types.
struct ValueInfo {
  std::string name;
  /// False when the value has no type or a non-tensor one (sequence, map).
  bool isTensor = false;
  int32_t elemType = 0;
  /// False when the tensor type has no shape (rank unknown).
  bool hasShape = false;
  std::vector<Dim> dims;
};

/// TensorProto. The values sit in exactly one of the data fields, or in an
/// external file named by `externalData`.
struct Tensor {
  std::string name;
  std::vector<int64_t> dims;
  int32_t dataType = 0;
  llvm::StringRef rawData;
  bool hasRawData = false;
  std::vector<float> floatData;
  std::vector<int32_t> int32Data;
  std::vector<int64_t> int64Data;
  std::vector<double> doubleData;
  std::vector<uint64_t> uint64Data;
  size_t stringCount = 0;
  /// `external_data` key/value pairs (location, offset, length, checksum).
  std::vector<std::pair<std::string, std::string>> externalData;
  bool isExternal = false;
  bool hasSegment = false;
};

struct Graph;

/// AttributeProto.AttributeType.
enum class AttributeType : int32_t {
  Undefined = 0,
  Float = 1,
  Int = 2,
  String = 3,
  Tensor = 4,
  Graph = 5,
  Floats = 6,
  Ints = 7,
  Strings = 8,
  Tensors = 9,
  Graphs = 10,
  SparseTensor = 11,
  SparseTensors = 12,
  TypeProto = 13,
  TypeProtos = 14,
};

struct Attribute {
  std::string name;
  /// Set in a function body; Kiln does not expand functions.
  std::string refAttrName;
  AttributeType type = AttributeType::Undefined;
  float f = 0;
  int64_t i = 0;
  std::string s;
  std::shared_ptr<Tensor> t;
  std::shared_ptr<Graph> g;
  std::vector<float> floats;
  std::vector<int64_t> ints;
  std::vector<std::string> strings;
  std::vector<Tensor> tensors;
  std::vector<Graph> graphs;
};

struct Node {
  std::string name, opType, domain;
  /// Empty names are omitted optional inputs.
  std::vector<std::string> inputs, outputs;
  std::vector<Attribute> attributes;

  const Attribute *attribute(llvm::StringRef attrName) const;
};

struct Graph {
  std::string name;
  std::vector<Node> nodes;
  std::vector<Tensor> initializers;
  size_t sparseInitializerCount = 0;
  std::vector<ValueInfo> inputs, outputs, valueInfo;
};

struct OpsetImport {
  std::string domain;
  int64_t version = 0;
};

struct Model {
  int64_t irVersion = 0;
  std::vector<OpsetImport> opsets;
  std::string producerName, producerVersion;
  bool hasGraph = false;
  Graph graph;
  size_t functionCount = 0;

  /// The opset version imported for `domain` ("" and "ai.onnx" are the
  /// same domain), or nothing.
  std::optional<int64_t> opsetVersion(llvm::StringRef domain) const;
};

/// Decodes a serialized ModelProto. The error says what was being read and
/// at which byte when the bytes are truncated or not a valid encoding.
llvm::Expected<Model> parseModel(llvm::StringRef bytes);

} // namespace kiln::onnx

#endif // KILN_IMPORT_ONNX_ONNXMODEL_H
