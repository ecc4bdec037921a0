//===- Activation.cpp - Reference `activation` kernel ---------------------===//
//
// TensorRT's activation types with its meaning of `alpha` and `beta`
// (both f64 attributes, default 0), computed in f32 on float types only:
//   kRELU            max(x, 0)
//   kSIGMOID         1 / (1 + exp(-x))
//   kTANH            tanh(x)
//   kLEAKY_RELU      x >= 0 ? x : alpha * x
//   kELU             x >= 0 ? x : alpha * (exp(x) - 1)
//   kSELU            beta * (x >= 0 ? x : alpha * (exp(x) - 1))
//   kSOFTSIGN        x / (1 + |x|)
//   kSOFTPLUS        alpha * log(1 + exp(beta * x))
//   kCLIP            clamp(x, alpha, beta)
//   kHARD_SIGMOID    clamp(alpha * x + beta, 0, 1)
//   kSCALED_TANH     alpha * tanh(beta * x)
//   kTHRESHOLDED_RELU x > alpha ? x : 0
//   kGELU_ERF        0.5 x (1 + erf(x / sqrt 2))
//   kGELU_TANH       0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
// NaN inputs give NaN outputs (kRELU and kCLIP included).
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

template <typename T> T softplus(T z) {
  // log(1 + exp(z)) without overflow for large z.
  return z > T(20) ? z : std::log1p(std::exp(z));
}

enum class Kind {
  Relu, Sigmoid, Tanh, LeakyRelu, Elu, Selu, Softsign, Softplus, Clip,
  HardSigmoid, ScaledTanh, ThresholdedRelu, GeluErf, GeluTanh
};

Kind parseKind(const std::string &type) {
  static const std::pair<const char *, Kind> table[] = {
      {"kRELU", Kind::Relu},
      {"kSIGMOID", Kind::Sigmoid},
      {"kTANH", Kind::Tanh},
      {"kLEAKY_RELU", Kind::LeakyRelu},
      {"kELU", Kind::Elu},
      {"kSELU", Kind::Selu},
      {"kSOFTSIGN", Kind::Softsign},
      {"kSOFTPLUS", Kind::Softplus},
      {"kCLIP", Kind::Clip},
      {"kHARD_SIGMOID", Kind::HardSigmoid},
      {"kSCALED_TANH", Kind::ScaledTanh},
      {"kTHRESHOLDED_RELU", Kind::ThresholdedRelu},
      {"kGELU_ERF", Kind::GeluErf},
      {"kGELU_TANH", Kind::GeluTanh}};
  for (const auto &entry : table)
    if (type == entry.first)
      return entry.second;
  fail("unknown activation type '", type, "'");
}

/// T is float for floating-point tensors (f16/bf16 computed in f32) and
/// double for integer tensors, whose results are then truncated toward zero
/// and saturated to the integer type.
template <typename T> T activate(Kind kind, T x, T alpha, T beta) {
  if (std::isnan(x))
    return x;
  switch (kind) {
  case Kind::Relu:
    return x > 0 ? x : T(0);
  case Kind::Sigmoid:
    return T(1) / (T(1) + std::exp(-x));
  case Kind::Tanh:
    return std::tanh(x);
  case Kind::LeakyRelu:
    return x >= 0 ? x : alpha * x;
  case Kind::Elu:
    return x >= 0 ? x : alpha * std::expm1(x);
  case Kind::Selu:
    return beta * (x >= 0 ? x : alpha * std::expm1(x));
  case Kind::Softsign:
    return x / (T(1) + std::fabs(x));
  case Kind::Softplus:
    return alpha * softplus(beta * x);
  case Kind::Clip:
    return std::min(std::max(x, alpha), beta);
  case Kind::HardSigmoid:
    return std::min(std::max(alpha * x + beta, T(0)), T(1));
  case Kind::ScaledTanh:
    return alpha * std::tanh(beta * x);
  case Kind::ThresholdedRelu:
    return x > alpha ? x : T(0);
  case Kind::GeluErf:
    return T(0.5) * x * (T(1) + std::erf(x * T(0.70710678118654752)));
  case Kind::GeluTanh: {
    const T k = T(0.79788456080286536); // sqrt(2 / pi)
    return T(0.5) * x * (T(1) + std::tanh(k * (x + T(0.044715) * x * x * x)));
  }
  }
  return x;
}

void activationKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  Kind kind = parseKind(getStringAttr(ctx.step, "type"));
  float alpha = static_cast<float>(getFloatAttr(ctx.step, "alpha", 0.0));
  float beta = static_cast<float>(getFloatAttr(ctx.step, "beta", 0.0));
  expectSameDType(x, r, "operand", "result");
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must have the same shape");
  const int64_t n = x.numElements();
  if (isFloat(x.dtype)) {
    for (int64_t i = 0; i < n; ++i)
      storeFloat(r.dtype, r.data, i,
                 activate<float>(kind, loadFloat(x.dtype, x.data, i), alpha,
                                 beta));
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    double y = activate<double>(kind, double(loadInt(x.dtype, x.data, i)),
                                alpha, beta);
    y = std::trunc(y);
    int64_t value = r.dtype == DType::I8    ? saturateToInt<int8_t>(y)
                    : r.dtype == DType::I32 ? saturateToInt<int32_t>(y)
                                            : saturateToInt<int64_t>(y);
    storeInt(r.dtype, r.data, i, value);
  }
}

} // namespace

void registerActivationKernels(KernelRegistry &registry) {
  registry.add("activation", activationKernel);
}

} // namespace kiln
