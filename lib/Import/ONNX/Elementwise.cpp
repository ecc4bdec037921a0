//===- Elementwise.cpp - pointwise ONNX ops --------------------------------===//
//
// Part of Kiln. Binary arithmetic, comparisons and logic (with numpy
// broadcasting), unary math, activations, Cast, Where, Clip and the
// pass-through ops. Integer arithmetic on host-known values (shape math) is
// folded at import time.
//
//===----------------------------------------------------------------------===//
#include "Importer.h"

#include <cmath>

namespace kiln::onnx_import {

using EW = trt::ElementWiseOperation;
using UO = trt::UnaryOperation;
using AT = trt::ActivationType;

/// Numpy broadcast of two shapes, or nothing when they do not broadcast.
static std::optional<std::vector<int64_t>>
broadcastShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  std::vector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t y = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (x != y && x != 1 && y != 1)
      return std::nullopt;
    out[i] = x == 1 ? y : x;
  }
  return out;
}

/// The flat index into `shape` (right-aligned in `out`) of the element at
/// flat index `i` of the broadcast shape `out`.
static int64_t broadcastIndex(int64_t i, ArrayRef<int64_t> out,
                              ArrayRef<int64_t> shape) {
  int64_t index = 0, stride = 1;
  for (int64_t d = static_cast<int64_t>(out.size()) - 1,
               s = static_cast<int64_t>(shape.size()) - 1;
       d >= 0; --d, --s) {
    int64_t coord = i % out[d];
    i /= out[d];
    if (s >= 0) {
      if (shape[s] != 1)
        index += coord * stride;
      stride *= shape[s];
    }
  }
  return index;
}

using HostFn = std::function<std::optional<int64_t>(int64_t, int64_t)>;

/// `fn` applied on the host to two known integer tensors; entries where an
/// operand is unknown (or `fn` declines) stay unknown.
static std::optional<Known> foldBinary(const Known &a, const Known &b,
                                       const HostFn &fn) {
  std::optional<std::vector<int64_t>> shape = broadcastShapes(a.shape, b.shape);
  if (!shape)
    return std::nullopt;
  int64_t count = 1;
  for (int64_t d : *shape)
    count *= d;
  if (count > 4096)
    return std::nullopt;
  Known out;
  out.shape = *shape;
  for (int64_t i = 0; i < count; ++i) {
    const auto &x = a.values[broadcastIndex(i, *shape, a.shape)];
    const auto &y = b.values[broadcastIndex(i, *shape, b.shape)];
    out.values.push_back(x && y ? fn(*x, *y) : std::nullopt);
  }
  return out;
}

static std::optional<int64_t> hostArith(EW op, int64_t x, int64_t y) {
  switch (op) {
  case EW::kSUM:
    return x + y;
  case EW::kSUB:
    return x - y;
  case EW::kPROD:
    return x * y;
  case EW::kDIV:
    if (y == 0)
      return std::nullopt;
    return x / y; // truncates, like ONNX integer Div
  case EW::kMAX:
    return std::max(x, y);
  case EW::kMIN:
    return std::min(x, y);
  case EW::kEQUAL:
    return x == y;
  case EW::kGREATER:
    return x > y;
  case EW::kLESS:
    return x < y;
  default:
    return std::nullopt;
  }
}

/// Converts a binary op; integer operands with host-known values fold.
static LogicalResult convertBinaryWith(NodeContext &ctx, EW op, Value lhs,
                                       Value rhs, const Known *kl,
                                       const Known *kr, size_t output) {
  bool compare = op == EW::kEQUAL || op == EW::kGREATER || op == EW::kLESS;
  Type element = elementTypeOf(lhs);
  if (element != elementTypeOf(rhs))
    return ctx.error() << "operands have different element types "
                       << elementTypeOf(lhs) << " and " << elementTypeOf(rhs);
  std::optional<Known> folded;
  if (kl && kr && element.isSignlessInteger() && !element.isInteger(1))
    folded = foldBinary(*kl, *kr, [op](int64_t x, int64_t y) {
      return hostArith(op, x, y);
    });
  Value result = elementWise(ctx.b, ctx.loc, op, lhs, rhs);
  if (folded && folded->isFull()) {
    ctx.setKnownOutput(output, typeOf(result), *folded);
    result.getDefiningOp()->erase();
    return success();
  }
  (void)compare;
  ctx.setOutput(output, result, folded);
  return success();
}

