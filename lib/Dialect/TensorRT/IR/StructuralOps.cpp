//===- StructuralOps.cpp - engine modules, calls and plugins --------------===//
//
// Part of Kiln. Builders and verifiers of tensorrt.module, tensorrt.call,
// tensorrt.call_alloc and tensorrt.opaque_plugin.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace kiln::tensorrt;

//===----------------------------------------------------------------------===//
// TensorRTModuleOp
//===----------------------------------------------------------------------===//

void TensorRTModuleOp::build(OpBuilder &builder, OperationState &state,
                             StringRef name) {
  state.addRegion()->emplaceBlock();
  state.getOrAddProperties<Properties>().sym_name = builder.getStringAttr(name);
}

LogicalResult TensorRTModuleOp::verify() {
  for (Operation &op : getBodyRegion().front())
    if (!isa<func::FuncOp>(op))
      return op.emitOpError("is not allowed in a 'tensorrt.module', which "
                            "holds only 'func.func' ops");
  return success();
}

//===----------------------------------------------------------------------===//
// CallOp and CallAllocOp
//===----------------------------------------------------------------------===//

/// True when a value of type `actual` may be passed where the callee
/// declares `declared`: equal types, or shaped types with the same element
/// type and rank whose sizes are equal wherever both are known.
static bool agreesWith(Type actual, Type declared) {
  if (actual == declared)
    return true;
  auto a = dyn_cast<ShapedType>(actual);
  auto d = dyn_cast<ShapedType>(declared);
  if (!a || !d || a.getElementType() != d.getElementType())
    return false;
  if (!a.hasRank() || !d.hasRank())
    return true;
  return shape::shapesCompatible(a.getShape(), d.getShape());
}

/// Checks that `values` agree one by one with `declared`. `what` names the
/// values ("input", "output", "result"), `declaredWhat` the callee's side.
static LogicalResult checkAgainstCallee(Operation *op, TypeRange values,
                                        TypeRange declared, StringRef what,
                                        StringRef declaredWhat) {
  if (values.size() != declared.size())
    return op->emitOpError("expected ")
           << declared.size() << " " << what << "s (one per callee "
           << declaredWhat << "), got " << values.size();
  for (auto [index, pair] : llvm::enumerate(llvm::zip_equal(values, declared)))
    if (!agreesWith(std::get<0>(pair), std::get<1>(pair)))
      return op->emitOpError("expected ")
             << what << " #" << index << " to agree with callee " << declaredWhat
             << " type " << std::get<1>(pair) << ", got " << std::get<0>(pair);
  return success();
}

/// Resolves `callee` to a `func.func` nested in a `tensorrt.module`.
static FailureOr<func::FuncOp> resolveCallee(Operation *op,
                                             SymbolRefAttr callee,
                                             SymbolTableCollection &symbols) {
  Operation *target = symbols.lookupNearestSymbolFrom(op, callee);
  if (!target)
    return op->emitOpError("expected callee ")
           << callee << " to name a 'func.func', found nothing";
  auto func = dyn_cast<func::FuncOp>(target);
  if (!func)
    return op->emitOpError("expected callee ")
           << callee << " to name a 'func.func', found '" << target->getName()
           << "'";
  if (!isa_and_nonnull<TensorRTModuleOp>(func->getParentOp()))
    return op->emitOpError("expected callee ")
           << callee << " to be nested in a 'tensorrt.module'";
  return func;
}

func::FuncOp CallOp::getFuncCallee(SymbolTableCollection &symbols) {
  return symbols.lookupNearestSymbolFrom<func::FuncOp>(getOperation(),
                                                       getCalleeAttr());
}

LogicalResult CallOp::verifySymbolUses(SymbolTableCollection &symbols) {
  FailureOr<func::FuncOp> callee =
      resolveCallee(getOperation(), getCalleeAttr(), symbols);
  if (failed(callee))
    return failure();
  FunctionType type = callee->getFunctionType();
  if (failed(checkAgainstCallee(*this, getInputs().getTypes(),
                                type.getInputs(), "input", "argument")))
    return failure();
  return checkAgainstCallee(*this, getOutputs().getTypes(), type.getResults(),
                            "output", "result");
}

