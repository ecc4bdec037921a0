//===- Common.h - shared by the conversion patterns ----------*- C++ -*-===//
//
// Part of Kiln. What every file of the stablehlo/chlo → tensorrt conversion
// shares: small builders of `tensorrt` ops, the pattern base class, and the
// interface of an op family. Each family file (Elementwise.cpp, Shape.cpp,
// ...) says which ops are its own, why it cannot convert a given one, and
// adds its patterns; Support.cpp asks every family in turn.
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_CONVERSION_STABLEHLOTOTENSORRT_COMMON_H
#define KILN_LIB_CONVERSION_STABLEHLOTOTENSORRT_COMMON_H

#include "kiln/Conversion/StableHLOToTensorRT/StableHLOToTensorRT.h"

#include "kiln/Dialect/Sdy/IR/Sdy.h"
#include "kiln/Dialect/StableHLO/IR/StableHLO.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Transforms/DialectConversion.h"

#include <optional>
#include <string>

namespace kiln::stablehlo_to_tensorrt {

using namespace mlir;
namespace shlo = kiln::stablehlo;
namespace trt = kiln::tensorrt;
namespace chlo = kiln::chlo;
namespace sdy = kiln::sdy;
using trt::ElementWiseOperation;
using trt::UnaryOperation;

//===----------------------------------------------------------------------===//
// Small builders
//===----------------------------------------------------------------------===//

inline RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

inline Type elementType(Value value) { return tensorType(value).getElementType(); }

inline bool isFloat(Value value) { return isa<FloatType>(elementType(value)); }

inline bool isBool(Value value) {
  return elementType(value).isSignlessInteger(1);
}

inline Value elementWise(OpBuilder &b, Location loc, ElementWiseOperation op,
                         Value lhs, Value rhs) {
  return trt::ElementWiseOp::create(b, loc, lhs, rhs, op).getResult();
}

inline Value unary(OpBuilder &b, Location loc, UnaryOperation op, Value x) {
  return trt::UnaryOp::create(b, loc, x.getType(), x, op).getResult();
}

inline Value activation(OpBuilder &b, Location loc, trt::ActivationType type,
                        Value x) {
  return trt::ActivationOp::create(b, loc, x.getType(), x, type, FloatAttr(),
                                   FloatAttr())
      .getResult();
}

/// A constant of the same rank as `like` with all dimensions 1, holding
/// `value`; it broadcasts against `like` in `element_wise`.
inline Value splatLike(OpBuilder &b, Location loc, Value like, double value) {
  RankedTensorType type = tensorType(like);
  auto shape = RankedTensorType::get(SmallVector<int64_t>(type.getRank(), 1),
                                     type.getElementType());
  Attribute element;
  if (auto floatType = dyn_cast<FloatType>(type.getElementType()))
    element = FloatAttr::get(floatType, value);
  else
    element = IntegerAttr::get(type.getElementType(), static_cast<int64_t>(value));
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(shape, element))
      .getResult();
}

/// `value` with size-1 dimensions added in front up to `rank`.
inline Value expandTo(OpBuilder &b, Location loc, Value value, int64_t rank) {
  RankedTensorType type = tensorType(value);
  if (type.getRank() == rank)
    return value;
  SmallVector<int64_t> shape(rank - type.getRank(), 1);
  llvm::append_range(shape, type.getShape());
  return trt::ExpandRankOp::create(
             b, loc, RankedTensorType::get(shape, type.getElementType()), value)
      .getResult();
}

inline Value castTo(OpBuilder &b, Location loc, Value value, Type element) {
  if (elementType(value) == element)
    return value;
  return trt::CastOp::create(b, loc, tensorType(value).clone(element), value)
      .getResult();
}

inline Value reshape(OpBuilder &b, Location loc, Value value,
                     ArrayRef<int64_t> shape) {
  RankedTensorType type = tensorType(value);
  if (type.getShape() == shape)
    return value;
  return trt::ReshapeOp::create(b, loc, type.clone(shape), value, Value())
      .getResult();
}

