//===- Constant.cpp - constants and iota ----------------------------------===//
//
// Part of Kiln. `stablehlo.constant` and `stablehlo.iota`.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace kiln::stablehlo_to_tensorrt;

namespace {

struct ConstantLowering : public StableHLOPattern<shlo::ConstantOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConstantOp op, OpAdaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return trt::ConstantOp::create(rewriter, op.getLoc(), op.getValue())
        .getResult();
  }
};

/// A static iota becomes the constant it always produces.
struct IotaLowering : public StableHLOPattern<shlo::IotaOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::IotaOp op, OpAdaptor,
                           ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = tensorType(op.getResult());
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    ArrayRef<int64_t> shape = type.getShape();
    int64_t dim = op.getIotaDimension();
    int64_t inner = 1;
    for (int64_t d = dim + 1; d < type.getRank(); ++d)
      inner *= shape[d];
    SmallVector<Attribute> values;
    values.reserve(type.getNumElements());
    for (int64_t i = 0; i < type.getNumElements(); ++i) {
      int64_t index = (i / inner) % shape[dim];
      if (auto floatType = dyn_cast<FloatType>(type.getElementType()))
        values.push_back(FloatAttr::get(floatType, double(index)));
      else
        values.push_back(IntegerAttr::get(type.getElementType(), index));
    }
    return trt::ConstantOp::create(rewriter, op.getLoc(),
                                   DenseElementsAttr::get(type, values))
        .getResult();
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::ConstantOp, shlo::IotaOp>(op);
}

static std::optional<std::string> problem(Operation *) { return std::nullopt; }

static void populate(RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, IotaLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kConstantFamily = {
    "constant", owns, problem, populate};
