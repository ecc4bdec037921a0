//===- NN.cpp - contractions, windows, normalizations ---------------------===//
//
// Part of Kiln. MatMul, Gemm, Einsum, Conv, ConvTranspose, the pools,
// BatchNormalization, LayerNormalization, InstanceNormalization,
// GroupNormalization, Softmax, LogSoftmax and Resize.
//
//===----------------------------------------------------------------------===//
#include "Importer.h"

#include <cmath>

namespace kiln::onnx_import {

using EW = trt::ElementWiseOperation;
using MO = trt::MatrixOperation;

static constexpr int64_t kDyn = ShapedType::kDynamic;

//===----------------------------------------------------------------------===//
// MatMul, Gemm, Einsum
//===----------------------------------------------------------------------===//

/// numpy matmul: 1-D operands are vectors; batch dimensions broadcast.
static Value matmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                    MO op0 = MO::kNONE, MO op1 = MO::kNONE) {
  int64_t lr = typeOf(lhs).getRank(), rr = typeOf(rhs).getRank();
  if (lr == 1)
    op0 = MO::kVECTOR;
  if (rr == 1)
    op1 = MO::kVECTOR;
  int64_t lBatch = lr - (op0 == MO::kVECTOR ? 1 : 2);
  int64_t rBatch = rr - (op1 == MO::kVECTOR ? 1 : 2);
  int64_t batch = std::max(lBatch, rBatch);
  lhs = expandTo(b, loc, lhs, lr + batch - lBatch);
  rhs = expandTo(b, loc, rhs, rr + batch - rBatch);
  return createInferred<trt::MatrixMultiplyOp>(b, loc, 1, lhs, rhs, op0, op1).getResult();
}

static LogicalResult convertMatMul(NodeContext &ctx) {
  if (!isFloat(ctx.input(0)))
    return ctx.error() << "integer MatMul is not supported";
  ctx.setOutput(0, matmul(ctx.b, ctx.loc, ctx.input(0), ctx.input(1)));
  return success();
}

static LogicalResult convertGemm(NodeContext &ctx) {
  Value a = ctx.input(0), bm = ctx.input(1);
  if (typeOf(a).getRank() != 2 || typeOf(bm).getRank() != 2)
    return ctx.error() << "A and B must be matrices";
  float alpha = ctx.attrFloat("alpha", 1.0f), beta = ctx.attrFloat("beta", 1.0f);
  Value y = matmul(ctx.b, ctx.loc, a, bm,
                   ctx.attrInt("transA", 0) ? MO::kTRANSPOSE : MO::kNONE,
                   ctx.attrInt("transB", 0) ? MO::kTRANSPOSE : MO::kNONE);
  Type e = elementTypeOf(y);
  if (alpha != 1.0f)
    y = elementWise(ctx.b, ctx.loc, EW::kPROD, y, splat(ctx.b, ctx.loc, e, 2, alpha));
  if (ctx.hasInput(2) && beta != 0.0f) {
    Value c = ctx.input(2);
    if (beta != 1.0f)
      c = elementWise(ctx.b, ctx.loc, EW::kPROD, c,
                      splat(ctx.b, ctx.loc, e, typeOf(c).getRank(), beta));
    y = elementWise(ctx.b, ctx.loc, EW::kSUM, y, c);
  }
  ctx.setOutput(0, y);
  return success();
}

