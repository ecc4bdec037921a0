//===- Importer.cpp - ONNX graph to func.func over tensorrt ops -----------===//
//
// Part of Kiln. Checks the whole model first (opset range, every node's op
// type and form, data types), then walks the nodes in order, each converted
// by the converter its op type registers.
//
//===----------------------------------------------------------------------===//
#include "kiln/Import/ONNX/ONNXImporter.h"

#include "Importer.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cstring>
#include <map>

namespace kiln::onnx_import {

//===----------------------------------------------------------------------===//
// Known
//===----------------------------------------------------------------------===//

bool Known::isFull() const {
  return llvm::all_of(values, [](const auto &v) { return v.has_value(); });
}

std::optional<std::vector<int64_t>> Known::full() const {
  if (!isFull())
    return std::nullopt;
  std::vector<int64_t> out;
  for (const auto &v : values)
    out.push_back(*v);
  return out;
}

Known Known::vector(std::vector<std::optional<int64_t>> values) {
  Known known;
  known.shape = {static_cast<int64_t>(values.size())};
  known.values = std::move(values);
  return known;
}

Known Known::scalar(int64_t value) {
  Known known;
  known.values = {value};
  return known;
}

//===----------------------------------------------------------------------===//
// Types and tensors
//===----------------------------------------------------------------------===//

Type elementTypeFor(MLIRContext *context, int32_t dataType) {
  Builder b(context);
  switch (static_cast<ox::DataType>(dataType)) {
  case ox::DataType::Float:
    return b.getF32Type();
  case ox::DataType::Float16:
    return b.getF16Type();
  case ox::DataType::BFloat16:
    return b.getBF16Type();
  case ox::DataType::Int64:
    return b.getI64Type();
  case ox::DataType::Int32:
    return b.getI32Type();
  case ox::DataType::Int8:
    return b.getI8Type();
  case ox::DataType::UInt8:
    return IntegerType::get(context, 8, IntegerType::Unsigned);
  case ox::DataType::Bool:
    return b.getI1Type();
  case ox::DataType::Float8E4M3FN:
    return b.getType<Float8E4M3FNType>();
  case ox::DataType::Int4:
    return b.getIntegerType(4);
  default:
    return {};
  }
}

static constexpr const char *kNodeLocTag = "onnx.node";

/// The number of inputs an op needs (ONNX's required inputs); 1 when not
/// listed.
static size_t requiredInputs(StringRef opType, int64_t opset) {
  static const llvm::StringMap<size_t> counts = {
      {"Add", 2}, {"Sub", 2}, {"Mul", 2}, {"Div", 2}, {"Pow", 2}, {"Mod", 2},
      {"Equal", 2}, {"Greater", 2}, {"Less", 2}, {"GreaterOrEqual", 2},
      {"LessOrEqual", 2}, {"And", 2}, {"Or", 2}, {"Xor", 2}, {"PRelu", 2},
      {"Where", 3}, {"CastLike", 2}, {"MatMul", 2}, {"Gemm", 2}, {"Conv", 2},
      {"ConvTranspose", 2}, {"Reshape", 2}, {"Expand", 2}, {"Tile", 2},
      {"Gather", 2}, {"GatherElements", 2}, {"GatherND", 2}, {"ScatterND", 3},
      {"ScatterElements", 3}, {"Slice", 3}, {"Pad", 2}, {"Range", 3},
      {"TopK", 2}, {"CumSum", 2}, {"BatchNormalization", 5},
      {"LayerNormalization", 2}, {"InstanceNormalization", 3},
      {"GroupNormalization", 3}, {"QuantizeLinear", 2},
      {"DequantizeLinear", 2}, {"Unsqueeze", 2}, {"Constant", 0}};
  auto it = counts.find(opType);
  if (it == counts.end())
    return 1;
  (void)opset;
  return it->second;
}

static std::string nodeLabel(const ox::Node &node, size_t index) {
  if (!node.name.empty())
    return node.name;
  return node.opType + "#" + std::to_string(index);
}

/// The state of one model import.
class GraphImporter {
public:
  GraphImporter(MLIRContext &context, const ox::Model &model, StringRef path)
      : context(context), model(model), path(path.str()),
        fileLoc(FileLineColLoc::get(&context, path, 0, 0)) {
    SmallString<256> dir(path);
    llvm::sys::path::remove_filename(dir);
    modelDir = dir.str().str();
  }

