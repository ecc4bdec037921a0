//===- Contraction.cpp - dot_general and convolution ----------------------===//
//
// Part of Kiln. Contractions: dot_general/dot → `matrix_multiply` (operands
// brought into [batch..., rows, cols] form by transposes and reshapes), and
// convolution in any layout → `tensorrt.convolution`, or
// `tensorrt.deconvolution` when the input is dilated (transposed
// convolution).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

/// A convolution's window attributes, one entry per spatial dimension.
struct ConvWindow {
  SmallVector<int64_t> window, stride, low, high, inputDilation, dilation;
  SmallVector<bool> reversed;

  explicit ConvWindow(shlo::ConvolutionOp op) {
    ArrayRef<int64_t> kernelDims = op.getKernelDims();
    int64_t spatial = static_cast<int64_t>(kernelDims.size()) - 2;
    RankedTensorType kernel = tensorType(op.getRhs());
    for (int64_t i = 0; i < spatial; ++i)
      window.push_back(kernel.getDimSize(kernelDims[i + 2]));
    auto get = [&](std::optional<ArrayRef<int64_t>> values) {
      return values ? SmallVector<int64_t>(values->begin(), values->end())
                    : SmallVector<int64_t>(spatial, 1);
    };
    stride = get(op.getWindowStrides());
    inputDilation = get(op.getLhsDilation());
    dilation = get(op.getRhsDilation());
    low.assign(spatial, 0);
    high.assign(spatial, 0);
    if (auto padding = op.getPadding())
      for (int64_t i = 0; i < spatial; ++i) {
        low[i] = (*padding)[2 * i];
        high[i] = (*padding)[2 * i + 1];
      }
    reversed.assign(spatial, false);
    if (auto reversal = op.getWindowReversal())
      reversed.assign(reversal->begin(), reversal->end());
  }

  bool transposed() const {
    return llvm::any_of(inputDilation, [](int64_t d) { return d != 1; });
  }

  /// The padding of the deconvolution that a convolution of the dilated
  /// input equals: an input element i lands on output i * s + t * d - pre.
  int64_t deconvPre(int64_t i) const {
    return dilation[i] * (window[i] - 1) - low[i];
  }
  int64_t deconvPost(int64_t i) const {
    return dilation[i] * (window[i] - 1) - high[i];
  }
};

/// Why a convolution cannot be converted, or nothing.
static std::optional<std::string> convolutionProblem(shlo::ConvolutionOp op) {
  int64_t spatial = static_cast<int64_t>(op.getInputDims().size()) - 2;
  if (spatial < 1 || spatial > 3)
    return std::string("is supported only with 1 to 3 spatial dimensions");
  if (!isFloat(op.getLhs()) || !tensorType(op.getLhs()).hasStaticShape() ||
      !tensorType(op.getRhs()).hasStaticShape())
    return std::string("is supported only on static floating-point tensors");
  if (op.getBatchGroupCount() != 1 && op.getFeatureGroupCount() != 1)
    return std::string("with both batch_group_count and feature_group_count "
                       "above 1 is not valid");
  return std::nullopt;
}

namespace {

/// One dot_general operand brought into matrix form [batch..., rows, cols]:
/// `outer` dimensions become the rows (lhs) or columns (rhs), `contracting`
/// the other matrix dimension. Returns the matrix and the outer sizes.
struct MatrixOperand {
  Value matrix;
  SmallVector<int64_t> outerSizes;
  trt::MatrixOperation operation = trt::MatrixOperation::kNONE;
};

/// The size of dimensions merged into one: `?` when any of them is.
static int64_t mergedSize(ArrayRef<int64_t> sizes) {
  return llvm::any_of(sizes, ShapedType::isDynamic) ? ShapedType::kDynamic
                                                    : product(sizes);
}

static MatrixOperand toMatrix(OpBuilder &b, Location loc, Value value,
                              ArrayRef<int64_t> batch,
                              ArrayRef<int64_t> contracting, bool isLhs) {
  RankedTensorType type = tensorType(value);
  SmallVector<int64_t> outer;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!llvm::is_contained(batch, d) && !llvm::is_contained(contracting, d))
      outer.push_back(d);
  MatrixOperand result;
  SmallVector<int64_t> batchSizes;
  for (int64_t d : batch)
    batchSizes.push_back(type.getDimSize(d));
  for (int64_t d : outer)
    result.outerSizes.push_back(type.getDimSize(d));
  SmallVector<int64_t> contractingSizes;
  for (int64_t d : contracting)
    contractingSizes.push_back(type.getDimSize(d));

