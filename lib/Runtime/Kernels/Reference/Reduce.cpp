//===- Reduce.cpp - Reference `reduce` kernel -----------------------------===//
//
// Reduces `axes` (non-negative, distinct) with kSUM, kPROD, kMAX, kMIN or
// kAVG; `keep_dims` keeps them as size-1 dims. Floats accumulate in double
// (the reference is the oracle, so it is more accurate than fast kernels)
// and round once; kMAX/kMIN propagate NaN like numpy. Integers accumulate in
// int64 with wrap-around; integer kAVG truncates toward zero. Empty
// reductions give the identity: 0 for sum, 1 for prod, -inf/+inf (or the
// integer type's extreme) for max/min, NaN (or 0) for avg.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

enum class Op { Sum, Prod, Max, Min, Avg };

Op parseOp(const std::string &name) {
  if (name == "kSUM")
    return Op::Sum;
  if (name == "kPROD")
    return Op::Prod;
  if (name == "kMAX")
    return Op::Max;
  if (name == "kMIN")
    return Op::Min;
  if (name == "kAVG")
    return Op::Avg;
  fail("unknown reduce op '", name, "'");
}

void reduceKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  Op op = parseOp(getStringAttr(ctx.step, "op"));
  const std::vector<int64_t> &axes = getIntsAttr(ctx.step, "axes");
  bool keepDims = getIntAttr(ctx.step, "keep_dims", 0) != 0;
  expectSameDType(x, r, "operand", "result");

  const size_t rank = x.shape.size();
  std::vector<bool> reduced(rank, false);
  for (int64_t axis : axes) {
    if (axis < 0 || static_cast<size_t>(axis) >= rank)
      fail("reduction axis ", axis, " is out of range for operand ", typeOf(x));
    if (reduced[axis])
      fail("reduction axis ", axis, " appears twice");
    reduced[axis] = true;
  }
  Shape expected;
  for (size_t d = 0; d < rank; ++d) {
    if (!reduced[d])
      expected.push_back(x.shape[d]);
    else if (keepDims)
      expected.push_back(1);
  }
  if (r.shape != expected)
    fail("result has type ", typeOf(r), ", expected ",
         describeType(r.dtype, expected), " (axes ", shapeText(axes),
         ", keep_dims = ", keepDims ? 1 : 0, ")");

  // Walk the input; reduced dims contribute stride 0 to the result offset.
  Shape outStrides(rank, 0);
  {
    int64_t stride = 1;
    for (size_t d = rank; d-- > 0;) {
      if (reduced[d])
        continue;
      outStrides[d] = stride;
      stride *= x.shape[d];
    }
  }
  const int64_t outCount = r.numElements();
  int64_t groupSize = 1;
  for (size_t d = 0; d < rank; ++d)
    if (reduced[d])
      groupSize *= x.shape[d];

  if (isFloat(x.dtype)) {
    double init = op == Op::Prod  ? 1.0
                  : op == Op::Max ? -INFINITY
                  : op == Op::Min ? INFINITY
                                  : 0.0;
    std::vector<double> acc(static_cast<size_t>(outCount), init);
    forEachIndex<1>(x.shape, {outStrides}, [&](int64_t i, const auto &off) {
      double v = loadFloat(x.dtype, x.data, i);
      double &a = acc[off[0]];
      switch (op) {
      case Op::Sum:
      case Op::Avg:
        a += v;
        break;
      case Op::Prod:
        a *= v;
        break;
      case Op::Max:
        a = (std::isnan(a) || std::isnan(v)) ? NAN : std::max(a, v);
        break;
      case Op::Min:
        a = (std::isnan(a) || std::isnan(v)) ? NAN : std::min(a, v);
        break;
      }
    });
    for (int64_t i = 0; i < outCount; ++i) {
      double v = op == Op::Avg ? acc[i] / static_cast<double>(groupSize) : acc[i];
      storeFloat(r.dtype, r.data, i, static_cast<float>(v));
    }
    return;
  }

  int64_t lowest = x.dtype == DType::I1   ? 0
                   : x.dtype == DType::I8 ? INT8_MIN
                   : x.dtype == DType::I32 ? INT32_MIN
                                           : INT64_MIN;
  int64_t highest = x.dtype == DType::I1   ? 1
                    : x.dtype == DType::I8 ? INT8_MAX
                    : x.dtype == DType::I32 ? INT32_MAX
                                            : INT64_MAX;
  int64_t init = op == Op::Prod  ? 1
                 : op == Op::Max ? lowest
                 : op == Op::Min ? highest
                                 : 0;
  std::vector<int64_t> acc(static_cast<size_t>(outCount), init);
  forEachIndex<1>(x.shape, {outStrides}, [&](int64_t i, const auto &off) {
    int64_t v = loadInt(x.dtype, x.data, i);
    int64_t &a = acc[off[0]];
    switch (op) {
    case Op::Sum:
    case Op::Avg:
      a = static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(v));
      break;
    case Op::Prod:
      a = static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(v));
      break;
    case Op::Max:
      a = std::max(a, v);
      break;
    case Op::Min:
      a = std::min(a, v);
      break;
    }
  });
  for (int64_t i = 0; i < outCount; ++i) {
    int64_t v = acc[i];
    if (op == Op::Avg)
      v = groupSize == 0 ? 0 : v / groupSize;
    storeInt(r.dtype, r.data, i, v);
  }
}

} // namespace

void registerReduceKernels(KernelRegistry &registry) {
  registry.add("reduce", reduceKernel);
}

} // namespace kiln
