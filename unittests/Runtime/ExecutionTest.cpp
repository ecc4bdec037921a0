//===- ExecutionTest.cpp - Engine and ExecutionContext behaviour ----------===//
#include "TestUtils.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

/// y = relu(x + c) with a constant c: one input, one constant, two steps.
EnginePlan addReluPlan() {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {2, 3});
  int32_t c = b.constant(f32({1, 3}, {1, -10, 0.5f}));
  int32_t sum = b.arena(DType::F32, {2, 3});
  int32_t y = b.arena(DType::F32, {2, 3});
  b.step("element_wise", {x, c}, {sum}, {{"op", std::string("kSUM")}},
         "model.py:3:7");
  b.step("activation", {sum}, {y}, {{"type", std::string("kRELU")}},
         "model.py:4:7");
  b.output("y", y);
  return b.plan;
}

TEST(Execution, RunsMultiStepPlanWithConstants) {
  HostTensor x = f32({2, 3}, {1, 2, 3, -4, 5, -6});
  std::vector<HostTensor> out = runPlan(addReluPlan(), {&x});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].shape(), (Ints{2, 3}));
  EXPECT_EQ(values<float>(out[0]), (std::vector<float>{2, 0, 3.5f, 0, 0, 0}));
}

TEST(Execution, SignaturesDescribeInputsAndOutputs) {
  Engine engine(addReluPlan());
  ASSERT_EQ(engine.inputs().size(), 1u);
  EXPECT_EQ(engine.inputs()[0].name, "x");
  EXPECT_EQ(engine.inputs()[0].dtype, DType::F32);
  EXPECT_EQ(engine.inputs()[0].shape, (Ints{2, 3}));
  EXPECT_EQ(engine.outputs()[0].name, "y");
  EXPECT_EQ(engine.steps().size(), 2u);
}

TEST(Execution, ArenaReuseAcrossSteps) {
  // a = x * 2 at offset 0, b = a + 1 at offset 64, c = b * b back at offset
  // 0 (a is dead by then), d = c - x at offset 64 (b is dead).
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {4});
  int32_t two = b.constant(f32({1}, {2}));
  int32_t one = b.constant(f32({1}, {1}));
  int32_t a = b.arena(DType::F32, {4}, 0);
  int32_t bb = b.arena(DType::F32, {4}, 64);
  int32_t c = b.arena(DType::F32, {4}, 0);
  int32_t d = b.arena(DType::F32, {4}, 64);
  b.step("element_wise", {x, two}, {a}, {{"op", std::string("kPROD")}});
  b.step("element_wise", {a, one}, {bb}, {{"op", std::string("kSUM")}});
  b.step("element_wise", {bb, bb}, {c}, {{"op", std::string("kPROD")}});
  b.step("element_wise", {c, x}, {d}, {{"op", std::string("kSUB")}});
  b.output("d", d);
  EXPECT_EQ(b.plan.arenaSize, 80);
  HostTensor in = f32({4}, {0, 1, 2, 3});
  auto engine = std::make_shared<Engine>(b.plan);
  ExecutionContext context(engine);
  // Run twice: the second run must not see stale arena contents.
  for (int run = 0; run < 2; ++run) {
    std::vector<HostTensor> out = context.run({in.view()});
    EXPECT_EQ(values<float>(out[0]), (std::vector<float>{1, 8, 23, 46}));
  }
}

