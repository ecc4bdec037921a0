//===- Kernels.h - Fast CPU kernels over tensor views -----------*- C++ -*-===//
//
// Each function computes what the reference kernel of the same op computes
// (lib/Runtime/Kernels/Reference, docs/engine-format.md), for the dtypes
// and forms its `...Supports` predicate accepts, and throws kiln::Error on
// operands it does not accept. `threads` may be null (one thread).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_KERNELS_CPU_KERNELS_H
#define KILN_LIB_RUNTIME_KERNELS_CPU_KERNELS_H

#include "Gemm.h"

#include "kiln/Runtime/Tensor.h"

#include <vector>

namespace kiln::cpu {

/// How a matrix_multiply operand holds its matrix (the op0/op1 attributes).
enum class MatrixMode : uint8_t { None, Transpose, Vector };

/// True when matrixMultiply takes these element types (all equal; f32, f16
/// or bf16).
bool matrixMultiplySupports(DType lhs, DType rhs, DType result);

/// A matrix_multiply rhs packed once for the GEMM (a constant weight).
struct PackedRhs {
  Isa isa = Isa::Portable;
  int64_t k = 0, n = 0;
  std::vector<float> data;
};

/// Packs `rhs` for matrixMultiply when it is the same matrix for every batch
/// (no collection dims other than 1); false (and `packed` untouched) when
/// it is not, or its types are not supported.
bool packMatrixMultiplyRhs(const TensorView &rhs, MatrixMode rhsMode, Isa isa,
                           PackedRhs &packed);

/// r[..., m, n] = epilogue(sum_k A[..., m, k] * B[..., k, n]) with the
/// reference kernel's operand modes and right-aligned broadcasting of the
/// collection dims. The epilogue's bias is per column (N) or per row (M) of
/// each matrix, shared by the batches; its residual is a dense tensor of the
/// result's shape and dtype (residualRowStride is ignored). `packedRhs`,
/// when given, is `rhs` packed by packMatrixMultiplyRhs for `isa`; rhs's
/// data is then not read.
void matrixMultiply(const TensorView &lhs, MatrixMode lhsMode,
                    const TensorView &rhs, MatrixMode rhsMode,
                    const TensorView &result, const Epilogue &epilogue = {},
                    ThreadPool *threads = nullptr, Isa isa = bestIsa(),
                    const PackedRhs *packedRhs = nullptr);

/// True when softmax takes these element types (equal f32, f16 or bf16).
bool softmaxSupports(DType operand, DType result);

/// r = softmax of x along `axis` (any axis; the reference's NaN rules).
void softmax(const TensorView &x, int64_t axis, const TensorView &result,
             ThreadPool *threads = nullptr, Isa isa = bestIsa());

/// True when normalization's fast path takes this form: equal f32/f16/bf16
/// types, the trailing dims reduced (or num_groups over [2, ...]), and scale
/// and bias varying only along the normalized dims or only across them.
bool normalizationSupports(const TensorView &x, const TensorView &scale,
                           const TensorView &bias,
                           const std::vector<int64_t> &axes, int64_t groups);

/// The reference `normalization` for the forms normalizationSupports takes.
void normalization(const TensorView &x, const TensorView &scale,
                   const TensorView &bias, const std::vector<int64_t> &axes,
                   double eps, int64_t groups, const TensorView &result,
                   ThreadPool *threads = nullptr);

/// The window attributes of a convolution, one entry per spatial dim (empty:
/// stride and dilation 1, no padding).
struct ConvolutionParams {
  int64_t groups = 1;
  std::vector<int64_t> stride, prePadding, postPadding, dilation;
};

/// True when convolution takes these element types (equal f32/f16/bf16).
bool convolutionSupports(DType input, DType kernel, DType result);

/// The reference `convolution` (1-D to 3-D, groups, stride, dilation,
/// padding) with an optional bias [K] and a further epilogue (its bias, if
/// any, per output channel with biasPerRow; its residual a dense tensor of
/// the result's shape).
void convolution(const TensorView &x, const TensorView &kernel,
                 const TensorView *bias, const ConvolutionParams &params,
                 const TensorView &result, const Epilogue &epilogue = {},
                 ThreadPool *threads = nullptr, Isa isa = bestIsa());

struct AttentionParams {
  float scale = 1.0f;
  bool causal = false; // key j is kept for query i only when j <= i
};

/// True when attention takes these element types: q, k, v and the result
/// equal f32/f16/bf16; the mask (null for none) f32/f16/bf16 or i1.
bool attentionSupports(DType q, DType k, DType v, const DType *mask, DType o);

/// o = softmax(scale * q k^T + mask) v over [..., Sq, D] x [..., Sk, D] x
/// [..., Sk, Dv] -> [..., Sq, Dv] (Attention.cpp states the mask rules).
void attention(const TensorView &q, const TensorView &k, const TensorView &v,
               const TensorView *mask, const AttentionParams &params,
               const TensorView &result, ThreadPool *threads = nullptr,
               Isa isa = bestIsa());

enum class ReduceOp : uint8_t { Sum, Prod, Max, Min, Avg };

/// True when reduce takes this form: equal f32/f16/bf16 types and a
/// non-empty set of consecutive axes.
bool reduceSupports(DType operand, DType result,
                    const std::vector<int64_t> &axes);

/// The reference `reduce` over consecutive `axes` (the result holds one
/// element per reduction, with or without the kept unit dims).
void reduce(const TensorView &x, ReduceOp op, const std::vector<int64_t> &axes,
            const TensorView &result, ThreadPool *threads = nullptr);

enum class PoolingKind : uint8_t { Max, Average, Blend };

/// The attributes of a pooling step, one window entry per spatial dim.
struct PoolingParams {
  PoolingKind kind = PoolingKind::Max;
  std::vector<int64_t> window, stride, prePadding, postPadding;
  bool excludePadding = false;
  float blendFactor = 0.0f;
};

/// True when pooling takes these element types (equal f32, f16 or bf16).
bool poolingSupports(DType input, DType result);

/// The reference `pooling` over 1 to 3 spatial dims of [N, C, spatial...].
void pooling(const TensorView &x, const PoolingParams &params,
             const TensorView &result, ThreadPool *threads = nullptr);

/// element_wise's float arithmetic (comparisons and logic ops stay on the
/// reference kernel).
enum class ElementWiseOp : uint8_t { Sum, Prod, Max, Min, Sub, Div, Pow, FloorDiv };

/// True when elementWise takes these element types (equal f32/f16/bf16).
bool elementWiseSupports(DType lhs, DType rhs, DType result);

/// The reference `element_wise` for its float arithmetic ops: operands of the
/// result's rank, each dim equal to the result's or 1 (broadcast).
void elementWise(const TensorView &lhs, const TensorView &rhs, ElementWiseOp op,
                 const TensorView &result, ThreadPool *threads = nullptr);

/// TensorRT's activation types, with its meaning of alpha and beta.
enum class ActivationKind : uint8_t {
  Relu, Sigmoid, Tanh, LeakyRelu, Elu, Selu, Softsign, Softplus, Clip,
  HardSigmoid, ScaledTanh, ThresholdedRelu, GeluErf, GeluTanh
};

/// True when activation takes these element types (equal f32/f16/bf16).
bool activationSupports(DType operand, DType result);

/// The reference `activation` on float operands.
void activation(const TensorView &x, ActivationKind kind, float alpha,
                float beta, const TensorView &result,
                ThreadPool *threads = nullptr);

} // namespace kiln::cpu

#endif // KILN_LIB_RUNTIME_KERNELS_CPU_KERNELS_H
