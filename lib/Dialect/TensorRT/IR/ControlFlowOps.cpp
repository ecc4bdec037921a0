//===- ControlFlowOps.cpp - conditionals, loops, assertions ---------------===//
//
// Part of Kiln. Verifiers, type inference, region-branch interfaces and the
// custom assembly of tensorrt.if, tensorrt.while, tensorrt.for and their
// terminators.
//
// The verifiers check region signatures themselves, before the generic
// region-branch checks run, so that a mismatch is reported in terms of the
// op (which region, which value) rather than of control-flow edges.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "OpUtils.h"
#include "ShapeUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace kiln::tensorrt;
using shape::ErrorFn;

/// Formats a type list as `(t0, t1)`.
static std::string formatTypes(TypeRange types) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '(';
  llvm::interleaveComma(types, os);
  os << ')';
  return text;
}

/// Checks that `got` equals `expected`; `what` names the checked values and
/// `source` where the expected types come from.
static LogicalResult checkTypesEqual(TypeRange expected, TypeRange got,
                                     StringRef what, StringRef source,
                                     ErrorFn err) {
  if (llvm::equal(expected, got))
    return success();
  return err() << "expected " << what << " of types " << formatTypes(expected)
               << " (" << source << "), got " << formatTypes(got);
}

/// The terminator of a single-block region if it is an `OpTy`.
template <typename OpTy>
static OpTy terminatorOf(Region &region) {
  if (region.empty() || region.front().empty())
    return nullptr;
  return dyn_cast<OpTy>(region.front().back());
}

/// Rejects ops nested in `parent`'s regions that TensorRT cannot place in a
/// conditional or loop body.
static LogicalResult verifyLayersAllowedInRegions(Operation *parent) {
  static constexpr llvm::StringLiteral kNotInControlFlow[] = {
      "tensorrt.padding",        "tensorrt.deconvolution",
      "tensorrt.parametric_relu", "tensorrt.pooling",
      "tensorrt.ragged_softmax", "tensorrt.resize_nearest",
      "tensorrt.resize_linear",  "tensorrt.resize_cubic"};
  WalkResult walk = parent->walk([&](Operation *op) {
    if (op == parent ||
        !llvm::is_contained(kNotInControlFlow, op->getName().getStringRef()))
      return WalkResult::advance();
    op->emitOpError("is not supported inside '")
        << parent->getName() << "' (TensorRT builds it only outside "
        << "conditionals and loops)";
    return WalkResult::interrupt();
  });
  return failure(walk.wasInterrupted());
}

//===----------------------------------------------------------------------===//
// IfOp
//===----------------------------------------------------------------------===//

/// Checks what the two branches yield and returns the result types: per
/// value, the element type and rank both yield, each dimension known if
/// either branch knows it.
static FailureOr<SmallVector<ShapedTypeComponents>>
ifResultTypes(Region &trueRegion, Region &falseRegion, ErrorFn err) {
  auto trueYield = terminatorOf<YieldOp>(trueRegion);
  auto falseYield = terminatorOf<YieldOp>(falseRegion);
  if (!trueYield || !falseYield)
    return err() << "expected the " << (trueYield ? "false" : "true")
                 << " region to end in 'tensorrt.yield'";
  TypeRange trueTypes = trueYield.getResults().getTypes();
  TypeRange falseTypes = falseYield.getResults().getTypes();
  if (trueTypes.size() != falseTypes.size())
    return err() << "expected both regions to yield the same number of "
                    "values, got "
                 << trueTypes.size() << " and " << falseTypes.size();
  SmallVector<ShapedTypeComponents> types;
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip_equal(trueTypes, falseTypes))) {
    auto [trueType, falseType] = pair;
    auto lhs = dyn_cast<RankedTensorType>(trueType);
    auto rhs = dyn_cast<RankedTensorType>(falseType);
    if (!lhs || !rhs || lhs.getElementType() != rhs.getElementType() ||
        lhs.getRank() != rhs.getRank() ||
        !shape::shapesCompatible(lhs.getShape(), rhs.getShape()))
      return err() << "expected both regions to yield compatible tensor "
                      "types for value #"
                   << index << ", got " << trueType << " and " << falseType;
    SmallVector<int64_t> joined;
    for (auto [a, b] : llvm::zip_equal(lhs.getShape(), rhs.getShape()))
      joined.push_back(ShapedType::isDynamic(a) ? b : a);
    types.emplace_back(joined, lhs.getElementType());
  }
  return types;
}

LogicalResult IfOp::inferReturnTypeComponents(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferred) {
  FailureOr<SmallVector<ShapedTypeComponents>> types =
      ifResultTypes(adaptor.getTrueRegion(), adaptor.getFalseRegion(),
                    inferenceErrors<IfOp>(loc));
  if (failed(types))
    return failure();
  llvm::append_range(inferred, *types);
  return success();
}

