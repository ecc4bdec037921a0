//===- NonZero.cpp - Reference `non_zero` kernel --------------------------===//
//
// As TensorRT's INonZeroLayer: the result has one row per input dimension
// and one column per non-zero element, the columns in row-major order of the
// elements (numpy's np.nonzero stacked to [rank, count]). Floats: NaN counts
// as non-zero, -0.0 as zero (NonZero.h). A rank-0 input gives a [0, count]
// result. The column count was allocated by the value-dependent shape rule.
//
//===----------------------------------------------------------------------===//
#include "Common.h"
#include "Indexing.h"
#include "NonZero.h"

namespace kiln {
namespace {

using namespace ref;

void nonZeroKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &in = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  if (r.dtype != DType::I32 && r.dtype != DType::I64)
    fail("result must be i32 or i64, got ", typeOf(r));
  const int64_t rank = static_cast<int64_t>(in.shape.size());
  const int64_t count = nonzero::count(in);
  if (r.shape.size() != 2 || r.shape[0] != rank || r.shape[1] != count)
    fail("result has shape ", shapeText(r.shape), ", but ", typeOf(in),
         " holds ", count, " non-zero elements (expected ",
         shapeText({rank, count}), ")");
  int64_t column = 0;
  forEachPosition(in.shape, [&](int64_t linear, const Shape &position) {
    if (!nonzero::isNonZero(in, linear))
      return;
    for (int64_t d = 0; d < rank; ++d)
      storeInt(r.dtype, r.data, d * count + column, position[d]);
    ++column;
  });
}

} // namespace

void registerNonZeroKernels(KernelRegistry &registry) {
  registry.add("non_zero", nonZeroKernel);
}

} // namespace kiln