  MLIRContext &context;
  const ox::Model &model;
  std::string path, modelDir;
  Location fileLoc;
  llvm::StringMap<OValue> values;
  /// Names produced by a node whose converter does not produce them
  /// (optional outputs Kiln leaves out), with the node that names them.
  llvm::StringMap<std::string> unproduced;
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> externalFiles;

  /// `loc(fused<"onnx.node">["name"("file")])`: told apart from the plain
  /// `"name"("file")` of graph inputs.
  Location nodeLoc(const ox::Node &node, size_t index) {
    return FusedLoc::get(
        &context,
        {NameLoc::get(StringAttr::get(&context, nodeLabel(node, index)),
                      fileLoc)},
        StringAttr::get(&context, kNodeLocTag));
  }

  LogicalResult checkModel();
  OwningOpRef<ModuleOp> import();
  FailureOr<DenseElementsAttr> tensorAttr(const ox::Tensor &tensor,
                                          Location loc, StringRef what);
  FailureOr<RankedTensorType> valueInfoType(const ox::ValueInfo &info,
                                            StringRef what);
  Value materialize(OValue &value, OpBuilder &b, Location loc);
  LogicalResult importNodes(const ox::Graph &graph, OpBuilder &b);
  /// The value named `name`, or an error at `loc`.
  FailureOr<OValue *> lookup(StringRef name, Location loc);

private:
  void collectProblems(const ox::Graph &graph, std::vector<std::string> &out,
                       int depth);
  FailureOr<StringRef> externalBytes(const ox::Tensor &tensor, Location loc,
                                     StringRef what);
};

void GraphImporter::collectProblems(const ox::Graph &graph,
                                    std::vector<std::string> &out, int depth) {
  const Registry &converters = registry();
  for (auto [index, node] : llvm::enumerate(graph.nodes)) {
    std::string where = "node '" + nodeLabel(node, index) + "': ";
    std::string domain = node.domain.empty() ? "ai.onnx" : node.domain;
    std::optional<int64_t> opset = model.opsetVersion(node.domain);
    std::string opsetText =
        opset ? "opset " + std::to_string(*opset) : "no opset imported";
    std::string head = where + node.opType + " (" + domain + ", " +
                       opsetText + ")";
    if (domain != "ai.onnx") {
      out.push_back(head + ": ops of domain '" + domain +
                    "' have no conversion");
      continue;
    }
    auto it = converters.find(node.opType);
    if (it == converters.end()) {
      out.push_back(head + ": no conversion for this op type");
      continue;
    }
    size_t required = requiredInputs(node.opType, opset.value_or(0));
    size_t given = 0;
    while (given < node.inputs.size() && !node.inputs[given].empty())
      ++given;
    if (given < required) {
      out.push_back(head + ": needs " + std::to_string(required) +
                    " inputs, has " + std::to_string(given));
      continue;
    }
    if (node.outputs.empty() || node.outputs[0].empty()) {
      out.push_back(head + ": has no output");
      continue;
    }
    if (it->second.check)
      if (std::optional<std::string> reason =
              it->second.check(node, opset.value_or(0))) {
        out.push_back(head + ": " + *reason);
        continue;
      }
    for (const ox::Attribute &attr : node.attributes) {
      if (attr.g)
        collectProblems(*attr.g, out, depth + 1);
      for (const ox::Graph &sub : attr.graphs)
        collectProblems(sub, out, depth + 1);
    }
  }
}

LogicalResult GraphImporter::checkModel() {
  std::optional<int64_t> opset = model.opsetVersion("");
  if (!opset)
    return emitError(fileLoc)
           << "the model imports no opset of the default ONNX domain";
  if (*opset < kMinONNXOpset || *opset > kMaxONNXOpset)
    return emitError(fileLoc)
           << "the model uses opset " << *opset
           << " of the default ONNX domain; Kiln converts opsets "
           << kMinONNXOpset << " to " << kMaxONNXOpset
           << " (re-export with opset_version in that range, or convert "
              "the model with onnx.version_converter)";
  if (model.graph.sparseInitializerCount)
    return emitError(fileLoc) << "the model has sparse initializers, which "
                                 "Kiln does not read";
  std::vector<std::string> problems;
  collectProblems(model.graph, problems, 0);
  if (problems.empty())
    return success();
  InFlightDiagnostic diag = emitError(fileLoc);
  diag << problems.size() << (problems.size() == 1 ? " node" : " nodes")
       << " of the model cannot be converted (nothing was converted):";
  for (const std::string &problem : problems)
    diag << "\n  " << problem;
  return diag;
}

FailureOr<StringRef> GraphImporter::externalBytes(const ox::Tensor &tensor,
                                                  Location loc,
                                                  StringRef what) {
  std::string location;
  int64_t offset = 0, length = -1;
  for (const auto &[key, value] : tensor.externalData) {
    if (key == "location") {
      location = value;
    } else if (key == "offset" || key == "length") {
      int64_t parsed;
      if (StringRef(value).getAsInteger(10, parsed) || parsed < 0)
        return emitError(loc) << what << ": external data " << key << " '"
                              << value << "' is not a byte count";
      (key == "offset" ? offset : length) = parsed;
    }
  }
  if (location.empty())
    return emitError(loc) << what
                          << " is stored externally but names no location";
  if (llvm::sys::path::is_absolute(location) ||
      StringRef(location).contains(".."))
    return emitError(loc) << what << ": external data location '" << location
                          << "' must be a relative path inside the model's "
                             "folder";
  SmallString<256> file(modelDir);
  llvm::sys::path::append(file, location);
  auto it = externalFiles.find(std::string(file));
  if (it == externalFiles.end()) {
    auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer)
      return emitError(loc) << what << ": cannot read external data file '"
                            << file << "': " << buffer.getError().message();
    it = externalFiles.emplace(std::string(file), std::move(*buffer)).first;
  }
  StringRef bytes = it->second->getBuffer();
  if (static_cast<uint64_t>(offset) > bytes.size() ||
      (length >= 0 &&
       static_cast<uint64_t>(length) > bytes.size() - offset))
    return emitError(loc) << what << ": external data file '" << file
                          << "' has " << bytes.size()
                          << " bytes, too few for offset " << offset
                          << " and length " << length;
  bytes = bytes.drop_front(offset);
  if (length >= 0)
    bytes = bytes.take_front(length);
  return bytes;
}

