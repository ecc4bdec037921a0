//===- Quantization.cpp - QuantizeLinear and DequantizeLinear --------------===//
//
// Part of Kiln. ONNX's Q/DQ ops map onto `tensorrt.quantize` and
// `tensorrt.dequantize`: per-tensor (scalar scale), per-axis (1-D scale and
// `axis`) and, from opset 21, blocked (`block_size`) quantization to int8,
// int4 or float8 (E4M3FN). Kiln's quantization is symmetric: a zero point,
// when given, must be all zeros.
//
//===----------------------------------------------------------------------===//
#include "Importer.h"

namespace kiln::onnx_import {

/// Checks the zero point (input 2) and returns the quantized element type
/// it implies (int8 when there is none, as ONNX's uint8 default is not
/// symmetric).
static FailureOr<Type> quantizedType(NodeContext &ctx, bool quantize) {
  Type element;
  if (ctx.hasInput(2)) {
    element = ctx.inputType(2).getElementType();
    std::optional<std::vector<double>> zp = ctx.constantValues(2);
    if (!zp)
      return ctx.error() << "the zero point must be a constant";
    if (llvm::any_of(*zp, [](double v) { return v != 0; }))
      return ctx.error() << "a non-zero zero point (asymmetric quantization) "
                            "is not supported; Kiln quantizes symmetrically";
  } else if (quantize) {
    int64_t dtype = ctx.attrInt("output_dtype", 0);
    element = dtype ? elementTypeFor(ctx.b.getContext(), dtype)
                    : ctx.b.getI8Type();
  } else {
    element = ctx.inputType(0).getElementType();
  }
  if (!element || (!element.isSignlessInteger(8) && !element.isInteger(4) &&
                   !isa<Float8E4M3FNType>(element)))
    return ctx.error() << "quantized type "
                       << (element ? element : ctx.b.getNoneType())
                       << " is not supported (int8, int4 or float8e4m3fn)";
  return element;
}

/// The scale operand and axis attribute: 0-D per tensor, 1-D per axis, or
/// the input's rank for blocks.
static FailureOr<std::pair<Value, IntegerAttr>>
scaleAndAxis(NodeContext &ctx, RankedTensorType inputType) {
  Value scale = ctx.input(1);
  RankedTensorType scaleType = typeOf(scale);
  int64_t rank = inputType.getRank();
  if (scaleType.getNumElements() == 1 && scaleType.getRank() <= 1 &&
      !ctx.attrInt("block_size", 0)) {
    return std::make_pair(reshapeTo(ctx.b, ctx.loc, scale, {}), IntegerAttr());
  }
  std::optional<int64_t> axis = normalizeAxis(ctx.attrInt("axis", 1), rank);
  if (!axis)
    return ctx.error() << "axis out of range for rank " << rank;
  if (scaleType.getRank() == 1 && !ctx.attrInt("block_size", 0))
    return std::make_pair(scale, ctx.b.getI32IntegerAttr(*axis));
  if (scaleType.getRank() == rank)
    return std::make_pair(scale, ctx.b.getI32IntegerAttr(*axis));
  return ctx.error() << "scale of type " << scaleType
                     << " fits neither per-tensor, per-axis nor blocked "
                        "quantization";
}

static LogicalResult convertQuantize(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  if (type.getRank() == 0)
    x = expandTo(ctx.b, ctx.loc, x, 1);
  FailureOr<Type> element = quantizedType(ctx, true);
  if (failed(element))
    return failure();
  auto scale = scaleAndAxis(ctx, typeOf(x));
  if (failed(scale))
    return failure();
  Value s = castTo(ctx.b, ctx.loc, scale->first, typeOf(x).getElementType());
  Value q = trt::QuantizeOp::create(ctx.b, ctx.loc, typeOf(x).clone(*element),
                                    x, s, scale->second)
                .getResult();
  if (type.getRank() == 0)
    q = reshapeTo(ctx.b, ctx.loc, q, {});
  ctx.setOutput(0, q);
  return success();
}

static LogicalResult convertDequantize(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  if (type.getRank() == 0)
    x = expandTo(ctx.b, ctx.loc, x, 1);
  if (failed(quantizedType(ctx, false)))
    return failure();
  auto scale = scaleAndAxis(ctx, typeOf(x));
  if (failed(scale))
    return failure();
  Value s = scale->first;
  Value y = trt::DequantizeOp::create(
                ctx.b, ctx.loc, typeOf(x).clone(elementTypeOf(s)), x, s,
                scale->second)
                .getResult();
  if (type.getRank() == 0)
    y = reshapeTo(ctx.b, ctx.loc, y, {});
  ctx.setOutput(0, y);
  return success();
}

void registerQuantization(Registry &r) {
  auto check = [](const ox::Node &node, int64_t) -> std::optional<std::string> {
    const ox::Attribute *saturate = node.attribute("saturate");
    if (saturate && !saturate->i)
      return std::string("saturate=0 is not supported");
    return std::nullopt;
  };
  r["QuantizeLinear"] = {convertQuantize, check};
  r["DequantizeLinear"] = {convertDequantize, check};
}

} // namespace kiln::onnx_import
