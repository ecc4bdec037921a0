//===- Broadcast.cpp - Reference `broadcast` kernel -----------------------===//
//
// Operand dim i becomes result dim broadcast_dims[i] (strictly increasing is
// not required, distinct is); it must equal that result dim or be 1. Result
// dims that no operand dim maps to repeat the data.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

void broadcastKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 2, 1); // operand 1: the shape, which sized the result
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  const Shape &dims = getIntsAttr(ctx.step, "broadcast_dims");
  expectSameDType(x, r, "operand", "result");
  if (dims.size() != x.shape.size())
    fail("broadcast_dims ", shapeText(dims), " has ", dims.size(),
         " entries, but the operand ", typeOf(x), " has rank ", x.shape.size());
  Shape xStrides = rowMajorStrides(x.shape);
  Shape strides(r.shape.size(), 0);
  std::vector<bool> used(r.shape.size(), false);
  for (size_t i = 0; i < dims.size(); ++i) {
    int64_t d = dims[i];
    if (d < 0 || static_cast<size_t>(d) >= r.shape.size() || used[d])
      fail("broadcast_dims ", shapeText(dims),
           " must be distinct dims of the result ", typeOf(r));
    used[d] = true;
    if (x.shape[i] != r.shape[d] && x.shape[i] != 1)
      fail("operand dim ", i, " (size ", x.shape[i], ") cannot broadcast to ",
           "result dim ", d, " (size ", r.shape[d], ")");
    strides[d] = x.shape[i] == 1 ? 0 : xStrides[i];
  }
  const int64_t elementSize = copySize(x.dtype);
  forEachIndex<1>(r.shape, {strides}, [&](int64_t i, const auto &off) {
    copyElement(r.data, i, x.data, off[0], elementSize);
  });
}

} // namespace

void registerBroadcastKernels(KernelRegistry &registry) {
  registry.add("broadcast", broadcastKernel);
}

} // namespace kiln
