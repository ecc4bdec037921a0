//===- CudaContextTest.cpp - The CUDA device layer and execution context --===//
#include "CudaTestUtils.h"

#include <chrono>
#include <cmath>

using namespace kiln;
using namespace kiln::test;

namespace {

using Shape = std::vector<int64_t>;

TEST(CudaDevice, MemoryStreamAndGraphRoundTrip) {
  KILN_REQUIRE_CUDA();
  cuda::DeviceMemory device(1 << 20);
  cuda::PinnedMemory in(1 << 20), out(1 << 20);
  for (int i = 0; i < (1 << 20); ++i)
    in.data()[i] = static_cast<uint8_t>(i * 7);
  cuda::Stream stream;
  // Captured copies run only when the graph is launched.
  cuda::Graph graph;
  cuda::Graph::beginCapture(stream);
  cuda::check(cudaMemcpyAsync(device.data(), in.data(), 1 << 20,
                              cudaMemcpyHostToDevice, stream.get()),
              "h2d");
  cuda::check(cudaMemcpyAsync(out.data(), device.data(), 1 << 20,
                              cudaMemcpyDeviceToHost, stream.get()),
              "d2h");
  graph.endCapture(stream);
  ASSERT_TRUE(graph.ready());
  graph.launch(stream);
  stream.synchronize();
  EXPECT_EQ(std::memcmp(in.data(), out.data(), 1 << 20), 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(device.data()) %
                cuda::kDeviceAlignment,
            0u);
}

TEST(CudaDevice, ErrorsNameTheCall) {
  KILN_REQUIRE_CUDA();
  std::string message = errorOf([] {
    cuda::DeviceMemory huge(int64_t(1) << 50); // a petabyte
  });
  EXPECT_EQ(message.rfind("cudaMalloc of 1125899906842624 bytes: ", 0), 0u)
      << message;
}

/// matmul -> + bias (broadcast) -> GELU -> softmax: a transformer MLP's
/// shape of work, every step on the device.
EnginePlan mlpPlan(DType type, int64_t m, int64_t k, int64_t n) {
  PlanBuilder b;
  int32_t x = b.input("x", type, {m, k});
  int32_t w = b.input("w", type, {k, n});
  int32_t bias = b.input("bias", type, {1, n});
  int32_t y = b.arena(type, {m, n});
  int32_t z = b.arena(type, {m, n});
  int32_t g = b.arena(type, {m, n});
  int32_t p = b.arena(type, {m, n});
  bool gemm = std::find(cuda::cudaKernelNames().begin(),
                        cuda::cudaKernelNames().end(),
                        "matrix_multiply") != cuda::cudaKernelNames().end();
  if (gemm)
    b.step("matrix_multiply", {x, w}, {y},
           {{"op0", std::string("kNONE")}, {"op1", std::string("kNONE")}});
  else // without cuBLASLt keep the engine device-only: an element-wise step
    b.step("element_wise", {x, x}, {y}, {{"op", std::string("kSUM")}});
  b.step("element_wise", {y, bias}, {z}, {{"op", std::string("kSUM")}});
  b.step("activation", {z}, {g}, {{"type", std::string("kGELU_TANH")}});
  b.step("softmax", {g}, {p}, {{"axis", int64_t(1)}});
  b.output("p", p);
  b.plan.target = Target::cuda(deviceComputeCapability());
  placeOnCuda(b.plan);
  return b.plan;
}

TEST(CudaContext, SteadyStateRunsReplayAGraph) {
  KILN_REQUIRE_CUDA();
  // k == n: without cuBLASLt the first step is x + x, which needs x m x n.
  EnginePlan plan = mlpPlan(DType::F32, 16, 24, 24);
  auto engine = std::make_shared<Engine>(plan);
  cuda::CudaExecutionContext device(engine);
  EnginePlan cpuPlan = plan;
  cpuPlan.target = Target::cpu();
  for (StepDesc &step : cpuPlan.steps)
    step.backend = Backend::Reference;
  ExecutionContext host(std::make_shared<Engine>(cpuPlan));
  std::mt19937 gen(2);
  for (int run = 0; run < 4; ++run) {
    std::vector<HostTensor> inputs;
    for (const IOBinding &binding : plan.inputs) {
      const BufferDesc &buffer = plan.buffers[binding.buffer];
      inputs.push_back(randomTensor(gen, buffer.dtype, buffer.shape, -1, 1));
    }
    std::vector<TensorView> views;
    for (const HostTensor &t : inputs)
      views.push_back(t.view());
    std::vector<HostTensor> got = device.run(views);
    std::vector<HostTensor> want = host.run(views);
    EXPECT_EQ(device.lastRunReplayedGraph(), run >= 1) << "run " << run;
    for (int64_t i = 0; i < want[0].numElements(); ++i)
      ASSERT_NEAR(elementAsFloat(got[0], i), elementAsFloat(want[0], i), 1e-5)
          << "run " << run << " element " << i;
  }
}

TEST(CudaContext, GraphsCanBeTurnedOff) {
  KILN_REQUIRE_CUDA();
  EnginePlan plan = mlpPlan(DType::F16, 8, 8, 8);
  cuda::CudaExecutionContext device(std::make_shared<Engine>(plan),
                                    cuda::CudaContextOptions{false});
  std::vector<HostTensor> inputs;
  std::mt19937 gen(4);
  for (const IOBinding &binding : plan.inputs) {
    const BufferDesc &buffer = plan.buffers[binding.buffer];
    inputs.push_back(randomTensor(gen, buffer.dtype, buffer.shape));
  }
  std::vector<TensorView> views;
  for (const HostTensor &t : inputs)
    views.push_back(t.view());
  for (int run = 0; run < 3; ++run) {
    device.run(views);
    EXPECT_FALSE(device.lastRunReplayedGraph());
  }
}

TEST(CudaContext, RefusesWhatItCannotRun) {
  KILN_REQUIRE_CUDA();
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {4});
  int32_t y = b.arena(DType::F32, {4});
  b.step("unary", {x}, {y}, {{"op", std::string("kABS")}});
  b.output("y", y);
  auto cpuEngine = std::make_shared<Engine>(b.plan);
  EXPECT_EQ(errorOf([&] { cuda::CudaExecutionContext c(cpuEngine); }),
            "CudaExecutionContext runs engines built for cuda; this one is "
            "built for cpu");

