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

//===----------------------------------------------------------------------===//
// #stablehlo.gather<...>
//===----------------------------------------------------------------------===//

Attribute GatherDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> lists[5];
  const char *names[5] = {"offset_dims", "collapsed_slice_dims",
                          "operand_batching_dims",
                          "start_indices_batching_dims", "start_index_map"};
  int64_t indexVectorDim = 0;
  if (parser.parseLess())
    return {};
  bool first = true;
  while (failed(parser.parseOptionalGreater())) {
    if (!first && parser.parseComma())
      return {};
    first = false;
    StringRef key;
    SMLoc keyLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return {};
    if (key == "index_vector_dim") {
      if (parser.parseInteger(indexVectorDim))
        return {};
      continue;
    }
    auto *it = llvm::find_if(names, [&](const char *n) { return key == n; });
    if (it == std::end(names)) {
      parser.emitError(keyLoc) << "unknown gather dimension field '" << key
                               << "'";
      return {};
    }
    SmallVector<int64_t> &list = lists[it - std::begin(names)];
    if (parser.parseCommaSeparatedList(
            AsmParser::Delimiter::Square, [&]() -> ParseResult {
              return parser.parseInteger(list.emplace_back());
            }))
      return {};
  }
  return GatherDimensionNumbersAttr::get(parser.getContext(), lists[0],
                                         lists[1], lists[2], lists[3],
                                         lists[4], indexVectorDim);
}

void GatherDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printer << "<";
  bool first = true;
  auto field = [&](StringRef name, ArrayRef<int64_t> values) {
    if (values.empty())
      return;
    printer << (first ? "" : ", ") << name << " = [";
    llvm::interleaveComma(values, printer);
    printer << "]";
    first = false;
  };
  field("offset_dims", getOffsetDims());
  field("collapsed_slice_dims", getCollapsedSliceDims());
  field("operand_batching_dims", getOperandBatchingDims());
  field("start_indices_batching_dims", getStartIndicesBatchingDims());
  field("start_index_map", getStartIndexMap());
  printer << (first ? "" : ", ") << "index_vector_dim = " << getIndexVectorDim()
          << ">";
}
