//===- Pointwise.cpp - `element_wise` (float arithmetic) and `activation` --===//
//
// Both compute in f32 exactly as the reference kernels do (same formulas, so
// f32 results are identical), but over contiguous rows the compiler
// vectorizes, split over the threads. element_wise collapses the broadcast
// into rows of the result's innermost run of dims along which each operand
// is either contiguous or constant (stride 1 or 0).
//
//===----------------------------------------------------------------------===//
#include "Kernels.h"
#include "VectorMath.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiln::cpu {
namespace {

using Shape = std::vector<int64_t>;

constexpr int64_t kRowChunk = 1024; // f32 scratch per conversion step

thread_local std::vector<float> tlsA, tlsB, tlsR;

float *grow(std::vector<float> &buffer, int64_t n) {
  if (static_cast<int64_t>(buffer.size()) < n)
    buffer.resize(static_cast<size_t>(n));
  return buffer.data();
}

template <typename F>
void combine(const float *a, int64_t sa, const float *b, int64_t sb, float *r,
             int64_t n, F f) {
  if (sa && sb) {
    for (int64_t i = 0; i < n; ++i)
      r[i] = f(a[i], b[i]);
  } else if (sa) {
    const float y = b[0];
    for (int64_t i = 0; i < n; ++i)
      r[i] = f(a[i], y);
  } else if (sb) {
    const float x = a[0];
    for (int64_t i = 0; i < n; ++i)
      r[i] = f(x, b[i]);
  } else {
    const float v = f(a[0], b[0]);
    for (int64_t i = 0; i < n; ++i)
      r[i] = v;
  }
}

void combineRow(ElementWiseOp op, const float *a, int64_t sa, const float *b,
                int64_t sb, float *r, int64_t n) {
  switch (op) {
  case ElementWiseOp::Sum:
    return combine(a, sa, b, sb, r, n, [](float x, float y) { return x + y; });
  case ElementWiseOp::Prod:
    return combine(a, sa, b, sb, r, n, [](float x, float y) { return x * y; });
  case ElementWiseOp::Sub:
    return combine(a, sa, b, sb, r, n, [](float x, float y) { return x - y; });
  case ElementWiseOp::Div:
    return combine(a, sa, b, sb, r, n, [](float x, float y) { return x / y; });
  case ElementWiseOp::Max:
    return combine(a, sa, b, sb, r, n, [](float x, float y) {
      return (x != x || y != y) ? std::nanf("") : (x > y ? x : y);
    });
  case ElementWiseOp::Min:
    return combine(a, sa, b, sb, r, n, [](float x, float y) {
      return (x != x || y != y) ? std::nanf("") : (x < y ? x : y);
    });
  case ElementWiseOp::Pow:
    return combine(a, sa, b, sb, r, n,
                   [](float x, float y) { return std::pow(x, y); });
  case ElementWiseOp::FloorDiv:
    return combine(a, sa, b, sb, r, n,
                   [](float x, float y) { return std::floor(x / y); });
  }
}

} // namespace

bool elementWiseSupports(DType lhs, DType rhs, DType result) {
  return lhs == rhs && lhs == result && gemmSupportsType(lhs);
}

