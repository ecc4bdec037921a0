//===- Fill.cpp - Reference `linspace`, `random_uniform`, `random_normal` -===//
//
// The fill kernels take their result shape from the result buffer; the
// optional leading `shape` operand (attribute `has_shape` = 1) is checked
// against it. Parameters come from attributes when the step has them, else
// from the scalar (or, for linspace's step, 1-D) operands after `shape`.
//
// linspace: r[i0, ..., in] = start + sum_d step[d] * id. Floats compute in
// double and round once; integer results use integer start/step (static
// attributes truncated toward zero) and wrap on overflow.
//
// random_*: a counter-based generator, so the values depend only on `seed`
// (attribute, default 0) and the element's row-major index: the same seed
// gives the same values on every run, machine and thread count.
// bits(j) = splitmix64(seed + (j + 1) * 0x9E3779B97F4A7C15); a uniform
// double in [0, 1) is the top 53 bits of bits(j) times 2^-53.
// random_uniform: low + (high - low) * u(i).
// random_normal: mean + std * sqrt(-2 ln(1 - u(2i))) * cos(2 pi u(2i + 1))
// (Box-Muller). Results are rounded once to the result type (so an f16
// uniform sample may round up to `high`).
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

/// Checks the result against the optional `shape` operand; returns the index
/// of the first parameter operand.
size_t checkShapeOperand(const KernelContext &ctx) {
  bool hasShape = getIntAttr(ctx.step, "has_shape", 0) != 0;
  if (!hasShape)
    return 0;
  if (ctx.operands.empty())
    fail("expected a shape operand");
  const TensorView &shape = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  if (shape.shape.size() != 1 || shape.shape[0] != int64_t(r.shape.size()))
    fail("shape operand has type ", typeOf(shape), ", expected ",
         r.shape.size(), " sizes for a result of type ", typeOf(r));
  for (size_t d = 0; d < r.shape.size(); ++d) {
    int64_t size = loadInt(shape.dtype, shape.data, int64_t(d));
    if (size != r.shape[d])
      fail("shape operand holds size ", size, " for dim ", d,
           " but the result has type ", typeOf(r));
  }
  return 1;
}

/// A scalar parameter: attribute `name` if present, else operand `index`.
double scalarParameter(const KernelContext &ctx, const std::string &name,
                       size_t index) {
  if (ctx.step.attrs.count(name))
    return getFloatAttr(ctx.step, name);
  if (index >= ctx.operands.size())
    fail("expected a '", name, "' attribute or operand");
  const TensorView &v = ctx.operands[index];
  if (!v.shape.empty() || v.numElements() != 1)
    fail("'", name, "' operand has type ", typeOf(v), ", expected a scalar");
  return loadFloat(v.dtype, v.data, 0);
}

