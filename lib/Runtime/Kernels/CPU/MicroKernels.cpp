//===- MicroKernels.cpp - GEMM register tiles per instruction set ---------===//
//
// AVX-512: 12 x 32 (24 zmm accumulators, two B vectors, one broadcast).
// AVX2 + FMA: 6 x 16 (12 ymm accumulators, two B vectors, one broadcast).
// Portable: 4 x 8 in plain C++ (vectorized by the compiler for the baseline
// instruction set).
//
//===----------------------------------------------------------------------===//
#include "MicroKernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KILN_X86 1
#endif

namespace kiln::cpu {
namespace {

constexpr int kPortableMR = 4, kPortableNR = 8;

void portableKernel(int64_t kc, const float *a, const float *b, float *c,
                    int64_t ldc, bool accumulate) {
  float acc[kPortableMR][kPortableNR] = {};
  for (int64_t p = 0; p < kc; ++p) {
    for (int i = 0; i < kPortableMR; ++i)
      for (int j = 0; j < kPortableNR; ++j)
        acc[i][j] += a[i] * b[j];
    a += kPortableMR;
    b += kPortableNR;
  }
  for (int i = 0; i < kPortableMR; ++i)
    for (int j = 0; j < kPortableNR; ++j)
      c[i * ldc + j] = accumulate ? c[i * ldc + j] + acc[i][j] : acc[i][j];
}

#ifdef KILN_X86
constexpr int kAvx2MR = 6, kAvx2NR = 16;

__attribute__((target("avx2,fma"))) void
avx2Kernel(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
           bool accumulate) {
  __m256 acc0[kAvx2MR], acc1[kAvx2MR];
#pragma GCC unroll 6
  for (int i = 0; i < kAvx2MR; ++i)
    acc0[i] = acc1[i] = _mm256_setzero_ps();
  for (int64_t p = 0; p < kc; ++p) {
    __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
#pragma GCC unroll 6
    for (int i = 0; i < kAvx2MR; ++i) {
      __m256 ai = _mm256_broadcast_ss(a + i);
      acc0[i] = _mm256_fmadd_ps(ai, b0, acc0[i]);
      acc1[i] = _mm256_fmadd_ps(ai, b1, acc1[i]);
    }
    a += kAvx2MR;
    b += kAvx2NR;
  }
#pragma GCC unroll 6
  for (int i = 0; i < kAvx2MR; ++i) {
    float *row = c + i * ldc;
    if (accumulate) {
      acc0[i] = _mm256_add_ps(acc0[i], _mm256_loadu_ps(row));
      acc1[i] = _mm256_add_ps(acc1[i], _mm256_loadu_ps(row + 8));
    }
    _mm256_storeu_ps(row, acc0[i]);
    _mm256_storeu_ps(row + 8, acc1[i]);
  }
}

constexpr int kAvx512MR = 12, kAvx512NR = 32;

__attribute__((target("avx512f"))) void
avx512Kernel(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
             bool accumulate) {
  __m512 acc0[kAvx512MR], acc1[kAvx512MR];
#pragma GCC unroll 12
  for (int i = 0; i < kAvx512MR; ++i)
    acc0[i] = acc1[i] = _mm512_setzero_ps();
#pragma GCC unroll 12
  for (int i = 0; i < kAvx512MR; ++i)
    _mm_prefetch(reinterpret_cast<const char *>(c + i * ldc), _MM_HINT_T0);
  for (int64_t p = 0; p < kc; ++p) {
    __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);
#pragma GCC unroll 12
    for (int i = 0; i < kAvx512MR; ++i) {
      __m512 ai = _mm512_set1_ps(a[i]);
      acc0[i] = _mm512_fmadd_ps(ai, b0, acc0[i]);
      acc1[i] = _mm512_fmadd_ps(ai, b1, acc1[i]);
    }
    a += kAvx512MR;
    b += kAvx512NR;
  }
#pragma GCC unroll 12
  for (int i = 0; i < kAvx512MR; ++i) {
    float *row = c + i * ldc;
    if (accumulate) {
      acc0[i] = _mm512_add_ps(acc0[i], _mm512_loadu_ps(row));
      acc1[i] = _mm512_add_ps(acc1[i], _mm512_loadu_ps(row + 16));
    }
    _mm512_storeu_ps(row, acc0[i]);
    _mm512_storeu_ps(row + 16, acc1[i]);
  }
}
#endif

} // namespace

MicroKernel microKernel(Isa isa) {
  switch (isa) {
#ifdef KILN_X86
  case Isa::AVX512:
    return {kAvx512MR, kAvx512NR, avx512Kernel};
  case Isa::AVX2:
    return {kAvx2MR, kAvx2NR, avx2Kernel};
#else
  case Isa::AVX512:
  case Isa::AVX2:
#endif
  case Isa::Portable:
    break;
  }
  return {kPortableMR, kPortableNR, portableKernel};
}

} // namespace kiln::cpu
