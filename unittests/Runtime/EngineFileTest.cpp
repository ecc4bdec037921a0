//===- EngineFileTest.cpp - .kiln serialization and hostile input ---------===//
#include "TestUtils.h"
#include "kiln/Runtime/EngineFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

EnginePlan samplePlan() {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {2, 3});
  int32_t w = b.constant(f32({3, 2}, {1, 2, 3, 4, 5, 6}));
  int32_t y = b.arena(DType::F32, {2, 2});
  int32_t z = b.arena(DType::F32, {2, 2});
  b.step("matrix_multiply", {x, w}, {y},
         {{"op0", std::string("kNONE")}, {"op1", std::string("kNONE")}},
         "model.mlir:4:10");
  b.step("softmax", {y}, {z}, {{"axis", int64_t(1)}}, "model.mlir:5:10");
  // Attributes of every kind, to check they survive the round trip.
  b.plan.steps[1].attrs["scale"] = 0.25;
  b.plan.steps[1].attrs["dims"] = Ints{3, -1, 7};
  b.plan.steps[1].attrs["weights"] = std::vector<double>{1.5, -2.0};
  b.output("probs", z);
  return b.plan;
}

/// Our own FNV-1a 64, to re-seal deliberately corrupted files so that the
/// checks after the checksum are reached.



TEST(EngineFile, RoundTripPreservesThePlan) {
  EnginePlan plan = samplePlan();
  Bytes bytes = serializeEngine(plan);
  EnginePlan back = deserializeEngine(bytes.data(), bytes.size());
  ASSERT_EQ(back.buffers.size(), plan.buffers.size());
  for (size_t i = 0; i < plan.buffers.size(); ++i) {
    EXPECT_EQ(back.buffers[i].dtype, plan.buffers[i].dtype);
    EXPECT_EQ(back.buffers[i].shape, plan.buffers[i].shape);
    EXPECT_EQ(back.buffers[i].kind, plan.buffers[i].kind);
    EXPECT_EQ(back.buffers[i].offset, plan.buffers[i].offset);
    EXPECT_EQ(back.buffers[i].index, plan.buffers[i].index);
  }
  EXPECT_EQ(back.constants, plan.constants);
  EXPECT_EQ(back.arenaSize, plan.arenaSize);
  ASSERT_EQ(back.steps.size(), 2u);
  EXPECT_EQ(back.steps[0].kernel, "matrix_multiply");
  EXPECT_EQ(back.steps[0].location, "model.mlir:4:10");
  EXPECT_EQ(back.steps[1].attrs, plan.steps[1].attrs);
  EXPECT_EQ(back.inputs[0].name, "x");
  EXPECT_EQ(back.outputs[0].name, "probs");
  // The constant blob ends the file and starts at a 64-byte aligned offset.
  size_t constantOffset = bytes.size() - plan.constants.size();
  EXPECT_EQ(constantOffset % 64, 0u);
  EXPECT_EQ(0, std::memcmp(bytes.data() + constantOffset, plan.constants.data(),
                           plan.constants.size()));
  // Serialization is deterministic.
  EXPECT_EQ(serializeEngine(back), bytes);
}

TEST(EngineFile, FileOnDiskLoadsAndRuns) {
  std::string path = ::testing::TempDir() + "kiln_roundtrip.kiln";
  writeEngineFile(samplePlan(), path);
  std::shared_ptr<Engine> engine = Engine::load(path);
  ExecutionContext context(engine);
  HostTensor x = f32({2, 3}, {1, 0, 0, 0, 0, 1});
  std::vector<HostTensor> out = context.run({x.view()});
  std::vector<float> p = values<float>(out[0]);
  // Row 0 of x @ w is [1, 2]; softmax gives [1/(1+e), e/(1+e)].
  EXPECT_NEAR(p[0], 1.0 / (1.0 + std::exp(1.0)), 1e-6);
  EXPECT_NEAR(p[0] + p[1], 1.0f, 1e-6f);
  std::remove(path.c_str());
}

TEST(EngineFile, BadMagicIsRefused) {
  Bytes bytes = serializeEngine(samplePlan());
  bytes[0] = 'X';
  EXPECT_EQ(loadError(bytes), "engine: not a Kiln engine (bad magic)");
  std::string path = ::testing::TempDir() + "kiln_not_an_engine.kiln";
  std::ofstream(path) << "hello, this is plainly not an engine file";
  EXPECT_EQ(errorOf([&] { readEngineFile(path); }),
            "engine file '" + path + "': not a Kiln engine (bad magic)");
  std::remove(path.c_str());
}

