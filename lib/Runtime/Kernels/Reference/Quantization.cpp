//===- Quantization.cpp - Reference quantize/dequantize kernels -----------===//
//
// `quantize`: q = saturate(roundHalfToEven(x / scale)) in f32, saturating to
// the result type's range: i8 [-128, 127], i4 [-8, 7], f8E4M3FN ±448 (and
// f4E2M1FN ±6). NaN quantizes to 0 for the integer types and to NaN for f8.
// `dequantize`: x = q × scale, computed in f32 and rounded to the result type.
//
// Both pick the scale of each element by the scale's rank (the rules at the
// top of Quantization.td): rank 0 is per-tensor; rank 1 with the `axis`
// attribute is per-channel; the input's rank is block-wise, where every dim
// of the input is a whole multiple of the scale's and element index i of dim
// d reads scale index i / (input[d] / scale[d]).
//
// `dynamic_quantize` (NVFP4): for each block of `block_size` consecutive
// elements along `axis`, amax = max |x| (NaNs skipped), the block scale
// amax / 6 is quantized to f8E4M3FN as f8(amax / 6 / double_quant_scale),
// and the block's data is f4(x / (dequantized f8 scale × double_quant_scale)),
// or 0 where that product is 0.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

bool isQuantizedType(DType type) {
  return type == DType::I8 || type == DType::I4 || type == DType::F8E4M3FN ||
         type == DType::F4E2M1FN;
}

bool isScaleType(DType type) {
  return type == DType::F32 || type == DType::F16 || type == DType::BF16;
}

/// For every element of `data` (row-major), the linear index of its scale.
std::vector<int64_t> scaleIndices(const KernelContext &ctx,
                                  const TensorView &data,
                                  const TensorView &scale) {
  const int64_t axis = getIntAttr(ctx.step, "axis", -1);
  const size_t rank = data.shape.size();
  const int64_t n = data.numElements();
  std::vector<int64_t> indices(static_cast<size_t>(n), 0);
  if (scale.shape.empty()) { // per-tensor
    if (axis != -1)
      fail("a per-tensor (0-D) scale takes no axis, got axis ", axis);
    return indices;
  }
  if (scale.shape.size() == 1 && axis != -1) { // per-channel
    if (axis < 0 || static_cast<size_t>(axis) >= rank)
      fail("axis ", axis, " is out of range for input ", typeOf(data));
    if (scale.shape[0] != data.shape[axis])
      fail("per-channel scale ", typeOf(scale), " needs one entry per index of "
           "input dimension ", axis, " (", data.shape[axis], ")");
    Shape strides = rowMajorStrides(data.shape);
    for (int64_t i = 0; i < n; ++i)
      indices[i] = (i / strides[axis]) % data.shape[axis];
    return indices;
  }
  if (scale.shape.size() != rank || axis != -1)
    fail("scale ", typeOf(scale), " does not fit input ", typeOf(data),
         ": expected a 0-D scale, a 1-D scale with an axis, or a block scale "
         "of the input's rank without one");
  Shape blocks(rank);
  for (size_t d = 0; d < rank; ++d) {
    if (scale.shape[d] == 0 ? data.shape[d] != 0
                            : data.shape[d] % scale.shape[d] != 0)
      fail("block scale ", typeOf(scale), " does not divide input ",
           typeOf(data), " in dimension ", d);
    blocks[d] = scale.shape[d] == 0 ? 1 : data.shape[d] / scale.shape[d];
  }
  Shape dataStrides = rowMajorStrides(data.shape);
  Shape scaleStrides = rowMajorStrides(scale.shape);
  for (int64_t i = 0; i < n; ++i) {
    int64_t s = 0;
    for (size_t d = 0; d < rank; ++d)
      s += ((i / dataStrides[d]) % data.shape[d]) / blocks[d] * scaleStrides[d];
    indices[i] = s;
  }
  return indices;
}

/// Stores q = x / scale (already divided) rounded half to even and saturated.
void storeQuantized(DType type, void *data, int64_t i, float value) {
  switch (type) {
  case DType::I8:
  case DType::I4: {
    const float lo = type == DType::I8 ? -128.0f : -8.0f;
    const float hi = type == DType::I8 ? 127.0f : 7.0f;
    float q = std::isnan(value) ? 0.0f
                                : std::min(hi, std::max(lo, std::nearbyint(value)));
    storeInt(type, data, i, static_cast<int64_t>(q));
    return;
  }
  default: // f8E4M3FN, f4E2M1FN: the conversion rounds and saturates
    storeFloat(type, data, i, value);
    return;
  }
}

void quantizeKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &scale = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  if (!isScaleType(x.dtype) || !isScaleType(scale.dtype))
    fail("quantize needs f32, f16 or bf16 input and scale, got ", typeOf(x),
         " and ", typeOf(scale));
  if (!isQuantizedType(r.dtype))
    fail("quantize cannot produce ", typeOf(r),
         "; expected i8, i4, f8E4M3FN or f4E2M1FN");
  if (x.shape != r.shape)
    fail("input ", typeOf(x), " and result ", typeOf(r),
         " must have the same shape");
  std::vector<int64_t> which = scaleIndices(ctx, x, scale);
  for (int64_t i = 0; i < x.numElements(); ++i)
    storeQuantized(r.dtype, r.data, i,
                   loadFloat(x.dtype, x.data, i) /
                       loadFloat(scale.dtype, scale.data, which[i]));
}

void dequantizeKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &q = ctx.operands[0];
  const TensorView &scale = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  if (!isQuantizedType(q.dtype))
    fail("dequantize needs an i8, i4, f8E4M3FN or f4E2M1FN input, got ",
         typeOf(q));
  if (!isScaleType(scale.dtype) || !isScaleType(r.dtype))
    fail("dequantize needs f32, f16 or bf16 scale and result, got ",
         typeOf(scale), " and ", typeOf(r));
  if (q.shape != r.shape)
    fail("input ", typeOf(q), " and result ", typeOf(r),
         " must have the same shape");
  std::vector<int64_t> which = scaleIndices(ctx, q, scale);
  for (int64_t i = 0; i < q.numElements(); ++i)
    storeFloat(r.dtype, r.data, i,
               loadFloat(q.dtype, q.data, i) *
                   loadFloat(scale.dtype, scale.data, which[i]));
}

void dynamicQuantizeKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 2);
  const TensorView &x = ctx.operands[0];
  const TensorView &doubleScale = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  const TensorView &scales = ctx.results[1];
  const int64_t axis = getIntAttr(ctx.step, "axis");
  const int64_t blockSize = getIntAttr(ctx.step, "block_size");
  if (!isScaleType(x.dtype) || !isScaleType(doubleScale.dtype))
    fail("dynamic_quantize needs f32, f16 or bf16 input and "
         "double_quant_scale, got ", typeOf(x), " and ", typeOf(doubleScale));
  if (!doubleScale.shape.empty())
    fail("double_quant_scale must be 0-D, got ", typeOf(doubleScale));
  if (r.dtype != DType::F4E2M1FN || scales.dtype != DType::F8E4M3FN)
    fail("dynamic_quantize produces f4E2M1FN data and f8E4M3FN scales, got ",
         typeOf(r), " and ", typeOf(scales));
  if (x.shape != r.shape)
    fail("input ", typeOf(x), " and result ", typeOf(r),
         " must have the same shape");
  const size_t rank = x.shape.size();
  if (axis < 0 || static_cast<size_t>(axis) >= rank)
    fail("axis ", axis, " is out of range for input ", typeOf(x));
  if (blockSize <= 0 || x.shape[axis] % blockSize != 0)
    fail("dimension ", axis, " of input ", typeOf(x),
         " is not a multiple of the block size ", blockSize);
  Shape expected = x.shape;
  expected[axis] /= blockSize;
  if (scales.shape != expected)
    fail("scales have type ", typeOf(scales), ", expected ",
         describeType(DType::F8E4M3FN, expected));

  const float dqs = loadFloat(doubleScale.dtype, doubleScale.data, 0);
  // Walk the scale grid; each scale entry owns `blockSize` elements spaced
  // `stride` apart along `axis`.
  const int64_t stride = rowMajorStrides(x.shape)[axis];
  Shape scaleStrides = rowMajorStrides(expected);
  for (int64_t s = 0; s < scales.numElements(); ++s) {
    int64_t first = 0;
    for (size_t d = 0; d < rank; ++d) {
      int64_t index = (s / scaleStrides[d]) % expected[d];
      if (static_cast<int64_t>(d) == axis)
        index *= blockSize;
      first += index * rowMajorStrides(x.shape)[d];
    }
    float amax = 0.0f;
    for (int64_t k = 0; k < blockSize; ++k) {
      float v = std::fabs(loadFloat(x.dtype, x.data, first + k * stride));
      if (v > amax) // false for NaN, so NaNs are skipped
        amax = v;
    }
    uint8_t scaleCode = floatToF8E4M3FN(amax / 6.0f / dqs);
    static_cast<uint8_t *>(scales.data)[s] = scaleCode;
    float effective = f8E4M3FNToFloat(scaleCode) * dqs;
    for (int64_t k = 0; k < blockSize; ++k) {
      int64_t i = first + k * stride;
      float value = effective == 0.0f || std::isnan(effective)
                        ? 0.0f
                        : loadFloat(x.dtype, x.data, i) / effective;
      storeFloat(DType::F4E2M1FN, r.data, i, value);
    }
  }
}

} // namespace

void registerQuantizationKernels(KernelRegistry &registry) {
  registry.add("quantize", quantizeKernel);
  registry.add("dequantize", dequantizeKernel);
  registry.add("dynamic_quantize", dynamicQuantizeKernel);
}

} // namespace kiln
