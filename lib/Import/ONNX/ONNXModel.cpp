//===- ONNXModel.cpp - protobuf wire-format decoder for ONNX --------------===//
//
// Part of Kiln. Decodes the ONNX messages of ONNXModel.h from the protobuf
// wire format: each message is a sequence of (tag, value) pairs where the
// tag is `field_number << 3 | wire_type`. Repeated scalars may be packed
// (one length-delimited run) or not; both are accepted.
//
//===----------------------------------------------------------------------===//
#include "kiln/Import/ONNX/ONNXModel.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"

#include <cstring>

using llvm::Error;
using llvm::StringRef;

namespace kiln::onnx {

std::string dataTypeName(int32_t type) {
  static const char *const names[] = {
      "UNDEFINED",     "FLOAT",          "UINT8",          "INT8",
      "UINT16",        "INT16",          "INT32",          "INT64",
      "STRING",        "BOOL",           "FLOAT16",        "DOUBLE",
      "UINT32",        "UINT64",         "COMPLEX64",      "COMPLEX128",
      "BFLOAT16",      "FLOAT8E4M3FN",   "FLOAT8E4M3FNUZ", "FLOAT8E5M2",
      "FLOAT8E5M2FNUZ", "UINT4",         "INT4",           "FLOAT4E2M1"};
  if (type >= 0 && type < static_cast<int32_t>(std::size(names)))
    return names[type];
  return "type " + std::to_string(type);
}

const Attribute *Node::attribute(StringRef attrName) const {
  for (const Attribute &attr : attributes)
    if (attr.name == attrName)
      return &attr;
  return nullptr;
}

std::optional<int64_t> Model::opsetVersion(StringRef domain) const {
  auto canonical = [](StringRef d) { return d == "ai.onnx" ? StringRef() : d; };
  for (const OpsetImport &opset : opsets)
    if (canonical(opset.domain) == canonical(domain))
      return opset.version;
  return std::nullopt;
}

namespace {

enum WireType : uint32_t {
  kVarint = 0,
  kFixed64 = 1,
  kLengthDelimited = 2,
  kStartGroup = 3,
  kEndGroup = 4,
  kFixed32 = 5,
};

const char *wireTypeName(uint32_t type) {
  switch (type) {
  case kVarint:
    return "varint";
  case kFixed64:
    return "fixed64";
  case kLengthDelimited:
    return "length-delimited";
  case kFixed32:
    return "fixed32";
  default:
    return "group";
  }
}

/// Nested graphs (If/Loop bodies) recurse; corrupt input must not overflow
/// the stack.
constexpr int kMaxDepth = 64;

/// One field as read from the wire.
struct Field {
  uint32_t number = 0;
  uint32_t wireType = 0;
  uint64_t varint = 0; // kVarint, kFixed64, kFixed32
  StringRef bytes;     // kLengthDelimited
  size_t offset = 0;   // of the tag, from the start of the file
};

/// Reads the fields of one message. `base` is the start of the whole file,
/// so that offsets in errors are file offsets.
class Reader {
public:
  Reader(StringRef bytes, const char *base, std::string what)
      : data(bytes), base(base), what(std::move(what)) {}

  const std::string &context() const { return what; }

  Error error(size_t offset, const llvm::Twine &message) const {
    return llvm::createStringError(
        "truncated or corrupt protobuf at byte " + llvm::Twine(offset) +
        " (in " + what + "): " + message);
  }

  size_t offsetOf(const char *p) const { return p - base; }

  bool atEnd() const { return pos >= data.size(); }

  Error readVarint(uint64_t &value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= data.size())
        return error(offsetOf(data.data() + pos),
                     "the data ends inside a varint");
      uint8_t byte = static_cast<uint8_t>(data[pos++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return Error::success();
    }
    return error(offsetOf(data.data() + pos), "a varint longer than 10 bytes");
  }

