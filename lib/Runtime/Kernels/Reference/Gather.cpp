//===- Gather.cpp - Reference `gather`, `gather_nd`, `gather_elements` ----===//
//
// IGatherLayer's three modes. An index `i` into a dimension of size `n` must
// lie in [-n, n); a negative one counts from the end (i + n), as in ONNX and
// numpy. Anything else is refused before the result is written.
//
//===----------------------------------------------------------------------===//
#include "Common.h"
#include "Indexing.h"

namespace kiln {
namespace {

using namespace ref;

/// gather (kDEFAULT): dim `axis` of data is replaced by the dims of indices.
/// With num_broadcast_dims = 1, dim 0 of data and of indices is walked in
/// lockstep (each 1 or the result's size).
void gatherKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &data = ctx.operands[0], &indices = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  expectSameDType(data, r, "data", "result");
  expectIndexType(indices);
  const int64_t rank = static_cast<int64_t>(data.shape.size());
  const int64_t axis = getIntAttr(ctx.step, "axis");
  const int64_t lockstep = getIntAttr(ctx.step, "num_broadcast_dims", 0);
  if (axis < 0 || axis >= rank)
    fail("axis ", axis, " is out of range for data ", typeOf(data));
  if (lockstep != 0 && lockstep != 1)
    fail("num_broadcast_dims must be 0 or 1, got ", lockstep);
  if (lockstep > axis)
    fail("num_broadcast_dims ", lockstep, " must not exceed axis ", axis);
  if (lockstep == 1 && indices.shape.empty())
    fail("num_broadcast_dims 1 needs indices of rank 1 or more");

  Shape expected;
  if (lockstep == 1) {
    int64_t a = data.shape[0], b = indices.shape[0];
    if (a != b && a != 1 && b != 1)
      fail("leading dims of data ", typeOf(data), " and indices ",
           typeOf(indices), " do not broadcast");
    expected.push_back(a == 1 ? b : a);
  }
  expected.insert(expected.end(), data.shape.begin() + lockstep,
                  data.shape.begin() + axis);
  expected.insert(expected.end(), indices.shape.begin() + lockstep,
                  indices.shape.end());
  expected.insert(expected.end(), data.shape.begin() + axis + 1,
                  data.shape.end());
  expectResultShape(r, expected);

  std::vector<int64_t> index = normalizedIndices(indices, data.shape[axis]);
  const Shape dataStrides = rowMajorStrides(data.shape);
  const Shape indexStrides = rowMajorStrides(indices.shape);
  const int64_t elementSize = copySize(data.dtype);
  forEachPosition(r.shape, [&](int64_t linear, const Shape &out) {
    size_t pos = 0;
    int64_t from = 0, at = 0;
    if (lockstep == 1) {
      from += (data.shape[0] == 1 ? 0 : out[0]) * dataStrides[0];
      at += (indices.shape[0] == 1 ? 0 : out[0]) * indexStrides[0];
      pos = 1;
    }
    for (int64_t d = lockstep; d < axis; ++d)
      from += out[pos++] * dataStrides[d];
    for (size_t k = lockstep; k < indices.shape.size(); ++k)
      at += out[pos++] * indexStrides[k];
    from += index[at] * dataStrides[axis];
    for (int64_t d = axis + 1; d < rank; ++d)
      from += out[pos++] * dataStrides[d];
    copyElement(r.data, linear, data.data, from, elementSize);
  });
}

/// gather_nd (kND): the last dim of indices holds k-tuples addressing the
/// leading k dims of data; each selects the slice of the remaining dims.
void gatherNdKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &data = ctx.operands[0], &indices = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  expectSameDType(data, r, "data", "result");
  expectIndexType(indices);
  if (indices.shape.empty())
    fail("indices must have rank 1 or more, got ", typeOf(indices));
  const int64_t k = indices.shape.back();
  if (k < 1 || k > static_cast<int64_t>(data.shape.size()))
    fail("index tuples of length ", k, " cannot address data ", typeOf(data));
  Shape expected(indices.shape.begin(), indices.shape.end() - 1);
  expected.insert(expected.end(), data.shape.begin() + k, data.shape.end());
  expectResultShape(r, expected);

  const std::vector<int64_t> offsets = tupleOffsets(indices, data.shape);
  const int64_t sliceSize =
      product(Shape(data.shape.begin() + k, data.shape.end()));
  const int64_t elementSize = copySize(data.dtype);
  for (size_t t = 0; t < offsets.size(); ++t)
    for (int64_t e = 0; e < sliceSize; ++e)
      copyElement(r.data, static_cast<int64_t>(t) * sliceSize + e, data.data,
                  offsets[t] + e, elementSize);
}

/// gather_elements (kELEMENT): result[J] = data[J with J[axis] = indices[J]].
void gatherElementsKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &data = ctx.operands[0], &indices = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  expectSameDType(data, r, "data", "result");
  expectIndexType(indices);
  const int64_t axis = getIntAttr(ctx.step, "axis");
  expectElementwiseIndices(data, indices, axis, "indices");
  expectResultShape(r, indices.shape);

  std::vector<int64_t> index = normalizedIndices(indices, data.shape[axis]);
  const Shape dataStrides = rowMajorStrides(data.shape);
  const int64_t elementSize = copySize(data.dtype);
  forEachPosition(r.shape, [&](int64_t linear, const Shape &out) {
    int64_t from = elementwiseOffset(out, axis, index[linear], dataStrides);
    copyElement(r.data, linear, data.data, from, elementSize);
  });
}

} // namespace

void registerGatherKernels(KernelRegistry &registry) {
  registry.add("gather", gatherKernel);
  registry.add("gather_nd", gatherNdKernel);
  registry.add("gather_elements", gatherElementsKernel);
}

} // namespace kiln
