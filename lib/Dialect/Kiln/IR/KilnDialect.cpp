//===- KilnDialect.cpp - the `kiln` engine dialect ------------------------===//
//
// Part of Kiln. Dialect registration, attributes and the verifiers of the
// dialect's function and argument attributes.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/Kiln/IR/Kiln.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace kiln::engine;

FailureOr<SmallVector<int64_t>> kiln::engine::parseDimList(AsmParser &parser) {
  SmallVector<int64_t> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        return parser.parseInteger(dims.emplace_back());
      }))
    return failure();
  return dims;
}

void kiln::engine::printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims) {
  printer << '[';
  llvm::interleaveComma(dims, printer);
  printer << ']';
}

LogicalResult
ShapeProfileAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         ArrayRef<int64_t> min, ArrayRef<int64_t> opt,
                         ArrayRef<int64_t> max) {
  if (min.size() != opt.size() || opt.size() != max.size())
    return emitError() << "expected min, opt and max of equal rank, got "
                       << min.size() << ", " << opt.size() << " and "
                       << max.size();
  for (size_t i = 0; i < min.size(); ++i)
    if (min[i] < 0 || min[i] > opt[i] || opt[i] > max[i])
      return emitError() << "expected 0 <= min <= opt <= max in dimension "
                         << i << ", got " << min[i] << ", " << opt[i]
                         << " and " << max[i];
  return success();
}

#include "kiln/Dialect/Kiln/IR/KilnDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/Kiln/IR/KilnAttributes.cpp.inc"

void KilnDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "kiln/Dialect/Kiln/IR/KilnOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "kiln/Dialect/Kiln/IR/KilnAttributes.cpp.inc"
      >();
}

LogicalResult KilnDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name == getArenaSizeAttrName() || name == getConstantsSizeAttrName()) {
    auto size = dyn_cast<IntegerAttr>(attr.getValue());
    if (!size || !size.getType().isInteger(64) || size.getInt() < 0)
      return op->emitOpError() << "expected '" << name
                               << "' to be a non-negative i64, got "
                               << attr.getValue();
    return success();
  }
  return op->emitOpError() << "unknown attribute '" << name
                           << "' of the kiln dialect";
}

LogicalResult KilnDialect::verifyRegionArgAttribute(Operation *op,
                                                    unsigned regionIndex,
                                                    unsigned argIndex,
                                                    NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name == getNameArgAttrName()) {
    if (!isa<StringAttr>(attr.getValue()))
      return op->emitOpError() << "expected '" << name << "' of argument "
                               << argIndex << " to be a string, got "
                               << attr.getValue();
    return success();
  }
  if (name == getShapeProfileArgAttrName()) {
    auto profile = dyn_cast<ShapeProfileAttr>(attr.getValue());
    if (!profile)
      return op->emitOpError() << "expected '" << name << "' of argument "
                               << argIndex << " to be a #kiln.shape_profile, got "
                               << attr.getValue();
    Region &region = op->getRegion(regionIndex);
    if (region.empty())
      return success();
    auto type = dyn_cast<RankedTensorType>(
        region.front().getArgument(argIndex).getType());
    if (!type || type.getRank() != static_cast<int64_t>(profile.getMin().size()))
      return op->emitOpError() << "expected the shape profile of argument "
                               << argIndex << " to have one entry per "
                               << "dimension of its type "
                               << region.front().getArgument(argIndex).getType()
                               << ", got " << profile.getMin().size();
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (!type.isDynamicDim(d) &&
          (profile.getMin()[d] != type.getDimSize(d) ||
           profile.getMax()[d] != type.getDimSize(d)))
        return op->emitOpError()
               << "expected the shape profile of argument " << argIndex
               << " to keep static dimension " << d << " at "
               << type.getDimSize(d) << ", got min " << profile.getMin()[d]
               << " and max " << profile.getMax()[d];
    return success();
  }
  return op->emitOpError() << "unknown argument attribute '" << name
                           << "' of the kiln dialect";
}
