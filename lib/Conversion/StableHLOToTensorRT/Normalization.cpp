//===- Normalization.cpp - batch_norm_inference ---------------------------===//
//
// Part of Kiln. `stablehlo.batch_norm_inference` normalizes with a given
// mean and variance, which `tensorrt.normalization` (it computes them from
// the input) cannot express; it becomes
// `(x - mean) * (scale / sqrt(variance + epsilon)) + offset`, with the
// per-feature factor computed once on the 1-D parameters and each
// parameter reshaped to broadcast along the feature dimension.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/FormatVariadic.h"

using namespace kiln::stablehlo_to_tensorrt;

namespace {

struct BatchNormInferenceLowering
    : public StableHLOPattern<shlo::BatchNormInferenceOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::BatchNormInferenceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getOperand();
    RankedTensorType type = tensorType(x);
    int64_t feature = op.getFeatureIndex();
    Value variance = adaptor.getVariance();
    // scale / sqrt(variance + epsilon), per feature.
    Value epsilon = trt::ConstantOp::create(
                        rewriter, loc,
                        DenseElementsAttr::get(
                            tensorType(variance).clone(ArrayRef<int64_t>{1}),
                            FloatAttr::get(type.getElementType(),
                                           op.getEpsilon().convertToDouble())))
                        .getResult();
    Value stddev = unary(
        rewriter, loc, UnaryOperation::kSQRT,
        elementWise(rewriter, loc, ElementWiseOperation::kSUM, variance,
                    epsilon));
    Value factor = elementWise(rewriter, loc, ElementWiseOperation::kDIV,
                               adaptor.getScale(), stddev);
    // [C] → [1, ..., C, ..., 1] to broadcast against x.
    SmallVector<int64_t> paramShape(type.getRank(), 1);
    paramShape[feature] = type.getDimSize(feature);
    auto spread = [&](Value param) {
      return reshape(rewriter, loc, param, paramShape);
    };
    Value centered = elementWise(rewriter, loc, ElementWiseOperation::kSUB, x,
                                 spread(adaptor.getMean()));
    Value scaled = elementWise(rewriter, loc, ElementWiseOperation::kPROD,
                               centered, spread(factor));
    return elementWise(rewriter, loc, ElementWiseOperation::kSUM, scaled,
                       spread(adaptor.getOffset()));
  }
};

} // namespace

static bool owns(Operation *op) { return isa<shlo::BatchNormInferenceOp>(op); }

static std::optional<std::string> problem(Operation *op) {
  auto norm = cast<shlo::BatchNormInferenceOp>(op);
  if (!isFloat(norm.getOperand()))
    return "is supported only on floats, got " +
           llvm::formatv("{0}", elementType(norm.getOperand())).str();
  if (tensorType(norm.getOperand()).isDynamicDim(norm.getFeatureIndex()))
    return std::string("is supported only with a feature dimension of known "
                       "size");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<BatchNormInferenceLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kNormalizationFamily = {
    "normalization", owns, problem, populate};
