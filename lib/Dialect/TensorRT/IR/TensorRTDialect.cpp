//===- TensorRTDialect.cpp - the `tensorrt` dialect -----------------------===//
//
// Part of Kiln. Dialect registration, attributes and dialect interfaces.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace kiln::tensorrt;

//===----------------------------------------------------------------------===//
// Free helpers declared in TensorRT.h
//===----------------------------------------------------------------------===//

bool kiln::tensorrt::isSymmetricQuantizedI8(Type type) {
  auto quantized = dyn_cast<quant::UniformQuantizedType>(type);
  if (!quantized)
    return false;
  Type expressed = quantized.getExpressedType();
  // `u8` storage is also an 8-bit signless storage type with an unsigned
  // flag; TensorRT's int8 is signed.
  return quantized.isSigned() &&
         quantized.getStorageType().isSignlessInteger(8) &&
         (expressed.isF32() || expressed.isF16()) &&
         quantized.getZeroPoint() == 0;
}

bool kiln::tensorrt::areCompatibleTensorTypes(TypeRange lhs, TypeRange rhs) {
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

FailureOr<SmallVector<int64_t>> kiln::tensorrt::parseDimList(AsmParser &parser) {
  SmallVector<int64_t> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        return parser.parseInteger(dims.emplace_back());
      }))
    return failure();
  return dims;
}

void kiln::tensorrt::printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims) {
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
// Function argument and result attributes
//===----------------------------------------------------------------------===//

/// Type of argument or result `index` of `op` (a function or other
/// region-holding op), or null when it cannot be determined.
static Type regionValueType(Operation *op, unsigned regionIndex,
                            unsigned index, bool isResult) {
  if (auto function = dyn_cast<FunctionOpInterface>(op)) {
    ArrayRef<Type> types =
        isResult ? function.getResultTypes() : function.getArgumentTypes();
    return index < types.size() ? types[index] : Type();
  }
  if (isResult || regionIndex >= op->getNumRegions())
    return Type();
  Region &region = op->getRegion(regionIndex);
  if (region.empty() || index >= region.getNumArguments())
    return Type();
  return region.getArgument(index).getType();
}

/// Checks a shape profile against the tensor it bounds: one entry per
/// dimension, and static dimensions fixed to their size.
static LogicalResult verifyShapeProfileArg(Operation *op, StringRef name,
                                           unsigned index, Type type,
                                           ShapeProfileAttr profile) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType)
    return op->emitOpError("expected ")
           << name << " only on ranked tensor arguments, got " << type
           << " for argument #" << index;
  if (profile.getMin().size() != static_cast<size_t>(tensorType.getRank()))
    return op->emitOpError("expected ")
           << name << " of argument #" << index << " to have rank "
           << tensorType.getRank() << " (that of " << type << "), got "
           << profile.getMin().size();
  for (int64_t dim = 0; dim < tensorType.getRank(); ++dim) {
    int64_t size = tensorType.getDimSize(dim);
    if (ShapedType::isDynamic(size))
      continue;
    if (profile.getMin()[dim] != size || profile.getOpt()[dim] != size ||
        profile.getMax()[dim] != size)
      return op->emitOpError("expected ")
             << name << " of argument #" << index << " to be " << size
             << " in static dimension " << dim << ", got min "
             << profile.getMin()[dim] << ", opt " << profile.getOpt()[dim]
             << ", max " << profile.getMax()[dim];
  }
  return success();
}

/// Checks value bounds against the shape tensor they bound: a statically
/// shaped integer tensor of rank 0 or 1, one bound per element.
static LogicalResult verifyValueBoundsArg(Operation *op, StringRef name,
                                          unsigned index, Type type,
                                          ShapeProfileAttr bounds) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || tensorType.getRank() > 1 ||
      !tensorType.hasStaticShape() ||
      !(tensorType.getElementType().isSignlessInteger(32) ||
        tensorType.getElementType().isSignlessInteger(64)))
    return op->emitOpError("expected ")
           << name << " only on statically shaped 0-D or 1-D i32 or i64 "
           << "tensor arguments, got " << type << " for argument #" << index;
  int64_t elements = tensorType.getNumElements();
  if (bounds.getMin().size() != static_cast<size_t>(elements))
    return op->emitOpError("expected ")
           << name << " of argument #" << index << " to have " << elements
           << " entries (one per element of " << type << "), got "
           << bounds.getMin().size();
  return success();
}

