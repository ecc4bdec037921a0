//===- CudaKernelTest.cpp - CUDA kernels against the reference kernels ----===//
//
// The oracle test of the CUDA backend: each kernel family on random shapes,
// dtypes and attributes, run through CudaExecutionContext and compared with
// the reference kernels on the same inputs. Skipped, saying why, without a
// CUDA device.
//
//===----------------------------------------------------------------------===//
#include "CudaTestUtils.h"
#include "kiln/Runtime/KernelRegistry.h"

#include <cmath>

using namespace kiln;
using namespace kiln::test;

namespace {

using Shape = std::vector<int64_t>;

const DType kFloatTypes[] = {DType::F32, DType::F16, DType::BF16};

std::string shapeText(const Shape &shape) {
  std::string text;
  for (int64_t d : shape)
    text += std::to_string(d) + "x";
  return text;
}

Shape randomShape(std::mt19937 &gen, int maxRank, int maxDim) {
  std::uniform_int_distribution<int> rank(1, maxRank), dim(1, maxDim);
  Shape shape(rank(gen));
  for (int64_t &d : shape)
    d = dim(gen);
  return shape;
}

/// One step over inputs of `inputTypes`, one arena result.
EnginePlan oneStep(const std::string &kernel,
                   const std::vector<const HostTensor *> &inputs,
                   DType resultType, Shape resultShape, AttrMap attrs) {
  PlanBuilder b;
  std::vector<int32_t> ids;
  for (size_t i = 0; i < inputs.size(); ++i)
    ids.push_back(b.input("x" + std::to_string(i), inputs[i]->dtype(),
                          inputs[i]->shape()));
  int32_t r = b.arena(resultType, std::move(resultShape));
  b.step(kernel, ids, {r}, std::move(attrs));
  b.output("r", r);
  placeOnCuda(b.plan);
  return b.plan;
}

std::vector<HostTensor> copies(const std::vector<const HostTensor *> &inputs) {
  std::vector<HostTensor> result;
  for (const HostTensor *t : inputs) {
    HostTensor copy(t->dtype(), t->shape());
    if (copy.byteSize())
      std::memcpy(copy.data(), t->data(), copy.byteSize());
    result.push_back(std::move(copy));
  }
  return result;
}

TEST(CudaKernels, ElementWiseOnRandomShapesAndBroadcasts) {
  KILN_REQUIRE_CUDA();
  const char *ops[] = {"kSUM", "kPROD", "kMAX",   "kMIN",     "kSUB", "kDIV",
                       "kPOW", "kFLOOR_DIV", "kEQUAL", "kGREATER", "kLESS"};
  std::mt19937 gen(12);
  std::bernoulli_distribution broadcast(0.3);
  int cases = 0;
  for (const char *op : ops)
    for (DType type : kFloatTypes)
      for (int repeat = 0; repeat < 3; ++repeat) {
        Shape shape = randomShape(gen, 4, 9);
        Shape sa = shape, sb = shape;
        for (size_t d = 0; d < shape.size(); ++d) {
          if (broadcast(gen))
            sa[d] = 1;
          else if (broadcast(gen))
            sb[d] = 1;
        }
        // A 0.5 grid makes ties, so kEQUAL and kMAX see equal values.
        HostTensor a = randomTensor(gen, type, sa, -3, 3, 0.5f);
        HostTensor b = randomTensor(gen, type, sb, -3, 3, 0.5f);
        std::string name = op;
        bool comparison = name == "kEQUAL" || name == "kGREATER" ||
                          name == "kLESS";
        EnginePlan plan = oneStep("element_wise", {&a, &b},
                                  comparison ? DType::I1 : type, shape,
                                  {{"op", name}});
        expectMatchesReference(plan, copies({&a, &b}), roundingTolerance(type),
                               true,
                               name + " " + dtypeName(type) + " " +
                                   shapeText(sa) + " " + shapeText(sb));
        ++cases;
      }
  EXPECT_EQ(cases, 99);
}

TEST(CudaKernels, UnaryOpsOnEveryFloatType) {
  KILN_REQUIRE_CUDA();
  const char *ops[] = {"kEXP",  "kLOG",   "kSQRT",  "kRECIP", "kABS",  "kNEG",
                       "kSIN",  "kCOS",   "kTAN",   "kSINH",  "kCOSH", "kASIN",
                       "kACOS", "kATAN",  "kASINH", "kACOSH", "kATANH",
                       "kCEIL", "kFLOOR", "kERF",   "kSIGN",  "kROUND"};
  std::mt19937 gen(7);
  for (const char *op : ops)
    for (DType type : kFloatTypes) {
      Shape shape = randomShape(gen, 3, 17);
      // Outside some functions' domains on purpose: NaN must match NaN. The
      // 0.25 grid puts values exactly on .5 for kROUND's ties and on 0.
      HostTensor x = randomTensor(gen, type, shape, -2.5f, 2.5f, 0.25f);
      Tolerance tolerance = roundingTolerance(type);
      // A few ulp of f32 differ between CUDA's and the C library's
      // functions; tan near its poles magnifies them.
      tolerance.rtol *= 4;
      EnginePlan plan =
          oneStep("unary", {&x}, type, shape, {{"op", std::string(op)}});
      expectMatchesReference(plan, copies({&x}), tolerance, true,
                             std::string(op) + " " + dtypeName(type));
    }
}

TEST(CudaKernels, ActivationsWithAlphaAndBeta) {
  KILN_REQUIRE_CUDA();
  const char *kinds[] = {"kRELU",        "kSIGMOID",      "kTANH",
                         "kLEAKY_RELU",  "kELU",          "kSELU",
                         "kSOFTSIGN",    "kSOFTPLUS",     "kCLIP",
                         "kHARD_SIGMOID", "kSCALED_TANH", "kTHRESHOLDED_RELU",
                         "kGELU_ERF",    "kGELU_TANH"};
  std::mt19937 gen(3);
  for (const char *kind : kinds)
    for (DType type : kFloatTypes) {
      Shape shape = randomShape(gen, 4, 11);
      HostTensor x = randomTensor(gen, type, shape, -4, 4);
      Tolerance tolerance = roundingTolerance(type);
      tolerance.rtol *= 4;
      tolerance.atol *= 4;
      EnginePlan plan = oneStep("activation", {&x}, type, shape,
                                {{"type", std::string(kind)},
                                 {"alpha", 0.35},
                                 {"beta", 1.25}});
      expectMatchesReference(plan, copies({&x}), tolerance, true,
                             std::string(kind) + " " + dtypeName(type));
    }
}

TEST(CudaKernels, SoftmaxAlongEveryAxis) {
  KILN_REQUIRE_CUDA();
  std::mt19937 gen(5);
  for (int repeat = 0; repeat < 8; ++repeat)
    for (DType type : kFloatTypes) {
      Shape shape = randomShape(gen, 4, 13);
      int64_t axis = std::uniform_int_distribution<int64_t>(
          0, shape.size() - 1)(gen);
      HostTensor x = randomTensor(gen, type, shape, -8, 8);
      EnginePlan plan = oneStep("softmax", {&x}, type, shape, {{"axis", axis}});
      expectMatchesReference(plan, copies({&x}), roundingTolerance(type), true,
                             "softmax " + std::string(dtypeName(type)) + " " +
                                 shapeText(shape) + " axis " +
                                 std::to_string(axis));
    }
}

TEST(CudaKernels, SoftmaxLongRowsAndNaN) {
  KILN_REQUIRE_CUDA();
  std::mt19937 gen(9);
  for (Shape shape : {Shape{3, 5000}, Shape{2000, 33}, Shape{1, 1}}) {
    HostTensor x = randomTensor(gen, DType::F32, shape, -20, 20);
    if (shape[0] == 3)
      static_cast<float *>(x.data())[5000 + 17] = NAN; // row 1 becomes NaN
    EnginePlan plan = oneStep("softmax", {&x}, DType::F32, shape,
                              {{"axis", int64_t(shape.size() - 1)}});
    expectMatchesReference(plan, copies({&x}), {1e-5f, 1e-7f}, true,
                           "softmax " + shapeText(shape));
  }
}

TEST(CudaKernels, MatrixMultiplyThroughCublasLt) {
  KILN_REQUIRE_CUDA();
  if (std::find(cuda::cudaKernelNames().begin(), cuda::cudaKernelNames().end(),
                "matrix_multiply") == cuda::cudaKernelNames().end())
    GTEST_SKIP() << "this runtime was built without cuBLASLt";
  std::mt19937 gen(11);
  std::uniform_int_distribution<int64_t> dim(1, 70);
  std::bernoulli_distribution coin(0.5);
  int cases = 0;
  for (DType type : kFloatTypes)
    for (int repeat = 0; repeat < 10; ++repeat) {
      int64_t m = dim(gen), n = dim(gen), k = dim(gen);
      if (repeat == 0)
        m = 256, n = 384, k = 512;
      bool ta = coin(gen), tb = coin(gen);
      // Batch: none, equal on both sides, or on one side only.
      Shape batchA, batchB;
      int batchKind = repeat % 4;
      if (batchKind == 1)
        batchA = batchB = {2, 3};
      else if (batchKind == 2)
        batchB = {4};
      else if (batchKind == 3)
        batchA = {3};
      Shape sa = batchA, sb = batchB;
      sa.insert(sa.end(), {ta ? k : m, ta ? m : k});
      sb.insert(sb.end(), {tb ? n : k, tb ? k : n});
      Shape sr = batchA.size() >= batchB.size() ? batchA : batchB;
      sr.insert(sr.end(), {m, n});
      HostTensor a = randomTensor(gen, type, sa, -1, 1);
      HostTensor b = randomTensor(gen, type, sb, -1, 1);
      Tolerance tolerance = roundingTolerance(type);
      // Summation order differs from the reference's k loop.
      tolerance.atol = type == DType::F32 ? 5e-4f : tolerance.atol * 4;
      EnginePlan plan = oneStep(
          "matrix_multiply", {&a, &b}, type, sr,
          {{"op0", std::string(ta ? "kTRANSPOSE" : "kNONE")},
           {"op1", std::string(tb ? "kTRANSPOSE" : "kNONE")}});
      expectMatchesReference(plan, copies({&a, &b}), tolerance, true,
                             "matmul " + std::string(dtypeName(type)) + " " +
                                 shapeText(sa) + (ta ? "T " : " ") +
                                 shapeText(sb) + (tb ? "T" : ""));
      ++cases;
    }
  EXPECT_EQ(cases, 30);
}

TEST(CudaKernels, StepsOfOtherBackendsRunOnTheHost) {
  KILN_REQUIRE_CUDA();
  // exp on the device, a reduce on the host, then softmax on the device;
  // an integer element_wise (no CUDA kernel takes it) on the host too.
  PlanBuilder b;
  int32_t x = b.input("x", DType::F32, {4, 6});
  int32_t e = b.arena(DType::F32, {4, 6});
  int32_t s = b.arena(DType::F32, {4});
  int32_t p = b.arena(DType::F32, {4});
  int32_t i = b.input("i", DType::I32, {3});
  int32_t j = b.arena(DType::I32, {3});
  b.step("unary", {x}, {e}, {{"op", std::string("kEXP")}});
  b.step("reduce", {e}, {s},
         {{"op", std::string("kSUM")}, {"axes", Shape{1}},
          {"keep_dims", int64_t(0)}});
  b.step("softmax", {s}, {p}, {{"axis", int64_t(0)}});
  b.step("element_wise", {i, i}, {j}, {{"op", std::string("kSUM")}});
  b.output("p", p);
  b.output("j", j);
  b.plan.steps[0].backend = Backend::CUDA;
  b.plan.steps[2].backend = Backend::CUDA;
  std::mt19937 gen(1);
  std::vector<HostTensor> inputs;
  inputs.push_back(randomTensor(gen, DType::F32, {4, 6}, -1, 1));
  inputs.push_back(i32({3}, {1, -7, 40}));
  std::string placement = expectMatchesReference(
      b.plan, inputs, roundingTolerance(DType::F32), false, "fallback");
  EXPECT_EQ(placement,
            "step 0 unary: cuda\n"
            "step 1 reduce: host, reference (copies 1 operand in, 1 result "
            "out)\n"
            "step 2 softmax: cuda\n"
            "step 3 element_wise: host, reference (copies 2 operands in, 1 "
            "result out)\n");
}

/// What the registry says of (kernel, cuda): asked by the compiler when it
/// places steps; no device needed.
TEST(CudaKernels, RegistrySaysWhichStepsCudaTakes) {
  const KernelRegistry &registry = KernelRegistry::global();
  PlanBuilder b;
  int32_t x = b.input("x", DType::F16, {4, 8});
  int32_t y = b.arena(DType::F16, {4, 8});
  int32_t i = b.input("i", DType::I32, {4});
  int32_t j = b.arena(DType::I32, {4});
  b.step("unary", {x}, {y}, {{"op", std::string("kEXP")}});
  b.step("unary", {i}, {j}, {{"op", std::string("kABS")}});
  b.step("top_k", {x}, {y}, {});
  b.output("y", y);
  b.output("j", j);
  auto spec = [&](size_t s) {
    KernelSpec result{b.plan.steps[s], {}, {}};
    for (int32_t id : b.plan.steps[s].operands)
      result.operands.push_back({b.plan.buffers[id].dtype, b.plan.buffers[id].shape, nullptr});
    for (int32_t id : b.plan.steps[s].results)
      result.results.push_back({b.plan.buffers[id].dtype, b.plan.buffers[id].shape, nullptr});
    return result;
  };
  EXPECT_TRUE(registry.supports(spec(0), Backend::CUDA));
  EXPECT_FALSE(registry.supports(spec(1), Backend::CUDA));
  EXPECT_FALSE(registry.supports(spec(2), Backend::CUDA));
  EXPECT_TRUE(registry.supports(spec(1), Backend::Reference));

  // A cuda step the CUDA kernel does not take is refused when the engine is
  // built; one it takes refuses to run in a host execution context.
  b.plan.steps.resize(2);
  b.plan.outputs.resize(1);
  b.plan.steps[1].backend = Backend::CUDA;
  std::string message = errorOf([&] { Engine engine(b.plan); });
  EXPECT_NE(message.find("the CUDA kernel does not take this unary step "
                         "(operands 4xi32); place it on another backend"),
            std::string::npos)
      << message;
  b.plan.steps[1].backend = Backend::Reference;
  b.plan.steps[0].backend = Backend::CUDA;
  auto engine = std::make_shared<Engine>(b.plan);
  ExecutionContext host(engine);
  HostTensor hx(DType::F16, {4, 8}), hi(DType::I32, {4});
  message = errorOf([&] { host.run({hx.view(), hi.view()}); });
  EXPECT_NE(message.find("a CUDA kernel runs only in a CUDA execution "
                         "context"),
            std::string::npos)
      << message;
}

} // namespace
