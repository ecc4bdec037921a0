//===- ElementWise.cpp - Reference `element_wise` kernel ------------------===//
//
// Semantics (docs/engine-format.md):
// - Floats (f32, f16, bf16) are computed in f32; f16/bf16 results are rounded
//   to nearest even. kMAX/kMIN propagate NaN like numpy's maximum/minimum.
//   kFLOOR_DIV is floor(a / b).
// - Integers are computed in int64 and wrap to the result width. kDIV
//   truncates toward zero and kFLOOR_DIV rounds toward -inf; division by zero
//   yields 0 (rather than trapping). kPOW with a negative exponent yields
//   1 for base 1, +-1 for base -1 and 0 otherwise (the truncated result).
// - kAND/kOR/kXOR are logical on i1 and bitwise on other integer types.
// - kEQUAL/kGREATER/kLESS produce i1.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

namespace kiln {
namespace {

using namespace ref;

enum class Op {
  Sum, Prod, Max, Min, Sub, Div, Pow, FloorDiv, And, Or, Xor, Equal, Greater,
  Less
};

Op parseOp(const std::string &name) {
  static const std::pair<const char *, Op> table[] = {
      {"kSUM", Op::Sum},          {"kPROD", Op::Prod},
      {"kMAX", Op::Max},          {"kMIN", Op::Min},
      {"kSUB", Op::Sub},          {"kDIV", Op::Div},
      {"kPOW", Op::Pow},          {"kFLOOR_DIV", Op::FloorDiv},
      {"kAND", Op::And},          {"kOR", Op::Or},
      {"kXOR", Op::Xor},          {"kEQUAL", Op::Equal},
      {"kGREATER", Op::Greater},  {"kLESS", Op::Less}};
  for (const auto &entry : table)
    if (name == entry.first)
      return entry.second;
  fail("unknown element-wise op '", name, "'");
}

bool isComparison(Op op) {
  return op == Op::Equal || op == Op::Greater || op == Op::Less;
}

float floatOp(Op op, float a, float b) {
  switch (op) {
  case Op::Sum:
    return a + b;
  case Op::Prod:
    return a * b;
  case Op::Max:
    return (std::isnan(a) || std::isnan(b)) ? std::nanf("") : std::max(a, b);
  case Op::Min:
    return (std::isnan(a) || std::isnan(b)) ? std::nanf("") : std::min(a, b);
  case Op::Sub:
    return a - b;
  case Op::Div:
    return a / b;
  case Op::Pow:
    return std::pow(a, b);
  case Op::FloorDiv:
    return std::floor(a / b);
  case Op::Equal:
    return a == b;
  case Op::Greater:
    return a > b;
  case Op::Less:
    return a < b;
  default:
    return 0; // logical ops on floats are rejected before the loop
  }
}

int64_t wrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
int64_t wrapSub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t wrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

int64_t truncDiv(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  if (b == -1)
    return wrapSub(0, a); // INT64_MIN / -1 wraps instead of trapping
  return a / b;
}

int64_t floorDiv(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  if (b == -1)
    return wrapSub(0, a);
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0)))
    --q;
  return q;
}

int64_t intPow(int64_t base, int64_t exponent) {
  if (exponent < 0) {
    if (base == 1)
      return 1;
    if (base == -1)
      return (exponent % 2 == 0) ? 1 : -1;
    return 0;
  }
  int64_t result = 1;
  while (exponent > 0) {
    if (exponent & 1)
      result = wrapMul(result, base);
    base = wrapMul(base, base);
    exponent >>= 1;
  }
  return result;
}

int64_t intOp(Op op, int64_t a, int64_t b, bool isBool) {
  switch (op) {
  case Op::Sum:
    return wrapAdd(a, b);
  case Op::Prod:
    return wrapMul(a, b);
  case Op::Max:
    return std::max(a, b);
  case Op::Min:
    return std::min(a, b);
  case Op::Sub:
    return wrapSub(a, b);
  case Op::Div:
    return truncDiv(a, b);
  case Op::Pow:
    return intPow(a, b);
  case Op::FloorDiv:
    return floorDiv(a, b);
  case Op::And:
    return isBool ? ((a != 0) && (b != 0)) : (a & b);
  case Op::Or:
    return isBool ? ((a != 0) || (b != 0)) : (a | b);
  case Op::Xor:
    return isBool ? ((a != 0) != (b != 0)) : (a ^ b);
  case Op::Equal:
    return a == b;
  case Op::Greater:
    return a > b;
  case Op::Less:
    return a < b;
  }
  return 0;
}

void elementWiseKernel(const KernelContext &ctx) {
  expectCounts(ctx, 2, 2, 1);
  const TensorView &a = ctx.operands[0];
  const TensorView &b = ctx.operands[1];
  const TensorView &r = ctx.results[0];
  const std::string &opName = getStringAttr(ctx.step, "op");
  Op op = parseOp(opName);
  expectSameDType(a, b, "lhs", "rhs");
  DType expected = isComparison(op) ? DType::I1 : a.dtype;
  if (r.dtype != expected)
    fail(opName, " on ", dtypeName(a.dtype), " produces ", dtypeName(expected),
         ", but the result has type ", typeOf(r));
  bool floating = isFloat(a.dtype);
  if (floating && (op == Op::And || op == Op::Or || op == Op::Xor))
    fail(opName, " needs integer or i1 operands, got ", typeOf(a));

  std::array<Shape, 2> strides = {broadcastStrides(a, r.shape, "lhs"),
                                  broadcastStrides(b, r.shape, "rhs")};
  bool isBool = a.dtype == DType::I1;
  if (floating) {
    forEachIndex<2>(r.shape, strides, [&](int64_t i, const auto &off) {
      float value = floatOp(op, loadFloat(a.dtype, a.data, off[0]),
                            loadFloat(b.dtype, b.data, off[1]));
      storeFloat(r.dtype, r.data, i, value);
    });
  } else {
    forEachIndex<2>(r.shape, strides, [&](int64_t i, const auto &off) {
      int64_t value = intOp(op, loadInt(a.dtype, a.data, off[0]),
                            loadInt(b.dtype, b.data, off[1]), isBool);
      storeInt(r.dtype, r.data, i, value);
    });
  }
}

} // namespace

void registerElementWiseKernels(KernelRegistry &registry) {
  registry.add("element_wise", elementWiseKernel);
}

} // namespace kiln