static LogicalResult convertEinsum(NodeContext &ctx) {
  std::string equation = ctx.attrString("equation");
  SmallVector<Value> inputs;
  for (size_t i = 0; i < ctx.numInputs(); ++i)
    inputs.push_back(ctx.input(i));
  if (inputs.size() > 2)
    return ctx.error() << "einsum of " << inputs.size()
                       << " inputs; Kiln takes one or two";
  std::string clean;
  for (char c : equation)
    if (c != ' ')
      clean += c;
  ctx.setOutput(0, createInferred<trt::EinsumOp>(ctx.b, ctx.loc, 1, inputs, clean).getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// Windows: Conv, ConvTranspose, pools
//===----------------------------------------------------------------------===//

/// The explicit padding of a window op over `spatial` static sizes, from
/// `pads` or `auto_pad`.
static FailureOr<std::pair<SmallVector<int64_t>, SmallVector<int64_t>>>
windowPadding(NodeContext &ctx, RankedTensorType type, ArrayRef<int64_t> kernel,
              ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations) {
  size_t n = kernel.size();
  SmallVector<int64_t> pre(n, 0), post(n, 0);
  std::string autoPad = ctx.attrString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    std::vector<int64_t> pads = ctx.attrInts("pads");
    if (!pads.empty() && pads.size() != 2 * n)
      return ctx.error() << "expected " << 2 * n << " pads, got " << pads.size();
    for (size_t i = 0; i < n && !pads.empty(); ++i) {
      pre[i] = pads[i];
      post[i] = pads[i + n];
    }
    return std::make_pair(pre, post);
  }
  if (autoPad == "VALID")
    return std::make_pair(pre, post);
  for (size_t i = 0; i < n; ++i) {
    int64_t in = type.getDimSize(2 + i);
    if (in == kDyn)
      return ctx.error() << "auto_pad=" << autoPad
                         << " over a dynamic spatial dimension";
    int64_t out = (in + strides[i] - 1) / strides[i];
    int64_t window = dilations[i] * (kernel[i] - 1) + 1;
    int64_t total = std::max<int64_t>(0, (out - 1) * strides[i] + window - in);
    int64_t small = total / 2, large = total - small;
    pre[i] = autoPad == "SAME_UPPER" ? small : large;
    post[i] = autoPad == "SAME_UPPER" ? large : small;
  }
  return std::make_pair(pre, post);
}

static std::vector<int64_t> attrIntsOr(NodeContext &ctx, StringRef name,
                                       size_t n, int64_t value) {
  std::vector<int64_t> v = ctx.attrInts(name);
  if (v.empty())
    v.assign(n, value);
  return v;
}

/// `bias` (1-D, per channel) added to an [N, C, ...] result.
static Value addChannelBias(OpBuilder &b, Location loc, Value y, Value bias) {
  int64_t rank = typeOf(y).getRank();
  SmallVector<int64_t> shape(rank, 1);
  shape[1] = typeOf(bias).getDimSize(0);
  return elementWise(b, loc, EW::kSUM, y, reshapeTo(b, loc, bias, shape));
}

static LogicalResult convertConv(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  RankedTensorType wType = ctx.inputType(1);
  int64_t spatial = type.getRank() - 2;
  if (spatial < 1 || spatial > 3)
    return ctx.error() << "convolution of " << type
                       << "; Kiln convolves 1 to 3 spatial dimensions";
  if (!wType.hasStaticShape())
    return ctx.error() << "the weights must have a static shape";
  SmallVector<int64_t> kernel(wType.getShape().drop_front(2));
  std::vector<int64_t> strides = attrIntsOr(ctx, "strides", spatial, 1);
  std::vector<int64_t> dilations = attrIntsOr(ctx, "dilations", spatial, 1);
  auto padding = windowPadding(ctx, type, kernel, strides, dilations);
  if (failed(padding))
    return failure();
  int64_t group = ctx.attrInt("group", 1);
  Value w = ctx.input(1);
  Value bias = ctx.hasInput(2) ? ctx.input(2) : Value();
  // 1-D convolution runs as 2-D with a unit height.
  bool oneD = spatial == 1;
  auto lift = [&](Value v) {
    RankedTensorType t = typeOf(v);
    SmallVector<int64_t> shape(t.getShape());
    shape.insert(shape.begin() + 2, 1);
    return reshapeTo(ctx.b, ctx.loc, v, shape);
  };
  auto liftAttr = [&](std::vector<int64_t> v, int64_t unit) {
    if (oneD)
      v.insert(v.begin(), unit);
    return v;
  };
  SmallVector<int64_t> pre = padding->first, post = padding->second;
  if (oneD) {
    x = lift(x);
    w = lift(w);
    pre.insert(pre.begin(), 0);
    post.insert(post.begin(), 0);
  }
  // Result type from the ODS inference.
  std::vector<int64_t> s = liftAttr(strides, 1), d = liftAttr(dilations, 1);
  RankedTensorType xType = typeOf(x), kType = typeOf(w);
  SmallVector<int64_t> outShape = {xType.getDimSize(0), kType.getDimSize(0)};
  for (size_t i = 0; i < s.size(); ++i) {
    int64_t in = xType.getDimSize(2 + i);
    int64_t window = d[i] * (kType.getDimSize(2 + i) - 1) + 1;
    outShape.push_back(in == kDyn ? kDyn
                                  : (in + pre[i] + post[i] - window) / s[i] + 1);
  }
  Value y = trt::ConvolutionOp::create(
                ctx.b, ctx.loc, xType.clone(outShape), x, w, bias,
                ElementsAttr(), ElementsAttr(), ctx.b.getDenseI64ArrayAttr(s),
                ctx.b.getDenseI64ArrayAttr(pre), ctx.b.getDenseI64ArrayAttr(post),
                ctx.b.getUI32IntegerAttr(group), ctx.b.getDenseI64ArrayAttr(d))
                .getResult();
  if (oneD) {
    SmallVector<int64_t> shape(typeOf(y).getShape());
    shape.erase(shape.begin() + 2);
    y = reshapeTo(ctx.b, ctx.loc, y, shape);
  }
  ctx.setOutput(0, y);
  return success();
}

static LogicalResult convertConvTranspose(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  RankedTensorType wType = ctx.inputType(1);
  int64_t spatial = type.getRank() - 2;
  if (spatial < 2 || spatial > 3)
    return ctx.error() << "transposed convolution of " << type
                       << "; Kiln takes 2 or 3 spatial dimensions";
  if (!wType.hasStaticShape())
    return ctx.error() << "the weights must have a static shape";
  if (ctx.hasAttr("output_shape"))
    return ctx.error() << "output_shape is not supported; give pads";
  std::string autoPad = ctx.attrString("auto_pad", "NOTSET");
  if (autoPad != "NOTSET" && autoPad != "VALID")
    return ctx.error() << "auto_pad=" << autoPad << " is not supported";
  SmallVector<int64_t> kernel(wType.getShape().drop_front(2));
  std::vector<int64_t> strides = attrIntsOr(ctx, "strides", spatial, 1);
  std::vector<int64_t> dilations = attrIntsOr(ctx, "dilations", spatial, 1);
  std::vector<int64_t> outPad = attrIntsOr(ctx, "output_padding", spatial, 0);
  std::vector<int64_t> pads = ctx.attrInts("pads");
  if (autoPad == "VALID" || pads.empty())
    pads.assign(2 * spatial, 0);
  SmallVector<int64_t> pre(pads.begin(), pads.begin() + spatial),
      post(pads.begin() + spatial, pads.end());
  // output_padding adds to the far end: take it off the post padding, or
  // pad the result where there is not enough.
  SmallVector<int64_t> extra(spatial, 0);
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t take = std::min(post[i], outPad[i]);
    post[i] -= take;
    extra[i] = outPad[i] - take;
  }
  bool needsExtra = llvm::any_of(extra, [](int64_t e) { return e > 0; });
  int64_t group = ctx.attrInt("group", 1);
  Value w = ctx.input(1);
  Value bias = ctx.hasInput(2) && !needsExtra ? ctx.input(2) : Value();
  SmallVector<int64_t> outShape = {type.getDimSize(0),
                                   wType.getDimSize(1) * group};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t in = type.getDimSize(2 + i);
    outShape.push_back(in == kDyn ? kDyn
                                  : (in - 1) * strides[i] - pre[i] - post[i] +
                                        dilations[i] * (kernel[i] - 1) + 1);
  }
  Value y = trt::DeconvolutionOp::create(
                ctx.b, ctx.loc, type.clone(outShape), x, w, bias, ElementsAttr(),
                ElementsAttr(), ctx.b.getDenseI64ArrayAttr(strides),
                ctx.b.getDenseI64ArrayAttr(pre), ctx.b.getDenseI64ArrayAttr(post),
                ctx.b.getUI32IntegerAttr(group),
                ctx.b.getDenseI64ArrayAttr(dilations))
                .getResult();
  if (needsExtra) {
    RankedTensorType yType = typeOf(y);
    if (!yType.hasStaticShape())
      return ctx.error() << "output_padding over dynamic dimensions";
    SmallVector<int32_t> start(yType.getRank(), 0), size, stride(yType.getRank(), 1);
    for (int64_t dIdx = 0; dIdx < yType.getRank(); ++dIdx)
      size.push_back(static_cast<int32_t>(
          yType.getDimSize(dIdx) + (dIdx >= 2 ? extra[dIdx - 2] : 0)));
    Value zero = constantOf(ctx.b, ctx.loc,
                            RankedTensorType::get({}, yType.getElementType()), {0});
    y = trt::SliceOp::create(ctx.b, ctx.loc, y, start, size, stride,
                             trt::SliceMode::kFILL, zero)
            .getResult();
    if (ctx.hasInput(2))
      y = addChannelBias(ctx.b, ctx.loc, y, ctx.input(2));
  }
  ctx.setOutput(0, y);
  return success();
}

