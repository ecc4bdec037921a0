//===- Gemm.h - Packed, cache-blocked f32 GEMM for the CPU ------*- C++ -*-===//
//
// C[M, N] = epilogue(A[M, K] * B[K, N]) with f32 accumulation. A, B and C may
// be stored as f32, f16 or bf16; A and B are read through element strides, so
// a transposed operand costs nothing extra.
//
// B is first packed into panels of NR columns per block of KC rows (the
// layout the micro-kernel streams). packB/gemmPacked expose that split so
// that a constant weight can be packed once, ahead of time, and reused.
// The packed layout depends on the micro-kernel (PackedLayout): pack with
// the layout of the Isa that will run it.
//
// Work is split into tiles of whole MR x NR micro-tiles over M and N, as
// many as the pool has threads (or a multiple); each thread packs the A rows
// of its tiles and runs the micro-kernel over them.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_CPU_GEMM_H
#define KILN_LIB_RUNTIME_KERNELS_CPU_GEMM_H

#include "kiln/Runtime/DType.h"

#include <cstdint>

namespace kiln {
class ThreadPool;

namespace cpu {

/// Instruction sets with a micro-kernel, from the most portable up.
enum class Isa : uint8_t { Portable = 0, AVX2 = 1, AVX512 = 2 };

/// "portable", "avx2" (AVX2 + FMA), "avx512" (AVX-512F).
const char *isaName(Isa isa);
/// True when this CPU (and OS) can run `isa`'s micro-kernel.
bool isaAvailable(Isa isa);
/// The best available Isa, lowered to KILN_CPU_ISA (one of isaName's
/// spellings) when that is set and available.
Isa bestIsa();

/// Element-wise function an epilogue ends with.
enum class Activation : uint8_t {
  None,
  Relu,
  Sigmoid,
  Tanh,
  Gelu,     // x * Phi(x), exact (erf)
  GeluTanh, // tanh approximation
  LeakyRelu, // alpha * x below zero
  Clip,     // clamp to [alpha, beta]
};

/// Applied to each C tile after its last K block, while it is in cache:
///   v = alpha * (A*B)[m, n] + bias + residualScale * residual[m, n]
///   C[m, n] = activation(v)
/// (or the residual added after the activation, residualAfterActivation).
struct Epilogue {
  float alpha = 1.0f;
  /// bias[n] (per column), or bias[m] when biasPerRow; null for none.
  const void *bias = nullptr;
  DType biasType = DType::F32;
  bool biasPerRow = false;
  /// residual[m * residualRowStride + n]; null for none.
  const void *residual = nullptr;
  DType residualType = DType::F32;
  int64_t residualRowStride = 0;
  float residualScale = 1.0f;
  bool residualAfterActivation = false;
  Activation activation = Activation::None;
  float activationAlpha = 0.0f, activationBeta = 0.0f;

  bool isIdentity() const {
    return alpha == 1.0f && !bias && !residual &&
           activation == Activation::None;
  }
};

/// A read-only matrix: element (i, j) at data[i * rowStride + j * colStride].
struct MatrixIn {
  const void *data = nullptr;
  DType dtype = DType::F32;
  int64_t rowStride = 0, colStride = 1;
};

/// An output matrix with unit column stride: (i, j) at data[i * rowStride + j].
struct MatrixOut {
  void *data = nullptr;
  DType dtype = DType::F32;
  int64_t rowStride = 0;
};

/// True for the storage types the GEMM reads and writes (f32, f16, bf16).
bool gemmSupportsType(DType dtype);

/// Blocking of a packed B: NR-column panels per KC-row block.
struct PackedLayout {
  int nr = 16, kc = 256;
};
PackedLayout packedLayout(Isa isa);
/// Floats a packed K x N matrix occupies.
int64_t packedBSize(const PackedLayout &layout, int64_t k, int64_t n);

/// Packs the K x N matrix `b` into `packed` (packedBSize floats), converting
/// it to f32; splits the work over `threads` when given.
void packB(const PackedLayout &layout, int64_t k, int64_t n, const MatrixIn &b,
           float *packed, ThreadPool *threads = nullptr);

/// C = epilogue(A * B) with B packed by packB with packedLayout(isa).
void gemmPacked(Isa isa, int64_t m, int64_t n, int64_t k, const MatrixIn &a,
                const float *packedB, const MatrixOut &c,
                const Epilogue &epilogue = {}, ThreadPool *threads = nullptr);

/// C = epilogue(A * B): packs B into a per-thread buffer, then gemmPacked.
void gemm(Isa isa, int64_t m, int64_t n, int64_t k, const MatrixIn &a,
          const MatrixIn &b, const MatrixOut &c, const Epilogue &epilogue = {},
          ThreadPool *threads = nullptr);

/// Applies `epilogue` to the f32 block `c` (rows x cols, row stride ldc)
/// whose element (0, 0) is C[row0, col0] (bias and residual index by those).
void applyEpilogue(const Epilogue &epilogue, float *c, int64_t ldc,
                   int64_t rows, int64_t cols, int64_t row0, int64_t col0);

/// The activation alone, for kernels that apply it outside a GEMM.
float activate(Activation activation, float x, float alpha, float beta);

} // namespace cpu
} // namespace kiln

#endif // KILN_LIB_RUNTIME_KERNELS_CPU_GEMM_H