void elementWise(const TensorView &a, const TensorView &b, ElementWiseOp op,
                 const TensorView &r, ThreadPool *threads) {
  if (!elementWiseSupports(a.dtype, b.dtype, r.dtype))
    fail("element_wise (cpu): element types ", dtypeName(a.dtype), ", ",
         dtypeName(b.dtype), " -> ", dtypeName(r.dtype),
         " are not supported; expected equal f32, f16 or bf16");
  const size_t rank = r.shape.size();
  if (a.shape.size() != rank || b.shape.size() != rank)
    fail("element_wise: operands ", describeType(a.dtype, a.shape), " and ",
         describeType(b.dtype, b.shape), " must have the result's rank (",
         describeType(r.dtype, r.shape), ")");
  // Per-dim element strides of a and b over the result (0: broadcast).
  Shape sa(rank), sb(rank);
  int64_t strideA = 1, strideB = 1;
  for (size_t d = rank; d-- > 0;) {
    for (auto [view, stride, out] :
         {std::tuple{&a, &strideA, &sa}, std::tuple{&b, &strideB, &sb}}) {
      int64_t dim = view->shape[d];
      if (dim != r.shape[d] && dim != 1)
        fail("element_wise: operand shape ", describeType(view->dtype, view->shape),
             " does not broadcast to the result ",
             describeType(r.dtype, r.shape), " (dim ", d, ")");
      (*out)[d] = (dim == 1 && r.shape[d] != 1) ? 0 : *stride;
      *stride *= dim;
    }
  }
  int64_t total = 1;
  for (int64_t dim : r.shape)
    total *= dim;
  if (total == 0)
    return;
  // The innermost run of dims that merge into one row: along it each operand
  // keeps one kind of stride (contiguous, or 0), fixed by the innermost
  // non-unit dim.
  size_t split = rank;
  while (split > 0 && r.shape[split - 1] == 1)
    --split;
  const bool aFlat = split == 0 || sa[split - 1] != 0;
  const bool bFlat = split == 0 || sb[split - 1] != 0;
  int64_t inner = 1, expectA = 1, expectB = 1;
  while (split > 0) {
    size_t d = split - 1;
    if (r.shape[d] != 1) {
      bool aOk = aFlat ? sa[d] == expectA : sa[d] == 0;
      bool bOk = bFlat ? sb[d] == expectB : sb[d] == 0;
      if (!aOk || !bOk)
        break;
      inner *= r.shape[d];
      expectA *= aFlat ? r.shape[d] : 1;
      expectB *= bFlat ? r.shape[d] : 1;
    }
    --split;
  }
  const int64_t rows = total / inner;
  const int64_t stepA = aFlat ? 1 : 0, stepB = bFlat ? 1 : 0;
  const DType dtype = r.dtype;
  // Units of work: pieces of at most kRowChunk elements of one row, so that
  // a single long row splits over the threads too.
  const int64_t pieces = (inner + kRowChunk - 1) / kRowChunk;

  auto body = [&](int64_t u0, int64_t u1) {
    for (int64_t u = u0; u < u1; ++u) {
      const int64_t row = u / pieces, j0 = (u % pieces) * kRowChunk;
      const int64_t n = std::min(kRowChunk, inner - j0);
      int64_t offA = 0, offB = 0, rest = row;
      for (size_t d = split; d-- > 0;) {
        int64_t i = rest % r.shape[d];
        rest /= r.shape[d];
        offA += i * sa[d];
        offB += i * sb[d];
      }
      offA += j0 * stepA;
      offB += j0 * stepB;
      const int64_t offR = row * inner + j0;
      if (dtype == DType::F32) {
        combineRow(op, static_cast<const float *>(a.data) + offA, stepA,
                   static_cast<const float *>(b.data) + offB, stepB,
                   static_cast<float *>(r.data) + offR, n);
        continue;
      }
      float *x = grow(tlsA, kRowChunk), *y = grow(tlsB, kRowChunk);
      float *z = grow(tlsR, kRowChunk);
      loadRow(dtype, a.data, offA, stepA ? n : 1, x);
      loadRow(dtype, b.data, offB, stepB ? n : 1, y);
      combineRow(op, x, stepA, y, stepB, z, n);
      storeRow(dtype, z, n, r.data, offR);
    }
  };
  const int64_t units = rows * pieces;
  if (threads && units > 1 && total >= (1 << 15))
    threads->parallelFor(units, body);
  else
    body(0, units);
}

//===----------------------------------------------------------------------===//
// activation
//===----------------------------------------------------------------------===//