  // lhs wants [batch, outer, contracting], rhs [batch, contracting, outer].
  // When the operand already has the other order, a transposed read
  // (kTRANSPOSE) saves the transpose.
  SmallVector<int64_t> natural(batch), swapped(batch);
  ArrayRef<int64_t> first = isLhs ? ArrayRef<int64_t>(outer) : contracting;
  ArrayRef<int64_t> second = isLhs ? contracting : ArrayRef<int64_t>(outer);
  llvm::append_range(natural, first);
  llvm::append_range(natural, second);
  llvm::append_range(swapped, second);
  llvm::append_range(swapped, first);
  auto isIdentity = [](ArrayRef<int64_t> perm) {
    for (auto [i, d] : llvm::enumerate(perm))
      if (static_cast<int64_t>(i) != d)
        return false;
    return true;
  };
  bool useSwapped = !isIdentity(natural) && isIdentity(swapped);
  ArrayRef<int64_t> perm = useSwapped ? swapped : natural;
  Value permuted = transpose(b, loc, value, perm);

  int64_t rows = mergedSize(isLhs ? ArrayRef<int64_t>(result.outerSizes)
                               : ArrayRef<int64_t>(contractingSizes));
  int64_t cols = mergedSize(isLhs ? ArrayRef<int64_t>(contractingSizes)
                               : ArrayRef<int64_t>(result.outerSizes));
  SmallVector<int64_t> shape(batchSizes);
  if (useSwapped) {
    shape.push_back(cols);
    shape.push_back(rows);
    result.operation = trt::MatrixOperation::kTRANSPOSE;
  } else {
    shape.push_back(rows);
    shape.push_back(cols);
  }
  result.matrix = reshape(b, loc, permuted, shape);
  return result;
}

static Value lowerDot(OpBuilder &b, Location loc, Value lhs, Value rhs,
                      ArrayRef<int64_t> lhsBatch, ArrayRef<int64_t> rhsBatch,
                      ArrayRef<int64_t> lhsContracting,
                      ArrayRef<int64_t> rhsContracting,
                      RankedTensorType resultType) {
  MatrixOperand a = toMatrix(b, loc, lhs, lhsBatch, lhsContracting, true);
  MatrixOperand c = toMatrix(b, loc, rhs, rhsBatch, rhsContracting, false);
  SmallVector<int64_t> productShape;
  for (int64_t d : lhsBatch)
    productShape.push_back(tensorType(lhs).getDimSize(d));
  productShape.push_back(mergedSize(a.outerSizes));
  productShape.push_back(mergedSize(c.outerSizes));
  Value matrix =
      trt::MatrixMultiplyOp::create(b, loc, resultType.clone(productShape),
                                    a.matrix, c.matrix, a.operation,
                                    c.operation)
          .getResult();
  return reshape(b, loc, matrix, resultType.getShape());
}

struct DotGeneralLowering : public StableHLOPattern<shlo::DotGeneralOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DotGeneralOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return lowerDot(rewriter, op.getLoc(), adaptor.getLhs(), adaptor.getRhs(),
                    op.getLhsBatchingDimensions(),
                    op.getRhsBatchingDimensions(),
                    op.getLhsContractingDimensions(),
                    op.getRhsContractingDimensions(),
                    tensorType(op.getResult()));
  }
};

struct DotLowering : public StableHLOPattern<shlo::DotOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DotOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    int64_t lhsRank = tensorType(adaptor.getLhs()).getRank();
    return lowerDot(rewriter, op.getLoc(), adaptor.getLhs(), adaptor.getRhs(),
                    {}, {}, {lhsRank - 1}, {0}, tensorType(op.getResult()));
  }
};

// Convolution

/// `kernel` ([O, I, window...]) reversed along the spatial dimensions where
/// `flip` is set.
static Value reverseWindow(OpBuilder &b, Location loc, Value kernel,
                           ArrayRef<bool> flip) {
  if (!llvm::is_contained(flip, true))
    return kernel;
  ArrayRef<int64_t> shape = tensorType(kernel).getShape();
  SmallVector<int32_t> start(shape.size(), 0), stride(shape.size(), 1);
  for (auto [i, reverse] : llvm::enumerate(flip))
    if (reverse) {
      start[i + 2] = static_cast<int32_t>(shape[i + 2] - 1);
      stride[i + 2] = -1;
    }
  return trt::SliceOp::create(b, loc, kernel, start, toI32(shape), stride)
      .getResult();
}

