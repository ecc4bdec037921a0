//===- TestUtils.cpp - Helpers for runtime unit tests ---------------------===//
#include "TestUtils.h"
#include "kiln/Runtime/EngineFile.h"

#include <memory>
#include <random>

namespace kiln::test {

int32_t PlanBuilder::input(const std::string &name, DType dtype,
                           std::vector<int64_t> shape) {
  BufferDesc buffer;
  buffer.dtype = dtype;
  buffer.shape = std::move(shape);
  buffer.kind = BufferKind::Input;
  buffer.index = static_cast<int64_t>(plan.inputs.size());
  plan.buffers.push_back(buffer);
  int32_t id = static_cast<int32_t>(plan.buffers.size() - 1);
  plan.inputs.push_back({name, id});
  return id;
}

int32_t PlanBuilder::constant(const HostTensor &value) {
  BufferDesc buffer;
  buffer.dtype = value.dtype();
  buffer.shape = value.shape();
  buffer.kind = BufferKind::Constant;
  size_t aligned = (plan.constants.size() + 63) / 64 * 64;
  plan.constants.resize(aligned, 0);
  buffer.offset = static_cast<int64_t>(aligned);
  const auto *bytes = static_cast<const uint8_t *>(value.data());
  plan.constants.insert(plan.constants.end(), bytes, bytes + value.byteSize());
  plan.buffers.push_back(buffer);
  return static_cast<int32_t>(plan.buffers.size() - 1);
}

int32_t PlanBuilder::arena(DType dtype, std::vector<int64_t> shape,
                           int64_t offset) {
  BufferDesc buffer;
  buffer.dtype = dtype;
  buffer.shape = std::move(shape);
  buffer.kind = BufferKind::Arena;
  if (offset < 0)
    offset = (plan.arenaSize + 63) / 64 * 64;
  buffer.offset = offset;
  plan.arenaSize = std::max(plan.arenaSize, offset + buffer.byteSize());
  plan.buffers.push_back(buffer);
  return static_cast<int32_t>(plan.buffers.size() - 1);
}

void PlanBuilder::step(const std::string &kernel, std::vector<int32_t> operands,
                       std::vector<int32_t> results, AttrMap attrs,
                       const std::string &location) {
  StepDesc step;
  step.kernel = kernel;
  step.operands = std::move(operands);
  step.results = std::move(results);
  step.attrs = std::move(attrs);
  step.location = location;
  plan.steps.push_back(std::move(step));
}

void PlanBuilder::output(const std::string &name, int32_t buffer) {
  plan.outputs.push_back({name, buffer});
}

HostTensor f16(std::vector<int64_t> shape, const std::vector<float> &v) {
  std::vector<uint16_t> bits;
  for (float x : v)
    bits.push_back(floatToHalf(x));
  return makeTensor(DType::F16, std::move(shape), bits);
}

std::vector<float> f16Values(const HostTensor &tensor) {
  std::vector<float> result;
  for (uint16_t bits : values<uint16_t>(tensor))
    result.push_back(halfToFloat(bits));
  return result;
}

std::vector<HostTensor> runPlan(const EnginePlan &plan,
                                const std::vector<const HostTensor *> &inputs) {
  auto engine = std::make_shared<Engine>(plan);
  ExecutionContext context(engine);
  std::vector<TensorView> views;
  for (const HostTensor *t : inputs)
    views.push_back(t->view());
  return context.run(views);
}

HostTensor runKernel(const std::string &kernel,
                     const std::vector<const HostTensor *> &inputs,
                     DType resultType, std::vector<int64_t> resultShape,
                     AttrMap attrs) {
  PlanBuilder b;
  std::vector<int32_t> operands;
  for (size_t i = 0; i < inputs.size(); ++i)
    operands.push_back(b.input("in" + std::to_string(i), inputs[i]->dtype(),
                               inputs[i]->shape()));
  int32_t result = b.arena(resultType, std::move(resultShape));
  b.step(kernel, operands, {result}, std::move(attrs), "test.mlir:1:1");
  b.output("out", result);
  return std::move(runPlan(b.plan, inputs)[0]);
}

namespace {
uint64_t fnv(const uint8_t *data, size_t size) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < size; ++i)
    h = (h ^ data[i]) * 0x100000001b3ull;
  return h;
}
} // namespace

void reseal(Bytes &bytes) {
  uint64_t h = fnv(bytes.data() + 32, bytes.size() - 32);
  std::memcpy(bytes.data() + 24, &h, 8);
}

std::string loadError(const Bytes &bytes) {
  return errorOf([&] { deserializeEngine(bytes.data(), bytes.size()); });
}

int refusedCorruptions(const Bytes &bytes, unsigned seed, int attempts,
                       int maxFlips) {
  std::mt19937 gen(seed);
  std::uniform_int_distribution<size_t> position(32, bytes.size() - 1);
  std::uniform_int_distribution<int> value(0, 255);
  int refused = 0;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    Bytes corrupt = bytes;
    int flips = 1 + attempt % maxFlips;
    for (int f = 0; f < flips; ++f)
      corrupt[position(gen)] = static_cast<uint8_t>(value(gen));
    reseal(corrupt);
    try {
      // Whatever loads must also construct and run (or refuse to run).
      auto engine = std::make_shared<Engine>(
          deserializeEngine(corrupt.data(), corrupt.size()));
      // Corrupt shapes can be valid but huge; running those only measures
      // the machine's memory.
      bool small = engine->plan().arenaSize < (1 << 24);
      for (const BufferDesc &buffer : engine->plan().buffers)
        small = small && buffer.byteSize() < (1 << 24);
      if (!small)
        continue;
      std::vector<HostTensor> inputs;
      std::vector<TensorView> views;
      for (const TensorSignature &s : engine->inputs())
        inputs.emplace_back(s.dtype, s.shape);
      for (const HostTensor &t : inputs)
        views.push_back(t.view());
      ExecutionContext(engine).run(views);
    } catch (const Error &) {
      ++refused;
    }
  }
  return refused;
}

} // namespace kiln::test
