//===- Shuffle.cpp - Reference `shuffle`, `transpose` and `copy` kernels --===//
//
// All three only move bytes, so they work on every dtype.
// - transpose: result dim i is operand dim permutation[i].
// - shuffle: transpose by first_transpose, reinterpret as `reshape` (same
//   element count, row-major), transpose by second_transpose. Missing
//   attributes mean identity permutations and "whatever shape the second
//   transpose needs".
// - copy: a reshape; same byte size, bytes copied unchanged.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

Shape identityPermutation(size_t rank) {
  Shape perm(rank);
  for (size_t i = 0; i < rank; ++i)
    perm[i] = static_cast<int64_t>(i);
  return perm;
}

Shape permuted(const Shape &shape, const Shape &perm) {
  Shape result(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    result[i] = shape[perm[i]];
  return result;
}

const Shape *optionalInts(const StepDesc &step, const char *name) {
  return step.attrs.count(name) ? &getIntsAttr(step, name) : nullptr;
}

void transposeKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  const Shape &perm = getIntsAttr(ctx.step, "permutation");
  expectSameDType(x, r, "operand", "result");
  checkPermutation(perm, x.shape.size(), "permutation");
  Shape expected = permuted(x.shape, perm);
  if (r.shape != expected)
    fail("result has type ", typeOf(r), ", expected ",
         describeType(r.dtype, expected), " for operand ", typeOf(x),
         " and permutation ", shapeText(perm));
  permuteInto(x.data, x.shape, r.data, perm, copySize(x.dtype));
}

void shuffleKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 2, 1); // operand 1: a run-time reshape, already resolved
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  expectSameDType(x, r, "operand", "result");
  const int64_t elementSize = copySize(x.dtype);

  const Shape *first = optionalInts(ctx.step, "first_transpose");
  const Shape *reshapeAttr = optionalInts(ctx.step, "reshape");
  const Shape *second = optionalInts(ctx.step, "second_transpose");
  Shape firstPerm = first ? *first : identityPermutation(x.shape.size());
  checkPermutation(firstPerm, x.shape.size(), "first_transpose");
  Shape afterFirst = permuted(x.shape, firstPerm);

  size_t middleRank = reshapeAttr ? reshapeAttr->size()
                                  : (second ? second->size() : r.shape.size());
  Shape secondPerm = second ? *second : identityPermutation(middleRank);
  checkPermutation(secondPerm, middleRank, "second_transpose");
  if (r.shape.size() != middleRank)
    fail("result has rank ", r.shape.size(), " (", typeOf(r),
         "), but the reshape has rank ", middleRank);
  // The reshaped shape is what the second transpose turns into the result.
  Shape middle(middleRank);
  for (size_t i = 0; i < middleRank; ++i)
    middle[secondPerm[i]] = r.shape[i];
  // `reshape` may hold 0 / -1 placeholders; ShapeRules resolved it into the
  // result shape already, so the kernel only needs its rank.
  if (product(afterFirst) != product(middle))
    fail("cannot reshape ", shapeText(afterFirst), " (", product(afterFirst),
         " elements) to ", shapeText(middle), " (", product(middle),
         " elements)");

  std::vector<uint8_t> scratch(static_cast<size_t>(x.byteSize()));
  permuteInto(x.data, x.shape, scratch.data(), firstPerm, elementSize);
  permuteInto(scratch.data(), middle, r.data, secondPerm, elementSize);
}

void copyKernel(const KernelContext &ctx) {
  // A second operand, if any, is the target shape (read by the shape rule).
  expectCounts(ctx, 1, 2, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  if (x.byteSize() != r.byteSize())
    fail("operand ", typeOf(x), " (", x.byteSize(), " bytes) and result ",
         typeOf(r), " (", r.byteSize(), " bytes) differ in size");
  if (x.byteSize() != 0 && x.data != r.data)
    std::memmove(r.data, x.data, static_cast<size_t>(x.byteSize()));
}

} // namespace

void registerShuffleKernels(KernelRegistry &registry) {
  registry.add("shuffle", shuffleKernel);
  registry.add("transpose", transposeKernel);
  registry.add("copy", copyKernel);
}

} // namespace kiln
