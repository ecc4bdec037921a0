//===- Constant.cpp - constants and iota ----------------------------------===//
//
// Part of Kiln. `stablehlo.constant` and `stablehlo.iota`. Constants come
// as `dense<...>` or, from tools that keep large values out of line, as
// `dense_resource<key>` with the bytes in the file's
// `{-# dialect_resources: { builtin: { key: "0x..." } } #-}` section; both
// become a `tensorrt.constant` holding the values.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/Support/FormatVariadic.h"

using namespace kiln::stablehlo_to_tensorrt;

/// Bytes one element of `type` takes in a `dense_resource` blob: `i1` is
/// one byte per element there (unlike `dense<...>`, which packs bits).
static int64_t resourceElementBytes(Type type) {
  return (type.getIntOrFloatBitWidth() + 7) / 8;
}

/// Why the values of a `dense_resource` constant cannot be read, or nothing.
static std::optional<std::string>
resourceProblem(DenseResourceElementsAttr attr) {
  DenseResourceElementsHandle handle = attr.getRawHandle();
  StringRef key = handle.getKey();
  const AsmResourceBlob *blob = handle.getBlob();
  if (!blob && key == "__elided__")
    return std::string(
        "holds `dense_resource<__elided__>`: its values were left out when "
        "the program was printed (a large_elements_limit); print the module "
        "without one, e.g. with `jax.jit(f).lower(...).as_text()`");
  if (!blob)
    return llvm::formatv("holds `dense_resource<{0}>`, but the file has no "
                         "blob '{0}' in its `{{-# dialect_resources: {{ "
                         "builtin: ... } #-}` section",
                         key)
        .str();
  ShapedType type = attr.getType();
  int64_t expected =
      type.getNumElements() * resourceElementBytes(type.getElementType());
  int64_t actual = blob->getData().size();
  if (actual != expected)
    return llvm::formatv("holds `dense_resource<{0}>` with {1} bytes, but {2} "
                         "needs {3}",
                         key, actual, type, expected)
        .str();
  return std::nullopt;
}

/// The values of a readable `dense_resource` constant. The blob holds them
/// in the byte order of the machine that wrote it, read as this machine's
/// (as MLIR itself does).
static DenseElementsAttr resourceValues(DenseResourceElementsAttr attr) {
  auto type = cast<ShapedType>(attr.getType());
  ArrayRef<char> data = attr.getRawHandle().getBlob()->getData();
  if (!type.getElementType().isInteger(1))
    return DenseElementsAttr::getFromRawBuffer(type, data);
  SmallVector<bool> bits;
  bits.reserve(data.size());
  for (char byte : data)
    bits.push_back(byte != 0);
  return DenseElementsAttr::get(type, bits);
}

namespace {

struct ConstantLowering : public StableHLOPattern<shlo::ConstantOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConstantOp op, OpAdaptor,
                           ConversionPatternRewriter &rewriter) const override {
    ElementsAttr value = op.getValue();
    if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
      value = resourceValues(resource);
    return trt::ConstantOp::create(rewriter, op.getLoc(), value).getResult();
  }
};

/// A static iota becomes the constant it always produces.
struct IotaLowering : public StableHLOPattern<shlo::IotaOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::IotaOp op, OpAdaptor,
                           ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = tensorType(op.getResult());
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

static std::optional<std::string> problem(Operation *op) {
  if (auto iota = dyn_cast<shlo::IotaOp>(op)) {
    if (!tensorType(iota.getResult()).hasStaticShape())
      return std::string("needs a static shape (a `?` iota is "
                         "`stablehlo.dynamic_iota`)");
    return std::nullopt;
  }
  ElementsAttr value = cast<shlo::ConstantOp>(op).getValue();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    return resourceProblem(resource);
  if (!isa<DenseElementsAttr>(value))
    return std::string("holds a constant that is neither `dense<...>` nor "
                       "`dense_resource<...>`, the forms Kiln reads");
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, IotaLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kConstantFamily = {
    "constant", owns, problem, populate};