  Error next(Field &field) {
    field = Field();
    field.offset = offsetOf(data.data() + pos);
    uint64_t tag;
    if (Error e = readVarint(tag))
      return e;
    field.number = static_cast<uint32_t>(tag >> 3);
    field.wireType = static_cast<uint32_t>(tag & 7);
    if (field.number == 0 || tag >> 32)
      return error(field.offset, "invalid field number " +
                                     llvm::Twine(tag >> 3));
    switch (field.wireType) {
    case kVarint:
      return readVarint(field.varint);
    case kFixed64:
    case kFixed32: {
      size_t size = field.wireType == kFixed64 ? 8 : 4;
      if (data.size() - pos < size)
        return error(field.offset, "the data ends inside field " +
                                       llvm::Twine(field.number));
      std::memcpy(&field.varint, data.data() + pos, size);
      pos += size;
      return Error::success();
    }
    case kLengthDelimited: {
      uint64_t length;
      if (Error e = readVarint(length))
        return e;
      if (length > data.size() - pos)
        return error(field.offset,
                     "field " + llvm::Twine(field.number) + " claims " +
                         llvm::Twine(length) + " bytes but only " +
                         llvm::Twine(data.size() - pos) + " remain");
      field.bytes = data.substr(pos, length);
      pos += length;
      return Error::success();
    }
    default:
      return error(field.offset, "unsupported wire type " +
                                     llvm::Twine(field.wireType) +
                                     " for field " +
                                     llvm::Twine(field.number));
    }
  }

  /// A reader over a nested message.
  Reader nested(const Field &field, const llvm::Twine &name) const {
    return Reader(field.bytes, base, what + "." + name.str());
  }

  Error expect(const Field &field, uint32_t wireType,
               const char *fieldName) const {
    if (field.wireType == wireType)
      return Error::success();
    return error(field.offset, llvm::Twine("field '") + fieldName + "' (" +
                                   llvm::Twine(field.number) + ") has wire type " +
                                   wireTypeName(field.wireType) + ", expected " +
                                   wireTypeName(wireType));
  }

  Error getString(const Field &field, const char *fieldName, std::string &out) {
    if (Error e = expect(field, kLengthDelimited, fieldName))
      return e;
    out = field.bytes.str();
    return Error::success();
  }

  Error getInt(const Field &field, const char *fieldName, int64_t &out) {
    if (Error e = expect(field, kVarint, fieldName))
      return e;
    out = static_cast<int64_t>(field.varint);
    return Error::success();
  }

  /// A repeated varint field, packed or not.
  template <typename T>
  Error appendVarints(const Field &field, const char *fieldName,
                      std::vector<T> &out) {
    if (field.wireType == kVarint) {
      out.push_back(static_cast<T>(field.varint));
      return Error::success();
    }
    if (Error e = expect(field, kLengthDelimited, fieldName))
      return e;
    Reader packed = nested(field, fieldName);
    while (!packed.atEnd()) {
      uint64_t value;
      if (Error e = packed.readVarint(value))
        return e;
      out.push_back(static_cast<T>(value));
    }
    return Error::success();
  }

