//===- SdyDialect.cpp - the `sdy` dialect and its attributes --------------===//
//
// Part of Kiln. Registration, the inliner interface (JAX's private
// functions may hold sharding constraints) and the syntax of the sharding
// attributes as JAX prints them:
//
//   mesh       <["x"=2, "y"=4], device_ids=[...]>
//   sharding   <@mesh or mesh, [dim, ...], replicated={axis, ...}, unreduced={...}>
//   dim        {axis, ..., ?}p<n>      (`?` and `p<n>` optional)
//   axis       "x" or "x":(pre)size
//
//===----------------------------------------------------------------------===//

#include "SdySyntax.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace kiln::sdy;

namespace {
/// Sharding annotations change no values, so they may be inlined anywhere,
/// and calls inside a manual computation may be inlined into its body.
struct SdyInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void SdyDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "kiln/Dialect/Sdy/IR/SdyOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "kiln/Dialect/Sdy/IR/SdyAttributes.cpp.inc"
      >();
  addInterfaces<SdyInlinerInterface>();
}

#include "kiln/Dialect/Sdy/IR/SdyDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "kiln/Dialect/Sdy/IR/SdyAttributes.cpp.inc"

//===----------------------------------------------------------------------===//
// Pieces shared by several attributes
//===----------------------------------------------------------------------===//

/// `"x"` or `"x":(pre)size`.
static FailureOr<AxisRefAttr> parseAxisRefBody(AsmParser &parser) {
  std::string name;
  if (parser.parseString(&name))
    return failure();
  int64_t preSize = 0, size = 0;
  if (succeeded(parser.parseOptionalColon())) {
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseLParen() || parser.parseInteger(preSize) ||
        parser.parseRParen() || parser.parseInteger(size))
      return failure();
    if (preSize < 1 || size < 1)
      return parser.emitError(loc)
             << "sub-axis of '" << name << "' needs sizes >= 1, got (" << preSize
             << ")" << size;
  }
  return AxisRefAttr::get(parser.getContext(), name, preSize, size);
}

static void printAxisRefBody(AsmPrinter &printer, AxisRefAttr axis) {
  printer.printString(axis.getName());
  if (axis.getPreSize() != 0)
    printer << ":(" << axis.getPreSize() << ")" << axis.getSize();
}

/// `{"x", "y"}`: a list of axis references in braces.
static ParseResult parseAxisRefList(AsmParser &parser,
                                    SmallVectorImpl<AxisRefAttr> &axes) {
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Braces, [&]() -> ParseResult {
        FailureOr<AxisRefAttr> axis = parseAxisRefBody(parser);
        if (failed(axis))
          return failure();
        axes.push_back(*axis);
        return success();
      });
}

static void printAxisRefList(AsmPrinter &printer, ArrayRef<AxisRefAttr> axes) {
  printer << "{";
  llvm::interleaveComma(axes, printer,
                        [&](AxisRefAttr axis) { printAxisRefBody(printer, axis); });
  printer << "}";
}

/// `{"x", ?}p1`.
static FailureOr<DimensionShardingAttr> parseDimensionBody(AsmParser &parser) {
  SmallVector<AxisRefAttr> axes;
  bool isClosed = true;
  if (parser.parseLBrace())
    return failure();
  while (failed(parser.parseOptionalRBrace())) {
    if (succeeded(parser.parseOptionalQuestion())) {
      isClosed = false;
      if (parser.parseRBrace())
        return failure();
      break;
    }
    FailureOr<AxisRefAttr> axis = parseAxisRefBody(parser);
    if (failed(axis))
      return failure();
    axes.push_back(*axis);
    if (failed(parser.parseOptionalComma())) {
      if (parser.parseRBrace())
        return failure();
      break;
    }
  }
  int64_t priority = -1;
  SMLoc loc = parser.getCurrentLocation();
  StringRef keyword;
  if (succeeded(parser.parseOptionalKeyword(&keyword))) {
    if (!keyword.consume_front("p") || keyword.getAsInteger(10, priority) ||
        priority < 0)
      return parser.emitError(loc)
             << "expected a priority like 'p1' after a dimension sharding";
  }
  return DimensionShardingAttr::get(parser.getContext(), axes, isClosed,
                                    priority);
}