/// Like `convertBinaryWith` on inputs 0 and 1, but folds before any
/// run-time value is materialized.
static LogicalResult convertBinary(NodeContext &ctx, EW op) {
  const Known *kl = ctx.known(0), *kr = ctx.known(1);
  Type element = ctx.inputType(0).getElementType();
  if (kl && kr && kl->isFull() && kr->isFull() && element.isSignlessInteger() &&
      !element.isInteger(1)) {
    std::optional<Known> folded = foldBinary(
        *kl, *kr, [op](int64_t x, int64_t y) { return hostArith(op, x, y); });
    if (folded && folded->isFull()) {
      bool compare = op == EW::kEQUAL || op == EW::kGREATER || op == EW::kLESS;
      ctx.setKnownOutput(0,
                         RankedTensorType::get(folded->shape,
                                               compare ? ctx.b.getI1Type()
                                                       : element),
                         *folded);
      return success();
    }
  }
  return convertBinaryWith(ctx, op, ctx.input(0), ctx.input(1), kl, kr, 0);
}

/// `>=` and `<=`: the negation of `<` and `>`.
static LogicalResult convertNegatedCompare(NodeContext &ctx, EW op) {
  Value cmp = elementWise(ctx.b, ctx.loc, op, ctx.input(0), ctx.input(1));
  ctx.setOutput(0, unary(ctx.b, ctx.loc, UO::kNOT, cmp));
  return success();
}

/// Max, Min, Sum, Mean: any number of inputs.
static LogicalResult convertVariadic(NodeContext &ctx, EW op, bool mean) {
  Value acc = ctx.input(0);
  for (size_t i = 1; i < ctx.numInputs(); ++i)
    acc = elementWise(ctx.b, ctx.loc, op, acc, ctx.input(i));
  if (mean && ctx.numInputs() > 1)
    acc = elementWise(ctx.b, ctx.loc, EW::kDIV, acc,
                      splat(ctx.b, ctx.loc, elementTypeOf(acc),
                            typeOf(acc).getRank(),
                            static_cast<double>(ctx.numInputs())));
  ctx.setOutput(0, acc);
  return success();
}

static Value activation(NodeContext &ctx, Value x, AT type,
                        std::optional<float> alpha = {},
                        std::optional<float> beta = {}) {
  FloatAttr a = alpha ? ctx.b.getF32FloatAttr(*alpha) : FloatAttr();
  FloatAttr bt = beta ? ctx.b.getF32FloatAttr(*beta) : FloatAttr();
  return trt::ActivationOp::create(ctx.b, ctx.loc, x.getType(), x, type, a, bt)
      .getResult();
}

static std::optional<std::string> floatOnly(NodeContext &ctx) {
  if (!isa<FloatType>(ctx.inputType(0).getElementType()))
    return std::string("takes a floating-point input");
  return std::nullopt;
}

static LogicalResult convertCast(NodeContext &ctx, Type to) {
  RankedTensorType type = ctx.inputType(0);
  if (const Known *k = ctx.known(0))
    if (k->isFull() && to.isSignlessInteger() &&
        type.getElementType().isSignlessInteger()) {
      Known out = *k;
      if (to.isInteger(1))
        for (auto &v : out.values)
          v = *v != 0;
      if (to.isInteger(32))
        for (auto &v : out.values)
          v = static_cast<int32_t>(*v);
      ctx.setKnownOutput(0, type.clone(to), out);
      return success();
    }
  Value x = ctx.input(0);
  if (type.getElementType() == to) {
    ctx.setOutput(0, x, ctx.known(0) ? std::optional<Known>(*ctx.known(0))
                                     : std::nullopt);
    return success();
  }
  std::optional<Known> known;
  if (ctx.known(0) && to.isSignlessInteger() && !to.isInteger(1))
    known = *ctx.known(0);
  Value result;
  if (to.isInteger(1) && isa<FloatType>(type.getElementType())) {
    // Non-zero is true.
    result = unary(ctx.b, ctx.loc, UO::kNOT,
                   elementWise(ctx.b, ctx.loc, EW::kEQUAL, x,
                               splat(ctx.b, ctx.loc, type.getElementType(),
                                     type.getRank(), 0.0)));
  } else {
    result = trt::CastOp::create(ctx.b, ctx.loc, type.clone(to), x).getResult();
  }
  ctx.setOutput(0, result, known);
  return success();
}

