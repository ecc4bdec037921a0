//===- TensorRTDialect.cpp - the `tensorrt` dialect -----------------------===//
//
// Part of Kiln. Dialect registration, attributes and dialect interfaces.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tensorrt;

//===----------------------------------------------------------------------===//
// Free helpers declared in TensorRT.h
//===----------------------------------------------------------------------===//

bool tensorrt::isSymmetricQuantizedI8(Type type) {
  auto quantized = dyn_cast<quant::UniformQuantizedType>(type);
  if (!quantized)
    return false;
  Type expressed = quantized.getExpressedType();
  return quantized.getStorageType().isSignlessInteger(8) &&
         (expressed.isF32() || expressed.isF16()) &&
         quantized.getZeroPoint() == 0;
}

bool tensorrt::areCompatibleTensorTypes(TypeRange lhs, TypeRange rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (auto [l, r] : llvm::zip_equal(lhs, rhs)) {
    auto lt = dyn_cast<RankedTensorType>(l);
    auto rt = dyn_cast<RankedTensorType>(r);
    if (!lt || !rt || lt.getElementType() != rt.getElementType() ||
        lt.getRank() != rt.getRank())
      return false;
    for (auto [a, b] : llvm::zip_equal(lt.getShape(), rt.getShape()))
      if (a != b && !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b))
        return false;
  }
  return true;
}

FailureOr<SmallVector<int64_t>> tensorrt::parseDimList(AsmParser &parser) {
  SmallVector<int64_t> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        return parser.parseInteger(dims.emplace_back());
      }))
    return failure();
  return dims;
}

void tensorrt::printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims) {
  printer << '[';
  llvm::interleaveComma(dims, printer);
  printer << ']';
}

//===----------------------------------------------------------------------===//
// ShapeProfileAttr
//===----------------------------------------------------------------------===//

LogicalResult
ShapeProfileAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         ArrayRef<int64_t> min, ArrayRef<int64_t> opt,
                         ArrayRef<int64_t> max) {
  if (min.size() != opt.size() || opt.size() != max.size())
    return emitError() << "expected min, opt and max of equal rank, got "
                       << min.size() << ", " << opt.size() << " and "
                       << max.size();
  for (size_t i = 0; i < min.size(); ++i) {
    if (min[i] < 0)
      return emitError() << "expected non-negative bounds, got min[" << i
                         << "] = " << min[i];
    if (!(min[i] <= opt[i] && opt[i] <= max[i]))
      return emitError() << "expected min <= opt <= max in dimension " << i
                         << ", got " << min[i] << ", " << opt[i] << ", "
                         << max[i];
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Dialect interfaces
//===----------------------------------------------------------------------===//

namespace {
/// Every `tensorrt` op is free of side effects and regions, so calls of
/// functions made of them may always be inlined.
struct TensorRTInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Dialect
//===----------------------------------------------------------------------===//

void TensorRTDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "kiln/Dialect/TensorRT/IR/TensorRTOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "kiln/Dialect/TensorRT/IR/TensorRTAttributes.cpp.inc"
      >();
  addInterfaces<TensorRTInlinerInterface>();
}

Operation *TensorRTDialect::materializeConstant(OpBuilder &builder,
                                                Attribute value, Type type,
                                                Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}

#include "kiln/Dialect/TensorRT/IR/TensorRTDialect.cpp.inc"
#include "kiln/Dialect/TensorRT/IR/TensorRTEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/TensorRT/IR/TensorRTAttributes.cpp.inc"
