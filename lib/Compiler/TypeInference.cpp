//===- TypeInference.cpp - Result types of one op -------------------------===//
#include "kiln/Compiler/TypeInference.h"

#include "kiln/InitAllDialects.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace mlir;

namespace kiln::compiler {

/// One context for every query: loading the dialects is the expensive part.
/// Types and attributes it uniques live as long as the process.
static MLIRContext &sharedContext() {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    kiln::registerAllDialects(registry);
    auto *ctx = new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    return ctx;
  }();
  return *context;
}

static std::string toString(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

InferredTypes inferResultTypes(const std::string &opName,
                               const std::vector<std::string> &operandTypes,
                               const std::string &attributes,
                               const std::string &elementType) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  MLIRContext &ctx = sharedContext();

  InferredTypes result;
  auto fail = [&](const std::string &message) {
    if (!message.empty()) {
      if (!result.diagnostics.empty())
        result.diagnostics += "\n";
      result.diagnostics += message;
    }
    result.ok = false;
    return result;
  };
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
    if (!result.diagnostics.empty())
      result.diagnostics += "\n";
    result.diagnostics += diag.str();
    for (Diagnostic &note : diag.getNotes())
      result.diagnostics += "\n  note: " + note.str();
    return success();
  });

  std::optional<RegisteredOperationName> name =
      RegisteredOperationName::lookup(opName, &ctx);
  if (!name)
    return fail("unknown operation '" + opName + "'");

  Location loc = UnknownLoc::get(&ctx);
  // The operands are arguments of a detached block, alive for this query.
  Block block;
  for (const std::string &text : operandTypes) {
    Type type = parseType(text, &ctx);
    if (!type)
      return fail("invalid operand type '" + text + "'");
    block.addArgument(type, loc);
  }
  DictionaryAttr dict = DictionaryAttr::get(&ctx);
  if (!attributes.empty()) {
    dict = llvm::dyn_cast_or_null<DictionaryAttr>(parseAttribute(attributes, &ctx));
    if (!dict)
      return fail("invalid attribute dictionary '" + attributes + "'");
  }

  // Inherent attributes go to the op's properties; the rest stay attributes.
  auto create = [&](TypeRange resultTypes) -> Operation * {
    OperationState state(loc, *name);
    state.addOperands(block.getArguments());
    state.addTypes(resultTypes);
    Operation *op = Operation::create(state);
    if (!op->getPropertiesStorageSize()) {
      op->setAttrs(dict);
      return op;
    }
    if (failed(op->setPropertiesFromAttribute(
            dict, [&] { return mlir::emitError(loc); }))) {
      op->destroy();
      return nullptr;
    }
    for (NamedAttribute attr : dict)
      if (!llvm::is_contained(name->getAttributeNames(), attr.getName()))
        op->setDiscardableAttr(attr.getName(), attr.getValue());
    return op;
  };
  Operation *op = create({});
  if (!op)
    return fail("");
  llvm::scope_exit destroy([&] { op->destroy(); });

  SmallVector<Type> types;
  if (auto infer = dyn_cast<InferTypeOpInterface>(op)) {
    if (failed(infer.inferReturnTypes(&ctx, loc, op->getOperands(),
                                      op->getRawDictionaryAttrs(),
                                      op->getPropertiesStorage(),
                                      op->getRegions(), types)))
      return fail(result.diagnostics.empty()
                      ? "'" + opName + "' could not infer its result types"
                      : "");
  } else if (auto shaped = dyn_cast<InferShapedTypeOpInterface>(op)) {
    SmallVector<ShapedTypeComponents> components;
    if (failed(shaped.inferReturnTypeComponents(
            &ctx, loc, op->getOperands(), op->getRawDictionaryAttrs(),
            op->getPropertiesStorage(), op->getRegions(), components)))
      return fail(result.diagnostics.empty()
                      ? "'" + opName + "' could not infer its result shapes"
                      : "");
    Type fallback;
    if (!elementType.empty() && !(fallback = parseType(elementType, &ctx)))
      return fail("invalid element type '" + elementType + "'");
    for (const ShapedTypeComponents &component : components) {
      Type element = component.getElementType() ? component.getElementType()
                                                : fallback;
      if (!element)
        return fail("'" + opName +
                    "' infers only result shapes: give an element type");
      if (component.hasRank())
        types.push_back(RankedTensorType::get(component.getDims(), element));
      else
        types.push_back(UnrankedTensorType::get(element));
    }
  } else {
    return fail("'" + opName + "' does not infer its result types");
  }
  // The typed op must pass the verifier the compiler will run on it, so a
  // missing attribute or a bad operand is reported now, at the user's line.
  Operation *typed = create(types);
  if (!typed)
    return fail("");
  bool valid = succeeded(mlir::verify(typed));
  typed->destroy();
  if (!valid)
    return fail("");
  result.ok = true;
  result.diagnostics.clear();
  for (Type type : types)
    result.types.push_back(toString(type));
  return result;
}

} // namespace kiln::compiler
