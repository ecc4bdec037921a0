//===- CPUBackendTest.cpp - CPU-backend steps against reference steps -----===//
//
// The same one-step plan built for backend cpu and for backend reference,
// run through Engine + ExecutionContext (with a thread pool), must agree;
// the registry's supports predicate must refuse what the CPU kernels do not
// take; contexts over one engine may run concurrently on one pool.
//
//===----------------------------------------------------------------------===//
#include "CPUTestUtils.h"

#include "kiln/Runtime/KernelRegistry.h"
#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

using namespace kiln;
using namespace kiln::test;

namespace {

using Ints = std::vector<int64_t>;

/// One step over `inputs` (engine inputs, or constants where `constant[i]`).
EnginePlan oneStep(const std::string &kernel,
                   const std::vector<const HostTensor *> &inputs,
                   const std::vector<bool> &constant, DType resultType,
                   Ints resultShape, AttrMap attrs, Backend backend) {
  PlanBuilder b;
  std::vector<int32_t> operands;
  for (size_t i = 0; i < inputs.size(); ++i)
    operands.push_back(constant[i]
                           ? b.constant(*inputs[i])
                           : b.input("arg" + std::to_string(i),
                                     inputs[i]->dtype(), inputs[i]->shape()));
  int32_t result = b.arena(resultType, std::move(resultShape));
  b.step(kernel, operands, {result}, std::move(attrs), "test.mlir:1:1");
  b.plan.steps.back().backend = backend;
  b.output("result", result);
  return b.plan;
}

HostTensor runOn(const EnginePlan &plan,
                 const std::vector<const HostTensor *> &inputs,
                 const std::vector<bool> &constant, ThreadPool *pool) {
  auto engine = std::make_shared<Engine>(plan);
  ExecutionContext context(engine);
  context.setThreadPool(pool);
  std::vector<TensorView> views;
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!constant[i])
      views.push_back(inputs[i]->view());
  std::vector<HostTensor> results = context.run(views);
  return std::move(results.at(0));
}

void compareBackends(const std::string &kernel,
                     const std::vector<const HostTensor *> &inputs,
                     const std::vector<bool> &constant, DType resultType,
                     const Ints &resultShape, const AttrMap &attrs,
                     float rtol, float atol) {
  ThreadPool pool(2);
  EnginePlan cpuPlan = oneStep(kernel, inputs, constant, resultType,
                               resultShape, attrs, Backend::CPU);
  EnginePlan refPlan = oneStep(kernel, inputs, constant, resultType,
                               resultShape, attrs, Backend::Reference);
  HostTensor expected = runOn(refPlan, inputs, constant, nullptr);
  HostTensor actual = runOn(cpuPlan, inputs, constant, &pool);
  expectClose(actual, expected, rtol, atol, kernel + " on the cpu backend");
}

TEST(CPUBackend, EveryCPUKernelIsRegistered) {
  const KernelRegistry &registry = KernelRegistry::global();
  for (const char *name :
       {"matrix_multiply", "convolution", "softmax", "normalization", "reduce",
        "pooling", "element_wise", "activation"})
    EXPECT_NE(registry.lookup(name, Backend::CPU), nullptr) << name;
}

