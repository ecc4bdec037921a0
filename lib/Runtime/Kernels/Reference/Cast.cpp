//===- Cast.cpp - Reference `cast` kernel ---------------------------------===//
//
// Converts every element to the result's dtype, for every pair of the
// runtime's types (the dialect's cast takes i1, ui8, i8, i32, i64, f16, bf16
// and f32; f8E4M3FN, i4 and f4E2M1FN go through the same rules):
// - float -> float rounds to nearest even; overflow to f16/bf16 becomes inf,
//   while f8E4M3FN and f4E2M1FN saturate to ±448 and ±6 (inf too), and NaN
//   stays NaN (f4E2M1FN has none: NaN -> 0), see MiniFloat.h;
// - float -> integer truncates toward zero and saturates at the integer
//   type's range (ui8 [0, 255], i4 [-8, 7]); NaN becomes 0;
// - integer -> integer wraps (two's complement), like numpy's astype;
// - integer -> float rounds to nearest even (i64 through f32 first);
// - anything -> i1 is `x != 0` (so NaN -> 1); i1 -> anything is 0 or 1.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

void castKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  if (x.shape != r.shape)
    fail("operand ", typeOf(x), " and result ", typeOf(r),
         " must have the same shape");
  const int64_t n = x.numElements();
  if (x.dtype == r.dtype) {
    if (n != 0 && x.data != r.data)
      std::memmove(r.data, x.data, static_cast<size_t>(x.byteSize()));
    return;
  }
  if (r.dtype == DType::I1) {
    for (int64_t i = 0; i < n; ++i) {
      bool nonZero = isFloat(x.dtype) ? loadFloat(x.dtype, x.data, i) != 0.0f
                                      : loadInt(x.dtype, x.data, i) != 0;
      static_cast<uint8_t *>(r.data)[i] = nonZero ? 1 : 0;
    }
    return;
  }
  if (isFloat(x.dtype)) {
    // storeFloat applies the saturating float -> int rule for integer results.
    for (int64_t i = 0; i < n; ++i)
      storeFloat(r.dtype, r.data, i, loadFloat(x.dtype, x.data, i));
    return;
  }
  if (isFloat(r.dtype)) {
    // int64 -> f16 goes through f32 and then rounds again; harmless because
    // f32 has far more precision than f16 at every integer f16 can hold.
    for (int64_t i = 0; i < n; ++i)
      storeFloat(r.dtype, r.data, i,
                 static_cast<float>(loadInt(x.dtype, x.data, i)));
    return;
  }
  for (int64_t i = 0; i < n; ++i)
    storeInt(r.dtype, r.data, i, loadInt(x.dtype, x.data, i));
}

} // namespace

void registerCastKernels(KernelRegistry &registry) {
  registry.add("cast", castKernel);
}

} // namespace kiln
