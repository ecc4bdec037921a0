//===- Concatenation.cpp - Reference `concatenation` kernel ---------------===//
//
// Joins the operands along `axis`; all other dims must match the result.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>

namespace kiln {
namespace {

using namespace ref;

void concatenationKernel(const KernelContext &ctx) {
  if (ctx.operands.empty())
    fail("expected at least one operand");
  expectCounts(ctx, 1, ctx.operands.size(), 1);
  const TensorView &r = ctx.results[0];
  int64_t axis = getIntAttr(ctx.step, "axis");
  const size_t rank = r.shape.size();
  if (axis < 0 || static_cast<size_t>(axis) >= rank)
    fail("axis ", axis, " is out of range for result ", typeOf(r));
  int64_t total = 0;
  for (size_t i = 0; i < ctx.operands.size(); ++i) {
    const TensorView &x = ctx.operands[i];
    if (x.dtype != r.dtype || x.shape.size() != rank)
      fail("operand ", i, " has type ", typeOf(x), ", incompatible with result ",
           typeOf(r));
    for (size_t d = 0; d < rank; ++d)
      if (static_cast<int64_t>(d) != axis && x.shape[d] != r.shape[d])
        fail("operand ", i, " has type ", typeOf(x), "; dim ", d,
             " must match the result ", typeOf(r));
    total += x.shape[axis];
  }
  if (total != r.shape[axis])
    fail("operands add up to ", total, " along axis ", axis,
         ", but the result has ", r.shape[axis]);

  // Each operand contributes a contiguous chunk of axis*inner elements to
  // every outer index: copied as bytes, or element by element for the
  // packed types (a chunk may start mid-byte).
  const int64_t elementSize = copySize(r.dtype);
  int64_t outer = 1, inner = std::max<int64_t>(elementSize, 1);
  for (int64_t d = 0; d < axis; ++d)
    outer *= r.shape[d];
  for (size_t d = axis + 1; d < rank; ++d)
    inner *= r.shape[d];
  const int64_t rowBytes = r.shape[axis] * inner;
  auto *out = static_cast<uint8_t *>(r.data);
  int64_t column = 0;
  for (const TensorView &x : ctx.operands) {
    const int64_t chunk = x.shape[axis] * inner;
    const auto *in = static_cast<const uint8_t *>(x.data);
    for (int64_t o = 0; o < outer && chunk > 0; ++o) {
      if (elementSize == 0) {
        for (int64_t e = 0; e < chunk; ++e)
          copyElement(out, o * rowBytes + column + e, in, o * chunk + e, 0);
        continue;
      }
      std::memcpy(out + o * rowBytes + column, in + o * chunk,
                  static_cast<size_t>(chunk));
    }
    column += chunk;
  }
}

} // namespace

void registerConcatenationKernels(KernelRegistry &registry) {
  registry.add("concatenation", concatenationKernel);
}

} // namespace kiln
