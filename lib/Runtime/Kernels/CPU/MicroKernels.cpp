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

// Every kernel is a template over the ROWS it computes (1..MR) reading an A
// panel of stride MR, so a panel's last rows cost only what they use.

template <int ROWS>
void portableKernel(int64_t kc, const float *a, const float *b, float *c,
                    int64_t ldc, bool accumulate) {
  float acc[ROWS][kPortableNR] = {};
  for (int64_t p = 0; p < kc; ++p) {
    for (int i = 0; i < ROWS; ++i)
      for (int j = 0; j < kPortableNR; ++j)
        acc[i][j] += a[i] * b[j];
    a += kPortableMR;
    b += kPortableNR;
  }
  for (int i = 0; i < ROWS; ++i)
    for (int j = 0; j < kPortableNR; ++j)
      c[i * ldc + j] = accumulate ? c[i * ldc + j] + acc[i][j] : acc[i][j];
}

#ifdef KILN_X86
constexpr int kAvx2MR = 6, kAvx2NR = 16;

template <int ROWS>
__attribute__((target("avx2,fma"))) void
avx2Kernel(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
           bool accumulate) {
  __m256 acc0[ROWS], acc1[ROWS];
#pragma GCC unroll 6
  for (int i = 0; i < ROWS; ++i)
    acc0[i] = acc1[i] = _mm256_setzero_ps();
  for (int64_t p = 0; p < kc; ++p) {
    __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
#pragma GCC unroll 6
    for (int i = 0; i < ROWS; ++i) {
      __m256 ai = _mm256_broadcast_ss(a + i);
      acc0[i] = _mm256_fmadd_ps(ai, b0, acc0[i]);
      acc1[i] = _mm256_fmadd_ps(ai, b1, acc1[i]);
    }
    a += kAvx2MR;
    b += kAvx2NR;
  }
#pragma GCC unroll 6
  for (int i = 0; i < ROWS; ++i) {
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

template <int ROWS>
__attribute__((target("avx512f"))) void
avx512Kernel(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
             bool accumulate) {
  __m512 acc0[ROWS], acc1[ROWS];
#pragma GCC unroll 12
  for (int i = 0; i < ROWS; ++i)
    acc0[i] = acc1[i] = _mm512_setzero_ps();
#pragma GCC unroll 12
  for (int i = 0; i < ROWS; ++i)
    _mm_prefetch(reinterpret_cast<const char *>(c + i * ldc), _MM_HINT_T0);
  for (int64_t p = 0; p < kc; ++p) {
    __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);
#pragma GCC unroll 12
    for (int i = 0; i < ROWS; ++i) {
      __m512 ai = _mm512_set1_ps(a[i]);
      acc0[i] = _mm512_fmadd_ps(ai, b0, acc0[i]);
      acc1[i] = _mm512_fmadd_ps(ai, b1, acc1[i]);
    }
    a += kAvx512MR;
    b += kAvx512NR;
  }
#pragma GCC unroll 12
  for (int i = 0; i < ROWS; ++i) {
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

/// A MicroKernel whose rows[r] is KERNEL<r> for r in 1..MR.
template <int MR, int NR, template <int> class Table> MicroKernel makeKernel() {
  MicroKernel uk;
  uk.mr = MR;
  uk.nr = NR;
  Table<MR>::fill(uk.rows);
  uk.fn = uk.rows[MR];
  return uk;
}

#define KILN_ROW_TABLE(NAME, KERNEL)                                           \
  template <int R> struct NAME {                                               \
    static void fill(MicroKernelFn *rows) {                                    \
      rows[R] = KERNEL<R>;                                                     \
      NAME<R - 1>::fill(rows);                                                 \
    }                                                                          \
  };                                                                           \
  template <> struct NAME<0> {                                                 \
    static void fill(MicroKernelFn *rows) { rows[0] = nullptr; }               \
  };

KILN_ROW_TABLE(PortableRows, portableKernel)
#ifdef KILN_X86
KILN_ROW_TABLE(Avx2Rows, avx2Kernel)
KILN_ROW_TABLE(Avx512Rows, avx512Kernel)
#endif
#undef KILN_ROW_TABLE

} // namespace

MicroKernel microKernel(Isa isa) {
  switch (isa) {
#ifdef KILN_X86
  case Isa::AVX512: {
    static const MicroKernel uk = makeKernel<kAvx512MR, kAvx512NR, Avx512Rows>();
    return uk;
  }
  case Isa::AVX2: {
    static const MicroKernel uk = makeKernel<kAvx2MR, kAvx2NR, Avx2Rows>();
    return uk;
  }
#else
  case Isa::AVX512:
  case Isa::AVX2:
#endif
  case Isa::Portable:
    break;
  }
  static const MicroKernel uk =
      makeKernel<kPortableMR, kPortableNR, PortableRows>();
  return uk;
}

} // namespace kiln::cpu
