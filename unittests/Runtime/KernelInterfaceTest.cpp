//===- KernelInterfaceTest.cpp - Kernels bound once, keyed by backend -----===//
#include "TestUtils.h"
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/KernelRegistry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <thread>

// Counts heap allocations while `gCounting` is set, so a test can show that a
// run of a static engine allocates nothing per step.
static std::atomic<bool> gCounting{false};
static std::atomic<int64_t> gAllocations{0};

void *operator new(std::size_t size) {
  if (gCounting.load(std::memory_order_relaxed))
    gAllocations.fetch_add(1, std::memory_order_relaxed);
  if (void *p = std::malloc(size ? size : 1))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

/// x -> unary(kNEG) repeated `steps` times -> y, all static.
EnginePlan negChain(int steps) {
  PlanBuilder b;
  int32_t value = b.input("x", DType::F32, {4});
  for (int s = 0; s < steps; ++s) {
    int32_t next = b.arena(DType::F32, {4});
    b.step("unary", {value}, {next}, {{"op", std::string("kNEG")}});
    value = next;
  }
  b.output("y", value);
  return b.plan;
}

TEST(Backend, NamesRoundTrip) {
  for (Backend backend : {Backend::Reference, Backend::CPU, Backend::CUDA})
    EXPECT_EQ(parseBackend(backendName(backend)), backend);
  EXPECT_STREQ(backendName(Backend::CPU), "cpu");
  EXPECT_EQ(parseBackend("gpu"), std::nullopt);
}

TEST(Backend, IsSerializedPerStep) {
  EnginePlan plan = negChain(2);
  plan.steps[1].backend = Backend::CUDA;
  Bytes bytes = serializeEngine(plan);
  EnginePlan back = deserializeEngine(bytes.data(), bytes.size());
  EXPECT_EQ(back.steps[0].backend, Backend::Reference);
  EXPECT_EQ(back.steps[1].backend, Backend::CUDA);
}

TEST(Backend, UnknownCodeInFileIsCorrupt) {
  EnginePlan plan = negChain(1);
  Bytes bytes = serializeEngine(plan);
  // The backend byte follows the kernel name "unary".
  std::string needle = "unary";
  auto it = std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end());
  ASSERT_NE(it, bytes.end());
  it[5] = 7;
  reseal(bytes);
  EXPECT_NE(loadError(bytes).find("step 0 has unknown backend code 7"),
            std::string::npos)
      << loadError(bytes);
}

TEST(Backend, OldFormatVersionIsRefusedWithAHint) {
  Bytes bytes = serializeEngine(negChain(1));
  uint32_t old = 4;
  std::memcpy(bytes.data() + 8, &old, 4);
  EXPECT_EQ(loadError(bytes),
            "engine: unsupported engine format version 4 (this runtime reads "
            "version 5); rebuild the engine with this version's kiln-compile");
}

TEST(Backend, UnregisteredBackendIsRefusedAtEngineCreation) {
  // A backend without a 'unary' kernel here (a runtime built with CUDA has
  // a cuda one).
  const Backend candidates[] = {Backend::CPU, Backend::CUDA};
  const Backend *missing = nullptr;
  for (const Backend &backend : candidates)
    if (!missing && !KernelRegistry::global().lookup("unary", backend))
      missing = &backend;
  if (!missing)
    GTEST_SKIP() << "every backend has a 'unary' kernel in this runtime";
  EnginePlan plan = negChain(2);
  plan.steps[1].backend = *missing;
  plan.steps[1].location = "model.py:9:1";
  std::string name = backendName(*missing);
  std::string message = errorOf([&] { Engine engine(plan); });
  EXPECT_EQ(message, "step 1 ('unary', " + name +
                         ", model.py:9:1): kernel 'unary' has no " + name +
                         " implementation in this runtime");
}

/// A test kernel: r = x + bias, with the bias decoded once from `bias`; it
/// declares a workspace of one float per element and stages through it.
class AddBiasKernel final : public Kernel {
public:
  static std::atomic<int> built;

  explicit AddBiasKernel(const KernelSpec &spec)
      : bias_(getFloatAttr(spec.step, "bias")) {
    if (spec.operands.size() != 1 || spec.operands[0].dtype != DType::F32)
      fail("add_bias takes one f32 operand");
    ++built;
  }
  int64_t workspaceBytes(const std::vector<TensorView> &operands,
                         const std::vector<TensorView> &) const override {
    return operands[0].numElements() * 4;
  }
  void run(const KernelContext &ctx) const override {
    int64_t n = ctx.operands[0].numElements();
    if (ctx.workspaceSize < n * 4 || !ctx.workspace)
      fail("workspace of ", ctx.workspaceSize, " bytes, needed ", n * 4);
    auto *scratch = static_cast<float *>(ctx.workspace);
    for (int64_t i = 0; i < n; ++i)
      scratch[i] = ctx.operands[0].as<float>()[i] + static_cast<float>(bias_);
    for (int64_t i = 0; i < n; ++i)
      ctx.results[0].as<float>()[i] = scratch[i];
  }

private:
  double bias_;
};
std::atomic<int> AddBiasKernel::built{0};

bool takesF32(const KernelSpec &spec) {
  return spec.operands.size() == 1 && spec.operands[0].dtype == DType::F32;
}

KernelRegistry testRegistry() {
  KernelRegistry registry;
  registerReferenceKernels(registry);
  registry.add<AddBiasKernel>("add_bias", Backend::CPU, takesF32);
  return registry;
}

