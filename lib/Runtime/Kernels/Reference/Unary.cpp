//===- Unary.cpp - Reference `unary` kernel -------------------------------===//
//
// Floats are computed in f32 with the C library's functions. kROUND rounds
// half to even (nearbyint in the default rounding mode). kSIGN maps NaN to
// NaN and +-0 to 0. On integers only kABS, kNEG, kSIGN and kNOT are defined
// (wrapping, so abs(INT_MIN) stays INT_MIN); kNOT on i1 is logical not and on
// other integers is `x == 0`.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include <cfenv>

namespace kiln {
namespace {

using namespace ref;

using FloatFn = float (*)(float);

float recip(float x) { return 1.0f / x; }
float neg(float x) { return -x; }
float sign(float x) {
  if (std::isnan(x))
    return x;
  return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f);
}
float roundHalfEven(float x) { return std::nearbyint(x); }
float logicalNotF(float x) { return x == 0.0f ? 1.0f : 0.0f; }

FloatFn floatFunction(const std::string &op) {
  static const std::pair<const char *, FloatFn> table[] = {
      {"kEXP", [](float x) { return std::exp(x); }},
      {"kLOG", [](float x) { return std::log(x); }},
      {"kSQRT", [](float x) { return std::sqrt(x); }},
      {"kRECIP", recip},
      {"kABS", [](float x) { return std::fabs(x); }},
      {"kNEG", neg},
      {"kSIN", [](float x) { return std::sin(x); }},
      {"kCOS", [](float x) { return std::cos(x); }},
      {"kTAN", [](float x) { return std::tan(x); }},
      {"kSINH", [](float x) { return std::sinh(x); }},
      {"kCOSH", [](float x) { return std::cosh(x); }},
      {"kASIN", [](float x) { return std::asin(x); }},
      {"kACOS", [](float x) { return std::acos(x); }},
      {"kATAN", [](float x) { return std::atan(x); }},
      {"kASINH", [](float x) { return std::asinh(x); }},
      {"kACOSH", [](float x) { return std::acosh(x); }},
      {"kATANH", [](float x) { return std::atanh(x); }},
      {"kCEIL", [](float x) { return std::ceil(x); }},
      {"kFLOOR", [](float x) { return std::floor(x); }},
      {"kERF", [](float x) { return std::erf(x); }},
      {"kNOT", logicalNotF},
      {"kSIGN", sign},
      {"kROUND", roundHalfEven}};
  for (const auto &entry : table)
    if (op == entry.first)
      return entry.second;
  fail("unknown unary op '", op, "'");
}

void unaryKernel(const KernelContext &ctx) {
  expectCounts(ctx, 1, 1, 1);
  const TensorView &x = ctx.operands[0];
  const TensorView &r = ctx.results[0];
  const std::string &op = getStringAttr(ctx.step, "op");
  FloatFn fn = floatFunction(op); // also rejects unknown names
  expectSameDType(x, r, "operand", "result");
  if (x.shape != r.shape)
    fail("operand type ", typeOf(x), " and result type ", typeOf(r),
         " must have the same shape");
  const int64_t n = x.numElements();

  if (isFloat(x.dtype)) {
    if (op == "kNOT")
      fail("kNOT needs an i1 or integer operand, got ", typeOf(x));
    for (int64_t i = 0; i < n; ++i)
      storeFloat(r.dtype, r.data, i, fn(loadFloat(x.dtype, x.data, i)));
    return;
  }

  int64_t (*intFn)(int64_t);
  if (op == "kABS")
    intFn = [](int64_t v) {
      return v < 0 ? static_cast<int64_t>(0 - static_cast<uint64_t>(v)) : v;
    };
  else if (op == "kNEG")
    intFn = [](int64_t v) { return static_cast<int64_t>(0 - static_cast<uint64_t>(v)); };
  else if (op == "kSIGN")
    intFn = [](int64_t v) -> int64_t { return (v > 0) - (v < 0); };
  else if (op == "kNOT")
    intFn = [](int64_t v) -> int64_t { return v == 0; };
  else
    fail(op, " is not defined on integer type ", typeOf(x));
  for (int64_t i = 0; i < n; ++i)
    storeInt(r.dtype, r.data, i, intFn(loadInt(x.dtype, x.data, i)));
}

} // namespace

void registerUnaryKernels(KernelRegistry &registry) {
  registry.add("unary", unaryKernel);
}

} // namespace kiln