  b.plan.target = Target::cuda(deviceComputeCapability());
  placeOnCuda(b.plan);
  cuda::CudaExecutionContext context(std::make_shared<Engine>(b.plan));
  HostTensor wrong(DType::F32, {5});
  EXPECT_EQ(errorOf([&] { context.run({wrong.view()}); }),
            "input 0 ('x'): expected 4xf32, got 5xf32");
  EXPECT_EQ(errorOf([&] { context.run({}); }),
            "engine expects 1 input, got 0");

  PlanBuilder d;
  int32_t dx = d.input("x", DType::F32, {kDynamicDim});
  int32_t dy = d.arena(DType::F32, {kDynamicDim});
  d.step("unary", {dx}, {dy}, {{"op", std::string("kABS")}});
  d.output("y", dy);
  d.plan.inputs[0].profile = {{1}, {4}, {8}};
  d.plan.target = Target::cuda(deviceComputeCapability());
  auto dynamicEngine = std::make_shared<Engine>(d.plan);
  EXPECT_EQ(errorOf([&] { cuda::CudaExecutionContext c(dynamicEngine); }),
            "engines with dynamic shapes do not run on CUDA yet");
}

/// Not a test: numbers for the notes (scripts/gpu-test.sh runs it).
TEST(CudaBench, DISABLED_KernelsAndLaunchOverhead) {
  KILN_REQUIRE_CUDA();
  auto time = [](cuda::CudaExecutionContext &context,
                 const std::vector<TensorView> &views, int iterations) {
    context.run(views);
    context.run(views);
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i)
      context.run(views);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
               .count() /
           iterations;
  };
  std::mt19937 gen(1);
  // Launch overhead: a 4-step engine on tiny tensors, eager vs graph.
  for (bool graphs : {false, true}) {
    EnginePlan plan = mlpPlan(DType::F16, 8, 8, 8);
    cuda::CudaExecutionContext context(std::make_shared<Engine>(plan),
                                       cuda::CudaContextOptions{graphs});
    std::vector<HostTensor> inputs;
    for (const IOBinding &binding : plan.inputs) {
      const BufferDesc &buffer = plan.buffers[binding.buffer];
      inputs.push_back(randomTensor(gen, buffer.dtype, buffer.shape));
    }
    std::vector<TensorView> views;
    for (const HostTensor &t : inputs)
      views.push_back(t.view());
    double seconds = time(context, views, 2000);
    std::printf("[bench] 4-step f16 engine 8x8, %s: %.1f us per run (host "
                "to host)\n",
                graphs ? "CUDA graph" : "eager", seconds * 1e6);
  }
  // Kernels alone: device-resident prepared steps timed with events.
  cuda::Stream stream;
  cudaEvent_t begin, end;
  cudaEventCreate(&begin);
  cudaEventCreate(&end);
  auto timeStep = [&](const cuda::PreparedStep &step, const cuda::StepArgs &args,
                      int iterations) {
    for (int i = 0; i < 3; ++i)
      step.run(args);
    cudaEventRecord(begin, stream.get());
    for (int i = 0; i < iterations; ++i)
      step.run(args);
    cudaEventRecord(end, stream.get());
    cudaEventSynchronize(end);
    float ms = 0;
    cudaEventElapsedTime(&ms, begin, end);
    return ms / 1e3 / iterations;
  };
  cuda::Libraries libraries;
  libraries.cublasLt = cuda::createBlasLtHandle();
  cuda::DeviceMemory workspace(cuda::kLibraryWorkspaceBytes);
  libraries.workspace = workspace.data();
  libraries.workspaceBytes = cuda::kLibraryWorkspaceBytes;
  if (libraries.cublasLt) {
    for (DType type : {DType::F16, DType::BF16, DType::F32}) {
      const int64_t s = 4096;
      int64_t bytes = dtypeByteSize(type, s * s);
      cuda::DeviceMemory a(bytes), b(bytes), c(bytes);
      // Random operands: zeros would flatter the tensor cores' power draw.
      HostTensor random = randomTensor(gen, type, {s, s}, -1, 1);
      cudaMemcpy(a.data(), random.data(), bytes, cudaMemcpyHostToDevice);
      cudaMemcpy(b.data(), random.data(), bytes, cudaMemcpyHostToDevice);
      std::vector<TensorView> operands = {{type, {s, s}, a.data()},
                                          {type, {s, s}, b.data()}};
      std::vector<TensorView> results = {{type, {s, s}, c.data()}};
      StepDesc step;
      step.kernel = "matrix_multiply";
      auto prepared =
          cuda::prepareCudaStep(step, operands, results, libraries);
      ASSERT_TRUE(prepared);
      cuda::StepArgs args{operands, results, stream.get(), libraries};
      double seconds = timeStep(*prepared, args, 20);
      std::printf("[bench] matrix_multiply %s 4096^3 (cuBLASLt, f32 "
                  "accumulation, random data): %.3f ms, %.0f TFLOP/s\n",
                  dtypeName(type), seconds * 1e3,
                  2.0 * s * s * s / seconds / 1e12);
    }
  }
  {
    const int64_t count = int64_t(64) << 20;
    int64_t bytes = dtypeByteSize(DType::F16, count);
    cuda::DeviceMemory a(bytes), b(bytes), c(bytes);
    cudaMemset(a.data(), 0, bytes);
    cudaMemset(b.data(), 0, bytes);
    std::vector<TensorView> operands = {{DType::F16, {count}, a.data()},
                                        {DType::F16, {count}, b.data()}};
    std::vector<TensorView> results = {{DType::F16, {count}, c.data()}};
    StepDesc step;
    step.kernel = "element_wise";
    step.attrs["op"] = std::string("kSUM");
    auto prepared = cuda::prepareCudaStep(step, operands, results, libraries);
    ASSERT_TRUE(prepared);
    cuda::StepArgs args{operands, results, stream.get(), libraries};
    double seconds = timeStep(*prepared, args, 20);
    std::printf("[bench] element_wise kSUM f16, 64M elements: %.3f ms, %.0f "
                "GB/s (3 x %lld bytes moved)\n",
                seconds * 1e3, 3.0 * bytes / seconds / 1e9,
                static_cast<long long>(bytes));
  }
  {
    const int64_t rows = 4096, length = 4096;
    int64_t bytes = dtypeByteSize(DType::F16, rows * length);
    cuda::DeviceMemory x(bytes), r(bytes);
    cudaMemset(x.data(), 0, bytes);
    std::vector<TensorView> operands = {{DType::F16, {rows, length}, x.data()}};
    std::vector<TensorView> results = {{DType::F16, {rows, length}, r.data()}};
    StepDesc step;
    step.kernel = "softmax";
    step.attrs["axis"] = int64_t(1);
    auto prepared = cuda::prepareCudaStep(step, operands, results, libraries);
    ASSERT_TRUE(prepared);
    cuda::StepArgs args{operands, results, stream.get(), libraries};
    double seconds = timeStep(*prepared, args, 20);
    std::printf("[bench] softmax f16 4096x4096 (last axis): %.3f ms, %.0f "
                "GB/s (read + write once)\n",
                seconds * 1e3, 2.0 * bytes / seconds / 1e9);
  }
  cuda::destroyBlasLtHandle(libraries.cublasLt);
  cudaEventDestroy(begin);
  cudaEventDestroy(end);
}

} // namespace
