//===- RegionTest.cpp - Steps with regions: format, validation, runs ------===//
#include "TestUtils.h"
#include "kiln/Runtime/BufferPlanner.h"
#include "kiln/Runtime/EngineFile.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace kiln;
using namespace kiln::test;

namespace {


/// r = c ? x + x : -x, with the two branches as regions of an `if` step.
EnginePlan ifPlan() {
  PlanBuilder b;
  int32_t c = b.input("c", DType::I1, {});
  int32_t x = b.input("x", DType::F32, {3});
  int32_t r = b.arena(DType::F32, {3});
  int32_t t = b.arena(DType::F32, {3});
  int32_t u = b.arena(DType::F32, {3});
  b.step("if", {c}, {r}, {}, "cf.mlir:3:8");
  RegionDesc thenRegion, elseRegion;
  thenRegion.steps.push_back(
      {"element_wise", {x, x}, {t}, {{"op", std::string("kSUM")}},
       "cf.mlir:4:10", {}});
  thenRegion.yields = {t};
  elseRegion.steps.push_back(
      {"unary", {x}, {u}, {{"op", std::string("kNEG")}}, "cf.mlir:9:5", {}});
  elseRegion.yields = {u};
  b.plan.steps[0].regions = {thenRegion, elseRegion};
  b.output("r", r);
  return b.plan;
}

std::vector<float> runIf(const EnginePlan &plan, bool cond) {
  auto engine = std::make_shared<Engine>(plan);
  HostTensor c = i1({}, {static_cast<uint8_t>(cond)});
  HostTensor x = f32({3}, {1.0f, -2.0f, 0.5f});
  return values<float>(ExecutionContext(engine).run({c.view(), x.view()})[0]);
}



/// Offset of the first byte after the serialized string `text`.
size_t after(const Bytes &bytes, const std::string &text) {
  auto it = std::search(bytes.begin(), bytes.end(), text.begin(), text.end());
  EXPECT_NE(it, bytes.end()) << text;
  return static_cast<size_t>(it - bytes.begin()) + text.size();
}


TEST(Regions, RoundTripPreservesRegions) {
  EnginePlan plan = ifPlan();
  Bytes bytes = serializeEngine(plan);
  EnginePlan back = deserializeEngine(bytes.data(), bytes.size());
  ASSERT_EQ(back.steps.size(), 1u);
  ASSERT_EQ(back.steps[0].regions.size(), 2u);
  for (size_t r = 0; r < 2; ++r) {
    const RegionDesc &want = plan.steps[0].regions[r];
    const RegionDesc &got = back.steps[0].regions[r];
    EXPECT_EQ(got.arguments, want.arguments);
    EXPECT_EQ(got.yields, want.yields);
    ASSERT_EQ(got.steps.size(), 1u);
    EXPECT_EQ(got.steps[0].kernel, want.steps[0].kernel);
    EXPECT_EQ(got.steps[0].operands, want.steps[0].operands);
    EXPECT_EQ(got.steps[0].results, want.steps[0].results);
    EXPECT_EQ(got.steps[0].attrs, want.steps[0].attrs);
    EXPECT_EQ(got.steps[0].location, want.steps[0].location);
  }
  EXPECT_EQ(serializeEngine(back), bytes);
  EXPECT_EQ(runIf(back, true), (std::vector<float>{2.0f, -4.0f, 1.0f}));
  EXPECT_EQ(runIf(back, false), (std::vector<float>{-1.0f, 2.0f, -0.5f}));
}

TEST(Regions, CorruptYieldIdIsRefused) {
  Bytes bytes = serializeEngine(ifPlan());
  // After the else step's location: its region count (0), then the else
  // region's yield count (1) and yield id.
  size_t yieldId = after(bytes, "cf.mlir:9:5") + 4 + 4;
  int32_t bad = 999;
  std::memcpy(bytes.data() + yieldId, &bad, 4);
  reseal(bytes);
  std::string message = loadError(bytes);
  EXPECT_NE(message.find("step 0 ('if') region 1 yield 0 refers to buffer 999"),
            std::string::npos)
      << message;
}

TEST(Regions, CorruptRegionCountIsRefused) {
  Bytes bytes = serializeEngine(ifPlan());
  size_t count = after(bytes, "cf.mlir:3:8");
  for (uint32_t bad : {0xffffffffu, 3u, 1000u}) {
    Bytes corrupt = bytes;
    std::memcpy(corrupt.data() + count, &bad, 4);
    reseal(corrupt);
    std::string message = loadError(corrupt);
    EXPECT_NE(message.find("is corrupt"), std::string::npos) << message;
  }
}

TEST(Regions, OldFormatVersionIsRefused) {
  Bytes bytes = serializeEngine(ifPlan());
  uint32_t old = 2;
  std::memcpy(bytes.data() + 8, &old, 4);
  EXPECT_NE(loadError(bytes).find("unsupported engine format version 2"),
            std::string::npos);
}

TEST(Regions, DeepNestingIsRefused) {
  EnginePlan plan = ifPlan();
  // Wrap the if step in more ifs than kMaxRegionDepth allows.
  StepDesc step = plan.steps[0];
  for (int depth = 0; depth <= kMaxRegionDepth; ++depth) {
    StepDesc outer = step;
    RegionDesc region;
    region.steps.push_back(step);
    region.yields = step.results;
    outer.regions = {region};
    step = outer;
  }
  plan.steps[0] = step;
  std::string message = errorOf([&] { plan.validate(); });
  EXPECT_NE(message.find("nest deeper than"), std::string::npos) << message;
}

TEST(Regions, RegionResultsMustBeArenaBuffers) {
  EnginePlan plan = ifPlan();
  plan.steps[0].regions[0].steps[0].results = {1}; // input x
  std::string message = errorOf([&] { plan.validate(); });
  EXPECT_NE(message.find("region 0 step 0 ('element_wise') result 0 writes "
                         "buffer 1, which is a input buffer"),
            std::string::npos)
      << message;
}

/// ifPlan() with x of shape [?] (profile [1, 8]) and every region value
/// and the result dynamic too: their sizes come from x when a branch runs.
EnginePlan dynamicIfPlan() {
  EnginePlan plan = ifPlan();
  plan.buffers[1].shape = {kDynamicDim};
  plan.inputs[1].profile = {{1}, {3}, {8}};
  for (int32_t id : {2, 3, 4})
    plan.buffers[id].shape = {kDynamicDim};
  plan.arenaSize = 0;
  for (BufferDesc &buffer : plan.buffers)
    if (buffer.kind == BufferKind::Arena)
      buffer.offset = 0;
  return plan;
}

TEST(Regions, DynamicRegionBuffersRoundTripAndRun) {
  EnginePlan plan = dynamicIfPlan();
  Bytes bytes = serializeEngine(plan);
  EnginePlan back = deserializeEngine(bytes.data(), bytes.size());
  for (int32_t id : {1, 2, 3, 4})
    EXPECT_EQ(back.buffers[id].shape, std::vector<int64_t>{kDynamicDim}) << id;
  EXPECT_EQ(serializeEngine(back), bytes);

  auto engine = std::make_shared<Engine>(back);
  ExecutionContext context(engine);
  for (int64_t n : {3, 8, 1, 5}) {
    std::vector<float> x;
    for (int64_t i = 0; i < n; ++i)
      x.push_back(static_cast<float>(i) - 1.5f);
    HostTensor input = f32({n}, x);
    for (bool cond : {true, false}) {
      HostTensor c = i1({}, {static_cast<uint8_t>(cond)});
      std::vector<HostTensor> out = context.run({c.view(), input.view()});
      ASSERT_EQ(out[0].shape(), std::vector<int64_t>{n});
      std::vector<float> got = values<float>(out[0]);
      for (int64_t i = 0; i < n; ++i)
        EXPECT_EQ(got[i], cond ? x[i] + x[i] : -x[i]) << n << " " << i;
    }
  }
}

TEST(Regions, DynamicRegionYieldMustFitAStaticResult) {
  EnginePlan plan = dynamicIfPlan();
  plan.buffers[2].shape = {4}; // the if's result stays static
  auto engine = std::make_shared<Engine>(plan);
  HostTensor c = i1({}, {1});
  HostTensor x = f32({3}, {1.0f, 2.0f, 3.0f});
  std::string message =
      errorOf([&] { ExecutionContext(engine).run({c.view(), x.view()}); });
  EXPECT_NE(message.find("if (step 0, cf.mlir:3:8): then region yields 3xf32 "
                         "as result 0, which is 4xf32"),
            std::string::npos)
      << message;
}

TEST(Regions, RegionValueReadBeforeItsRegionRunsIsRefused) {
  // The else region reads the then region's value (buffer 3), which no run
  // of the else branch defines.
  EnginePlan plan = dynamicIfPlan();
  plan.steps[0].regions[1].steps[0].operands = {3};
  auto engine = std::make_shared<Engine>(plan);
  HostTensor c = i1({}, {0});
  HostTensor x = f32({3}, {1.0f, 2.0f, 3.0f});
  std::string message =
      errorOf([&] { ExecutionContext(engine).run({c.view(), x.view()}); });
  EXPECT_NE(message.find("is used before its shape is known"),
            std::string::npos)
      << message;
}

TEST(Regions, ArenaPlanLeavesOutUnsizedBuffers) {
  EnginePlan plan = dynamicIfPlan();
  std::vector<std::vector<int64_t>> shapes;
  for (const BufferDesc &buffer : plan.buffers)
    shapes.push_back(buffer.shape);
  shapes[1] = {5};
  shapes[2] = {5}; // the result is sized; the region values are not
  ArenaPlan arena = planEngineArena(plan, shapes);
  EXPECT_EQ(arena.offsets[3], 0);
  EXPECT_EQ(arena.offsets[4], 0);
  EXPECT_EQ(arena.arenaSize, 64); // only the result: 20 bytes, aligned
}

TEST(Regions, RegionBuffersLiveForTheWholeParentStep) {
  // x -> a (step 0), if (step 1) reads a inside a region, b (step 2).
  PlanBuilder b;
  int32_t c = b.input("c", DType::I1, {});
  int32_t x = b.input("x", DType::F32, {4});
  int32_t a = b.arena(DType::F32, {4});
  int32_t r = b.arena(DType::F32, {4});
  int32_t t = b.arena(DType::F32, {4});
  int32_t out = b.arena(DType::F32, {4});
  b.step("unary", {x}, {a}, {{"op", std::string("kABS")}});
  b.step("if", {c}, {r});
  RegionDesc region;
  region.steps.push_back({"unary", {a}, {t}, {{"op", std::string("kNEG")}}, "", {}});
  region.yields = {t};
  b.plan.steps[1].regions = {region, region};
  b.step("unary", {r}, {out}, {{"op", std::string("kABS")}});
  b.output("out", out);
  std::vector<std::vector<int64_t>> shapes;
  for (const BufferDesc &buffer : b.plan.buffers)
    shapes.push_back(buffer.shape);
  ArenaPlan arena = planEngineArena(b.plan, shapes);
  // a, r and t are all live during step 1: pairwise disjoint.
  for (int32_t p : {a, r, t})
    for (int32_t q : {a, r, t})
      if (p != q)
        EXPECT_NE(arena.offsets[p], arena.offsets[q]) << p << " " << q;
}

TEST(Regions, RandomCorruptionNeverCrashes) {
  Bytes bytes = serializeEngine(ifPlan());
  EXPECT_GT(refusedCorruptions(bytes, 99, 2000, 3), 0);
}

} // namespace