namespace {

float softplus(float z) { return z > 20.0f ? z : std::log1p(std::exp(z)); }

template <typename F> void mapRow(const float *x, float *r, int64_t n, F f) {
  for (int64_t i = 0; i < n; ++i)
    r[i] = f(x[i]);
}

void activateRow(ActivationKind kind, float alpha, float beta, const float *x,
                 float *r, int64_t n) {
  switch (kind) {
  case ActivationKind::Relu:
    // NaN stays NaN (x > 0 is false for it, so pick x when x != x).
    return mapRow(x, r, n, [](float v) { return v > 0.0f || v != v ? v : 0.0f; });
  case ActivationKind::Sigmoid:
    return mapRow(x, r, n, [](float v) { return 1.0f / (1.0f + std::exp(-v)); });
  case ActivationKind::Tanh:
    return mapRow(x, r, n, [](float v) { return std::tanh(v); });
  case ActivationKind::LeakyRelu:
    return mapRow(x, r, n,
                  [=](float v) { return v >= 0.0f || v != v ? v : alpha * v; });
  case ActivationKind::Elu:
    return mapRow(x, r, n, [=](float v) {
      return v >= 0.0f || v != v ? v : alpha * std::expm1(v);
    });
  case ActivationKind::Selu:
    return mapRow(x, r, n, [=](float v) {
      return v != v ? v : beta * (v >= 0.0f ? v : alpha * std::expm1(v));
    });
  case ActivationKind::Softsign:
    return mapRow(x, r, n, [](float v) { return v / (1.0f + std::fabs(v)); });
  case ActivationKind::Softplus:
    return mapRow(x, r, n,
                  [=](float v) { return v != v ? v : alpha * softplus(beta * v); });
  case ActivationKind::Clip:
    return mapRow(x, r, n, [=](float v) {
      return v != v ? v : std::min(std::max(v, alpha), beta);
    });
  case ActivationKind::HardSigmoid:
    return mapRow(x, r, n, [=](float v) {
      return v != v ? v : std::min(std::max(alpha * v + beta, 0.0f), 1.0f);
    });
  case ActivationKind::ScaledTanh:
    return mapRow(x, r, n, [=](float v) {
      return v != v ? v : alpha * std::tanh(beta * v);
    });
  case ActivationKind::ThresholdedRelu:
    return mapRow(x, r, n,
                  [=](float v) { return v != v ? v : (v > alpha ? v : 0.0f); });
  case ActivationKind::GeluErf:
    return mapRow(x, r, n, [](float v) {
      return 0.5f * v * (1.0f + std::erf(v * 0.70710678118654752f));
    });
  case ActivationKind::GeluTanh:
    return mapRow(x, r, n, [](float v) {
      const float k = 0.79788456080286536f;
      return 0.5f * v * (1.0f + std::tanh(k * (v + 0.044715f * v * v * v)));
    });
  }
}

} // namespace

bool activationSupports(DType operand, DType result) {
  return operand == result && gemmSupportsType(operand);
}

void activation(const TensorView &x, ActivationKind kind, float alpha,
                float beta, const TensorView &r, ThreadPool *threads) {
  if (!activationSupports(x.dtype, r.dtype))
    fail("activation (cpu): element types ", dtypeName(x.dtype), " -> ",
         dtypeName(r.dtype),
         " are not supported; expected equal f32, f16 or bf16");
  if (x.shape != r.shape)
    fail("activation: operand type ", describeType(x.dtype, x.shape),
         " and result type ", describeType(r.dtype, r.shape),
         " must have the same shape");
  int64_t total = 1;
  for (int64_t dim : x.shape)
    total *= dim;
  const int64_t chunks = (total + kRowChunk - 1) / kRowChunk;
  const DType dtype = x.dtype;
  auto body = [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      const int64_t j0 = c * kRowChunk, n = std::min(kRowChunk, total - j0);
      if (dtype == DType::F32) {
        activateRow(kind, alpha, beta, static_cast<const float *>(x.data) + j0,
                    static_cast<float *>(r.data) + j0, n);
        continue;
      }
      float *in = grow(tlsA, kRowChunk), *out = grow(tlsR, kRowChunk);
      loadRow(dtype, x.data, j0, n, in);
      activateRow(kind, alpha, beta, in, out, n);
      storeRow(dtype, out, n, r.data, j0);
    }
  };
  if (threads && chunks > 1 && total >= (1 << 14))
    threads->parallelFor(chunks, body);
  else
    body(0, chunks);
}

} // namespace kiln::cpu
