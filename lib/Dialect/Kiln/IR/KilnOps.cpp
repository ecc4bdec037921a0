//===- KilnOps.cpp - operations of the `kiln` dialect ---------------------===//
//
// Part of Kiln. Verifiers: the five kinds of kernel attribute values, one
// arena offset per result and per region argument, regions ending in
// `kiln.yield`.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/Kiln/IR/Kiln.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace kiln::engine;

//===----------------------------------------------------------------------===//
// StepOp
//===----------------------------------------------------------------------===//

/// True for the attribute values the runtime's AttrValue holds.
static bool isKernelAttrValue(Attribute value) {
  if (auto integer = dyn_cast<IntegerAttr>(value))
    return integer.getType().isSignlessInteger(64);
  if (auto real = dyn_cast<FloatAttr>(value))
    return real.getType().isF64();
  return isa<StringAttr, DenseI64ArrayAttr, DenseF64ArrayAttr>(value);
}

LogicalResult StepOp::verify() {
  if (getKernel().empty())
    return emitOpError("expected a non-empty kernel name");
  if (DictionaryAttr attrs = getKernelAttrsAttr()) {
    for (NamedAttribute attr : attrs)
      if (!isKernelAttrValue(attr.getValue()))
        return emitOpError()
               << "expected kernel attribute '" << attr.getName().getValue()
               << "' to be an i64, f64, string, array<i64> or array<f64>, got "
               << attr.getValue();
  }
  if (std::optional<StringRef> backend = getBackend(); backend && backend->empty())
    return emitOpError("expected a non-empty backend name");
  if (std::optional<StringRef> device = getDevice(); device && device->empty())
    return emitOpError("expected a non-empty device name");
  if (std::optional<ArrayRef<int64_t>> arena = getArena()) {
    if (arena->size() != getNumResults())
      return emitOpError() << "expected " << getNumResults()
                           << " arena offsets (one per result), got "
                           << arena->size();
    for (int64_t offset : *arena)
      if (offset < 0)
        return emitOpError() << "expected non-negative arena offsets, got "
                             << offset;
  }
  return success();
}

LogicalResult StepOp::verifyRegions() {
  for (auto [index, region] : llvm::enumerate(getRegions())) {
    if (region.empty())
      return emitOpError() << "expected region " << index
                           << " to have one block";
    if (!isa<YieldOp>(region.front().getTerminator()))
      return emitOpError() << "expected region " << index
                           << " to end in 'kiln.yield'";
  }
  std::optional<ArrayAttr> regionArgs = getRegionArgs();
  if (!regionArgs)
    return success();
  if (regionArgs->size() != getNumRegions())
    return emitOpError() << "expected " << getNumRegions()
                         << " region_args offset lists (one per region), got "
                         << regionArgs->size();
  for (auto [index, offsets] :
       llvm::enumerate(regionArgs->getAsRange<DenseI64ArrayAttr>())) {
    unsigned numArgs = getRegion(index).getNumArguments();
    if (offsets.size() != static_cast<int64_t>(numArgs))
      return emitOpError() << "expected " << numArgs
                           << " arena offsets for the arguments of region "
                           << index << ", got " << offsets.size();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  if (std::optional<int64_t> offset = getOffset(); offset && *offset < 0)
    return emitOpError() << "expected a non-negative offset, got " << *offset;
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

#define GET_OP_CLASSES
#include "kiln/Dialect/Kiln/IR/KilnOps.cpp.inc"