/// Bytes per element in a raw buffer (0 for sub-byte types).
static int64_t bytesPerElement(Type type) {
  if (type.isInteger(1))
    return 1;
  unsigned width = type.getIntOrFloatBitWidth();
  return width % 8 ? 0 : width / 8;
}

FailureOr<DenseElementsAttr>
GraphImporter::tensorAttr(const ox::Tensor &tensor, Location loc,
                          StringRef what) {
  Type element = elementTypeFor(&context, tensor.dataType);
  if (!element)
    return emitError(loc) << what << " has data type "
                          << ox::dataTypeName(tensor.dataType)
                          << ", which Kiln does not hold";
  if (tensor.hasSegment)
    return emitError(loc) << what << " is segmented, which Kiln does not read";
  int64_t count = 1;
  for (int64_t d : tensor.dims) {
    if (d < 0 || (d && count > (int64_t(1) << 40) / d))
      return emitError(loc) << what << " has an invalid dimension " << d;
    count *= d;
  }
  auto type = RankedTensorType::get(tensor.dims, element);

  // The payload as little-endian bytes of the element type.
  StringRef raw;
  bool fromRaw = false;
  if (tensor.isExternal) {
    FailureOr<StringRef> bytes = externalBytes(tensor, loc, what);
    if (failed(bytes))
      return failure();
    raw = *bytes;
    fromRaw = true;
  } else if (tensor.hasRawData) {
    raw = tensor.rawData;
    fromRaw = true;
  }
  int64_t width = bytesPerElement(element);
  std::vector<char> storage;
  if (!fromRaw) {
    // The typed fields: each value is written out at the element width.
    auto emit = [&](uint64_t bits) {
      for (int64_t i = 0; i < std::max<int64_t>(width, 1); ++i)
        storage.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
    };
    int64_t given = 0;
    if (element.isF32()) {
      given = tensor.floatData.size();
      for (float f : tensor.floatData) {
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        emit(bits);
      }
    } else if (element.isInteger(64)) {
      given = tensor.int64Data.size();
      for (int64_t v : tensor.int64Data)
        emit(static_cast<uint64_t>(v));
    } else {
      given = tensor.int32Data.size();
      for (int32_t v : tensor.int32Data)
        emit(static_cast<uint32_t>(v));
    }
    if (given != count)
      return emitError(loc) << what << " has shape with " << count
                            << " elements but holds " << given << " values";
    raw = StringRef(storage.data(), storage.size());
  }
  if (element.isInteger(4)) {
    if (static_cast<int64_t>(raw.size()) != (fromRaw ? (count + 1) / 2 : count))
      return emitError(loc) << what << " holds " << raw.size()
                            << " bytes for " << count << " INT4 elements";
    SmallVector<APInt> nibbles;
    for (int64_t i = 0; i < count; ++i) {
      uint8_t byte = static_cast<uint8_t>(raw[fromRaw ? i / 2 : i]);
      uint8_t bits = fromRaw ? (i % 2 ? byte >> 4 : byte & 0xf) : byte & 0xf;
      nibbles.push_back(APInt(4, bits));
    }
    return DenseElementsAttr::get(type, nibbles);
  }
  if (static_cast<int64_t>(raw.size()) != count * width)
    return emitError(loc) << what << " holds " << raw.size() << " bytes, but "
                          << count << " elements of "
                          << ox::dataTypeName(tensor.dataType) << " need "
                          << count * width;
  if (element.isInteger(1)) {
    SmallVector<bool> bools;
    for (char c : raw)
      bools.push_back(c != 0);
    return DenseElementsAttr::get(type, bools);
  }
  return DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(raw.data(), raw.size()));
}