/// batch_group_count B: batch group j (the j-th run of N / B batch
/// entries) meets output feature group j, which is a feature-grouped
/// convolution of [N / B, B * C, ...] with B groups.
static Value batchGroupsToFeatures(OpBuilder &b, Location loc, Value input,
                                   int64_t groups) {
  ArrayRef<int64_t> shape = tensorType(input).getShape();
  SmallVector<int64_t> split{groups, shape[0] / groups};
  llvm::append_range(split, shape.drop_front());
  SmallVector<int64_t> perm{1, 0};
  for (int64_t d = 2, e = split.size(); d < e; ++d)
    perm.push_back(d);
  SmallVector<int64_t> merged{shape[0] / groups, groups * shape[1]};
  llvm::append_range(merged, shape.drop_front(2));
  return reshape(b, loc, transpose(b, loc, reshape(b, loc, input, split), perm),
                 merged);
}

/// Convolution of [N, C, spatial...] with [O, C / G, window...] into the
/// canonical result type, input not dilated: negative padding crops the
/// input first.
static Value convolve(OpBuilder &b, Location loc, const ConvWindow &w,
                      Value input, Value kernel, int64_t groups,
                      RankedTensorType resultType) {
  int64_t spatial = w.window.size();
  SmallVector<int64_t> cropLow(2, 0), cropHigh(2, 0), pre, post;
  for (int64_t i = 0; i < spatial; ++i) {
    cropLow.push_back(std::min<int64_t>(w.low[i], 0));
    cropHigh.push_back(std::min<int64_t>(w.high[i], 0));
    pre.push_back(std::max<int64_t>(w.low[i], 0));
    post.push_back(std::max<int64_t>(w.high[i], 0));
  }
  input = padTensor(b, loc, input, Value(), cropLow, cropHigh,
                    SmallVector<int64_t>(spatial + 2, 0));
  kernel = reverseWindow(b, loc, kernel, w.reversed);
  return trt::ConvolutionOp::create(b, loc, resultType, input, kernel, Value(),
                                    ElementsAttr(), ElementsAttr(), w.stride,
                                    pre, post, static_cast<uint32_t>(groups),
                                    b.getDenseI64ArrayAttr(w.dilation))
      .getResult();
}

/// Convolution of the dilated input (transposed convolution) as
/// `tensorrt.deconvolution`, which scatters each input element i to the
/// outputs i * s + t * d - pre: that is the convolution with the window
/// reversed, pre = d (k - 1) - low and post = d (k - 1) - high. Padding
/// beyond that (a negative pre or post) only adds zeros at the ends, and
/// window strides keep every stride-th output; one fill-mode slice does
/// both (and all the padding where the deconvolution's own would leave
/// nothing). The kernel goes from [O, I / G, ...] to [I, O / G, ...]. bf16,
/// which the deconvolution kernel lacks, runs in f32: the convolution
/// kernels compute bf16 in f32 and round once, too.
static Value deconvolve(OpBuilder &b, Location loc, const ConvWindow &w,
                        Value input, Value kernel, int64_t groups,
                        RankedTensorType resultType) {
  Type element = resultType.getElementType();
  Type computeType = element.isBF16() ? b.getF32Type() : element;
  input = castTo(b, loc, input, computeType);
  kernel = castTo(b, loc, kernel, computeType);

  SmallVector<bool> flip;
  for (bool reversed : w.reversed)
    flip.push_back(!reversed);
  kernel = reverseWindow(b, loc, kernel, flip);
  ArrayRef<int64_t> kernelShape = tensorType(kernel).getShape();
  int64_t outFeatures = kernelShape[0], inPerGroup = kernelShape[1];
  SmallVector<int64_t> grouped{groups, outFeatures / groups, inPerGroup};
  llvm::append_range(grouped, kernelShape.drop_front(2));
  SmallVector<int64_t> perm{0, 2, 1};
  for (int64_t d = 3, e = grouped.size(); d < e; ++d)
    perm.push_back(d);
  SmallVector<int64_t> swapped{groups * inPerGroup, outFeatures / groups};
  llvm::append_range(swapped, kernelShape.drop_front(2));
  kernel = reshape(b, loc,
                   transpose(b, loc, reshape(b, loc, kernel, grouped), perm),
                   swapped);

  int64_t spatial = w.window.size();
  ArrayRef<int64_t> inShape = tensorType(input).getShape();
  SmallVector<int64_t> pre, post, deconvShape{inShape[0], outFeatures};
  SmallVector<int32_t> start(2, 0), stride(2, 1);
  bool sliced = false;
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t lo = w.deconvPre(i), hi = w.deconvPost(i);
    int64_t full = (inShape[i + 2] - 1) * w.inputDilation[i] +
                   w.dilation[i] * (w.window[i] - 1) + 1;
    int64_t kept = std::max<int64_t>(lo, 0), keptPost = std::max<int64_t>(hi, 0);
    // Padding that would leave the deconvolution empty is all cut by the
    // slice instead.
    if (full - kept - keptPost < 1)
      kept = keptPost = 0;
    pre.push_back(kept);
    post.push_back(keptPost);
    deconvShape.push_back(full - kept - keptPost);
    start.push_back(static_cast<int32_t>(lo - kept));
    stride.push_back(static_cast<int32_t>(w.stride[i]));
    sliced |= lo != kept || deconvShape.back() != resultType.getDimSize(i + 2) ||
              w.stride[i] != 1;
  }
  Value result =
      trt::DeconvolutionOp::create(
          b, loc, resultType.clone(deconvShape).clone(computeType), input,
          kernel, Value(), ElementsAttr(), ElementsAttr(), w.inputDilation,
          pre, post, static_cast<uint32_t>(groups),
          b.getDenseI64ArrayAttr(w.dilation))
          .getResult();
  if (sliced)
    result = trt::SliceOp::create(b, loc, result, start,
                                  toI32(resultType.getShape()), stride,
                                  trt::SliceMode::kFILL)
                 .getResult();
  return castTo(b, loc, result, element);
}