func::FuncOp CallAllocOp::getFuncCallee(SymbolTableCollection &symbols) {
  return symbols.lookupNearestSymbolFrom<func::FuncOp>(getOperation(),
                                                       getCalleeAttr());
}

LogicalResult CallAllocOp::verifySymbolUses(SymbolTableCollection &symbols) {
  FailureOr<func::FuncOp> callee =
      resolveCallee(getOperation(), getCalleeAttr(), symbols);
  if (failed(callee))
    return failure();
  FunctionType type = callee->getFunctionType();
  if (failed(checkAgainstCallee(*this, getInputs().getTypes(),
                                type.getInputs(), "input", "argument")))
    return failure();
  return checkAgainstCallee(*this, getResultTypes(), type.getResults(),
                            "result", "result");
}

//===----------------------------------------------------------------------===//
// OpaquePluginOp
//===----------------------------------------------------------------------===//

LogicalResult OpaquePluginOp::verify() {
  if (getCreatorFunc() && !getDsoPath())
    return emitOpError("expected dso_path when creator_func is given");
  return success();
}

/// Total number of dimensions of the tensors in `types`.
static int64_t countDims(TypeRange types) {
  int64_t count = 0;
  for (Type type : types)
    count += cast<RankedTensorType>(type).getRank();
  return count;
}

static bool allI64(TypeRange types) {
  return llvm::all_of(types, [](Type t) { return t.isSignlessInteger(64); });
}

LogicalResult OpaquePluginOp::verifyRegions() {
  Region &region = getShapesRegion();
  if (region.empty())
    return success();
  if (!region.hasOneBlock())
    return emitOpError("expected the shapes region to have one block, got ")
           << region.getBlocks().size();
  Block &block = region.front();

  int64_t inputDims = countDims(getInputs().getTypes());
  if (static_cast<int64_t>(block.getNumArguments()) != inputDims ||
      !allI64(block.getArgumentTypes()))
    return emitOpError("expected ")
           << inputDims
           << " i64 shapes region arguments (one per input dimension), got "
           << formatList(block.getArgumentTypes());

  auto yield = dyn_cast<YieldOp>(block.back());
  if (!yield)
    return emitOpError("expected the shapes region to end in 'tensorrt.yield'");
  for (Operation &op : block.without_terminator()) {
    Dialect *dialect = op.getDialect();
    if (!dialect || dialect->getNamespace() != "arith")
      return emitOpError("expected only 'arith' ops before the "
                         "'tensorrt.yield' of the shapes region, found '")
             << op.getName() << "'";
  }

  int64_t resultDims = countDims(getResultTypes());
  TypeRange yielded = yield.getResults().getTypes();
  if (static_cast<int64_t>(yielded.size()) != resultDims || !allI64(yielded))
    return emitOpError("expected the shapes region to yield ")
           << resultDims << " i64 values (one per result dimension), got "
           << formatList(yielded);

  // A constant yielded size must agree with the written result type.
  unsigned next = 0;
  for (auto [resultIndex, type] : llvm::enumerate(getResultTypes())) {
    auto tensorType = cast<RankedTensorType>(type);
    for (int64_t dim = 0; dim < tensorType.getRank(); ++dim) {
      IntegerAttr size;
      Value value = yield.getResults()[next++];
      if (!matchPattern(value, m_Constant(&size)) ||
          shape::dimsCompatible(size.getInt(), tensorType.getDimSize(dim)))
        continue;
      return emitOpError("expected dimension ")
             << dim << " of result #" << resultIndex << " to be "
             << size.getInt() << " (computed by the shapes region), got "
             << tensorType.getDimSize(dim);
    }
  }
  return success();
}