static LogicalResult convertClip(NodeContext &ctx) {
  Value x = ctx.input(0);
  std::optional<double> lo, hi;
  for (size_t i : {1, 2}) {
    if (!ctx.hasInput(i))
      continue;
    std::optional<std::vector<double>> v = ctx.constantValues(i);
    if (!v || v->size() != 1) {
      // A run-time bound: max then min.
      Value bound = ctx.input(i);
      x = elementWise(ctx.b, ctx.loc, i == 1 ? EW::kMAX : EW::kMIN, x, bound);
      continue;
    }
    (i == 1 ? lo : hi) = v->front();
  }
  Type element = elementTypeOf(x);
  if (isa<FloatType>(element) && lo && hi) {
    ctx.setOutput(0, activation(ctx, x, AT::kCLIP, *lo, *hi));
    return success();
  }
  int64_t rank = typeOf(x).getRank();
  if (lo)
    x = elementWise(ctx.b, ctx.loc, EW::kMAX, x,
                    splat(ctx.b, ctx.loc, element, rank, *lo));
  if (hi)
    x = elementWise(ctx.b, ctx.loc, EW::kMIN, x,
                    splat(ctx.b, ctx.loc, element, rank, *hi));
  ctx.setOutput(0, x);
  return success();
}

static LogicalResult convertWhere(NodeContext &ctx) {
  Value cond = ctx.input(0), x = ctx.input(1), y = ctx.input(2);
  int64_t rank = std::max({typeOf(cond).getRank(), typeOf(x).getRank(),
                           typeOf(y).getRank()});
  cond = expandTo(ctx.b, ctx.loc, cond, rank);
  x = expandTo(ctx.b, ctx.loc, x, rank);
  y = expandTo(ctx.b, ctx.loc, y, rank);
  ctx.setOutput(0, createInferred<trt::SelectOp>(ctx.b, ctx.loc, 1, cond, x, y).getResult());
  return success();
}

/// `a mod b` with the sign of the divisor (fmod = 0, integers):
/// a - floor_div(a, b) * b.
static LogicalResult convertMod(NodeContext &ctx) {
  Value a = ctx.input(0), b = ctx.input(1);
  Value q = elementWise(ctx.b, ctx.loc, EW::kFLOOR_DIV, a, b);
  Value r = elementWise(ctx.b, ctx.loc, EW::kSUB, a,
                        elementWise(ctx.b, ctx.loc, EW::kPROD, q, b));
  ctx.setOutput(0, r);
  return success();
}

