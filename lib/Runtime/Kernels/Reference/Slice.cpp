//===- Slice.cpp - Reference `slice` kernel -------------------------------===//
//
// Result element i (per dim) reads operand index start + i * stride, with
// the result shape as the size. Out-of-range indices, per `mode`:
//   kDEFAULT  an error (checked before anything is written)
//   kWRAP     index modulo the dim size
//   kCLAMP    clamped to [0, size - 1]
//   kFILL     the fill operand's value (rank 0, operand 1), or 0 without one
//   kREFLECT  mirrored at the edges without repeating them:
//             for size 4, ... 2 1 | 0 1 2 3 | 2 1 0 ...
// kWRAP/kCLAMP/kREFLECT need a non-empty dim to read from.
// Start, size and stride may be run-time operands (1-D i32/i64); the attrs
// `start_operand`, `size_operand`, `stride_operand` and `fill_operand` give
// their positions, and the size operand's values size the result.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <algorithm>

namespace kiln {
namespace {

using namespace ref;

enum class Mode { Default, Wrap, Clamp, Fill, Reflect };

Mode parseMode(const StepDesc &step) {
  if (!step.attrs.count("mode"))
    return Mode::Default;
  const std::string &mode = getStringAttr(step, "mode");
  if (mode == "kDEFAULT" || mode == "kSTRICT_BOUNDS")
    return Mode::Default;
  if (mode == "kWRAP")
    return Mode::Wrap;
  if (mode == "kCLAMP")
    return Mode::Clamp;
  if (mode == "kFILL")
    return Mode::Fill;
  if (mode == "kREFLECT")
    return Mode::Reflect;
  fail("unknown slice mode '", mode, "'");
}

/// Maps a possibly out-of-range index into [0, size), or -1 for "fill".
int64_t mapIndex(Mode mode, int64_t index, int64_t size) {
  if (index >= 0 && index < size)
    return index;
  switch (mode) {
  case Mode::Wrap: {
    int64_t m = index % size;
    return m < 0 ? m + size : m;
  }
  case Mode::Clamp:
    return index < 0 ? 0 : size - 1;
  case Mode::Reflect: {
    if (size == 1)
      return 0;
    int64_t period = 2 * (size - 1);
    int64_t m = index % period;
    if (m < 0)
      m += period;
    return m < size ? m : period - m;
  }
  default:
    return -1;
  }
}

/// The step operand holding `role` ("start_operand", ...), or -1. Steps
/// without run-time operands have at most a fill operand, at 1.
int64_t operandOf(const KernelContext &ctx, const char *role) {
  int64_t index = getIntAttr(ctx.step, role, -1);
  if (index >= static_cast<int64_t>(ctx.operands.size()))
    fail(role, " ", index, " is out of range for ", ctx.operands.size(),
         " operands");
  return index;
}

/// Start or stride: the values of its run-time operand, else the attribute.
Shape startOrStride(const KernelContext &ctx, const char *name,
                    const char *role) {
  int64_t index = operandOf(ctx, role);
  if (index < 0)
    return getIntsAttr(ctx.step, name);
  const TensorView &v = ctx.operands[index];
  if (v.shape.size() != 1)
    fail(name, " operand must be 1-D, got ", typeOf(v));
  Shape values(static_cast<size_t>(v.shape[0]));
  for (size_t i = 0; i < values.size(); ++i) {
    if (v.dtype == DType::I32)
      values[i] = static_cast<const int32_t *>(v.data)[i];
    else if (v.dtype == DType::I64)
      values[i] = static_cast<const int64_t *>(v.data)[i];
    else
      fail(name, " operand must be i32 or i64, got ", typeOf(v));
  }
  return values;
}

void sliceKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 5, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  const Shape start = startOrStride(ctx, "start", "start_operand");
  const Shape stride = startOrStride(ctx, "stride", "stride_operand");
  Mode mode = parseMode(ctx.step);
  int64_t fillIndex = operandOf(ctx, "fill_operand");
  bool hasRoles = ctx.step.attrs.count("start_operand") ||
                  ctx.step.attrs.count("size_operand") ||
                  ctx.step.attrs.count("stride_operand");
  if (!hasRoles && fillIndex < 0 && ctx.operands.size() == 2)
    fillIndex = 1;
  if (!hasRoles && fillIndex < 0 && ctx.operands.size() > 2)
    fail("expected at most 2 operands without run-time start/size/stride");
  expectSameDType(x, r, "operand", "result");
  const size_t rank = x.shape.size();
  if (r.shape.size() != rank)
    fail("result ", typeOf(r), " must have the operand's rank ", rank);
  if (start.size() != rank)
    fail("expected ", rank, " start indices, got ", start.size());
  if (stride.size() != rank)
    fail("expected ", rank, " strides, got ", stride.size());

  const int64_t elementSize = copySize(x.dtype);
  // One element of fill value (a packed type's in the low nibble).
  std::vector<uint8_t> fill(
      static_cast<size_t>(std::max<int64_t>(elementSize, 1)), 0);
  if (fillIndex >= 0) {
    const TensorView &f = ctx.operands[fillIndex];
    if (mode != Mode::Fill)
      fail("a fill operand is only allowed with mode kFILL");
    expectSameDType(f, x, "fill operand", "operand");
    if (f.numElements() != 1)
      fail("fill operand must hold one element, got ", typeOf(f));
    copyElement(fill.data(), 0, f.data, 0, elementSize);
  }
  if (r.numElements() == 0)
    return;

  // Precompute, per dim, the operand index of each result position (-1 for
  // fill); this also checks bounds before anything is written.
  std::vector<Shape> sourceIndex(rank);
  for (size_t d = 0; d < rank; ++d) {
    sourceIndex[d].resize(static_cast<size_t>(r.shape[d]));
    if (mode != Mode::Fill && mode != Mode::Default && x.shape[d] == 0)
      fail("cannot slice dim ", d, " of size 0 with a non-empty result");
    for (int64_t i = 0; i < r.shape[d]; ++i) {
      int64_t index;
      if (__builtin_mul_overflow(i, stride[d], &index) ||
          __builtin_add_overflow(start[d], index, &index))
        fail("dim ", d, ": start ", start[d], " + ", i, " * stride ",
             stride[d], " overflows int64");
      int64_t mapped = mapIndex(mode, index, x.shape[d]);
      if (mapped < 0 && mode == Mode::Default)
        fail("dim ", d, ": index ", index, " (start ", start[d], " + ", i,
             " * stride ", stride[d], ") is out of bounds for size ",
             x.shape[d]);
      sourceIndex[d][i] = mapped;
    }
  }

  Shape xStrides = rowMajorStrides(x.shape);
  Shape index(rank, 0);
  const int64_t count = r.numElements();
  for (int64_t linear = 0; linear < count; ++linear) {
    int64_t offset = 0;
    bool useFill = false;
    for (size_t d = 0; d < rank; ++d) {
      int64_t source = sourceIndex[d][index[d]];
      if (source < 0)
        useFill = true;
      offset += source * xStrides[d];
    }
    if (useFill)
      copyElement(r.data, linear, fill.data(), 0, elementSize);
    else
      copyElement(r.data, linear, x.data, offset, elementSize);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < r.shape[d])
        break;
      index[d] = 0;
    }
  }
}

} // namespace

void registerSliceKernels(KernelRegistry &registry) {
  registry.add("slice", sliceKernel);
}

} // namespace kiln
