//===- Softmax.cpp - Reference `softmax` kernel ---------------------------===//
//
// softmax along `axis`: exp(x - max) / sum(exp(x - max)), computed in double
// and rounded once, so large inputs do not overflow. A NaN anywhere on a row
// makes that row NaN; a row of all -inf is NaN as well (0/0), like numpy.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

void softmaxKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  int64_t axis = getIntAttr(ctx.step, "axis");
  expectSameDType(x, r, "operand", "result");
  if (!isFloat(x.dtype))
    fail("softmax needs a float operand, got ", typeOf(x));
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must match");
  if (axis < 0 || static_cast<size_t>(axis) >= x.shape.size())
    fail("axis ", axis, " is out of range for operand ", typeOf(x));

  int64_t outer = 1, inner = 1, length = x.shape[axis];
  for (int64_t d = 0; d < axis; ++d)
    outer *= x.shape[d];
  for (size_t d = axis + 1; d < x.shape.size(); ++d)
    inner *= x.shape[d];

  std::vector<double> row(static_cast<size_t>(length));
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t in = 0; in < inner; ++in) {
      int64_t base = o * length * inner + in;
      double maxValue = -INFINITY;
      bool sawNaN = false;
      for (int64_t j = 0; j < length; ++j) {
        row[j] = loadFloat(x.dtype, x.data, base + j * inner);
        sawNaN = sawNaN || std::isnan(row[j]);
        maxValue = std::max(maxValue, row[j]);
      }
      double sum = 0.0;
      for (int64_t j = 0; j < length; ++j) {
        row[j] = std::exp(row[j] - maxValue);
        sum += row[j];
      }
      for (int64_t j = 0; j < length; ++j) {
        double value = sawNaN ? NAN : row[j] / sum;
        storeFloat(r.dtype, r.data, base + j * inner, static_cast<float>(value));
      }
    }
}

} // namespace

void registerSoftmaxKernels(KernelRegistry &registry) {
  registry.add("softmax", softmaxKernel);
}

} // namespace kiln