FailureOr<RankedTensorType>
GraphImporter::valueInfoType(const ox::ValueInfo &info, StringRef what) {
  if (!info.isTensor)
    return emitError(fileLoc) << what << " '" << info.name
                              << "' is not a tensor (sequences and maps are "
                                 "not supported)";
  Type element = elementTypeFor(&context, info.elemType);
  if (!element)
    return emitError(fileLoc) << what << " '" << info.name << "' has type "
                              << ox::dataTypeName(info.elemType)
                              << ", which Kiln does not hold";
  if (!info.hasShape)
    return emitError(fileLoc) << what << " '" << info.name
                              << "' has no shape; Kiln needs its rank";
  SmallVector<int64_t> dims;
  for (const ox::Dim &dim : info.dims)
    dims.push_back(dim.value && *dim.value >= 0 ? *dim.value
                                                : ShapedType::kDynamic);
  return RankedTensorType::get(dims, element);
}

Value GraphImporter::materialize(OValue &value, OpBuilder &b, Location loc) {
  if (value.value)
    return value.value;
  SmallVector<APInt> ints;
  unsigned width = value.type.getElementType().getIntOrFloatBitWidth();
  for (const auto &v : value.known->values)
    ints.push_back(width == 1 ? APInt(1, *v != 0)
                              : APInt(width, static_cast<uint64_t>(*v),
                                      /*isSigned=*/true, /*implicitTrunc=*/true));
  OpBuilder::InsertionGuard guard(b);
  value.value =
      trt::ConstantOp::create(b, loc, DenseElementsAttr::get(value.type, ints))
          .getResult();
  return value.value;
}

FailureOr<OValue *> GraphImporter::lookup(StringRef name, Location loc) {
  auto it = values.find(name);
  if (it != values.end())
    return &it->second;
  auto missing = unproduced.find(name);
  if (missing != unproduced.end())
    return emitError(loc) << "reads '" << name << "', an output of "
                          << missing->second
                          << " that Kiln's conversion does not produce";
  return emitError(loc) << "reads '" << name
                        << "', which no input, initializer or earlier node "
                           "defines (the graph is not in topological order, "
                           "or the name is misspelled)";
}

LogicalResult GraphImporter::importNodes(const ox::Graph &graph,
                                         OpBuilder &b) {
  const Registry &converters = registry();
  for (auto [index, node] : llvm::enumerate(graph.nodes)) {
    Location loc = nodeLoc(node, index);
    for (const std::string &name : node.inputs)
      if (!name.empty() && failed(lookup(name, loc)))
        return failure();
    NodeContext ctx(*this, node, model.opsetVersion(node.domain).value_or(0),
                    b, loc);
    nodeFailed() = false;
    if (failed(converters.find(node.opType)->second.convert(ctx)) ||
        nodeFailed())
      return failure();
    for (auto [i, name] : llvm::enumerate(node.outputs))
      if (!name.empty() && !values.count(name))
        unproduced[name] = "node '" + nodeLabel(node, index) + "' (" +
                           node.opType + ", output " + std::to_string(i) + ")";
  }
  return success();
}

