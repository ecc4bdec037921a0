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

float softplus(float z) {
  // log(1 + exp(z)) without overflow for large z.
  return z > 20.0f ? z : std::log1p(std::exp(z));
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

float activate(Kind kind, float x, float alpha, float beta) {
  if (std::isnan(x))
    return x;
  switch (kind) {
  case Kind::Relu:
    return x > 0 ? x : 0.0f;
  case Kind::Sigmoid:
    return 1.0f / (1.0f + std::exp(-x));
  case Kind::Tanh:
    return std::tanh(x);
  case Kind::LeakyRelu:
    return x >= 0 ? x : alpha * x;
  case Kind::Elu:
    return x >= 0 ? x : alpha * std::expm1(x);
  case Kind::Selu:
    return beta * (x >= 0 ? x : alpha * std::expm1(x));
  case Kind::Softsign:
    return x / (1.0f + std::fabs(x));
  case Kind::Softplus:
    return alpha * softplus(beta * x);
  case Kind::Clip:
    return std::min(std::max(x, alpha), beta);
  case Kind::HardSigmoid:
    return std::min(std::max(alpha * x + beta, 0.0f), 1.0f);
  case Kind::ScaledTanh:
    return alpha * std::tanh(beta * x);
  case Kind::ThresholdedRelu:
    return x > alpha ? x : 0.0f;
  case Kind::GeluErf:
    return 0.5f * x * (1.0f + std::erf(x * 0.70710678118654752f));
  case Kind::GeluTanh: {
    const float k = 0.79788456080286536f; // sqrt(2 / pi)
    return 0.5f * x * (1.0f + std::tanh(k * (x + 0.044715f * x * x * x)));
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
  if (!isFloat(x.dtype))
    fail("activation needs a float operand, got ", typeOf(x));
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must have the same shape");
  const int64_t n = x.numElements();
  for (int64_t i = 0; i < n; ++i)
    storeFloat(r.dtype, r.data, i,
               activate(kind, loadFloat(x.dtype, x.data, i), alpha, beta));
}

} // namespace

void registerActivationKernels(KernelRegistry &registry) {
  registry.add("activation", activationKernel);
}

} // namespace kiln
