//===- TopK.cpp - Reference `top_k` kernel --------------------------------===//
//
// Along `axis`, keeps the `k` largest (kMAX) or smallest (kMIN) elements,
// best first, with their positions along `axis` as i32. argmin/argmax lower
// here with k = 1.
//
// Order: a stable sort, so equal values keep their input order (the lower
// index comes first; argmin/argmax give the first occurrence). NaN counts as
// the best value in both modes, so a NaN is kept first (numpy's and
// PyTorch's argmin/argmax propagate NaN the same way); several NaNs keep
// their input order. Values are copied bit for bit, so f16/bf16 are exact.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>
#include <numeric>

namespace kiln {
namespace {

using namespace ref;

void topKKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 2);
  const TensorView &x = ctx.operands[0];
  const TensorView &values = ctx.results[0];
  const TensorView &indices = ctx.results[1];
  const std::string &op = getStringAttr(ctx.step, "op");
  int64_t k = getIntAttr(ctx.step, "k");
  int64_t axis = getIntAttr(ctx.step, "axis");
  if (op != "kMAX" && op != "kMIN")
    fail("unknown top_k op '", op, "', expected kMAX or kMIN");
  expectSameDType(x, values, "operand", "values result");
  if (indices.dtype != DType::I32)
    fail("indices result has type ", typeOf(indices), ", expected i32");
  if (x.dtype == DType::I1 || x.dtype == DType::I8)
    fail("top_k does not sort ", dtypeName(x.dtype), " elements");
  if (axis < 0 || static_cast<size_t>(axis) >= x.shape.size())
    fail("axis ", axis, " is out of range for operand ", typeOf(x));
  if (k < 0 || k > x.shape[axis])
    fail("k = ", k, " must be in [0, ", x.shape[axis],
         "] (the size of dimension ", axis, " of ", typeOf(x), ")");
  Shape expected = x.shape;
  expected[axis] = k;
  if (values.shape != expected || indices.shape != expected)
    fail("results have types ", typeOf(values), " and ", typeOf(indices),
         ", expected shape ", shapeText(expected));

  int64_t outer = 1, inner = 1, length = x.shape[axis];
  for (int64_t d = 0; d < axis; ++d)
    outer *= x.shape[d];
  for (size_t d = axis + 1; d < x.shape.size(); ++d)
    inner *= x.shape[d];

  const bool largest = op == "kMAX";
  const bool floats = isFloat(x.dtype);
  const int64_t elementSize = dtypeSize(x.dtype);
  std::vector<double> floatRow(static_cast<size_t>(length));
  std::vector<int64_t> intRow(static_cast<size_t>(length));
  std::vector<int64_t> order(static_cast<size_t>(length));

  // True when element a must come before element b.
  auto better = [&](int64_t a, int64_t b) {
    if (floats) {
      double va = floatRow[a], vb = floatRow[b];
      if (std::isnan(va) || std::isnan(vb))
        return std::isnan(va) && !std::isnan(vb);
      return largest ? va > vb : va < vb;
    }
    return largest ? intRow[a] > intRow[b] : intRow[a] < intRow[b];
  };

  for (int64_t o = 0; o < outer; ++o)
    for (int64_t in = 0; in < inner; ++in) {
      int64_t base = o * length * inner + in;
      for (int64_t j = 0; j < length; ++j) {
        if (floats)
          floatRow[j] = loadFloat(x.dtype, x.data, base + j * inner);
        else
          intRow[j] = loadInt(x.dtype, x.data, base + j * inner);
      }
      std::iota(order.begin(), order.end(), int64_t(0));
      std::stable_sort(order.begin(), order.end(), better);
      int64_t outBase = o * k * inner + in;
      for (int64_t j = 0; j < k; ++j) {
        int64_t to = outBase + j * inner;
        copyElement(values.data, to, x.data, base + order[j] * inner,
                    elementSize);
        indices.as<int32_t>()[to] = static_cast<int32_t>(order[j]);
      }
    }
}

} // namespace

void registerTopKKernels(KernelRegistry &registry) {
  registry.add("top_k", topKKernel);
}

} // namespace kiln