static LogicalResult convertPool(NodeContext &ctx, trt::PoolingType kind) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t spatial = type.getRank() - 2;
  if (spatial < 1 || spatial > 3)
    return ctx.error() << "pooling of " << type;
  std::vector<int64_t> kernel = ctx.attrInts("kernel_shape");
  if (static_cast<int64_t>(kernel.size()) != spatial)
    return ctx.error() << "kernel_shape has " << kernel.size()
                       << " entries for " << spatial << " spatial dimensions";
  std::vector<int64_t> strides = attrIntsOr(ctx, "strides", spatial, 1);
  std::vector<int64_t> dilations = attrIntsOr(ctx, "dilations", spatial, 1);
  if (llvm::any_of(dilations, [](int64_t d) { return d != 1; }))
    return ctx.error() << "dilated pooling is not supported";
  auto padding = windowPadding(ctx, type, kernel, strides, dilations);
  if (failed(padding))
    return failure();
  SmallVector<int64_t> pre = padding->first, post = padding->second;
  if (ctx.attrInt("ceil_mode", 0)) {
    // Extra post padding makes the floor of the window count its ceiling,
    // as long as the last window still starts inside the input.
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t in = type.getDimSize(2 + i);
      if (in == kDyn)
        return ctx.error() << "ceil_mode over a dynamic dimension";
      int64_t span = in + pre[i] + post[i] - kernel[i];
      int64_t out = (span + strides[i] - 1) / strides[i] + 1;
      if ((out - 1) * strides[i] >= in + pre[i])
        --out;
      post[i] += std::max<int64_t>(0, (out - 1) * strides[i] + kernel[i] -
                                          (in + pre[i] + post[i]));
    }
  }
  bool oneD = spatial == 1;
  if (oneD) {
    SmallVector<int64_t> shape(type.getShape());
    shape.insert(shape.begin() + 2, 1);
    x = reshapeTo(ctx.b, ctx.loc, x, shape);
    kernel.insert(kernel.begin(), 1);
    strides.insert(strides.begin(), 1);
    pre.insert(pre.begin(), 0);
    post.insert(post.begin(), 0);
  }
  BoolAttr excludePad;
  if (kind == trt::PoolingType::kAVERAGE)
    excludePad = ctx.b.getBoolAttr(!ctx.attrInt("count_include_pad", 0));
  Value y = createInferred<trt::PoolingOp>(ctx.b, ctx.loc, 1, x, ctx.b.getDenseI64ArrayAttr(kernel),
                ctx.b.getDenseI64ArrayAttr(strides),
                ctx.b.getDenseI64ArrayAttr(pre), ctx.b.getDenseI64ArrayAttr(post),
                kind, FloatAttr(), excludePad)
                .getResult();
  if (oneD) {
    SmallVector<int64_t> shape(typeOf(y).getShape());
    shape.erase(shape.begin() + 2);
    y = reshapeTo(ctx.b, ctx.loc, y, shape);
  }
  ctx.setOutput(0, y);
  return success();
}

