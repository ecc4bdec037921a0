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
using namespace kiln::stablehlo;

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

/// `<name = [..], ..., index_vector_dim = n>` with the list fields of
/// `names` in any order, each optional.
static LogicalResult parseDimensionFields(AsmParser &parser,
                                          ArrayRef<StringRef> names,
                                          MutableArrayRef<SmallVector<int64_t>> lists,
                                          int64_t &indexVectorDim) {
  if (parser.parseLess())
    return failure();
  bool first = true;
  while (failed(parser.parseOptionalGreater())) {
    if (!first && parser.parseComma())
      return failure();
    first = false;
    StringRef key;
    SMLoc keyLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return failure();
    if (key == "index_vector_dim") {
      if (parser.parseInteger(indexVectorDim))
        return failure();
      continue;
    }
    const StringRef *it = llvm::find(names, key);
    if (it == names.end())
      return parser.emitError(keyLoc) << "unknown dimension field '" << key
                                      << "'";
    SmallVector<int64_t> &list = lists[it - names.begin()];
    if (parser.parseCommaSeparatedList(
            AsmParser::Delimiter::Square, [&]() -> ParseResult {
              return parser.parseInteger(list.emplace_back());
            }))
      return failure();
  }
  return success();
}

static void printDimensionFields(AsmPrinter &printer,
                                 ArrayRef<StringRef> names,
                                 ArrayRef<ArrayRef<int64_t>> lists,
                                 int64_t indexVectorDim) {
  printer << "<";
  bool first = true;
  for (auto [name, values] : llvm::zip(names, lists)) {
    if (values.empty())
      continue;
    printer << (first ? "" : ", ") << name << " = [";
    llvm::interleaveComma(values, printer);
    printer << "]";
    first = false;
  }
  printer << (first ? "" : ", ") << "index_vector_dim = " << indexVectorDim
          << ">";
}

static const StringRef gatherFields[] = {
    "offset_dims", "collapsed_slice_dims", "operand_batching_dims",
    "start_indices_batching_dims", "start_index_map"};
static const StringRef scatterFields[] = {
    "update_window_dims", "inserted_window_dims", "input_batching_dims",
    "scatter_indices_batching_dims", "scatter_dims_to_operand_dims"};

Attribute GatherDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> lists[5];
  int64_t indexVectorDim = 0;
  if (failed(parseDimensionFields(parser, gatherFields, lists, indexVectorDim)))
    return {};
  return GatherDimensionNumbersAttr::get(parser.getContext(), lists[0],
                                         lists[1], lists[2], lists[3],
                                         lists[4], indexVectorDim);
}

void GatherDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printDimensionFields(printer, gatherFields,
                       {getOffsetDims(), getCollapsedSliceDims(),
                        getOperandBatchingDims(), getStartIndicesBatchingDims(),
                        getStartIndexMap()},
                       getIndexVectorDim());
}

Attribute ScatterDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> lists[5];
  int64_t indexVectorDim = 0;
  if (failed(parseDimensionFields(parser, scatterFields, lists, indexVectorDim)))
    return {};
  return ScatterDimensionNumbersAttr::get(parser.getContext(), lists[0],
                                          lists[1], lists[2], lists[3],
                                          lists[4], indexVectorDim);
}

void ScatterDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printDimensionFields(printer, scatterFields,
                       {getUpdateWindowDims(), getInsertedWindowDims(),
                        getInputBatchingDims(), getScatterIndicesBatchingDims(),
                        getScatterDimsToOperandDims()},
                       getIndexVectorDim());
}
