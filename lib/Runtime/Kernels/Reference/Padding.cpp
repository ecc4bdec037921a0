//===- Padding.cpp - Reference `padding` and `shape` kernels --------------===//
//
// padding (IPaddingLayer): `pre_padding[j]` / `post_padding[j]` zeros are
// added before / after dim `rank - m + j` (m = number of entries, 2 for
// TensorRT); a negative amount crops that many elements from that end.
// shape (IShapeLayer): the operand's dims as a 1-D i32 or i64 tensor, read
// from the bound operand, so `?` dims give their run-time sizes.
//
//===----------------------------------------------------------------------===//
#include "Common.h"
#include "Indexing.h"

namespace kiln {
namespace {

using namespace ref;

void paddingKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0], &r = ctx.results[0];
  expectSameDType(x, r, "operand", "result");
  const Shape &pre = getIntsAttr(ctx.step, "pre_padding");
  const Shape &post = getIntsAttr(ctx.step, "post_padding");
  const size_t rank = x.shape.size();
  if (pre.size() != post.size())
    fail("pre_padding has ", pre.size(), " entries but post_padding has ",
         post.size());
  if (pre.size() > rank)
    fail(pre.size(), " padded dims for operand ", typeOf(x));
  const size_t first = rank - pre.size();
  Shape expected = x.shape;
  for (size_t j = 0; j < pre.size(); ++j) {
    expected[first + j] += pre[j] + post[j];
    if (expected[first + j] < 0)
      fail("padding ", pre[j], " / ", post[j], " crops more than dim ",
           first + j, " of size ", x.shape[first + j], " holds");
  }
  expectResultShape(r, expected);

  const Shape strides = rowMajorStrides(x.shape);
  const int64_t elementSize = copySize(x.dtype);
  forEachPosition(r.shape, [&](int64_t linear, const Shape &out) {
    int64_t from = 0;
    for (size_t d = 0; d < rank; ++d) {
      int64_t source = d < first ? out[d] : out[d] - pre[d - first];
      if (source < 0 || source >= x.shape[d]) {
        static const uint64_t zero = 0; // one element of any type
        copyElement(r.data, linear, &zero, 0, elementSize);
        return;
      }
      from += source * strides[d];
    }
    copyElement(r.data, linear, x.data, from, elementSize);
  });
}

void shapeKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0], &r = ctx.results[0];
  if (r.dtype != DType::I32 && r.dtype != DType::I64)
    fail("result must be i32 or i64, got ", typeOf(r));
  expectResultShape(r, Shape{static_cast<int64_t>(x.shape.size())});
  for (size_t d = 0; d < x.shape.size(); ++d) {
    if (r.dtype == DType::I32 &&
        x.shape[d] > std::numeric_limits<int32_t>::max())
      fail("dim ", d, " of size ", x.shape[d], " does not fit in i32");
    storeInt(r.dtype, r.data, static_cast<int64_t>(d), x.shape[d]);
  }
}

} // namespace

void registerPaddingKernels(KernelRegistry &registry) {
  registry.add("padding", paddingKernel);
  registry.add("shape", shapeKernel);
}

} // namespace kiln
