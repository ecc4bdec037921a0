//===- VectorMath.cpp - Vectorized math over f32 arrays -------------------===//
//
// exp(x) = 2^n * p(r), n = round(x / ln 2), r = x - n ln 2 (ln 2 split in
// two for exactness), p the degree-7 Taylor polynomial, whose error on
// |r| <= ln2 / 2 is below 1e-8. Arguments are clamped to [-87.3, 88.3] so
// 2^n stays a normal float; below the range the result is 0, above it +inf.
//
//===----------------------------------------------------------------------===//
#include "VectorMath.h"

#include "kiln/Runtime/Half.h"

#include <cmath>
#include <cstring>
#include <limits>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KILN_X86 1
// GCC 12's AVX-512 headers pass _mm512_undefined_ps() as the unused
// pass-through operand, which -Wmaybe-uninitialized reports at every use.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

namespace kiln::cpu {
namespace {

constexpr float kLog2e = 1.44269504088896341f;
constexpr float kLn2Hi = 0.693359375f, kLn2Lo = -2.12194440e-4f;
constexpr float kExpLo = -87.3f, kExpHi = 88.3f;
constexpr float kC[8] = {1.0f,          1.0f,           0.5f,
                         1.0f / 6.0f,   1.0f / 24.0f,   1.0f / 120.0f,
                         1.0f / 720.0f, 1.0f / 5040.0f};

float expPortable(float x) {
  if (std::isnan(x))
    return x;
  if (x < kExpLo)
    return 0.0f;
  if (x > kExpHi)
    return std::numeric_limits<float>::infinity();
  float n = std::nearbyint(x * kLog2e);
  float r = x - n * kLn2Hi - n * kLn2Lo;
  float p = kC[7];
  for (int i = 6; i >= 0; --i)
    p = p * r + kC[i];
  return std::ldexp(p, static_cast<int>(n));
}

float expShiftSumPortable(float *data, int64_t n, float shift) {
  float sum = 0.0f;
  for (int64_t i = 0; i < n; ++i) {
    data[i] = expPortable(data[i] - shift);
    sum += data[i];
  }
  return sum;
}

#ifdef KILN_X86
__attribute__((target("avx512f"))) inline __m512 exp16(__m512 x) {
  __m512 xc = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(kExpLo)),
                            _mm512_set1_ps(kExpHi));
  __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(xc, _mm512_set1_ps(kLog2e)),
                                  _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(kLn2Hi), xc);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(kLn2Lo), r);
  __m512 p = _mm512_set1_ps(kC[7]);
  for (int i = 6; i >= 0; --i)
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(kC[i]));
  __m512 y = _mm512_scalef_ps(p, n);
  y = _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(x, _mm512_set1_ps(kExpLo), _CMP_LT_OQ),
                         _mm512_setzero_ps());
  y = _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(x, _mm512_set1_ps(kExpHi), _CMP_GT_OQ),
                         _mm512_set1_ps(std::numeric_limits<float>::infinity()));
  return _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q), x);
}

__attribute__((target("avx512f"))) float
expShiftSumAvx512(float *data, int64_t n, float shift) {
  const __m512 s = _mm512_set1_ps(shift);
  __m512 sum = _mm512_setzero_ps();
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m512 y = exp16(_mm512_sub_ps(_mm512_loadu_ps(data + i), s));
    _mm512_storeu_ps(data + i, y);
    sum = _mm512_add_ps(sum, y);
  }
  if (i < n) {
    __mmask16 mask = static_cast<__mmask16>((1u << (n - i)) - 1);
    __m512 y = exp16(_mm512_sub_ps(_mm512_maskz_loadu_ps(mask, data + i), s));
    _mm512_mask_storeu_ps(data + i, mask, y);
    sum = _mm512_add_ps(sum, _mm512_maskz_mov_ps(mask, y));
  }
  return _mm512_reduce_add_ps(sum);
}