TEST(EngineFile, TruncationAtAnyLengthIsRefused) {
  Bytes bytes = serializeEngine(samplePlan());
  for (size_t length : {size_t(0), size_t(4), size_t(8), size_t(31),
                        size_t(32), size_t(33), bytes.size() / 2,
                        bytes.size() - 64, bytes.size() - 1}) {
    Bytes cut(bytes.begin(), bytes.begin() + length);
    std::string message = loadError(cut);
    EXPECT_NE(message.find("truncated"), std::string::npos)
        << "length " << length << ": " << message;
  }
  Bytes cut(bytes.begin(), bytes.begin() + 1000 < bytes.end()
                               ? bytes.begin() + 1000
                               : bytes.end() - 1);
  std::string message = loadError(cut);
  EXPECT_NE(message.find("header says " + std::to_string(bytes.size() - 32) +
                         " payload bytes, file has " +
                         std::to_string(cut.size() - 32)),
            std::string::npos)
      << message;
}

TEST(EngineFile, EveryPrefixIsRefused) {
  Bytes bytes = serializeEngine(samplePlan());
  for (size_t length = 0; length < bytes.size(); ++length) {
    Bytes cut(bytes.begin(), bytes.begin() + length);
    EXPECT_FALSE(loadError(cut).empty()) << "length " << length;
  }
}

TEST(EngineFile, FlippedPayloadByteFailsTheChecksum) {
  Bytes bytes = serializeEngine(samplePlan());
  for (size_t position : {size_t(32), size_t(40), bytes.size() / 2,
                          bytes.size() - 1}) {
    Bytes corrupt = bytes;
    corrupt[position] ^= 0x10;
    std::string message = loadError(corrupt);
    EXPECT_NE(message.find("checksum mismatch"), std::string::npos)
        << "byte " << position << ": " << message;
  }
}

TEST(EngineFile, WrongVersionIsRefused) {
  Bytes bytes = serializeEngine(samplePlan());
  bytes[8] = 99;
  EXPECT_EQ(loadError(bytes), "engine: unsupported engine format version 99 "
                              "(this runtime reads version " +
                                  std::to_string(kEngineFormatVersion) + ")");
}

TEST(EngineFile, OutOfBoundsOffsetIsRefused) {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {4});
  int32_t y = b.arena(DType::F32, {4});
  b.step("unary", {x}, {y}, {{"op", std::string("kABS")}});
  b.output("y", y);
  Bytes bytes = serializeEngine(b.plan);
  // Payload: u32 buffer count, then buffer 0 (the input): u8 dtype, u8 kind,
  // u16 reserved, u32 rank, rank x i64 dims, i64 offset, i64 index, i64 size.
  // Buffer 1 (the arena buffer) starts 4 + 40 bytes in; its offset field sits
  // after its own 8 header bytes and one dim.
  size_t arenaOffsetField = 32 + 4 + 40 + 8 + 8;
  int64_t offset;
  std::memcpy(&offset, bytes.data() + arenaOffsetField, 8);
  ASSERT_EQ(offset, 0);
  offset = 1 << 20;
  std::memcpy(bytes.data() + arenaOffsetField, &offset, 8);
  reseal(bytes);
  std::string message = loadError(bytes);
  EXPECT_NE(message.find("buffer 1: arena range [1048576, 1048576 + 16) "
                         "exceeds the arena size 16"),
            std::string::npos)
      << message;
}

TEST(EngineFile, UnknownKernelIsRefused) {
  Bytes bytes = serializeEngine(samplePlan());
  std::string needle = "softmax";
  auto it = std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end());
  ASSERT_NE(it, bytes.end());
  it[6] = 'z'; // "softmaz"
  reseal(bytes);
  // The file itself is well formed; the engine built from it is refused.
  EXPECT_EQ(loadError(bytes), "");
  std::string message =
      errorOf([&] { Engine::fromBytes(bytes.data(), bytes.size()); });
  EXPECT_NE(message.find("unknown kernel 'softmaz'"), std::string::npos)
      << message;
}

TEST(EngineFile, HugeCountsAreRefusedWithoutAllocating) {
  Bytes bytes = serializeEngine(samplePlan());
  uint32_t huge = 0xffffffffu;
  std::memcpy(bytes.data() + 32, &huge, 4); // buffer count
  reseal(bytes);
  std::string message = loadError(bytes);
  EXPECT_NE(message.find("buffer count 4294967295"), std::string::npos)
      << message;
}

TEST(EngineFile, TrailingBytesAreRefused) {
  Bytes bytes = serializeEngine(samplePlan());
  bytes.push_back(0);
  EXPECT_NE(loadError(bytes).find("unexpected bytes after the payload"),
            std::string::npos);
}

TEST(EngineFile, RandomCorruptionNeverCrashes) {
  // Corrupt random payload bytes and re-seal the checksum, so that the
  // decoder and validator see hostile content; each attempt must either
  // load or throw kiln::Error.
  Bytes bytes = serializeEngine(samplePlan());
  EXPECT_GT(refusedCorruptions(bytes, 1234, 3000, 4), 0);
}

} // namespace