OwningOpRef<ModuleOp> GraphImporter::import() {
  if (failed(checkModel()))
    return {};
  const ox::Graph &graph = model.graph;
  OpBuilder b(&context);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  b.setInsertionPointToEnd(module->getBody());

  llvm::StringSet<> initializerNames;
  for (const ox::Tensor &init : graph.initializers)
    initializerNames.insert(init.name);
  SmallVector<Type> argTypes;
  SmallVector<const ox::ValueInfo *> args;
  for (const ox::ValueInfo &input : graph.inputs) {
    if (initializerNames.contains(input.name))
      continue; // IR < 4 lists initializers as inputs too
    FailureOr<RankedTensorType> type = valueInfoType(input, "graph input");
    if (failed(type))
      return {};
    argTypes.push_back(*type);
    args.push_back(&input);
  }
  auto func = func::FuncOp::create(b, fileLoc, "main",
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  for (auto [i, info] : llvm::enumerate(args)) {
    BlockArgument arg = entry->getArgument(i);
    arg.setLoc(NameLoc::get(b.getStringAttr(info->name), fileLoc));
    values[info->name] = OValue{cast<RankedTensorType>(arg.getType()), arg, {}};
  }
  for (const ox::Tensor &init : graph.initializers) {
    FailureOr<DenseElementsAttr> attr =
        tensorAttr(init, fileLoc, "initializer '" + init.name + "'");
    if (failed(attr))
      return {};
    OValue value;
    value.type = cast<RankedTensorType>(attr->getType());
    Type element = value.type.getElementType();
    if (element.isSignlessInteger() && !element.isInteger(1) &&
        element.getIntOrFloatBitWidth() >= 32 && attr->getNumElements() <= 4096) {
      Known known;
      known.shape.assign(value.type.getShape().begin(),
                         value.type.getShape().end());
      for (APInt v : attr->getValues<APInt>())
        known.values.push_back(v.getSExtValue());
      value.known = std::move(known);
    }
    value.value = trt::ConstantOp::create(b, fileLoc, *attr).getResult();
    values[init.name] = std::move(value);
  }
  if (failed(importNodes(graph, b)))
    return {};

  SmallVector<Value> results;
  for (const ox::ValueInfo &output : graph.outputs) {
    FailureOr<OValue *> value = lookup(output.name, fileLoc);
    if (failed(value))
      return {};
    results.push_back(materialize(**value, b, fileLoc));
  }
  func::ReturnOp::create(b, fileLoc, results);
  func.setFunctionType(
      b.getFunctionType(argTypes, ValueRange(results).getTypes()));
  return module;
}

//===----------------------------------------------------------------------===//
// NodeContext
//===----------------------------------------------------------------------===//

Value NodeContext::input(size_t i) {
  OValue *value = *importer.lookup(node.inputs[i], loc);
  return importer.materialize(*value, b, loc);
}

RankedTensorType NodeContext::inputType(size_t i) {
  return (*importer.lookup(node.inputs[i], loc))->type;
}

const Known *NodeContext::known(size_t i) {
  if (!hasInput(i))
    return nullptr;
  OValue *value = *importer.lookup(node.inputs[i], loc);
  return value->known ? &*value->known : nullptr;
}

std::optional<std::vector<int64_t>> NodeContext::knownInts(size_t i) {
  if (const Known *k = known(i))
    return k->full();
  return std::nullopt;
}

DenseElementsAttr NodeContext::constantAttr(size_t i) {
  if (!hasInput(i))
    return {};
  OValue *value = *importer.lookup(node.inputs[i], loc);
  if (value->value)
    if (auto constant = value->value.getDefiningOp<trt::ConstantOp>())
      return dyn_cast<DenseElementsAttr>(constant.getWeights());
  if (value->known && value->known->isFull())
    return cast<DenseElementsAttr>(
        importer.materialize(*value, b, loc)
            .getDefiningOp<trt::ConstantOp>()
            .getWeights());
  return {};
}

std::optional<std::vector<double>> NodeContext::constantValues(size_t i) {
  DenseElementsAttr attr = constantAttr(i);
  if (!attr)
    return std::nullopt;
  std::vector<double> out;
  Type element = attr.getElementType();
  if (isa<FloatType>(element)) {
    for (APFloat v : attr.getValues<APFloat>()) {
      bool lost;
      v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      out.push_back(v.convertToDouble());
    }
  } else if (element.isInteger(1) || element.isUnsignedInteger()) {
    for (APInt v : attr.getValues<APInt>())
      out.push_back(static_cast<double>(v.getZExtValue()));
  } else {
    for (APInt v : attr.getValues<APInt>())
      out.push_back(static_cast<double>(v.getSExtValue()));
  }
  return out;
}

int64_t NodeContext::attrInt(StringRef name, int64_t defaultValue) const {
  const ox::Attribute *attr = node.attribute(name);
  return attr ? attr->i : defaultValue;
}

float NodeContext::attrFloat(StringRef name, float defaultValue) const {
  const ox::Attribute *attr = node.attribute(name);
  return attr ? attr->f : defaultValue;
}

std::string NodeContext::attrString(StringRef name,
                                    StringRef defaultValue) const {
  const ox::Attribute *attr = node.attribute(name);
  return attr ? attr->s : defaultValue.str();
}

std::vector<int64_t> NodeContext::attrInts(StringRef name) const {
  const ox::Attribute *attr = node.attribute(name);
  return attr ? attr->ints : std::vector<int64_t>();
}

std::vector<float> NodeContext::attrFloats(StringRef name) const {
  const ox::Attribute *attr = node.attribute(name);
  return attr ? attr->floats : std::vector<float>();
}

const ox::Tensor *NodeContext::attrTensor(StringRef name) const {
  const ox::Attribute *attr = node.attribute(name);
  return attr ? attr->t.get() : nullptr;
}

void NodeContext::setOutput(size_t i, Value value, std::optional<Known> known) {
  if (i >= node.outputs.size() || node.outputs[i].empty())
    return;
  importer.values[node.outputs[i]] =
      OValue{typeOf(value), value, std::move(known)};
}

void NodeContext::setKnownOutput(size_t i, RankedTensorType type, Known known) {
  if (i >= node.outputs.size() || node.outputs[i].empty())
    return;
  importer.values[node.outputs[i]] = OValue{type, Value(), std::move(known)};
}

InFlightDiagnostic NodeContext::error() {
  return emitError(loc) << node.opType << " (opset " << opset << "): ";
}

FailureOr<DenseElementsAttr> tensorAttrOf(NodeContext &ctx,
                                          const ox::Tensor &tensor) {
  return ctx.importer.tensorAttr(tensor, ctx.loc, "the tensor attribute");
}

bool &nodeFailed() {
  static thread_local bool failed = false;
  return failed;
}

const Registry &registry() {
  static const Registry converters = [] {
    Registry r;
    registerElementwise(r);
    registerShape(r);
    registerNN(r);
    registerReduction(r);
    registerQuantization(r);
    return r;
  }();
  return converters;
}

//===----------------------------------------------------------------------===//
// Shared builders
//===----------------------------------------------------------------------===//

Value constantOf(OpBuilder &b, Location loc, RankedTensorType type,
                 ArrayRef<double> values) {
  Type element = type.getElementType();
  SmallVector<Attribute> attrs;
  for (double v : values) {
    if (auto f = dyn_cast<FloatType>(element))
      attrs.push_back(FloatAttr::get(f, v));
    else
      attrs.push_back(IntegerAttr::get(element, static_cast<int64_t>(v)));
  }
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(type, attrs))
      .getResult();
}