/// Any layout → `tensorrt.convolution` (or `deconvolution`) on
/// [N, C, spatial...] and [K, C/G, window...], by transposes in and out.
struct ConvolutionLowering : public StableHLOPattern<shlo::ConvolutionOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConvolutionOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ArrayRef<int64_t> outputDims = op.getOutputDims();
    Value input = transpose(rewriter, loc, adaptor.getLhs(), op.getInputDims());
    Value kernel =
        transpose(rewriter, loc, adaptor.getRhs(), op.getKernelDims());
    RankedTensorType resultType = tensorType(op.getResult());
    SmallVector<int64_t> canonicalShape;
    for (int64_t d : outputDims)
      canonicalShape.push_back(resultType.getDimSize(d));
    RankedTensorType canonicalType = resultType.clone(canonicalShape);
    int64_t groups = op.getFeatureGroupCount();
    if (op.getBatchGroupCount() != 1) {
      groups = op.getBatchGroupCount();
      input = batchGroupsToFeatures(rewriter, loc, input, groups);
    }
    ConvWindow window(op);
    Value conv = window.transposed()
                     ? deconvolve(rewriter, loc, window, input, kernel, groups,
                                  canonicalType)
                     : convolve(rewriter, loc, window, input, kernel, groups,
                                canonicalType);
    // Result dimension p is canonical dimension c where outputDims[c] = p.
    SmallVector<int64_t> perm(outputDims.size());
    for (auto [c, p] : llvm::enumerate(outputDims))
      perm[p] = c;
    return transpose(rewriter, loc, conv, perm);
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::DotGeneralOp, shlo::DotOp, shlo::ConvolutionOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (isa<shlo::DotGeneralOp, shlo::DotOp>(op) && !isFloat(op->getOperand(0)))
    return std::string("is supported only on floating-point operands (the "
                       "matrix_multiply kernel has no integer form)");
  // The operands and the result are reshaped to and from [batch..., rows,
  // cols] without a shape tensor, which leaves room for one `?` each.
  if (isa<shlo::DotGeneralOp, shlo::DotOp>(op))
    for (Type type : llvm::concat<Type>(op->getOperandTypes(),
                                        op->getResultTypes()))
      if (llvm::count_if(cast<RankedTensorType>(type).getShape(),
                         ShapedType::isDynamic) > 1)
        return std::string("is supported only with at most one dynamic "
                           "(`?`) dimension per operand and result");
  if (auto conv = dyn_cast<shlo::ConvolutionOp>(op))
    return convolutionProblem(conv);
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<DotGeneralLowering, DotLowering, ConvolutionLowering>(
      patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kContractionFamily = {
    "contraction", owns, problem, populate};