LogicalResult IfOp::verify() {
  FailureOr<SmallVector<ShapedTypeComponents>> types = ifResultTypes(
      getTrueRegion(), getFalseRegion(), [this] { return emitOpError(); });
  if (failed(types))
    return failure();
  if (types->size() != getNumResults())
    return emitOpError("expected ")
           << types->size() << " results (one per yielded value), got "
           << getNumResults();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip_equal(*types, getResultTypes()))) {
    auto [components, resultType] = pair;
    auto expected = RankedTensorType::get(components.getDims(),
                                          components.getElementType());
    if (!areCompatibleTensorTypes(expected, resultType))
      return emitOpError("expected result #")
             << index << " of type " << expected
             << " (yielded by the regions), got " << resultType;
  }
  return success();
}

LogicalResult IfOp::verifyRegions() {
  return verifyLayersAllowedInRegions(*this);
}

/// A branch may yield a less or more precise shape than the result states.
bool IfOp::areTypesCompatible(Type lhs, Type rhs) {
  return areCompatibleTensorTypes(lhs, rhs);
}

/// The value of a constant 0-D i1 condition, if known.
static std::optional<bool> constantCondition(Attribute condition) {
  auto elements = dyn_cast_or_null<DenseElementsAttr>(condition);
  if (!elements || !elements.getElementType().isInteger(1) ||
      !elements.isSplat())
    return std::nullopt;
  return elements.getSplatValue<bool>();
}

void IfOp::getSuccessorRegions(RegionBranchPoint point,
                               SmallVectorImpl<RegionSuccessor> &regions) {
  if (!point.isParent()) {
    regions.push_back(RegionSuccessor(getOperation(), getResults()));
    return;
  }
  regions.push_back(RegionSuccessor(&getTrueRegion()));
  regions.push_back(RegionSuccessor(&getFalseRegion()));
}

void IfOp::getEntrySuccessorRegions(ArrayRef<Attribute> operands,
                                    SmallVectorImpl<RegionSuccessor> &regions) {
  std::optional<bool> taken = constantCondition(operands.front());
  if (!taken || *taken)
    regions.push_back(RegionSuccessor(&getTrueRegion()));
  if (!taken || !*taken)
    regions.push_back(RegionSuccessor(&getFalseRegion()));
}

void IfOp::getRegionInvocationBounds(
    ArrayRef<Attribute> operands, SmallVectorImpl<InvocationBounds> &bounds) {
  std::optional<bool> taken = constantCondition(operands.front());
  bounds.emplace_back(0, !taken || *taken ? 1 : 0);
  bounds.emplace_back(0, !taken || !*taken ? 1 : 0);
}

//===----------------------------------------------------------------------===//
// WhileOp and ConditionOp
//===----------------------------------------------------------------------===//

LogicalResult WhileOp::verify() {
  auto err = [this] { return emitOpError(); };
  TypeRange carried = getOperands().getTypes();
  if (failed(checkTypesEqual(carried, getResultTypes(), "results",
                             "the operand types", err)) ||
      failed(checkTypesEqual(carried, getCondRegion().getArgumentTypes(),
                             "condition region arguments",
                             "the operand types", err)) ||
      failed(checkTypesEqual(carried, getBodyRegion().getArgumentTypes(),
                             "body region arguments", "the operand types",
                             err)))
    return failure();
  auto condition = terminatorOf<ConditionOp>(getCondRegion());
  if (!condition)
    return emitOpError(
        "expected the condition region to end in 'tensorrt.condition'");
  auto yield = terminatorOf<YieldOp>(getBodyRegion());
  if (!yield)
    return emitOpError("expected the body region to end in 'tensorrt.yield'");
  if (failed(checkTypesEqual(carried, condition.getArgs().getTypes(),
                             "'tensorrt.condition' to pass values",
                             "the operand types", err)) ||
      failed(checkTypesEqual(carried, yield.getResults().getTypes(),
                             "the body to yield values", "the operand types",
                             err)))
    return failure();
  return success();
}

LogicalResult WhileOp::verifyRegions() {
  return verifyLayersAllowedInRegions(*this);
}

void WhileOp::getSuccessorRegions(RegionBranchPoint point,
                                  SmallVectorImpl<RegionSuccessor> &regions) {
  Region &cond = getCondRegion();
  Region &body = getBodyRegion();
  if (point.isParent() ||
      point.getTerminatorPredecessorOrNull()->getParentRegion() == &body) {
    regions.push_back(RegionSuccessor(&cond, cond.getArguments()));
    return;
  }
  regions.push_back(RegionSuccessor(&body, body.getArguments()));
  regions.push_back(RegionSuccessor(getOperation(), getResults()));
}

OperandRange WhileOp::getEntrySuccessorOperands(RegionSuccessor) {
  return getOperands();
}

MutableOperandRange ConditionOp::getMutableSuccessorOperands(RegionSuccessor) {
  return getArgsMutable();
}