Value splat(OpBuilder &b, Location loc, Type element, int64_t rank,
            double value) {
  return constantOf(
      b, loc, RankedTensorType::get(SmallVector<int64_t>(rank, 1), element),
      {value});
}

Value constantI32(OpBuilder &b, Location loc, ArrayRef<int32_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getI32Type());
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(type, values))
      .getResult();
}

Value expandTo(OpBuilder &b, Location loc, Value value, int64_t rank) {
  RankedTensorType type = typeOf(value);
  if (type.getRank() >= rank)
    return value;
  SmallVector<int64_t> shape(rank - type.getRank(), 1);
  llvm::append_range(shape, type.getShape());
  return trt::ExpandRankOp::create(b, loc, type.clone(shape), value)
      .getResult();
}

std::pair<Value, Value> broadcastRanks(OpBuilder &b, Location loc, Value lhs,
                                       Value rhs) {
  int64_t rank = std::max(typeOf(lhs).getRank(), typeOf(rhs).getRank());
  return {expandTo(b, loc, lhs, rank), expandTo(b, loc, rhs, rank)};
}

Value castTo(OpBuilder &b, Location loc, Value value, Type element) {
  if (elementTypeOf(value) == element)
    return value;
  return trt::CastOp::create(b, loc, typeOf(value).clone(element), value)
      .getResult();
}