inline Value transpose(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> perm) {
  SmallVector<unsigned> dims(perm.begin(), perm.end());
  bool identity = true;
  for (auto [i, d] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == d;
  if (identity)
    return value;
  RankedTensorType type = tensorType(value);
  SmallVector<int64_t> shape;
  for (int64_t d : perm)
    shape.push_back(type.getDimSize(d));
  return trt::TransposeOp::create(
             b, loc, type.clone(shape), value,
             AffineMap::getPermutationMap(dims, b.getContext()))
      .getResult();
}

/// Element types the Kiln runtime holds.
inline bool isRuntimeType(Type type) {
  return type.isF32() || type.isF16() || type.isBF16() ||
         type.isSignlessInteger(1) || type.isSignlessInteger(8) ||
         type.isSignlessInteger(32) || type.isSignlessInteger(64);
}

inline SmallVector<int32_t> toI32(ArrayRef<int64_t> values) {
  return SmallVector<int32_t>(values.begin(), values.end());
}

inline int64_t product(ArrayRef<int64_t> sizes) {
  return std::accumulate(sizes.begin(), sizes.end(), int64_t(1),
                         std::multiplies<int64_t>());
}

//===----------------------------------------------------------------------===//
// Op families
//===----------------------------------------------------------------------===//

/// Why `op` cannot be converted, or nothing when it can: the element types
/// are checked here, then the family that owns `op` judges its form. The
/// up-front check and every pattern rely on this one answer.
std::optional<std::string> unsupportedReason(Operation *op);

/// The `element_wise` operation of a binary op with a direct counterpart
/// (defined in Elementwise.cpp; reducers use it too).
std::optional<ElementWiseOperation> elementWiseOf(Operation *op);

/// `input` padded as `stablehlo.pad` pads it: `low`/`high` at the ends of
/// each dimension (negative values crop) and `interior` between elements,
/// with the scalar-sized `paddingValue`, or zeros when it is null (defined
/// in Shape.cpp; windows and convolutions pad too).
Value padTensor(OpBuilder &b, Location loc, Value input, Value paddingValue,
                ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                ArrayRef<int64_t> interior);

/// One family of source ops, converted by one file:
///  - `owns`: whether `op` is one of the family's ops;
///  - `problem`: why an owned op cannot be converted, or nothing;
///  - `populate`: adds the family's patterns.
struct Family {
  const char *name;
  bool (*owns)(Operation *op);
  std::optional<std::string> (*problem)(Operation *op);
  void (*populate)(RewritePatternSet &patterns);
};

// The families, one per file (listed in Support.cpp).
extern const Family kElementwiseFamily;    // Elementwise.cpp
extern const Family kConstantFamily;       // Constant.cpp
extern const Family kShapeFamily;          // Shape.cpp
extern const Family kContractionFamily;    // Contraction.cpp
extern const Family kReductionFamily;      // Reduction.cpp
extern const Family kGatherScatterFamily;  // GatherScatter.cpp
extern const Family kSortFamily;           // Sort.cpp
extern const Family kControlFlowFamily;    // ControlFlow.cpp
extern const Family kDynamicShapeFamily;   // DynamicShape.cpp
extern const Family kNormalizationFamily;  // Normalization.cpp
extern const Family kAnnotationFamily;     // Annotation.cpp

//===----------------------------------------------------------------------===//
// Pattern base
//===----------------------------------------------------------------------===//


/// Base for patterns that apply to any op the predicate accepts; refuses
/// the forms `unsupportedReason` rejects.
template <typename SourceOp>
struct StableHLOPattern : public OpConversionPattern<SourceOp> {
  using OpConversionPattern<SourceOp>::OpConversionPattern;
  using OpAdaptor = typename OpConversionPattern<SourceOp>::OpAdaptor;

  LogicalResult
  matchAndRewrite(SourceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const final {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    FailureOr<Value> result = convert(op, adaptor, rewriter);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }

  virtual FailureOr<Value> convert(SourceOp op, OpAdaptor adaptor,
                                   ConversionPatternRewriter &rewriter) const = 0;
};

} // namespace kiln::stablehlo_to_tensorrt

#endif // KILN_LIB_CONVERSION_STABLEHLOTOTENSORRT_COMMON_H
