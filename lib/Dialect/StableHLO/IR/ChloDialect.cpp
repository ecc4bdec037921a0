//===- ChloDialect.cpp - the `chlo` dialect -------------------------------===//
//
// Part of Kiln. Registration of the `chlo` ops; all of them use declarative
// assembly formats.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/StableHLO/IR/StableHLO.h"

#include "mlir/IR/Builders.h"
#include "mlir/Transforms/InliningUtils.h"

using namespace mlir;
using namespace kiln::chlo;

namespace {
/// `chlo` ops are pure, so calls of functions using them may be inlined.
struct ChloInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void ChloDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "kiln/Dialect/StableHLO/IR/ChloOps.cpp.inc"
      >();
  addInterfaces<ChloInlinerInterface>();
}

#include "kiln/Dialect/StableHLO/IR/ChloDialect.cpp.inc"

#define GET_OP_CLASSES
#include "kiln/Dialect/StableHLO/IR/ChloOps.cpp.inc"