EnginePlan addBiasPlan() {
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {3});
  int32_t r = b.arena(DType::F32, {3});
  b.step("add_bias", {x}, {r}, {{"bias", 0.5}}, "bias.py:1:1");
  b.plan.steps[0].backend = Backend::CPU;
  b.output("r", r);
  return b.plan;
}

TEST(KernelRegistry, KeysByNameAndBackend) {
  KernelRegistry registry = testRegistry();
  EXPECT_NE(registry.lookup("add_bias", Backend::CPU), nullptr);
  EXPECT_EQ(registry.lookup("add_bias", Backend::Reference), nullptr);
  EXPECT_EQ(registry.names(Backend::CPU), std::vector<std::string>{"add_bias"});
  EXPECT_EQ(errorOf([&] { registry.add<AddBiasKernel>("add_bias", Backend::CPU); }),
            "kernel 'add_bias' is registered twice for backend cpu");
  EnginePlan plan = addBiasPlan();
  const StepDesc &step = plan.steps[0];
  EXPECT_TRUE(registry.supports({step, {{DType::F32, {3}, nullptr}}, {}},
                                Backend::CPU));
  EXPECT_FALSE(registry.supports({step, {{DType::I32, {3}, nullptr}}, {}},
                                 Backend::CPU));
  EXPECT_FALSE(registry.supports({step, {{DType::F32, {3}, nullptr}}, {}},
                                 Backend::Reference));
}

TEST(KernelRegistry, KernelsAreBuiltOncePerStepAndShared) {
  KernelRegistry registry = testRegistry();
  AddBiasKernel::built = 0;
  auto engine = std::make_shared<Engine>(addBiasPlan(), &registry);
  EXPECT_EQ(AddBiasKernel::built, 1);
  // Several contexts on several threads run the one kernel object.
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      ExecutionContext context(engine);
      for (int i = 0; i < 50; ++i) {
        HostTensor x = f32({3}, {float(t), float(i), 1});
        std::vector<HostTensor> out = context.run({x.view()});
        if (values<float>(out[0]) !=
            std::vector<float>{t + 0.5f, i + 0.5f, 1.5f})
          ++wrong;
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(AddBiasKernel::built, 1);
}

TEST(KernelRegistry, BadAttributesAreRefusedAtEngineCreation) {
  KernelRegistry registry = testRegistry();
  EnginePlan plan = addBiasPlan();
  plan.steps[0].attrs["bias"] = std::string("lots");
  EXPECT_EQ(errorOf([&] { Engine engine(plan, &registry); }),
            "step 0 ('add_bias', cpu, bias.py:1:1): kernel 'add_bias' "
            "attribute 'bias' must be a float");
}

TEST(KernelRegistry, RegionStepsGetTheirKernelsAtCreation) {
  PlanBuilder b;
  int32_t c = b.input("c", DType::I1, {});
  int32_t x = b.input("x", DType::F32, {2});
  int32_t r = b.arena(DType::F32, {2});
  int32_t t = b.arena(DType::F32, {2});
  b.step("if", {c}, {r});
  RegionDesc thenRegion, elseRegion;
  thenRegion.steps.push_back({"unary", {x}, {t}, {{"op", std::string("kNEG")}},
                              "cf.mlir:2:3", {}});
  thenRegion.yields = {t};
  elseRegion.steps.push_back({"frobnicate", {x}, {t}, {}, "cf.mlir:5:3", {}});
  elseRegion.yields = {t};
  b.plan.steps[0].regions = {thenRegion, elseRegion};
  b.output("r", r);
  // The else branch never runs, but its unknown kernel is refused up front.
  EXPECT_EQ(errorOf([&] { Engine engine(b.plan); }),
            "step 0 ('if') region 1 step 0 ('frobnicate', cf.mlir:5:3): "
            "unknown kernel 'frobnicate'");
  b.plan.steps[0].regions[1] = thenRegion;
  Engine engine(b.plan);
  ASSERT_EQ(engine.steps()[0].regions.size(), 2u);
  EXPECT_NE(engine.steps()[0].regions[1][0].kernel, nullptr);
}

TEST(ExecutionContext, StaticRunsAllocateNothingPerStep) {
  // Allocations of a run come from the returned outputs only: the same for
  // 2 and 40 steps.
  auto allocationsOfSecondRun = [](int steps) {
    auto engine = std::make_shared<Engine>(negChain(steps));
    ExecutionContext context(engine);
    HostTensor x = f32({4}, {1, 2, 3, 4});
    std::vector<TensorView> inputs = {x.view()};
    context.run(inputs); // binds shapes and prepares the steps
    gAllocations = 0;
    gCounting = true;
    std::vector<HostTensor> out = context.run(inputs);
    gCounting = false;
    EXPECT_EQ(values<float>(out[0]),
              (steps % 2 ? std::vector<float>{-1, -2, -3, -4}
                         : std::vector<float>{1, 2, 3, 4}));
    return gAllocations.load();
  };
  int64_t few = allocationsOfSecondRun(2);
  int64_t many = allocationsOfSecondRun(40);
  EXPECT_EQ(few, many);
  EXPECT_LE(many, 4); // the output list, tensor, its shape, one view's shape
}

TEST(ExecutionContext, WorkspaceIsHandedToKernels) {
  KernelRegistry registry = testRegistry();
  auto engine = std::make_shared<Engine>(addBiasPlan(), &registry);
  ExecutionContext context(engine);
  HostTensor x = f32({3}, {1, 2, 3});
  EXPECT_EQ(values<float>(context.run({x.view()})[0]),
            (std::vector<float>{1.5f, 2.5f, 3.5f}));
}

} // namespace
