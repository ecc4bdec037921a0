//===- OneHot.cpp - Reference `one_hot` kernel ----------------------------===//
//
// Each index becomes a `depth`-long vector holding values[1] (on) at the
// index and values[0] (off) elsewhere, inserted at `axis` (negative counts
// from the end of the result shape). As in ONNX, an index in [-depth, 0)
// counts from the end; one outside [-depth, depth) gives an all-off vector.
//
//===----------------------------------------------------------------------===//
#include "Common.h"
#include "Indexing.h"

namespace kiln {
namespace {

using namespace ref;

void oneHotKernel(const KernelContext &ctx) {
  expectCounts(ctx, 3, 3, 1);
  const TensorView &indices = ctx.operands[0], &values = ctx.operands[1],
                   &depthView = ctx.operands[2];
  const TensorView &r = ctx.results[0];
  expectSameDType(values, r, "values", "result");
  expectIndexType(indices);
  if (values.numElements() != 2)
    fail("values must hold 2 elements (off, on), got ", typeOf(values));
  if (depthView.numElements() != 1 ||
      (depthView.dtype != DType::I32 && depthView.dtype != DType::I64))
    fail("depth must be one i32 element, got ", typeOf(depthView));
  const int64_t depth = loadInt(depthView.dtype, depthView.data, 0);
  if (depth < 0)
    fail("depth must not be negative, got ", depth);
  const int64_t rank = static_cast<int64_t>(indices.shape.size());
  int64_t axis = getIntAttr(ctx.step, "axis");
  if (axis < -rank - 1 || axis > rank)
    fail("axis ", axis, " is out of range for indices ", typeOf(indices));
  if (axis < 0)
    axis += rank + 1;
  Shape expected = indices.shape;
  expected.insert(expected.begin() + axis, depth);
  expectResultShape(r, expected);

  const Shape indexStrides = rowMajorStrides(indices.shape);
  const int64_t elementSize = copySize(r.dtype);
  forEachPosition(r.shape, [&](int64_t linear, const Shape &out) {
    int64_t at = 0;
    for (int64_t d = 0, k = 0; d <= rank; ++d)
      if (d != axis)
        at += out[d] * indexStrides[k++];
    int64_t index = loadInt(indices.dtype, indices.data, at);
    if (index < 0)
      index += depth;
    copyElement(r.data, linear, values.data, index == out[axis] ? 1 : 0,
                elementSize);
  });
}

} // namespace

void registerOneHotKernels(KernelRegistry &registry) {
  registry.add("one_hot", oneHotKernel);
}

} // namespace kiln
