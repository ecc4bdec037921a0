//===- ONNXModelTest.cpp - the ONNX wire-format reader and importer ------===//
//
// Models are written here with a few lines of protobuf encoding, so each
// test shows the bytes it feeds. The fuzz tests truncate and corrupt a valid
// model at every byte: the reader and the importer must report an error (or
// read a valid model), never crash or hang.
//
//===----------------------------------------------------------------------===//
#include "kiln/Import/ONNX/ONNXImporter.h"
#include "kiln/Import/ONNX/ONNXModel.h"
#include "kiln/InitAllDialects.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace {

/// A protobuf message being written.
struct Proto {
  std::string bytes;

  void raw(uint64_t v) {
    while (v >= 0x80) {
      bytes.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    bytes.push_back(static_cast<char>(v));
  }
  Proto &varint(int field, uint64_t v) {
    raw(static_cast<uint64_t>(field) << 3);
    raw(v);
    return *this;
  }
  Proto &str(int field, const std::string &s) {
    raw(static_cast<uint64_t>(field) << 3 | 2);
    raw(s.size());
    bytes += s;
    return *this;
  }
  Proto &msg(int field, const Proto &m) { return str(field, m.bytes); }
  Proto &f32(int field, float f) {
    raw(static_cast<uint64_t>(field) << 3 | 5);
    char b[4];
    std::memcpy(b, &f, 4);
    bytes.append(b, 4);
    return *this;
  }
};

Proto tensorType(int elemType, std::initializer_list<int64_t> dims) {
  Proto shape;
  for (int64_t d : dims)
    shape.msg(1, Proto().varint(1, d));
  return Proto().msg(1, Proto().varint(1, elemType).msg(2, shape));
}

Proto valueInfo(const std::string &name, std::initializer_list<int64_t> dims) {
  return Proto().str(1, name).msg(2, tensorType(1, dims));
}

/// y = relu(x @ w + b) with w and b initializers (w as raw_data, b as
/// packed float_data), opset 17.
std::string mlpModel() {
  float w[6] = {1, 2, 3, 4, 5, 6};
  Proto wTensor;
  wTensor.varint(1, 3).varint(1, 2).varint(2, 1).str(8, "w").str(
      9, std::string(reinterpret_cast<const char *>(w), sizeof(w)));
  Proto bTensor;
  float b[2] = {0.5f, -0.5f};
  bTensor.varint(1, 2).varint(2, 1).str(8, "b").str(
      4, std::string(reinterpret_cast<const char *>(b), sizeof(b)));
  Proto matmul = Proto().str(1, "x").str(1, "w").str(2, "xw").str(3, "mm").str(4, "MatMul");
  Proto add = Proto().str(1, "xw").str(1, "b").str(2, "s").str(3, "add").str(4, "Add");
  Proto relu = Proto().str(1, "s").str(2, "y").str(3, "relu").str(4, "Relu");
  Proto graph;
  graph.msg(1, matmul).msg(1, add).msg(1, relu).str(2, "g").msg(5, wTensor).msg(5, bTensor);
  graph.msg(11, valueInfo("x", {4, 3})).msg(12, valueInfo("y", {4, 2}));
  Proto model;
  model.varint(1, 8).msg(8, Proto().str(1, "").varint(2, 17)).msg(7, graph);
  return model.bytes;
}

TEST(ONNXModel, ReadsTheMessagesKilnUses) {
  std::string bytes = mlpModel();
  llvm::Expected<kiln::onnx::Model> model = kiln::onnx::parseModel(bytes);
  ASSERT_TRUE(static_cast<bool>(model)) << llvm::toString(model.takeError());
  EXPECT_EQ(model->irVersion, 8);
  EXPECT_EQ(model->opsetVersion("ai.onnx"), 17);
  const kiln::onnx::Graph &g = model->graph;
  ASSERT_EQ(g.nodes.size(), 3u);
  EXPECT_EQ(g.nodes[1].opType, "Add");
  EXPECT_EQ(g.nodes[1].inputs, (std::vector<std::string>{"xw", "b"}));
  ASSERT_EQ(g.initializers.size(), 2u);
  EXPECT_EQ(g.initializers[0].dims, (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(g.initializers[0].rawData.size(), 24u);
  EXPECT_EQ(g.initializers[1].floatData, (std::vector<float>{0.5f, -0.5f}));
  ASSERT_EQ(g.inputs.size(), 1u);
  ASSERT_EQ(g.inputs[0].dims.size(), 2u);
  EXPECT_EQ(g.inputs[0].dims[1].value, 3);
}

TEST(ONNXModel, PackedAndUnpackedRepeatedFieldsAgree) {
  Proto attr = Proto().str(1, "perm").varint(20, 7).varint(8, 1).varint(8, 0);
  Proto packed;
  packed.raw(8 << 3 | 2);
  packed.raw(2);
  packed.bytes += std::string("\x01\x00", 2);
  Proto attr2 = Proto().str(1, "perm").varint(20, 7);
  attr2.bytes += packed.bytes;
  for (const Proto &a : {attr, attr2}) {
    Proto node = Proto().str(1, "x").str(2, "y").str(4, "Transpose").msg(5, a);
    Proto model;
    model.msg(7, Proto().msg(1, node));
    auto parsed = kiln::onnx::parseModel(model.bytes);
    ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
    EXPECT_EQ(parsed->graph.nodes[0].attribute("perm")->ints,
              (std::vector<int64_t>{1, 0}));
  }
}

TEST(ONNXModel, TruncationNamesTheByteAndMessage) {
  std::string bytes = mlpModel();
  auto parsed = kiln::onnx::parseModel(bytes.substr(0, bytes.size() - 5));
  ASSERT_FALSE(static_cast<bool>(parsed));
  std::string message = llvm::toString(parsed.takeError());
  EXPECT_NE(message.find("truncated or corrupt protobuf at byte"), std::string::npos)
      << message;
  EXPECT_NE(message.find("ModelProto"), std::string::npos) << message;
}

TEST(ONNXModel, DeepNestingIsRefused) {
  // An If whose then_branch holds an If whose ... (100 deep).
  Proto graph;
  for (int i = 0; i < 100; ++i) {
    Proto node = Proto().str(4, "If").msg(
        5, Proto().str(1, "then_branch").varint(20, 5).msg(6, graph));
    graph = Proto().msg(1, node);
  }
  auto parsed = kiln::onnx::parseModel(Proto().msg(7, graph).bytes);
  ASSERT_FALSE(static_cast<bool>(parsed));
  EXPECT_NE(llvm::toString(parsed.takeError()).find("nested more than"),
            std::string::npos);
}

/// Imports `bytes`, collecting errors; true when a module came back.
bool importQuietly(const std::string &bytes, std::string *errors = nullptr) {
  mlir::DialectRegistry registry;
  kiln::registerAllDialects(registry);
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  std::string text;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
    text += d.str() + "\n";
    return mlir::success();
  });
  bool ok = static_cast<bool>(kiln::importONNXModel(context, bytes, "fuzz.onnx"));
  if (errors)
    *errors = text;
  return ok;
}

TEST(ONNXImport, ImportsTheHandWrittenModel) {
  std::string errors;
  EXPECT_TRUE(importQuietly(mlpModel(), &errors)) << errors;
}

TEST(ONNXImport, EveryTruncationIsAnErrorNotACrash) {
  std::string bytes = mlpModel();
  for (size_t n = 0; n < bytes.size(); ++n) {
    std::string errors;
    bool ok = importQuietly(bytes.substr(0, n), &errors);
    EXPECT_TRUE(ok || !errors.empty()) << "prefix " << n;
  }
}

TEST(ONNXImport, EveryCorruptedByteIsHandled) {
  std::string bytes = mlpModel();
  for (size_t i = 0; i < bytes.size(); ++i)
    for (unsigned char flip : {0xffu, 0x80u, 0x01u}) {
      std::string mutated = bytes;
      mutated[i] = static_cast<char>(mutated[i] ^ flip);
      std::string errors;
      bool ok = importQuietly(mutated, &errors);
      EXPECT_TRUE(ok || !errors.empty()) << "byte " << i << " ^ " << unsigned(flip);
    }
}

} // namespace
