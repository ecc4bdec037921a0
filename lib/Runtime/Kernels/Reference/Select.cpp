//===- Select.cpp - Reference `select` kernel -----------------------------===//
//
// r = cond ? then : else, elementwise with broadcast; cond is i1, then/else
// have the result's dtype.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

void selectKernel(const KernelContext &ctx) {
  expectCounts(ctx, 3, 3, 1);
  const TensorView &cond = ctx.operands[0];
  const TensorView &onTrue = ctx.operands[1];
  const TensorView &onFalse = ctx.operands[2];
  const TensorView &r = ctx.results[0];
  if (cond.dtype != DType::I1)
    fail("condition must be i1, got ", typeOf(cond));
  expectSameDType(onTrue, r, "then operand", "result");
  expectSameDType(onFalse, r, "else operand", "result");
  std::array<Shape, 3> strides = {
      broadcastStrides(cond, r.shape, "condition"),
      broadcastStrides(onTrue, r.shape, "then operand"),
      broadcastStrides(onFalse, r.shape, "else operand")};
  const auto *c = static_cast<const uint8_t *>(cond.data);
  const int64_t elementSize = copySize(r.dtype);
  forEachIndex<3>(r.shape, strides, [&](int64_t i, const auto &off) {
    if (c[off[0]])
      copyElement(r.data, i, onTrue.data, off[1], elementSize);
    else
      copyElement(r.data, i, onFalse.data, off[2], elementSize);
  });
}

} // namespace

void registerSelectKernels(KernelRegistry &registry) {
  registry.add("select", selectKernel);
}

} // namespace kiln