/// GlobalAveragePool / GlobalMaxPool: a kept reduction over the spatial
/// dimensions.
static LogicalResult convertGlobalPool(NodeContext &ctx,
                                       trt::ReduceOperation op) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  SmallVector<int64_t> axes, shape(type.getShape());
  for (int64_t d = 2; d < type.getRank(); ++d) {
    axes.push_back(d);
    shape[d] = 1;
  }
  ctx.setOutput(0, trt::ReduceOp::create(ctx.b, ctx.loc, type.clone(shape), x,
                                         axes, true, op)
                       .getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// Normalizations
//===----------------------------------------------------------------------===//

/// `[C]` reshaped to `[1, C, 1, ...]` for a rank-`rank` input.
static Value channelShaped(OpBuilder &b, Location loc, Value v, int64_t rank) {
  SmallVector<int64_t> shape(rank, 1);
  shape[1] = typeOf(v).getDimSize(0);
  return reshapeTo(b, loc, v, shape);
}

static LogicalResult convertBatchNorm(NodeContext &ctx) {
  if (ctx.attrInt("training_mode", 0))
    return ctx.error() << "training_mode=1 is not supported";
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  float eps = ctx.attrFloat("epsilon", 1e-5f);
  std::optional<std::vector<double>> scale = ctx.constantValues(1),
                                     bias = ctx.constantValues(2),
                                     mean = ctx.constantValues(3),
                                     var = ctx.constantValues(4);
  Type e = type.getElementType();
  Value mul, add;
  if (scale && bias && mean && var) {
    // y = x * s + t with s = scale / sqrt(var + eps), t = bias - mean * s.
    std::vector<double> s, t;
    for (size_t c = 0; c < scale->size(); ++c) {
      double k = (*scale)[c] / std::sqrt((*var)[c] + eps);
      s.push_back(k);
      t.push_back((*bias)[c] - (*mean)[c] * k);
    }
    SmallVector<int64_t> shape(rank, 1);
    shape[1] = static_cast<int64_t>(s.size());
    mul = constantOf(ctx.b, ctx.loc, RankedTensorType::get(shape, e), s);
    add = constantOf(ctx.b, ctx.loc, RankedTensorType::get(shape, e), t);
  } else {
    Value sv = channelShaped(ctx.b, ctx.loc, ctx.input(1), rank);
    Value bv = channelShaped(ctx.b, ctx.loc, ctx.input(2), rank);
    Value mv = channelShaped(ctx.b, ctx.loc, ctx.input(3), rank);
    Value vv = channelShaped(ctx.b, ctx.loc, ctx.input(4), rank);
    Value denom = unary(ctx.b, ctx.loc, trt::UnaryOperation::kSQRT,
                        elementWise(ctx.b, ctx.loc, EW::kSUM, vv,
                                    splat(ctx.b, ctx.loc, e, rank, eps)));
    mul = elementWise(ctx.b, ctx.loc, EW::kDIV, sv, denom);
    add = elementWise(ctx.b, ctx.loc, EW::kSUB, bv,
                      elementWise(ctx.b, ctx.loc, EW::kPROD, mv, mul));
  }
  Value y = elementWise(ctx.b, ctx.loc, EW::kSUM,
                        elementWise(ctx.b, ctx.loc, EW::kPROD, x, mul), add);
  ctx.setOutput(0, y);
  return success();
}

static Value normalization(OpBuilder &b, Location loc, Value x, Value scale,
                           Value bias, ArrayRef<int64_t> axes, float eps,
                           std::optional<int32_t> groups = {}) {
  return createInferred<trt::NormalizationOp>(b, loc, 1, x, scale, bias, axes, b.getF32FloatAttr(eps),
             groups ? b.getI32IntegerAttr(*groups) : IntegerAttr())
      .getResult();
}

static LogicalResult convertLayerNorm(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  std::optional<int64_t> axis = normalizeAxis(ctx.attrInt("axis", -1), rank);
  if (!axis)
    return ctx.error() << "axis out of range";
  SmallVector<int64_t> axes, paramShape(rank, 1);
  for (int64_t d = *axis; d < rank; ++d) {
    axes.push_back(d);
    paramShape[d] = type.getDimSize(d);
  }
  if (llvm::is_contained(paramShape, kDyn))
    return ctx.error() << "normalizes over dynamic dimensions of " << type;
  Type e = type.getElementType();
  auto paramType = RankedTensorType::get(paramShape, e);
  Value scale = reshapeTo(ctx.b, ctx.loc, ctx.input(1), paramShape);
  Value bias = ctx.hasInput(2)
                   ? reshapeTo(ctx.b, ctx.loc, ctx.input(2), paramShape)
                   : constantOf(ctx.b, ctx.loc, paramType,
                                std::vector<double>(paramType.getNumElements(), 0));
  ctx.setOutput(0, normalization(ctx.b, ctx.loc, x, scale, bias, axes,
                                 ctx.attrFloat("epsilon", 1e-5f)));
  return success();
}

static LogicalResult convertInstanceNorm(NodeContext &ctx) {
  Value x = ctx.input(0);
  int64_t rank = typeOf(x).getRank();
  SmallVector<int64_t> axes;
  for (int64_t d = 2; d < rank; ++d)
    axes.push_back(d);
  Value scale = channelShaped(ctx.b, ctx.loc, ctx.input(1), rank);
  Value bias = channelShaped(ctx.b, ctx.loc, ctx.input(2), rank);
  ctx.setOutput(0, normalization(ctx.b, ctx.loc, x, scale, bias, axes,
                                 ctx.attrFloat("epsilon", 1e-5f)));
  return success();
}

static LogicalResult convertGroupNorm(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  int64_t groups = ctx.attrInt("num_groups", 1);
  int64_t channels = type.getDimSize(1);
  if (channels == kDyn || groups <= 0 || channels % groups)
    return ctx.error() << "num_groups " << groups << " does not divide the "
                       << channels << " channels";
  SmallVector<int64_t> axes, unitShape(rank, 1);
  for (int64_t d = 2; d < rank; ++d)
    axes.push_back(d);
  unitShape[1] = groups;
  Type e = type.getElementType();
  auto unitType = RankedTensorType::get(unitShape, e);
  Value ones = constantOf(ctx.b, ctx.loc, unitType, std::vector<double>(groups, 1));
  Value zeros = constantOf(ctx.b, ctx.loc, unitType, std::vector<double>(groups, 0));
  Value y = normalization(ctx.b, ctx.loc, x, ones, zeros, axes,
                          ctx.attrFloat("epsilon", 1e-5f),
                          static_cast<int32_t>(groups));
  // Opset 21 scales per channel, opset 18 per group.
  Value scale = ctx.input(1), bias = ctx.input(2);
  if (typeOf(scale).getDimSize(0) != channels) {
    std::optional<std::vector<double>> s = ctx.constantValues(1),
                                       t = ctx.constantValues(2);
    if (!s || !t)
      return ctx.error() << "per-group scale and bias must be constant";
    std::vector<double> sc, tc;
    for (int64_t c = 0; c < channels; ++c) {
      sc.push_back((*s)[c / (channels / groups)]);
      tc.push_back((*t)[c / (channels / groups)]);
    }
    auto type1 = RankedTensorType::get({channels}, e);
    scale = constantOf(ctx.b, ctx.loc, type1, sc);
    bias = constantOf(ctx.b, ctx.loc, type1, tc);
  }
  y = elementWise(ctx.b, ctx.loc, EW::kPROD, y,
                  channelShaped(ctx.b, ctx.loc, scale, rank));
  y = elementWise(ctx.b, ctx.loc, EW::kSUM, y,
                  channelShaped(ctx.b, ctx.loc, bias, rank));
  ctx.setOutput(0, y);
  return success();
}

static LogicalResult convertSoftmax(NodeContext &ctx, bool log) {
  Value x = ctx.input(0);
  int64_t rank = typeOf(x).getRank();
  std::optional<int64_t> axis = normalizeAxis(ctx.attrInt("axis", -1), rank);
  if (!axis)
    return ctx.error() << "axis out of range";
  Value y = createInferred<trt::SoftMaxOp>(ctx.b, ctx.loc, 1, x, *axis).getResult();
  if (log)
    y = unary(ctx.b, ctx.loc, trt::UnaryOperation::kLOG, y);
  ctx.setOutput(0, y);
  return success();
}

//===----------------------------------------------------------------------===//
// Resize
//===----------------------------------------------------------------------===//

static std::optional<std::string> checkResize(const ox::Node &node, int64_t) {
  auto str = [&](StringRef name, StringRef def) {
    const ox::Attribute *a = node.attribute(name);
    return a ? a->s : def.str();
  };
  std::string mode = str("mode", "nearest");
  if (mode != "nearest" && mode != "linear" && mode != "cubic")
    return "mode='" + mode + "' is not supported";
  std::string ct = str("coordinate_transformation_mode", "half_pixel");
  if (ct != "half_pixel" && ct != "asymmetric" && ct != "align_corners" &&
      ct != "pytorch_half_pixel")
    return "coordinate_transformation_mode='" + ct + "' is not supported";
  const ox::Attribute *antialias = node.attribute("antialias");
  if (antialias && antialias->i)
    return std::string("antialias=1 is not supported");
  const ox::Attribute *keep = node.attribute("keep_aspect_ratio_policy");
  if (keep && keep->s != "stretch")
    return "keep_aspect_ratio_policy='" + keep->s + "' is not supported";
  if (node.attribute("axes"))
    return std::string("the axes attribute is not supported");
  return std::nullopt;
}

static LogicalResult convertResize(NodeContext &ctx) {
  Value x = ctx.input(0);
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  SmallVector<int64_t> outShape(type.getShape());
  std::optional<std::vector<double>> scales;
  if (ctx.hasInput(3)) {
    std::optional<std::vector<int64_t>> sizes = ctx.knownInts(3);
    if (!sizes || static_cast<int64_t>(sizes->size()) != rank)
      return ctx.error() << "the sizes must be constant, one per dimension";
    outShape.assign(sizes->begin(), sizes->end());
  } else if (ctx.hasInput(2)) {
    scales = ctx.constantValues(2);
    if (!scales || static_cast<int64_t>(scales->size()) != rank)
      return ctx.error() << "the scales must be constant, one per dimension";
    for (int64_t d = 0; d < rank; ++d)
      outShape[d] = type.isDynamicDim(d)
                        ? kDyn
                        : static_cast<int64_t>(std::floor(
                              type.getDimSize(d) * (*scales)[d]));
  } else {
    return ctx.error() << "neither scales nor sizes is given";
  }
  std::string mode = ctx.attrString("mode", "nearest");
  std::string ct = ctx.attrString("coordinate_transformation_mode", "half_pixel");
  using CT = trt::ResizeCoordinateTransformation;
  CT transform = ct == "asymmetric"      ? CT::kASYMMETRIC
                 : ct == "align_corners" ? CT::kALIGN_CORNERS
                                         : CT::kHALF_PIXEL;
  // pytorch_half_pixel reads coordinate 0 for outputs of size 1.
  trt::ResizeSelector selector = ct == "pytorch_half_pixel"
                                     ? trt::ResizeSelector::kUPPER
                                     : trt::ResizeSelector::kFORMULA;
  // The scales given, when the mapping uses them (ONNX maps with the scale,
  // not the size ratio).
  DenseF32ArrayAttr scalesAttr;
  if (scales && transform != CT::kALIGN_CORNERS) {
    SmallVector<float> f(scales->begin(), scales->end());
    scalesAttr = ctx.b.getDenseF32ArrayAttr(f);
  }
  RankedTensorType resultType = type.clone(outShape);
  Value y;
  if (mode == "nearest") {
    std::string nm = ctx.attrString("nearest_mode", "round_prefer_floor");
    using RM = trt::ResizeRoundMode;
    RM round = nm == "floor"               ? RM::kFLOOR
               : nm == "ceil"              ? RM::kCEIL
               : nm == "round_prefer_ceil" ? RM::kHALF_UP
                                           : RM::kHALF_DOWN;
    y = trt::ResizeNearestOp::create(ctx.b, ctx.loc, resultType, x, Value(),
                                     scalesAttr, transform, selector, round)
            .getResult();
  } else if (mode == "linear") {
    y = trt::ResizeLinearOp::create(ctx.b, ctx.loc, resultType, x, Value(),
                                    scalesAttr, transform, selector)
            .getResult();
  } else {
    y = trt::ResizeCubicOp::create(
            ctx.b, ctx.loc, resultType, x, Value(), scalesAttr, transform,
            selector, APFloat(ctx.attrFloat("cubic_coeff_a", -0.75f)))
            .getResult();
  }
  ctx.setOutput(0, y);
  return success();
}

void registerNN(Registry &r) {
  r["MatMul"] = {convertMatMul, {}};
  r["Gemm"] = {convertGemm, {}};
  r["Einsum"] = {convertEinsum, {}};
  r["Conv"] = {convertConv, {}};
  r["ConvTranspose"] = {convertConvTranspose, {}};
  r["MaxPool"] = {[](NodeContext &ctx) {
                    return convertPool(ctx, trt::PoolingType::kMAX);
                  },
                  [](const ox::Node &node, int64_t) -> std::optional<std::string> {
                    if (node.outputs.size() > 1 && !node.outputs[1].empty())
                      return std::string("the Indices output is not supported");
                    return std::nullopt;
                  }};
  r["AveragePool"] = {[](NodeContext &ctx) {
                        return convertPool(ctx, trt::PoolingType::kAVERAGE);
                      },
                      {}};
  r["GlobalAveragePool"] = {[](NodeContext &ctx) {
                              return convertGlobalPool(ctx, trt::ReduceOperation::kAVG);
                            },
                            {}};
  r["GlobalMaxPool"] = {[](NodeContext &ctx) {
                          return convertGlobalPool(ctx, trt::ReduceOperation::kMAX);
                        },
                        {}};
  r["BatchNormalization"] = {convertBatchNorm, {}};
  r["LayerNormalization"] = {convertLayerNorm, {}};
  r["InstanceNormalization"] = {convertInstanceNorm, {}};
  r["GroupNormalization"] = {convertGroupNorm, {}};
  r["Softmax"] = {[](NodeContext &ctx) { return convertSoftmax(ctx, false); }, {}};
  r["LogSoftmax"] = {[](NodeContext &ctx) { return convertSoftmax(ctx, true); }, {}};
  r["Resize"] = {convertResize, checkResize};
}

} // namespace kiln::onnx_import