TEST(Execution, OutputsMayBeInputsOrConstants) {
  PlanBuilder b;
  int32_t x = b.input("x", DType::I64, {2});
  int32_t c = b.constant(i64({2}, {7, 8}));
  b.output("same", x);
  b.output("k", c);
  HostTensor in = i64({2}, {1, 2});
  std::vector<HostTensor> out = runPlan(b.plan, {&in});
  EXPECT_EQ(values<int64_t>(out[0]), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(values<int64_t>(out[1]), (std::vector<int64_t>{7, 8}));
}

TEST(Execution, WrongInputCountIsReported) {
  HostTensor x = f32({2, 3}, {1, 2, 3, 4, 5, 6});
  std::string message = errorOf([&] { runPlan(addReluPlan(), {&x, &x}); });
  EXPECT_EQ(message, "engine expects 1 input, got 2");
  message = errorOf([&] { runPlan(addReluPlan(), {}); });
  EXPECT_EQ(message, "engine expects 1 input, got 0");
}

TEST(Execution, WrongInputDTypeIsReported) {
  HostTensor x = i32({2, 3}, {1, 2, 3, 4, 5, 6});
  std::string message = errorOf([&] { runPlan(addReluPlan(), {&x}); });
  EXPECT_EQ(message, "input 0 ('x'): expected 2x3xf32, got 2x3xi32");
}

TEST(Execution, WrongInputShapeIsReported) {
  HostTensor x = f32({3, 2}, {1, 2, 3, 4, 5, 6});
  std::string message = errorOf([&] { runPlan(addReluPlan(), {&x}); });
  EXPECT_EQ(message, "input 0 ('x'): expected 2x3xf32, got 3x2xf32");
}

TEST(Execution, KernelErrorsNameKernelAndLocation) {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {2});
  int32_t y = b.arena(DType::F32, {2});
  b.step("unary", {x}, {y}, {{"op", std::string("kFROB")}}, "net.py:12:3");
  b.output("y", y);
  HostTensor in = f32({2}, {1, 2});
  std::string message = errorOf([&] { runPlan(b.plan, {&in}); });
  EXPECT_NE(message.find("unary"), std::string::npos) << message;
  EXPECT_NE(message.find("net.py:12:3"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown unary op 'kFROB'"), std::string::npos)
      << message;
}

TEST(Execution, MissingAttributeIsNamed) {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {2});
  int32_t y = b.arena(DType::F32, {2});
  b.step("softmax", {x}, {y}, {}, "net.py:1:1");
  b.output("y", y);
  HostTensor in = f32({2}, {1, 2});
  std::string message = errorOf([&] { runPlan(b.plan, {&in}); });
  EXPECT_NE(message.find("requires attribute 'axis'"), std::string::npos)
      << message;
}

TEST(Validation, RejectsInconsistentPlans) {
  {
    EnginePlan plan = addReluPlan();
    plan.buffers[2].offset = 4096; // arena buffer out of the arena
    std::string message = errorOf([&] { Engine engine(plan); });
    EXPECT_NE(message.find("exceeds the arena size"), std::string::npos)
        << message;
  }
  {
    EnginePlan plan = addReluPlan();
    plan.steps[0].kernel = "frobnicate";
    std::string message = errorOf([&] { Engine engine(plan); });
    EXPECT_NE(message.find("unknown kernel 'frobnicate'"), std::string::npos)
        << message;
  }
  {
    EnginePlan plan = addReluPlan();
    plan.steps[1].results = {1}; // writes the constant
    std::string message = errorOf([&] { Engine engine(plan); });
    EXPECT_NE(message.find("results must be arena buffers"), std::string::npos)
        << message;
  }
  {
    EnginePlan plan = addReluPlan();
    plan.steps[1].operands = {99};
    std::string message = errorOf([&] { Engine engine(plan); });
    EXPECT_NE(message.find("refers to buffer 99"), std::string::npos)
        << message;
  }
  {
    EnginePlan plan = addReluPlan();
    plan.buffers[1].offset = 8; // constant offset not 64-aligned
    std::string message = errorOf([&] { Engine engine(plan); });
    EXPECT_NE(message.find("constant offset 8"), std::string::npos) << message;
  }
  {
    EnginePlan plan = addReluPlan();
    plan.buffers[2].shape = {-2, 3}; // -1 alone means "dynamic"
    std::string message = errorOf([&] { Engine engine(plan); });
    EXPECT_NE(message.find("negative dimension"), std::string::npos) << message;
  }
}

} // namespace