__attribute__((target("avx2,fma"))) inline __m256 exp8(__m256 x) {
  __m256 xc = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(kExpLo)),
                            _mm256_set1_ps(kExpHi));
  __m256 n = _mm256_round_ps(_mm256_mul_ps(xc, _mm256_set1_ps(kLog2e)),
                             _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(kLn2Hi), xc);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(kLn2Lo), r);
  __m256 p = _mm256_set1_ps(kC[7]);
  for (int i = 6; i >= 0; --i)
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(kC[i]));
  __m256i bits = _mm256_slli_epi32(
      _mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  __m256 y = _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
  y = _mm256_blendv_ps(y, _mm256_setzero_ps(),
                       _mm256_cmp_ps(x, _mm256_set1_ps(kExpLo), _CMP_LT_OQ));
  y = _mm256_blendv_ps(y, _mm256_set1_ps(std::numeric_limits<float>::infinity()),
                       _mm256_cmp_ps(x, _mm256_set1_ps(kExpHi), _CMP_GT_OQ));
  return _mm256_blendv_ps(y, x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

__attribute__((target("avx2,fma"))) float
expShiftSumAvx2(float *data, int64_t n, float shift) {
  const __m256 s = _mm256_set1_ps(shift);
  __m256 sum = _mm256_setzero_ps();
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 y = exp8(_mm256_sub_ps(_mm256_loadu_ps(data + i), s));
    _mm256_storeu_ps(data + i, y);
    sum = _mm256_add_ps(sum, y);
  }
  float lanes[8];
  _mm256_storeu_ps(lanes, sum);
  float total = 0.0f;
  for (float lane : lanes)
    total += lane;
  if (i < n) {
    float tail[8] = {};
    std::memcpy(tail, data + i, sizeof(float) * (n - i));
    __m256 y = exp8(_mm256_sub_ps(_mm256_loadu_ps(tail), s));
    _mm256_storeu_ps(tail, y);
    for (int64_t j = 0; j < n - i; ++j) {
      data[i + j] = tail[j];
      total += tail[j];
    }
  }
  return total;
}
#endif

} // namespace

float expShiftSum(Isa isa, float *data, int64_t n, float shift) {
#ifdef KILN_X86
  if (isa == Isa::AVX512)
    return expShiftSumAvx512(data, n, shift);
  if (isa == Isa::AVX2)
    return expShiftSumAvx2(data, n, shift);
#endif
  (void)isa;
  return expShiftSumPortable(data, n, shift);
}

float maxOf(const float *data, int64_t n, bool &sawNaN) {
  float m = -std::numeric_limits<float>::infinity();
  bool nan = false;
  for (int64_t i = 0; i < n; ++i) {
    m = data[i] > m ? data[i] : m;
    nan |= data[i] != data[i];
  }
  sawNaN = sawNaN || nan;
  return m;
}

void loadRow(DType dtype, const void *src, int64_t offset, int64_t n,
             float *dst) {
  if (dtype == DType::F16) {
    const uint16_t *in = static_cast<const uint16_t *>(src) + offset;
    for (int64_t i = 0; i < n; ++i)
      dst[i] = halfToFloat(in[i]);
  } else if (dtype == DType::BF16) {
    const uint16_t *in = static_cast<const uint16_t *>(src) + offset;
    for (int64_t i = 0; i < n; ++i)
      dst[i] = bfloat16ToFloat(in[i]);
  } else {
    // memmove: kernels run in place when source and destination coincide.
    std::memmove(dst, static_cast<const float *>(src) + offset,
                 sizeof(float) * n);
  }
}

void storeRow(DType dtype, const float *src, int64_t n, void *dst,
              int64_t offset) {
  if (dtype == DType::F16) {
    uint16_t *out = static_cast<uint16_t *>(dst) + offset;
    for (int64_t i = 0; i < n; ++i)
      out[i] = floatToHalf(src[i]);
  } else if (dtype == DType::BF16) {
    uint16_t *out = static_cast<uint16_t *>(dst) + offset;
    for (int64_t i = 0; i < n; ++i)
      out[i] = floatToBfloat16(src[i]);
  } else {
    std::memmove(static_cast<float *>(dst) + offset, src, sizeof(float) * n);
  }
}

} // namespace kiln::cpu