TEST(CPUBackend, StepsAgreeWithTheReferenceBackend) {
  std::mt19937 gen(81);
  for (DType dtype : {DType::F32, DType::BF16}) {
    float rtol = storageTolerance(dtype, 1e-4f);
    HostTensor a = randomTensor(dtype, {3, 17, 45}, gen);
    HostTensor w = randomTensor(dtype, {29, 45}, gen);
    for (bool constantWeight : {false, true})
      compareBackends("matrix_multiply", {&a, &w}, {false, constantWeight},
                      dtype, {3, 17, 29},
                      {{"op1", std::string("kTRANSPOSE")}}, rtol, 1e-4f);

    HostTensor x = randomTensor(dtype, {2, 4, 9, 9}, gen);
    HostTensor k = randomTensor(dtype, {6, 2, 3, 3}, gen);
    HostTensor bias = randomTensor(dtype, {6}, gen);
    compareBackends("convolution", {&x, &k, &bias}, {false, true, true}, dtype,
                    {2, 6, 5, 5},
                    {{"num_groups", int64_t(2)},
                     {"stride", Ints{2, 2}},
                     {"pre_padding", Ints{1, 1}},
                     {"post_padding", Ints{1, 1}}},
                    rtol, 1e-4f);

    HostTensor s = randomTensor(dtype, {4, 3, 50}, gen, -5.0f, 5.0f);
    compareBackends("softmax", {&s}, {false}, dtype, {4, 3, 50},
                    {{"axis", int64_t(2)}}, storageTolerance(dtype, 2e-6f),
                    1e-7f);
    compareBackends("softmax", {&s}, {false}, dtype, {4, 3, 50},
                    {{"axis", int64_t(1)}}, storageTolerance(dtype, 2e-6f),
                    1e-7f);

    HostTensor scale = randomTensor(dtype, {1, 1, 50}, gen);
    HostTensor shift = randomTensor(dtype, {1, 1, 50}, gen);
    compareBackends("normalization", {&s, &scale, &shift}, {false, true, true},
                    dtype, {4, 3, 50}, {{"axes", Ints{2}}, {"eps", 1e-5}},
                    storageTolerance(dtype, 1e-5f), 2e-5f);

    compareBackends("reduce", {&s}, {false}, dtype, {4, 1, 1},
                    {{"op", std::string("kAVG")},
                     {"axes", Ints{1, 2}},
                     {"keep_dims", int64_t(1)}},
                    storageTolerance(dtype, 1e-6f), 1e-6f);

    HostTensor row = randomTensor(dtype, {1, 1, 50}, gen);
    compareBackends("element_wise", {&s, &row}, {false, true}, dtype,
                    {4, 3, 50}, {{"op", std::string("kSUM")}}, 0.0f, 0.0f);
    compareBackends("activation", {&s}, {false}, dtype, {4, 3, 50},
                    {{"type", std::string("kGELU_ERF")}}, 0.0f, 0.0f);

    compareBackends("pooling", {&x}, {false}, dtype, {2, 4, 4, 4},
                    {{"type", std::string("kMAX")},
                     {"window", Ints{3, 3}},
                     {"stride", Ints{2, 2}},
                     {"pre_padding", Ints{0, 0}},
                     {"post_padding", Ints{0, 0}}},
                    storageTolerance(dtype, 1e-6f), 1e-6f);
  }
}

TEST(CPUBackend, SupportsRefusesWhatTheKernelsDoNotTake) {
  const KernelRegistry &registry = KernelRegistry::global();
  auto supported = [&](const std::string &kernel,
                       const std::vector<TensorView> &operands,
                       const std::vector<TensorView> &results, AttrMap attrs) {
    StepDesc step;
    step.kernel = kernel;
    step.attrs = std::move(attrs);
    step.backend = Backend::CPU;
    KernelSpec spec{step, operands, results};
    return registry.supports(spec, Backend::CPU);
  };
  TensorView f{DType::F32, {4, 4}, nullptr}, i{DType::I32, {4, 4}, nullptr};
  EXPECT_TRUE(supported("matrix_multiply", {f, f}, {f}, {}));
  EXPECT_FALSE(supported("matrix_multiply", {i, i}, {i}, {}));
  EXPECT_TRUE(supported("reduce", {f}, {TensorView{DType::F32, {4}, nullptr}},
                        {{"op", std::string("kSUM")}, {"axes", Ints{1}}}));
  TensorView f3{DType::F32, {2, 3, 4}, nullptr};
  EXPECT_FALSE(supported("reduce", {f3},
                         {TensorView{DType::F32, {3}, nullptr}},
                         {{"op", std::string("kSUM")}, {"axes", Ints{0, 2}}}));
  TensorView scale{DType::F32, {1, 3, 1}, nullptr};
  EXPECT_FALSE(supported("normalization", {f3, scale, scale}, {f3},
                         {{"axes", Ints{1}}}));
}

TEST(CPUBackend, ContextsRunConcurrentlyOnOnePool) {
  std::mt19937 gen(83);
  HostTensor a = randomTensor(DType::F32, {64, 96}, gen);
  HostTensor w = randomTensor(DType::F32, {96, 80}, gen);
  EnginePlan plan = oneStep("matrix_multiply", {&a, &w}, {false, true},
                            DType::F32, {64, 80}, {}, Backend::CPU);
  HostTensor expected = runKernel("matrix_multiply", {&a, &w}, DType::F32,
                                  {64, 80});
  auto engine = std::make_shared<Engine>(plan);
  ThreadPool pool(2);
  std::vector<std::thread> threads;
  std::vector<HostTensor> results(3);
  for (size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      ExecutionContext context(engine);
      context.setThreadPool(&pool);
      for (int r = 0; r < 10; ++r)
        results[t] = std::move(context.run({a.view()}).at(0));
    });
  for (std::thread &t : threads)
    t.join();
  for (const HostTensor &result : results)
    expectClose(result, expected, 1e-4f, 1e-4f, "concurrent context");
}

} // namespace
