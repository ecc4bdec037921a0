//===- TargetTest.cpp - Engine targets: spelling, file, refusal on load ---===//
#include "../Runtime/TestUtils.h"
#include "kiln/Runtime/Device.h"
#include "kiln/Runtime/EngineFile.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace kiln;
using namespace kiln::test;

namespace {

EnginePlan absPlan(Target target) {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {4});
  int32_t y = b.arena(DType::F32, {4});
  b.step("unary", {x}, {y}, {{"op", std::string("kABS")}});
  b.output("y", y);
  b.plan.target = target;
  return b.plan;
}

std::string engineError(const EnginePlan &plan) {
  return errorOf([&] { Engine engine(plan); });
}

bool startsWith(const std::string &s, const std::string &prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

TEST(Target, SpellingRoundTrips) {
  EXPECT_EQ(Target::cpu().str(), "cpu");
  EXPECT_EQ(Target::cuda(90).str(), "cuda:sm_90");
  EXPECT_EQ(Target::cuda(120).str(), "cuda:sm_120");
  for (const Target &t : {Target::cpu(), Target::cuda(80), Target::cuda(90)})
    EXPECT_EQ(parseTarget(t.str()), t);
}

TEST(Target, BadSpellingIsRefused) {
  const std::string expected =
      "' (expected 'cpu' or 'cuda:sm_XY' with a compute capability such as "
      "'cuda:sm_90')";
  for (const char *text : {"gpu", "cuda", "cuda:sm_", "cuda:sm_9",
                           "cuda:sm_9x", "cuda:sm_1000", "CPU"})
    EXPECT_EQ(errorOf([&] { parseTarget(text); }),
              std::string("unknown target '") + text + expected);
}

TEST(Target, ValidateChecksTheComputeCapability) {
  EnginePlan plan = absPlan(Target::cpu());
  plan.target.computeCapability = 90;
  EXPECT_EQ(errorOf([&] { plan.validate(); }),
            "target cpu has compute capability 90 (expected 0)");
  plan.target = Target::cuda(5);
  EXPECT_EQ(errorOf([&] { plan.validate(); }),
            "target cuda has compute capability 5 (expected major * 10 + "
            "minor, e.g. 90 for sm_90)");
}

TEST(Target, FileCarriesTheTarget) {
  for (const Target &t : {Target::cpu(), Target::cuda(90), Target::cuda(89)}) {
    Bytes bytes = serializeEngine(absPlan(t));
    EXPECT_EQ(deserializeEngine(bytes.data(), bytes.size()).target, t);
  }
}

TEST(Target, UnknownTargetKindInAFileIsRefused) {
  Bytes bytes = serializeEngine(absPlan(Target::cuda(123)));
  // kind 1, reserved 0 0 0, compute capability 123 as an i32.
  const uint8_t record[] = {1, 0, 0, 0, 123, 0, 0, 0};
  auto at = std::search(bytes.begin() + 32, bytes.end(), std::begin(record),
                        std::end(record));
  ASSERT_NE(at, bytes.end());
  *at = 7;
  reseal(bytes);
  EXPECT_NE(loadError(bytes).find("unknown target kind code 7"),
            std::string::npos)
      << loadError(bytes);
}

TEST(Target, CpuEnginesRunEverywhere) {
  EXPECT_EQ(engineError(absPlan(Target::cpu())), "");
}

/// What a CUDA engine hears on this machine depends on what the runtime was
/// built with and what the driver reports: each case checks its own message.
TEST(Target, CudaEngineIsRefusedWithTheReason) {
  const std::string prefix = "engine built for cuda:sm_90 cannot run here: ";
  if (!runtimeHasCuda()) {
    EXPECT_EQ(engineError(absPlan(Target::cuda(90))),
              prefix + "this Kiln runtime was built without CUDA (no CUDA "
                       "toolkit was found when it was configured)");
    EXPECT_TRUE(cudaDevices().empty());
    return;
  }
  std::string why;
  std::vector<CudaDeviceInfo> devices = cudaDevices(&why);
  if (devices.empty()) {
    EXPECT_EQ(engineError(absPlan(Target::cuda(90))),
              prefix + "no CUDA device (" + why + ")");
    EXPECT_FALSE(why.empty());
    return;
  }
  // A device: an engine for another compute capability is refused, one for
  // this device's runs.
  const CudaDeviceInfo &device = devices.front();
  int32_t other = device.computeCapability == 90 ? 80 : 90;
  std::string sm = "sm_" + std::to_string(device.computeCapability);
  EXPECT_EQ(engineError(absPlan(Target::cuda(other))),
            "engine built for cuda:sm_" + std::to_string(other) +
                " cannot run here: CUDA device 0 (" + device.name +
                ") has compute capability " + sm +
                "; rebuild the engine for cuda:" + sm);
  EXPECT_EQ(engineError(absPlan(Target::cuda(device.computeCapability))), "");
}

TEST(Target, LoadingAFileForCudaIsRefusedWithoutADevice) {
  if (runtimeHasCuda() && !cudaDevices().empty())
    GTEST_SKIP() << "a CUDA device is present";
  Bytes bytes = serializeEngine(absPlan(Target::cuda(90)));
  std::string message =
      errorOf([&] { Engine::fromBytes(bytes.data(), bytes.size()); });
  EXPECT_TRUE(startsWith(message,
                         "engine built for cuda:sm_90 cannot run here: "))
      << message;
}

} // namespace