static void printDimensionBody(AsmPrinter &printer,
                               DimensionShardingAttr dim) {
  printer << "{";
  llvm::interleaveComma(dim.getAxes(), printer,
                        [&](AxisRefAttr axis) { printAxisRefBody(printer, axis); });
  if (!dim.getIsClosed())
    printer << (dim.getAxes().empty() ? "?" : ", ?");
  printer << "}";
  if (dim.getPriority() >= 0)
    printer << "p" << dim.getPriority();
}

//===----------------------------------------------------------------------===//
// #sdy.mesh_axis, #sdy.axis_ref, #sdy.dim_sharding (nested in the others;
// standalone only in generic form)
//===----------------------------------------------------------------------===//

Attribute MeshAxisAttr::parse(AsmParser &parser, Type) {
  std::string name;
  int64_t size;
  if (parser.parseLess() || parser.parseString(&name) || parser.parseEqual() ||
      parser.parseInteger(size) || parser.parseGreater())
    return {};
  return MeshAxisAttr::get(parser.getContext(), name, size);
}

void MeshAxisAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printer.printString(getName());
  printer << "=" << getSize() << ">";
}

Attribute AxisRefAttr::parse(AsmParser &parser, Type) {
  FailureOr<AxisRefAttr> axis;
  if (parser.parseLess() || failed(axis = parseAxisRefBody(parser)) ||
      parser.parseGreater())
    return {};
  return *axis;
}

void AxisRefAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printAxisRefBody(printer, *this);
  printer << ">";
}

Attribute DimensionShardingAttr::parse(AsmParser &parser, Type) {
  FailureOr<DimensionShardingAttr> dim;
  if (parser.parseLess() || failed(dim = parseDimensionBody(parser)) ||
      parser.parseGreater())
    return {};
  return *dim;
}

void DimensionShardingAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printDimensionBody(printer, *this);
  printer << ">";
}

//===----------------------------------------------------------------------===//
// #sdy.mesh
//===----------------------------------------------------------------------===//

Attribute MeshAttr::parse(AsmParser &parser, Type) {
  SmallVector<MeshAxisAttr> axes;
  SmallVector<int64_t> deviceIds;
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square, [&]() -> ParseResult {
            std::string name;
            int64_t size;
            SMLoc loc = parser.getCurrentLocation();
            if (parser.parseString(&name) || parser.parseEqual() ||
                parser.parseInteger(size))
              return failure();
            if (size < 1)
              return parser.emitError(loc) << "mesh axis '" << name
                                           << "' needs a size >= 1, got "
                                           << size;
            axes.push_back(MeshAxisAttr::get(parser.getContext(), name, size));
            return success();
          }))
    return {};
  if (succeeded(parser.parseOptionalComma()) &&
      (parser.parseKeyword("device_ids") || parser.parseEqual() ||
       parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                      [&]() -> ParseResult {
                                        return parser.parseInteger(
                                            deviceIds.emplace_back());
                                      })))
    return {};
  if (parser.parseGreater())
    return {};
  return MeshAttr::get(parser.getContext(), axes, deviceIds);
}

void MeshAttr::print(AsmPrinter &printer) const {
  printer << "<[";
  llvm::interleaveComma(getAxes(), printer, [&](MeshAxisAttr axis) {
    printer.printString(axis.getName());
    printer << "=" << axis.getSize();
  });
  printer << "]";
  if (!getDeviceIds().empty()) {
    printer << ", device_ids=[";
    llvm::interleaveComma(getDeviceIds(), printer);
    printer << "]";
  }
  printer << ">";
}

int64_t MeshAttr::getNumDevices() const {
  int64_t count = 1;
  for (MeshAxisAttr axis : getAxes())
    count *= axis.getSize();
  return count;
}

//===----------------------------------------------------------------------===//
// #sdy.sharding, #sdy.sharding_per_value, #sdy.manual_axes
//===----------------------------------------------------------------------===//

