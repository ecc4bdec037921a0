//===- Scatter.cpp - Reference `scatter_nd`, `scatter_elements` -----------===//
//
// IScatterLayer's two modes: the result is a copy of `data` with the
// addressed elements replaced by `updates`. Indices follow Gather.cpp's rule
// ([-n, n), negative counts from the end). TensorRT leaves writing one element
// twice undefined; here updates are applied in row-major order of `updates`,
// so the last one wins.
//
//===----------------------------------------------------------------------===//
#include "Common.h"
#include "Indexing.h"

namespace kiln {
namespace {

using namespace ref;

void copyData(const TensorView &data, const TensorView &r) {
  expectSameDType(data, r, "data", "result");
  expectResultShape(r, data.shape);
  if (r.data != data.data && r.numElements() > 0)
    std::memcpy(r.data, data.data,
                static_cast<size_t>(r.byteSize()));
}

/// scatter_nd (kND): updates hold one slice of data's trailing dims per
/// index tuple.
void scatterNdKernel(const KernelContext &ctx) {
  expectCounts(ctx, 3, 3, 1);
  const TensorView &data = ctx.operands[0], &indices = ctx.operands[1],
                   &updates = ctx.operands[2];
  const TensorView &r = ctx.results[0];
  expectSameDType(updates, data, "updates", "data");
  expectIndexType(indices);
  if (indices.shape.empty())
    fail("indices must have rank 1 or more, got ", typeOf(indices));
  const int64_t k = indices.shape.back();
  if (k < 1 || k > static_cast<int64_t>(data.shape.size()))
    fail("index tuples of length ", k, " cannot address data ", typeOf(data));
  Shape expected(indices.shape.begin(), indices.shape.end() - 1);
  expected.insert(expected.end(), data.shape.begin() + k, data.shape.end());
  if (updates.shape != expected)
    fail("updates ", typeOf(updates), " should have shape ",
         shapeText(expected), " for indices ", typeOf(indices), " and data ",
         typeOf(data));

  const std::vector<int64_t> offsets = tupleOffsets(indices, data.shape);
  copyData(data, r);
  const int64_t sliceSize =
      product(Shape(data.shape.begin() + k, data.shape.end()));
  const int64_t elementSize = copySize(data.dtype);
  for (size_t t = 0; t < offsets.size(); ++t)
    for (int64_t e = 0; e < sliceSize; ++e)
      copyElement(r.data, offsets[t] + e, updates.data,
                  static_cast<int64_t>(t) * sliceSize + e, elementSize);
}

/// scatter_elements (kELEMENT): result[J with J[axis] = indices[J]] =
/// updates[J].
void scatterElementsKernel(const KernelContext &ctx) {
  expectCounts(ctx, 3, 3, 1);
  const TensorView &data = ctx.operands[0], &indices = ctx.operands[1],
                   &updates = ctx.operands[2];
  const TensorView &r = ctx.results[0];
  expectSameDType(updates, data, "updates", "data");
  expectIndexType(indices);
  const int64_t axis = getIntAttr(ctx.step, "axis", 0);
  expectElementwiseIndices(data, indices, axis, "indices");
  if (updates.shape != indices.shape)
    fail("updates ", typeOf(updates), " must have the shape of indices ",
         typeOf(indices));

  std::vector<int64_t> index = normalizedIndices(indices, data.shape[axis]);
  copyData(data, r);
  const Shape strides = rowMajorStrides(data.shape);
  const int64_t elementSize = copySize(data.dtype);
  forEachPosition(updates.shape, [&](int64_t linear, const Shape &at) {
    int64_t to = elementwiseOffset(at, axis, index[linear], strides);
    copyElement(r.data, to, updates.data, linear, elementSize);
  });
}

} // namespace

void registerScatterKernels(KernelRegistry &registry) {
  registry.add("scatter_nd", scatterNdKernel);
  registry.add("scatter_elements", scatterElementsKernel);
}

} // namespace kiln