void ConditionOp::getSuccessorRegions(
    ArrayRef<Attribute> operands, SmallVectorImpl<RegionSuccessor> &regions) {
  auto loop = cast<WhileOp>(getOperation()->getParentOp());
  std::optional<bool> continues = constantCondition(operands.front());
  if (!continues || *continues)
    regions.push_back(RegionSuccessor(&loop.getBodyRegion(),
                                      loop.getBodyRegion().getArguments()));
  if (!continues || !*continues)
    regions.push_back(RegionSuccessor(loop.getOperation(), loop.getResults()));
}

//===----------------------------------------------------------------------===//
// ForOp
//===----------------------------------------------------------------------===//

/// `tensor<i32>`: the type of the bounds and of the induction variable.
static RankedTensorType inductionType(MLIRContext *ctx) {
  return RankedTensorType::get({}, IntegerType::get(ctx, 32));
}

ParseResult ForOp::parse(OpAsmParser &parser, OperationState &result) {
  Type ivType = inductionType(parser.getContext());
  OpAsmParser::Argument iv;
  iv.type = ivType;
  OpAsmParser::UnresolvedOperand lb, ub, step;
  if (parser.parseArgument(iv) || parser.parseEqual() ||
      parser.parseOperand(lb) || parser.parseKeyword("to") ||
      parser.parseOperand(ub) || parser.parseKeyword("step") ||
      parser.parseOperand(step) ||
      parser.resolveOperands({lb, ub, step}, ivType, result.operands))
    return failure();

  SmallVector<OpAsmParser::Argument> regionArgs{iv};
  SmallVector<OpAsmParser::UnresolvedOperand> inits;
  llvm::SMLoc initsLoc = parser.getCurrentLocation();
  if (parser.parseKeyword("init") ||
      parser.parseAssignmentList(regionArgs, inits) ||
      parser.parseArrowTypeList(result.types))
    return failure();
  if (inits.size() != result.types.size())
    return parser.emitError(initsLoc)
           << "expected one result type per init value, got "
           << result.types.size() << " types for " << inits.size()
           << " values";
  for (auto [arg, type] :
       llvm::zip_equal(llvm::drop_begin(regionArgs), result.types))
    arg.type = type;
  if (parser.resolveOperands(inits, result.types, initsLoc, result.operands))
    return failure();

  Region *body = result.addRegion();
  if (parser.parseRegion(*body, regionArgs))
    return failure();
  ForOp::ensureTerminator(*body, parser.getBuilder(), result.location);
  return parser.parseOptionalAttrDict(result.attributes);
}

void ForOp::print(OpAsmPrinter &p) {
  p << ' ' << getInductionVar() << " = " << getLb() << " to " << getUb()
    << " step " << getStep() << " init(";
  llvm::interleaveComma(llvm::zip_equal(getCarriedArgs(), getInit()), p,
                        [&](auto pair) {
                          p << std::get<0>(pair) << " = " << std::get<1>(pair);
                        });
  p << ") -> (" << getInit().getTypes() << ") ";
  p.printRegion(getBodyRegion(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/true);
  p.printOptionalAttrDict((*this)->getAttrs());
}

LogicalResult ForOp::verify() {
  auto err = [this] { return emitOpError(); };
  Block &body = getBodyRegion().front();
  TypeRange carried = getInit().getTypes();
  if (body.getNumArguments() != carried.size() + 1)
    return emitOpError("expected the body to have ")
           << carried.size() + 1
           << " arguments (the induction variable and one per init value), "
              "got "
           << body.getNumArguments();
  Type ivType = inductionType(getContext());
  if (body.getArgument(0).getType() != ivType)
    return emitOpError("expected the induction variable to be of type ")
           << ivType << ", got " << body.getArgument(0).getType();
  if (failed(checkTypesEqual(carried, ValueRange(getCarriedArgs()).getTypes(),
                             "loop-carried body arguments",
                             "the init types", err)) ||
      failed(checkTypesEqual(carried, getResultTypes(), "results",
                             "the init types", err)))
    return failure();
  auto yield = terminatorOf<YieldOp>(getBodyRegion());
  if (!yield)
    return emitOpError("expected the body to end in 'tensorrt.yield'");
  return checkTypesEqual(carried, yield.getResults().getTypes(),
                         "the body to yield values", "the init types", err);
}

LogicalResult ForOp::verifyRegions() {
  return verifyLayersAllowedInRegions(*this);
}

void ForOp::getSuccessorRegions(RegionBranchPoint,
                                SmallVectorImpl<RegionSuccessor> &regions) {
  regions.push_back(RegionSuccessor(&getBodyRegion(), getCarriedArgs()));
  regions.push_back(RegionSuccessor(getOperation(), getResults()));
}

OperandRange ForOp::getEntrySuccessorOperands(RegionSuccessor) {
  return getInit();
}

SmallVector<Region *> ForOp::getLoopRegions() { return {&getBodyRegion()}; }

std::optional<SmallVector<Value>> ForOp::getLoopInductionVars() {
  return SmallVector<Value>{getInductionVar()};
}