void linspaceKernel(const KernelContext &ctx) {
  const TensorView &r = ctx.results[0];
  if (ctx.results.size() != 1)
    fail("expected 1 result, got ", ctx.results.size());
  size_t next = checkShapeOperand(ctx);
  const size_t rank = r.shape.size();
  if (r.dtype != DType::F32 && r.dtype != DType::I32 && r.dtype != DType::I64)
    fail("linspace produces f32, i32 or i64, got ", typeOf(r));
  const bool floats = isFloat(r.dtype);

  // start and one step per dim, as double (floats) and int64 (integers).
  double start = 0.0;
  int64_t startInt = 0;
  std::vector<double> step(rank, 0.0);
  std::vector<int64_t> stepInt(rank, 0);
  if (ctx.step.attrs.count("start")) {
    expectCounts(ctx, next, next, 1);
    start = getFloatAttr(ctx.step, "start");
    startInt = saturateToInt<int64_t>(start);
    if (rank > 1)
      fail("a static step needs a result of rank 0 or 1, got ", typeOf(r));
    if (rank == 1) {
      step[0] = getFloatAttr(ctx.step, "step");
      stepInt[0] = saturateToInt<int64_t>(step[0]);
    }
  } else {
    expectCounts(ctx, next + 2, next + 2, 1);
    const TensorView &s = ctx.operands[next];
    const TensorView &d = ctx.operands[next + 1];
    expectSameDType(s, r, "start operand", "result");
    expectSameDType(d, r, "step operand", "result");
    if (!s.shape.empty())
      fail("start operand has type ", typeOf(s), ", expected a scalar");
    if (d.shape != Shape{int64_t(rank)})
      fail("step operand has type ", typeOf(d), ", expected ", rank,
           " steps (one per result dim)");
    start = loadFloat(s.dtype, s.data, 0);
    startInt = loadInt(s.dtype, s.data, 0);
    for (size_t i = 0; i < rank; ++i) {
      step[i] = loadFloat(d.dtype, d.data, int64_t(i));
      stepInt[i] = loadInt(d.dtype, d.data, int64_t(i));
    }
  }

  const int64_t count = r.numElements();
  Shape index(rank, 0);
  for (int64_t linear = 0; linear < count; ++linear) {
    if (floats) {
      double value = start;
      for (size_t d = 0; d < rank; ++d)
        value += step[d] * static_cast<double>(index[d]);
      storeFloat(r.dtype, r.data, linear, static_cast<float>(value));
    } else {
      uint64_t value = static_cast<uint64_t>(startInt);
      for (size_t d = 0; d < rank; ++d)
        value += static_cast<uint64_t>(stepInt[d]) * static_cast<uint64_t>(index[d]);
      storeInt(r.dtype, r.data, linear, static_cast<int64_t>(value));
    }
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < r.shape[d])
        break;
      index[d] = 0;
    }
  }
}

uint64_t randomBits(uint64_t seed, uint64_t counter) {
  uint64_t z = seed + (counter + 1) * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr double kTwoPi = 6.283185307179586476925286766559;

/// Uniform in [0, 1).
double uniform01(uint64_t seed, uint64_t counter) {
  return static_cast<double>(randomBits(seed, counter) >> 11) * 0x1.0p-53;
}

template <typename Sample>
void randomFill(const KernelContext &ctx, const char *first,
                const char *second, Sample sample) {
  if (ctx.results.size() != 1)
    fail("expected 1 result, got ", ctx.results.size());
  const TensorView &r = ctx.results[0];
  if (r.dtype != DType::F32 && r.dtype != DType::F16)
    fail("random fills produce f32 or f16, got ", typeOf(r));
  size_t next = checkShapeOperand(ctx);
  size_t dynamic = ctx.step.attrs.count(first) ? 0 : 2;
  expectCounts(ctx, next + dynamic, next + dynamic, 1);
  double a = scalarParameter(ctx, first, next);
  double b = scalarParameter(ctx, second, next + 1);
  uint64_t seed = static_cast<uint64_t>(getIntAttr(ctx.step, "seed", 0));
  const int64_t count = r.numElements();
  for (int64_t i = 0; i < count; ++i)
    storeFloat(r.dtype, r.data, i,
               static_cast<float>(sample(a, b, seed, static_cast<uint64_t>(i))));
}

void randomUniformKernel(const KernelContext &ctx) {
  randomFill(ctx, "low", "high",
             [&](double low, double high, uint64_t seed, uint64_t i) {
               if (low > high)
                 fail("random_uniform low (", low, ") exceeds high (", high,
                      ")");
               return low + (high - low) * uniform01(seed, i);
             });
}

void randomNormalKernel(const KernelContext &ctx) {
  randomFill(ctx, "mean", "std",
             [&](double mean, double std, uint64_t seed, uint64_t i) {
               if (std < 0)
                 fail("random_normal std (", std, ") is negative");
               double u1 = 1.0 - uniform01(seed, 2 * i); // in (0, 1]
               double u2 = uniform01(seed, 2 * i + 1);
               return mean + std * std::sqrt(-2.0 * std::log(u1)) *
                                 std::cos(kTwoPi * u2);
             });
}

} // namespace

void registerFillKernels(KernelRegistry &registry) {
  registry.add("linspace", linspaceKernel);
  registry.add("random_uniform", randomUniformKernel);
  registry.add("random_normal", randomNormalKernel);
}

} // namespace kiln