Value reshapeTo(OpBuilder &b, Location loc, Value value,
                ArrayRef<int64_t> shape) {
  RankedTensorType type = typeOf(value);
  if (type.getShape() == shape)
    return value;
  return trt::ReshapeOp::create(b, loc, type.clone(shape), value, Value())
      .getResult();
}

Value transposeBy(OpBuilder &b, Location loc, Value value,
                  ArrayRef<int64_t> perm) {
  bool identity = true;
  for (auto [i, d] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == d;
  if (identity)
    return value;
  RankedTensorType type = typeOf(value);
  SmallVector<int64_t> shape;
  SmallVector<unsigned> dims;
  for (int64_t d : perm) {
    shape.push_back(type.getDimSize(d));
    dims.push_back(static_cast<unsigned>(d));
  }
  return trt::TransposeOp::create(
             b, loc, type.clone(shape), value,
             AffineMap::getPermutationMap(dims, b.getContext()))
      .getResult();
}

Value elementWise(OpBuilder &b, Location loc, trt::ElementWiseOperation op,
                  Value lhs, Value rhs) {
  auto [l, r] = broadcastRanks(b, loc, lhs, rhs);
  return createInferred<trt::ElementWiseOp>(b, loc, 1, l, r, op).getResult();
}

Value unary(OpBuilder &b, Location loc, trt::UnaryOperation op, Value x) {
  return trt::UnaryOp::create(b, loc, x.getType(), x, op).getResult();
}

Value shapeOf(OpBuilder &b, Location loc, Value value) {
  return createInferred<trt::ShapeOp>(b, loc, 1, value).getResult();
}

Value shapeTensor(OpBuilder &b, Location loc, Value runtime,
                  const Known *known) {
  if (known)
    if (std::optional<std::vector<int64_t>> full = known->full())
      return constantI32(b, loc, SmallVector<int32_t>(full->begin(), full->end()));
  return castTo(b, loc, runtime, b.getI32Type());
}

std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

} // namespace kiln::onnx_import

namespace kiln {

mlir::OwningOpRef<mlir::ModuleOp> importONNXModel(mlir::MLIRContext &context,
                                                  llvm::StringRef bytes,
                                                  llvm::StringRef path) {
  mlir::Location fileLoc = mlir::FileLineColLoc::get(&context, path, 0, 0);
  llvm::Expected<onnx::Model> model = onnx::parseModel(bytes);
  if (!model) {
    mlir::emitError(fileLoc) << "cannot read the ONNX model: "
                             << llvm::toString(model.takeError());
    return {};
  }
  onnx_import::GraphImporter importer(context, *model, path);
  return importer.import();
}

std::string describeONNXLocation(mlir::Location loc) {
  if (auto fused = llvm::dyn_cast<mlir::FusedLoc>(loc)) {
    auto tag = llvm::dyn_cast_or_null<mlir::StringAttr>(fused.getMetadata());
    if (tag && tag.getValue() == onnx_import::kNodeLocTag &&
        fused.getLocations().size() == 1)
      if (auto named = llvm::dyn_cast<mlir::NameLoc>(fused.getLocations()[0]))
        return describeONNXLocation(named.getChildLoc()) + ": node '" +
               named.getName().str() + "'";
  }
  if (auto named = llvm::dyn_cast<mlir::NameLoc>(loc))
    return describeONNXLocation(named.getChildLoc()) + ": input '" +
           named.getName().str() + "'";
  if (auto file = llvm::dyn_cast<mlir::FileLineColLoc>(loc)) {
    if (file.getLine() == 0)
      return file.getFilename().str();
    return (file.getFilename().getValue() + ":" + llvm::Twine(file.getLine()) + ":" +
            llvm::Twine(file.getColumn()))
        .str();
  }
  if (auto fused = llvm::dyn_cast<mlir::FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return describeONNXLocation(fused.getLocations().front());
  if (auto callSite = llvm::dyn_cast<mlir::CallSiteLoc>(loc))
    return describeONNXLocation(callSite.getCallee());
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

} // namespace kiln