/// Checks that dimension names map dimension indices of the argument to
/// strings.
static LogicalResult verifyDimensionNamesArg(Operation *op, StringRef name,
                                             unsigned index, Type type,
                                             DictionaryAttr names) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType)
    return op->emitOpError("expected ")
           << name << " only on ranked tensor arguments, got " << type
           << " for argument #" << index;
  for (NamedAttribute entry : names) {
    int64_t dim;
    if (entry.getName().getValue().getAsInteger(10, dim) || dim < 0 ||
        dim >= tensorType.getRank())
      return op->emitOpError("expected ")
             << name << " of argument #" << index
             << " to have dimension indices in [0, " << tensorType.getRank()
             << ") as keys, got \"" << entry.getName().getValue() << "\"";
    if (!isa<StringAttr>(entry.getValue()))
      return op->emitOpError("expected ")
             << name << " of argument #" << index << " to name dimension "
             << dim << " with a string, got " << entry.getValue();
  }
  return success();
}

/// Checks a host tensor marker: a unit attribute on a statically shaped
/// tensor of rank 0 or 1 (what TensorRT keeps on the host).
static LogicalResult verifyHostTensor(Operation *op, StringRef name,
                                      StringRef what, unsigned index,
                                      Type type, Attribute value) {
  if (!isa<UnitAttr>(value))
    return op->emitOpError("expected ")
           << name << " to be a unit attribute, got " << value;
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || tensorType.getRank() > 1 || !tensorType.hasStaticShape())
    return op->emitOpError("expected ")
           << name << " only on statically shaped 0-D or 1-D tensor " << what
           << "s, got " << type << " for " << what << " #" << index;
  return success();
}

LogicalResult TensorRTDialect::verifyRegionArgAttribute(Operation *op,
                                                        unsigned regionIndex,
                                                        unsigned argIndex,
                                                        NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  Type type = regionValueType(op, regionIndex, argIndex, /*isResult=*/false);
  if (!type)
    return success();
  if (name == getShapeProfileArgAttrName() ||
      name == getShapeTensorValueBoundsArgAttrName()) {
    auto profile = dyn_cast<ShapeProfileAttr>(attr.getValue());
    if (!profile)
      return op->emitOpError("expected ")
             << name << " to be a #tensorrt.shape_profile, got "
             << attr.getValue();
    if (name == getShapeProfileArgAttrName())
      return verifyShapeProfileArg(op, name, argIndex, type, profile);
    return verifyValueBoundsArg(op, name, argIndex, type, profile);
  }
  if (name == getDimensionNamesArgAttrName()) {
    auto names = dyn_cast<DictionaryAttr>(attr.getValue());
    if (!names)
      return op->emitOpError("expected ")
             << name << " to be a dictionary, got " << attr.getValue();
    return verifyDimensionNamesArg(op, name, argIndex, type, names);
  }
  if (name == getHostTensorAttrName())
    return verifyHostTensor(op, name, "argument", argIndex, type,
                            attr.getValue());
  // Other `tensorrt.` argument attributes belong to passes and tools.
  return success();
}

LogicalResult TensorRTDialect::verifyRegionResultAttribute(
    Operation *op, unsigned regionIndex, unsigned resultIndex,
    NamedAttribute attr) {
  if (attr.getName().getValue() != getHostTensorAttrName())
    return success();
  Type type = regionValueType(op, regionIndex, resultIndex, /*isResult=*/true);
  if (!type)
    return success();
  return verifyHostTensor(op, attr.getName().getValue(), "result",
                          resultIndex, type, attr.getValue());
}

//===----------------------------------------------------------------------===//
// Dialect interfaces
//===----------------------------------------------------------------------===//

namespace {
/// No `tensorrt` op depends on the function it is in (regions of
/// conditionals and loops only use values), so calls of functions made of
/// them may always be inlined.
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