  /// A repeated fixed-width field (float, double), packed or not.
  template <typename T>
  Error appendFixed(const Field &field, const char *fieldName,
                    std::vector<T> &out) {
    constexpr uint32_t wire = sizeof(T) == 4 ? kFixed32 : kFixed64;
    if (field.wireType == wire) {
      T value;
      std::memcpy(&value, &field.varint, sizeof(T));
      out.push_back(value);
      return Error::success();
    }
    if (Error e = expect(field, kLengthDelimited, fieldName))
      return e;
    if (field.bytes.size() % sizeof(T))
      return error(field.offset, llvm::Twine("packed field '") + fieldName +
                                     "' holds " +
                                     llvm::Twine(field.bytes.size()) +
                                     " bytes, not a multiple of " +
                                     llvm::Twine(sizeof(T)));
    size_t count = field.bytes.size() / sizeof(T);
    size_t start = out.size();
    out.resize(start + count);
    std::memcpy(out.data() + start, field.bytes.data(), count * sizeof(T));
    return Error::success();
  }

private:
  StringRef data;
  const char *base;
  std::string what;
  size_t pos = 0;
};

/// Runs `onField` on every field of the message read by `reader`.
template <typename Fn>
Error forEachField(Reader &reader, Fn &&onField) {
  Field field;
  while (!reader.atEnd()) {
    if (Error e = reader.next(field))
      return e;
    if (Error e = onField(field))
      return e;
  }
  return Error::success();
}

Error parseGraph(Reader &reader, Graph &graph, int depth);

Error parseTensor(Reader &reader, Tensor &tensor) {
  return forEachField(reader, [&](const Field &f) -> Error {
    switch (f.number) {
    case 1:
      return reader.appendVarints(f, "dims", tensor.dims);
    case 2: {
      int64_t type;
      if (Error e = reader.getInt(f, "data_type", type))
        return e;
      tensor.dataType = static_cast<int32_t>(type);
      return Error::success();
    }
    case 3:
      tensor.hasSegment = true;
      return Error::success();
    case 4:
      return reader.appendFixed(f, "float_data", tensor.floatData);
    case 5:
      return reader.appendVarints(f, "int32_data", tensor.int32Data);
    case 6:
      if (Error e = reader.expect(f, kLengthDelimited, "string_data"))
        return e;
      ++tensor.stringCount;
      return Error::success();
    case 7:
      return reader.appendVarints(f, "int64_data", tensor.int64Data);
    case 8:
      return reader.getString(f, "name", tensor.name);
    case 9:
      if (Error e = reader.expect(f, kLengthDelimited, "raw_data"))
        return e;
      tensor.rawData = f.bytes;
      tensor.hasRawData = true;
      return Error::success();
    case 10:
      return reader.appendFixed(f, "double_data", tensor.doubleData);
    case 11:
      return reader.appendVarints(f, "uint64_data", tensor.uint64Data);
    case 13: {
      if (Error e = reader.expect(f, kLengthDelimited, "external_data"))
        return e;
      Reader entry = reader.nested(f, "external_data");
      std::pair<std::string, std::string> kv;
      if (Error e = forEachField(entry, [&](const Field &g) -> Error {
            if (g.number == 1)
              return entry.getString(g, "key", kv.first);
            if (g.number == 2)
              return entry.getString(g, "value", kv.second);
            return Error::success();
          }))
        return e;
      tensor.externalData.push_back(std::move(kv));
      return Error::success();
    }
    case 14: {
      int64_t location;
      if (Error e = reader.getInt(f, "data_location", location))
        return e;
      tensor.isExternal = location == 1;
      return Error::success();
    }
    default:
      return Error::success();
    }
  });
}

Error parseShape(Reader &reader, ValueInfo &info) {
  info.hasShape = true;
  return forEachField(reader, [&](const Field &f) -> Error {
    if (f.number != 1)
      return Error::success();
    if (Error e = reader.expect(f, kLengthDelimited, "dim"))
      return e;
    Reader dimReader = reader.nested(f, "dim");
    Dim dim;
    if (Error e = forEachField(dimReader, [&](const Field &g) -> Error {
          if (g.number == 1) {
            int64_t value;
            if (Error e = dimReader.getInt(g, "dim_value", value))
              return e;
            dim.value = value;
          } else if (g.number == 2) {
            return dimReader.getString(g, "dim_param", dim.param);
          }
          return Error::success();
        }))
      return e;
    info.dims.push_back(std::move(dim));
    return Error::success();
  });
}

Error parseValueInfo(Reader &reader, ValueInfo &info) {
  return forEachField(reader, [&](const Field &f) -> Error {
    if (f.number == 1)
      return reader.getString(f, "name", info.name);
    if (f.number != 2)
      return Error::success();
    // TypeProto: only tensor_type (1) is read.
    if (Error e = reader.expect(f, kLengthDelimited, "type"))
      return e;
    Reader typeReader = reader.nested(f, "type");
    return forEachField(typeReader, [&](const Field &g) -> Error {
      if (g.number != 1)
        return Error::success();
      if (Error e = typeReader.expect(g, kLengthDelimited, "tensor_type"))
        return e;
      info.isTensor = true;
      Reader tensorReader = typeReader.nested(g, "tensor_type");
      return forEachField(tensorReader, [&](const Field &h) -> Error {
        if (h.number == 1) {
          int64_t type;
          if (Error e = tensorReader.getInt(h, "elem_type", type))
            return e;
          info.elemType = static_cast<int32_t>(type);
        } else if (h.number == 2) {
          if (Error e = tensorReader.expect(h, kLengthDelimited, "shape"))
            return e;
          Reader shapeReader = tensorReader.nested(h, "shape");
          return parseShape(shapeReader, info);
        }
        return Error::success();
      });
    });
  });
}

Error parseAttribute(Reader &reader, Attribute &attr, int depth) {
  return forEachField(reader, [&](const Field &f) -> Error {
    switch (f.number) {
    case 1:
      return reader.getString(f, "name", attr.name);
    case 21:
      return reader.getString(f, "ref_attr_name", attr.refAttrName);
    case 20: {
      int64_t type;
      if (Error e = reader.getInt(f, "type", type))
        return e;
      attr.type = static_cast<AttributeType>(type);
      return Error::success();
    }
    case 2: {
      if (Error e = reader.expect(f, kFixed32, "f"))
        return e;
      uint32_t bits = static_cast<uint32_t>(f.varint);
      std::memcpy(&attr.f, &bits, 4);
      return Error::success();
    }
    case 3:
      return reader.getInt(f, "i", attr.i);
    case 4:
      return reader.getString(f, "s", attr.s);
    case 5: {
      if (Error e = reader.expect(f, kLengthDelimited, "t"))
        return e;
      attr.t = std::make_shared<Tensor>();
      Reader sub = reader.nested(f, "t");
      return parseTensor(sub, *attr.t);
    }
    case 6: {
      if (Error e = reader.expect(f, kLengthDelimited, "g"))
        return e;
      attr.g = std::make_shared<Graph>();
      Reader sub = reader.nested(f, "g");
      return parseGraph(sub, *attr.g, depth + 1);
    }
    case 7:
      return reader.appendFixed(f, "floats", attr.floats);
    case 8:
      return reader.appendVarints(f, "ints", attr.ints);
    case 9: {
      std::string s;
      if (Error e = reader.getString(f, "strings", s))
        return e;
      attr.strings.push_back(std::move(s));
      return Error::success();
    }
    case 10: {
      if (Error e = reader.expect(f, kLengthDelimited, "tensors"))
        return e;
      Reader sub = reader.nested(f, "tensors");
      attr.tensors.emplace_back();
      return parseTensor(sub, attr.tensors.back());
    }
    case 11: {
      if (Error e = reader.expect(f, kLengthDelimited, "graphs"))
        return e;
      Reader sub = reader.nested(f, "graphs");
      attr.graphs.emplace_back();
      return parseGraph(sub, attr.graphs.back(), depth + 1);
    }
    default:
      return Error::success();
    }
  });
}

Error parseNode(Reader &reader, Node &node, int depth) {
  return forEachField(reader, [&](const Field &f) -> Error {
    switch (f.number) {
    case 1:
      node.inputs.emplace_back();
      return reader.getString(f, "input", node.inputs.back());
    case 2:
      node.outputs.emplace_back();
      return reader.getString(f, "output", node.outputs.back());
    case 3:
      return reader.getString(f, "name", node.name);
    case 4:
      return reader.getString(f, "op_type", node.opType);
    case 7:
      return reader.getString(f, "domain", node.domain);
    case 5: {
      if (Error e = reader.expect(f, kLengthDelimited, "attribute"))
        return e;
      Reader sub = reader.nested(
          f, "attribute[" + llvm::Twine(node.attributes.size()) + "]");
      node.attributes.emplace_back();
      return parseAttribute(sub, node.attributes.back(), depth);
    }
    default:
      return Error::success();
    }
  });
}

Error parseGraph(Reader &reader, Graph &graph, int depth) {
  if (depth > kMaxDepth)
    return reader.error(0, "graphs nested more than " +
                               llvm::Twine(kMaxDepth) + " deep");
  return forEachField(reader, [&](const Field &f) -> Error {
    switch (f.number) {
    case 1: {
      if (Error e = reader.expect(f, kLengthDelimited, "node"))
        return e;
      Reader sub =
          reader.nested(f, "node[" + llvm::Twine(graph.nodes.size()) + "]");
      graph.nodes.emplace_back();
      return parseNode(sub, graph.nodes.back(), depth);
    }
    case 2:
      return reader.getString(f, "name", graph.name);
    case 5: {
      if (Error e = reader.expect(f, kLengthDelimited, "initializer"))
        return e;
      Reader sub = reader.nested(
          f, "initializer[" + llvm::Twine(graph.initializers.size()) + "]");
      graph.initializers.emplace_back();
      return parseTensor(sub, graph.initializers.back());
    }
    case 15:
      ++graph.sparseInitializerCount;
      return Error::success();
    case 11:
    case 12:
    case 13: {
      const char *name = f.number == 11   ? "input"
                         : f.number == 12 ? "output"
                                          : "value_info";
      std::vector<ValueInfo> &list = f.number == 11   ? graph.inputs
                                     : f.number == 12 ? graph.outputs
                                                      : graph.valueInfo;
      if (Error e = reader.expect(f, kLengthDelimited, name))
        return e;
      Reader sub = reader.nested(f, llvm::Twine(name) + "[" +
                                        llvm::Twine(list.size()) + "]");
      list.emplace_back();
      return parseValueInfo(sub, list.back());
    }
    default:
      return Error::success();
    }
  });
}

} // namespace

llvm::Expected<Model> parseModel(StringRef bytes) {
  Model model;
  Reader reader(bytes, bytes.data(), "ModelProto");
  if (Error e = forEachField(reader, [&](const Field &f) -> Error {
        switch (f.number) {
        case 1:
          return reader.getInt(f, "ir_version", model.irVersion);
        case 2:
          return reader.getString(f, "producer_name", model.producerName);
        case 3:
          return reader.getString(f, "producer_version",
                                  model.producerVersion);
        case 7: {
          if (Error e = reader.expect(f, kLengthDelimited, "graph"))
            return e;
          model.hasGraph = true;
          Reader sub = reader.nested(f, "graph");
          return parseGraph(sub, model.graph, 0);
        }
        case 8: {
          if (Error e = reader.expect(f, kLengthDelimited, "opset_import"))
            return e;
          Reader sub = reader.nested(f, "opset_import");
          OpsetImport opset;
          if (Error e = forEachField(sub, [&](const Field &g) -> Error {
                if (g.number == 1)
                  return sub.getString(g, "domain", opset.domain);
                if (g.number == 2)
                  return sub.getInt(g, "version", opset.version);
                return Error::success();
              }))
            return e;
          model.opsets.push_back(std::move(opset));
          return Error::success();
        }
        case 25:
          ++model.functionCount;
          return Error::success();
        default:
          return Error::success();
        }
      }))
    return std::move(e);
  if (!model.hasGraph)
    return llvm::createStringError(
        "not an ONNX model: the ModelProto has no graph (an empty, truncated "
        "or non-ONNX file?)");
  return model;
}

} // namespace kiln::onnx