void registerElementwise(Registry &r) {
  auto binary = [&](const char *name, EW op) {
    r[name] = {[op](NodeContext &ctx) { return convertBinary(ctx, op); }, {}};
  };
  binary("Add", EW::kSUM);
  binary("Sub", EW::kSUB);
  binary("Mul", EW::kPROD);
  binary("Div", EW::kDIV);
  binary("Pow", EW::kPOW);
  binary("Equal", EW::kEQUAL);
  binary("Greater", EW::kGREATER);
  binary("Less", EW::kLESS);
  binary("And", EW::kAND);
  binary("Or", EW::kOR);
  binary("Xor", EW::kXOR);
  r["GreaterOrEqual"] = {
      [](NodeContext &ctx) { return convertNegatedCompare(ctx, EW::kLESS); }, {}};
  r["LessOrEqual"] = {
      [](NodeContext &ctx) { return convertNegatedCompare(ctx, EW::kGREATER); },
      {}};
  r["Max"] = {[](NodeContext &ctx) { return convertVariadic(ctx, EW::kMAX, false); }, {}};
  r["Min"] = {[](NodeContext &ctx) { return convertVariadic(ctx, EW::kMIN, false); }, {}};
  r["Sum"] = {[](NodeContext &ctx) { return convertVariadic(ctx, EW::kSUM, false); }, {}};
  r["Mean"] = {[](NodeContext &ctx) { return convertVariadic(ctx, EW::kSUM, true); }, {}};
  r["Mod"] = {convertMod, [](const ox::Node &node, int64_t) -> std::optional<std::string> {
                const ox::Attribute *fmod = node.attribute("fmod");
                if (fmod && fmod->i)
                  return std::string("fmod=1 (C fmod) is not supported");
                return std::nullopt;
              }};

  auto unaryOp = [&](const char *name, UO op) {
    r[name] = {[op](NodeContext &ctx) {
                 ctx.setOutput(0, unary(ctx.b, ctx.loc, op, ctx.input(0)));
                 return success();
               },
               {}};
  };
  unaryOp("Exp", UO::kEXP);
  unaryOp("Log", UO::kLOG);
  unaryOp("Sqrt", UO::kSQRT);
  unaryOp("Reciprocal", UO::kRECIP);
  unaryOp("Abs", UO::kABS);
  unaryOp("Neg", UO::kNEG);
  unaryOp("Sin", UO::kSIN);
  unaryOp("Cos", UO::kCOS);
  unaryOp("Tan", UO::kTAN);
  unaryOp("Sinh", UO::kSINH);
  unaryOp("Cosh", UO::kCOSH);
  unaryOp("Asin", UO::kASIN);
  unaryOp("Acos", UO::kACOS);
  unaryOp("Atan", UO::kATAN);
  unaryOp("Asinh", UO::kASINH);
  unaryOp("Acosh", UO::kACOSH);
  unaryOp("Atanh", UO::kATANH);
  unaryOp("Ceil", UO::kCEIL);
  unaryOp("Floor", UO::kFLOOR);
  unaryOp("Erf", UO::kERF);
  unaryOp("Not", UO::kNOT);
  unaryOp("Sign", UO::kSIGN);
  unaryOp("Round", UO::kROUND);

  auto act = [&](const char *name, AT type, std::optional<float> alpha,
                 std::optional<float> beta, const char *alphaName = "alpha",
                 const char *betaName = "beta") {
    r[name] = {[=](NodeContext &ctx) -> LogicalResult {
                 if (std::optional<std::string> why = floatOnly(ctx))
                   return ctx.error() << *why;
                 std::optional<float> a, bt;
                 if (alpha)
                   a = ctx.attrFloat(alphaName, *alpha);
                 if (beta)
                   bt = ctx.attrFloat(betaName, *beta);
                 ctx.setOutput(0, activation(ctx, ctx.input(0), type, a, bt));
                 return success();
               },
               {}};
  };
  r["Relu"] = {[](NodeContext &ctx) {
                 ctx.setOutput(0, activation(ctx, ctx.input(0), AT::kRELU));
                 return success();
               },
               {}};
  act("Sigmoid", AT::kSIGMOID, {}, {});
  act("Tanh", AT::kTANH, {}, {});
  act("LeakyRelu", AT::kLEAKY_RELU, 0.01f, {});
  act("Elu", AT::kELU, 1.0f, {});
  act("Selu", AT::kSELU, 1.67326319217681884765625f, 1.05070102214813232421875f,
      "alpha", "gamma");
  act("Softsign", AT::kSOFTSIGN, {}, {});
  act("HardSigmoid", AT::kHARD_SIGMOID, 0.2f, 0.5f);
  act("ThresholdedRelu", AT::kTHRESHOLDED_RELU, 1.0f, {});
  r["Softplus"] = {[](NodeContext &ctx) {
                     ctx.setOutput(0, activation(ctx, ctx.input(0),
                                                 AT::kSOFTPLUS, 1.0f, 1.0f));
                     return success();
                   },
                   {}};
  r["Gelu"] = {[](NodeContext &ctx) {
                 bool tanh = ctx.attrString("approximate", "none") == "tanh";
                 ctx.setOutput(0, activation(ctx, ctx.input(0),
                                             tanh ? AT::kGELU_TANH
                                                  : AT::kGELU_ERF));
                 return success();
               },
               [](const ox::Node &node, int64_t) -> std::optional<std::string> {
                 const ox::Attribute *a = node.attribute("approximate");
                 if (a && a->s != "none" && a->s != "tanh")
                   return "approximate='" + a->s + "' is not 'none' or 'tanh'";
                 return std::nullopt;
               }};
  r["HardSwish"] = {[](NodeContext &ctx) {
                      Value x = ctx.input(0);
                      Value gate = activation(ctx, x, AT::kHARD_SIGMOID,
                                              1.0f / 6.0f, 0.5f);
                      ctx.setOutput(0, elementWise(ctx.b, ctx.loc, EW::kPROD, x, gate));
                      return success();
                    },
                    {}};
  r["Mish"] = {[](NodeContext &ctx) {
                 Value x = ctx.input(0);
                 Value sp = activation(ctx, x, AT::kSOFTPLUS, 1.0f, 1.0f);
                 ctx.setOutput(0, elementWise(ctx.b, ctx.loc, EW::kPROD, x,
                                              activation(ctx, sp, AT::kTANH)));
                 return success();
               },
               {}};
  r["Celu"] = {[](NodeContext &ctx) {
                 // max(0, x) + min(0, alpha * (exp(x / alpha) - 1))
                 float alpha = ctx.attrFloat("alpha", 1.0f);
                 Value x = ctx.input(0);
                 Type e = elementTypeOf(x);
                 int64_t rank = typeOf(x).getRank();
                 Value scaled = elementWise(ctx.b, ctx.loc, EW::kDIV, x,
                                            splat(ctx.b, ctx.loc, e, rank, alpha));
                 Value elu = elementWise(ctx.b, ctx.loc, EW::kPROD,
                                         activation(ctx, scaled, AT::kELU, 1.0f),
                                         splat(ctx.b, ctx.loc, e, rank, alpha));
                 ctx.setOutput(0, elu);
                 return success();
               },
               {}};
  r["PRelu"] = {[](NodeContext &ctx) {
                  Value x = ctx.input(0);
                  Value slope =
                      expandTo(ctx.b, ctx.loc, ctx.input(1), typeOf(x).getRank());
                  ctx.setOutput(0, trt::ParametricReLUOp::create(
                                       ctx.b, ctx.loc, x.getType(), x, slope)
                                       .getResult());
                  return success();
                },
                {}};
  r["Clip"] = {convertClip, {}};
  r["Where"] = {convertWhere, {}};

  auto castCheck = [](const ox::Node &node, int64_t) -> std::optional<std::string> {
    const ox::Attribute *to = node.attribute("to");
    if (!to)
      return std::string("has no 'to' attribute");
    auto t = static_cast<ox::DataType>(to->i);
    if (t != ox::DataType::Float && t != ox::DataType::Float16 &&
        t != ox::DataType::BFloat16 && t != ox::DataType::Int64 &&
        t != ox::DataType::Int32 && t != ox::DataType::Int8 &&
        t != ox::DataType::UInt8 && t != ox::DataType::Bool)
      return "casts to " + ox::dataTypeName(static_cast<int32_t>(to->i)) +
             ", which Kiln does not hold";
    return std::nullopt;
  };
  r["Cast"] = {[](NodeContext &ctx) {
                 return convertCast(ctx, elementTypeFor(ctx.b.getContext(),
                                                        ctx.attrInt("to", 1)));
               },
               castCheck};
  r["CastLike"] = {[](NodeContext &ctx) {
                     return convertCast(ctx, ctx.inputType(1).getElementType());
                   },
                   {}};
  auto passThrough = [](NodeContext &ctx) {
    const Known *k = ctx.known(0);
    std::optional<Known> known = k ? std::optional<Known>(*k) : std::nullopt;
    if (k && k->isFull()) {
      ctx.setKnownOutput(0, ctx.inputType(0), *k);
      return success();
    }
    ctx.setOutput(0, ctx.input(0), known);
    return success();
  };
  r["Identity"] = {passThrough, {}};
  // Inference: dropout passes its input through; the mask output is not
  // produced.
  r["Dropout"] = {passThrough, {}};
}

} // namespace kiln::onnx_import
