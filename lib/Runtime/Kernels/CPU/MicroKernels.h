//===- MicroKernels.h - GEMM register tiles per instruction set -*- C++ -*-===//
//
// A micro-kernel computes one MR x NR tile of C from a packed A micro-panel
// (kc steps of MR values) and a packed B panel (kc steps of NR values):
//   c[i * ldc + j] (+)= sum_p a[p * MR + i] * b[p * NR + j]
// accumulating into c when `accumulate`, overwriting it otherwise. Each
// instruction set's kernel is compiled for it with a target attribute, so the
// build needs no -march flag; Gemm.cpp picks one at run time.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_CPU_MICROKERNELS_H
#define KILN_LIB_RUNTIME_KERNELS_CPU_MICROKERNELS_H

#include "Gemm.h"

namespace kiln::cpu {

using MicroKernelFn = void (*)(int64_t kc, const float *a, const float *b,
                               float *c, int64_t ldc, bool accumulate);

constexpr int kMaxMR = 16;

struct MicroKernel {
  int mr = 0, nr = 0;
  /// The full MR-row kernel (rows[mr]).
  MicroKernelFn fn = nullptr;
  /// rows[r] computes only the first r rows (1 <= r <= mr) of the tile, from
  /// the same MR-strided A panel.
  MicroKernelFn rows[kMaxMR + 1] = {};
};

/// The micro-kernel of `isa` (which must be available).
MicroKernel microKernel(Isa isa);

} // namespace kiln::cpu

#endif // KILN_LIB_RUNTIME_KERNELS_CPU_MICROKERNELS_H
