//===- StableHLODialect.cpp - the `stablehlo` dialect ---------------------===//
//
// Part of Kiln. Dialect registration, enum attributes and the inliner
// interface (JAX splits programs into private functions that Kiln inlines).
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/StableHLO/IR/StableHLO.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::stablehlo;

namespace {
/// Every `stablehlo` op is pure or region-local, so calls of functions made
/// of them may always be inlined, also into reducer and loop regions.
struct StableHLOInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void StableHLODialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "kiln/Dialect/StableHLO/IR/StableHLOOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "kiln/Dialect/StableHLO/IR/StableHLOAttributes.cpp.inc"
      >();
  addInterfaces<StableHLOInlinerInterface>();
}

#include "kiln/Dialect/StableHLO/IR/StableHLODialect.cpp.inc"
#include "kiln/Dialect/StableHLO/IR/StableHLOEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/StableHLO/IR/StableHLOAttributes.cpp.inc"