Attribute TensorShardingAttr::parse(AsmParser &parser, Type) {
  Attribute mesh;
  StringAttr meshName;
  if (parser.parseLess())
    return {};
  if (succeeded(parser.parseOptionalSymbolName(meshName)))
    mesh = FlatSymbolRefAttr::get(meshName);
  else if (!(mesh = MeshAttr::parse(parser, Type())))
    return {};
  SmallVector<DimensionShardingAttr> dims;
  if (parser.parseComma() ||
      parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square, [&]() -> ParseResult {
            FailureOr<DimensionShardingAttr> dim = parseDimensionBody(parser);
            if (failed(dim))
              return failure();
            dims.push_back(*dim);
            return success();
          }))
    return {};
  SmallVector<AxisRefAttr> replicated, unreduced;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return {};
    if (key != "replicated" && key != "unreduced") {
      parser.emitError(loc) << "expected 'replicated' or 'unreduced' in a "
                               "sharding, got '"
                            << key << "'";
      return {};
    }
    if (parseAxisRefList(parser, key == "replicated" ? replicated : unreduced))
      return {};
  }
  if (parser.parseGreater())
    return {};
  return TensorShardingAttr::get(parser.getContext(), mesh, dims, replicated,
                                 unreduced);
}

void TensorShardingAttr::print(AsmPrinter &printer) const {
  printer << "<";
  if (auto name = dyn_cast<FlatSymbolRefAttr>(getMesh()))
    printer.printSymbolName(name.getValue());
  else
    cast<MeshAttr>(getMesh()).print(printer);
  printer << ", [";
  llvm::interleaveComma(getDimShardings(), printer,
                        [&](DimensionShardingAttr dim) {
                          printDimensionBody(printer, dim);
                        });
  printer << "]";
  if (!getReplicatedAxes().empty()) {
    printer << ", replicated=";
    printAxisRefList(printer, getReplicatedAxes());
  }
  if (!getUnreducedAxes().empty()) {
    printer << ", unreduced=";
    printAxisRefList(printer, getUnreducedAxes());
  }
  printer << ">";
}

/// `[<@mesh, ...>, ...]`, as manual_computation writes its shardings.
FailureOr<TensorShardingPerValueAttr>
kiln::sdy::parseShardingList(AsmParser &parser) {
  SmallVector<TensorShardingAttr> shardings;
  if (parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square, [&]() -> ParseResult {
            auto sharding = dyn_cast_if_present<TensorShardingAttr>(
                TensorShardingAttr::parse(parser, Type()));
            if (!sharding)
              return failure();
            shardings.push_back(sharding);
            return success();
          }))
    return failure();
  return TensorShardingPerValueAttr::get(parser.getContext(), shardings);
}

void kiln::sdy::printShardingList(AsmPrinter &printer, TensorShardingPerValueAttr list) {
  printer << "[";
  llvm::interleaveComma(list.getShardings(), printer,
                        [&](TensorShardingAttr sharding) {
                          sharding.print(printer);
                        });
  printer << "]";
}

Attribute TensorShardingPerValueAttr::parse(AsmParser &parser, Type) {
  FailureOr<TensorShardingPerValueAttr> list;
  if (parser.parseLess() || failed(list = parseShardingList(parser)) ||
      parser.parseGreater())
    return {};
  return *list;
}

void TensorShardingPerValueAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printShardingList(printer, *this);
  printer << ">";
}

/// `{"x", "y"}`, as manual_computation writes its manual axes.
FailureOr<ManualAxesAttr> kiln::sdy::parseManualAxes(AsmParser &parser) {
  SmallVector<StringAttr> axes;
  if (parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Braces, [&]() -> ParseResult {
            std::string name;
            if (parser.parseString(&name))
              return failure();
            axes.push_back(StringAttr::get(parser.getContext(), name));
            return success();
          }))
    return failure();
  return ManualAxesAttr::get(parser.getContext(), axes);
}

void kiln::sdy::printManualAxes(AsmPrinter &printer, ManualAxesAttr axes) {
  printer << "{";
  llvm::interleaveComma(axes.getAxes(), printer, [&](StringAttr axis) {
    printer.printString(axis.getValue());
  });
  printer << "}";
}

Attribute ManualAxesAttr::parse(AsmParser &parser, Type) {
  FailureOr<ManualAxesAttr> axes;
  if (parser.parseLess() || failed(axes = parseManualAxes(parser)) ||
      parser.parseGreater())
    return {};
  return *axes;
}

void ManualAxesAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printManualAxes(printer, *this);
  printer << ">";
}
