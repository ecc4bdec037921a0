//===- StableHLOToTensorRT.cpp - stablehlo/chlo → tensorrt patterns -------===//
//
// Part of Kiln. One pattern per source op (or op family). Each emits the
// highest-level `tensorrt` op that expresses the source op exactly; ops
// without a counterpart are composed from `element_wise`/`unary` where the
// composition is exact enough for fp32 (log1p, expm1, erfc, remainder).
//
// What can be converted is decided once, in `unsupportedReason`, which both
// the up-front check and the patterns rely on.
//
//===----------------------------------------------------------------------===//

#include "kiln/Conversion/StableHLOToTensorRT/StableHLOToTensorRT.h"

#include "kiln/Dialect/StableHLO/IR/StableHLO.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <numeric>

using namespace mlir;
namespace shlo = mlir::stablehlo;
namespace trt = mlir::tensorrt;
using trt::ElementWiseOperation;
using trt::UnaryOperation;

//===----------------------------------------------------------------------===//
// Small builders
//===----------------------------------------------------------------------===//

static RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

static Type elementType(Value value) { return tensorType(value).getElementType(); }

static bool isFloat(Value value) { return isa<FloatType>(elementType(value)); }

static bool isBool(Value value) {
  return elementType(value).isSignlessInteger(1);
}

static Value elementWise(OpBuilder &b, Location loc, ElementWiseOperation op,
                         Value lhs, Value rhs) {
  return trt::ElementWiseOp::create(b, loc, lhs, rhs, op).getResult();
}

static Value unary(OpBuilder &b, Location loc, UnaryOperation op, Value x) {
  return trt::UnaryOp::create(b, loc, x.getType(), x, op).getResult();
}

static Value activation(OpBuilder &b, Location loc, trt::ActivationType type,
                        Value x) {
  return trt::ActivationOp::create(b, loc, x.getType(), x, type, FloatAttr(),
                                   FloatAttr())
      .getResult();
}

/// A constant of the same rank as `like` with all dimensions 1, holding
/// `value`; it broadcasts against `like` in `element_wise`.
static Value splatLike(OpBuilder &b, Location loc, Value like, double value) {
  RankedTensorType type = tensorType(like);
  auto shape = RankedTensorType::get(SmallVector<int64_t>(type.getRank(), 1),
                                     type.getElementType());
  Attribute element;
  if (auto floatType = dyn_cast<FloatType>(type.getElementType()))
    element = FloatAttr::get(floatType, value);
  else
    element = IntegerAttr::get(type.getElementType(), static_cast<int64_t>(value));
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(shape, element))
      .getResult();
}

/// `value` with size-1 dimensions added in front up to `rank`.
static Value expandTo(OpBuilder &b, Location loc, Value value, int64_t rank) {
  RankedTensorType type = tensorType(value);
  if (type.getRank() == rank)
    return value;
  SmallVector<int64_t> shape(rank - type.getRank(), 1);
  llvm::append_range(shape, type.getShape());
  return trt::ExpandRankOp::create(
             b, loc, RankedTensorType::get(shape, type.getElementType()), value)
      .getResult();
}

static Value castTo(OpBuilder &b, Location loc, Value value, Type element) {
  if (elementType(value) == element)
    return value;
  return trt::CastOp::create(b, loc, tensorType(value).clone(element), value)
      .getResult();
}

static Value reshape(OpBuilder &b, Location loc, Value value,
                     ArrayRef<int64_t> shape) {
  RankedTensorType type = tensorType(value);
  if (type.getShape() == shape)
    return value;
  return trt::ReshapeOp::create(b, loc, type.clone(shape), value, Value())
      .getResult();
}

static Value transpose(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> perm) {
  SmallVector<unsigned> dims(perm.begin(), perm.end());
  bool identity = true;
  for (auto [i, d] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == d;
  if (identity)
    return value;
  RankedTensorType type = tensorType(value);
  SmallVector<int64_t> shape;
  for (int64_t d : perm)
    shape.push_back(type.getDimSize(d));
  return trt::TransposeOp::create(
             b, loc, type.clone(shape), value,
             AffineMap::getPermutationMap(dims, b.getContext()))
      .getResult();
}

//===----------------------------------------------------------------------===//
// What can be converted
//===----------------------------------------------------------------------===//

/// Element types the Kiln runtime holds.
static bool isRuntimeType(Type type) {
  return type.isF32() || type.isF16() || type.isBF16() ||
         type.isSignlessInteger(1) || type.isSignlessInteger(8) ||
         type.isSignlessInteger(32) || type.isSignlessInteger(64);
}

/// The `tensorrt.reduce` operation a single-op reducer maps to.
static std::optional<trt::ReduceOperation> reduceOperationOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<trt::ReduceOperation>>(op)
      .Case<shlo::AddOp, shlo::OrOp>(
          [](auto) { return trt::ReduceOperation::kSUM; })
      .Case<shlo::MulOp, shlo::AndOp>(
          [](auto) { return trt::ReduceOperation::kPROD; })
      .Case<shlo::MaxOp>([](auto) { return trt::ReduceOperation::kMAX; })
      .Case<shlo::MinOp>([](auto) { return trt::ReduceOperation::kMIN; })
      .Default([](Operation *) { return std::nullopt; });
}

/// The reducer op of a `stablehlo.reduce` whose body applies one binary op
/// to (accumulator, element), else null.
static Operation *singleReducerOp(shlo::ReduceOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &body = op.getBody().front();
  if (!llvm::hasNItems(body, 2))
    return nullptr;
  Operation &inner = body.front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.back());
  if (!ret || inner.getNumOperands() != 2 || ret.getNumOperands() != 1 ||
      ret.getOperand(0) != inner.getResult(0))
    return nullptr;
  bool argsInOrder = inner.getOperand(0) == body.getArgument(0) &&
                     inner.getOperand(1) == body.getArgument(1);
  bool argsSwapped = inner.getOperand(0) == body.getArgument(1) &&
                     inner.getOperand(1) == body.getArgument(0);
  return argsInOrder || argsSwapped ? &inner : nullptr;
}

/// Element-wise maps of the binary ops that have a direct counterpart.
static std::optional<ElementWiseOperation> elementWiseOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<ElementWiseOperation>>(op)
      .Case<shlo::AddOp>([](auto) { return ElementWiseOperation::kSUM; })
      .Case<shlo::SubtractOp>([](auto) { return ElementWiseOperation::kSUB; })
      .Case<shlo::MulOp>([](auto) { return ElementWiseOperation::kPROD; })
      .Case<shlo::DivOp>([](auto) { return ElementWiseOperation::kDIV; })
      .Case<shlo::MaxOp>([](auto) { return ElementWiseOperation::kMAX; })
      .Case<shlo::MinOp>([](auto) { return ElementWiseOperation::kMIN; })
      .Case<shlo::PowOp>([](auto) { return ElementWiseOperation::kPOW; })
      .Case<shlo::AndOp>([](auto) { return ElementWiseOperation::kAND; })
      .Case<shlo::OrOp>([](auto) { return ElementWiseOperation::kOR; })
      .Case<shlo::XorOp>([](auto) { return ElementWiseOperation::kXOR; })
      .Default([](Operation *) { return std::nullopt; });
}

/// Unary ops with a direct `tensorrt.unary` counterpart.
static std::optional<UnaryOperation> unaryOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<UnaryOperation>>(op)
      .Case<shlo::AbsOp>([](auto) { return UnaryOperation::kABS; })
      .Case<shlo::CeilOp>([](auto) { return UnaryOperation::kCEIL; })
      .Case<shlo::CosineOp>([](auto) { return UnaryOperation::kCOS; })
      .Case<shlo::ExpOp>([](auto) { return UnaryOperation::kEXP; })
      .Case<shlo::FloorOp>([](auto) { return UnaryOperation::kFLOOR; })
      .Case<shlo::LogOp>([](auto) { return UnaryOperation::kLOG; })
      .Case<shlo::NegOp>([](auto) { return UnaryOperation::kNEG; })
      .Case<shlo::NotOp>([](auto) { return UnaryOperation::kNOT; })
      .Case<shlo::SignOp>([](auto) { return UnaryOperation::kSIGN; })
      .Case<shlo::SineOp>([](auto) { return UnaryOperation::kSIN; })
      .Case<shlo::SqrtOp>([](auto) { return UnaryOperation::kSQRT; })
      .Case<shlo::TanOp, chlo::TanOp>([](auto) { return UnaryOperation::kTAN; })
      .Case<shlo::RoundNearestEvenOp>(
          [](auto) { return UnaryOperation::kROUND; })
      .Case<chlo::ErfOp>([](auto) { return UnaryOperation::kERF; })
      .Case<chlo::SinhOp>([](auto) { return UnaryOperation::kSINH; })
      .Case<chlo::CoshOp>([](auto) { return UnaryOperation::kCOSH; })
      .Case<chlo::AsinOp>([](auto) { return UnaryOperation::kASIN; })
      .Case<chlo::AcosOp>([](auto) { return UnaryOperation::kACOS; })
      .Case<chlo::AtanOp>([](auto) { return UnaryOperation::kATAN; })
      .Case<chlo::AsinhOp>([](auto) { return UnaryOperation::kASINH; })
      .Case<chlo::AcoshOp>([](auto) { return UnaryOperation::kACOSH; })
      .Case<chlo::AtanhOp>([](auto) { return UnaryOperation::kATANH; })
      .Default([](Operation *) { return std::nullopt; });
}

/// Ops converted by a pattern below (each may still refuse some forms).
static bool hasPattern(Operation *op) {
  if (elementWiseOf(op) || unaryOf(op))
    return true;
  return isa<shlo::ConstantOp, shlo::IotaOp, shlo::ConvertOp, shlo::CompareOp,
             shlo::SelectOp, shlo::ClampOp, shlo::BroadcastInDimOp,
             shlo::ReshapeOp, shlo::TransposeOp, shlo::ConcatenateOp,
             shlo::SliceOp, shlo::DotGeneralOp, shlo::DotOp, shlo::ReduceOp,
             shlo::RsqrtOp, shlo::LogisticOp, shlo::TanhOp, shlo::Log1pOp,
             shlo::Expm1Op, shlo::RoundOp, shlo::RemOp, shlo::IsFiniteOp,
             shlo::PadOp, shlo::ReverseOp, shlo::OptimizationBarrierOp,
             shlo::ReturnOp, chlo::SquareOp, chlo::ErfcOp, shlo::Atan2Op,
             chlo::TopKOp, shlo::WhileOp, shlo::CaseOp, shlo::IfOp,
             shlo::GatherOp, shlo::ReduceWindowOp, shlo::ConvolutionOp,
             shlo::ScatterOp, shlo::SortOp>(op);
}

/// Whether `value`, computed in a comparator block, depends on no block
/// argument other than `arg`.
static bool dependsOnlyOn(Value value, BlockArgument arg) {
  SmallVector<Value> worklist{value};
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    if (auto blockArg = dyn_cast<BlockArgument>(v)) {
      if (blockArg != arg)
        return false;
      continue;
    }
    Operation *def = v.getDefiningOp();
    if (!def || def->getNumRegions())
      return false;
    llvm::append_range(worklist, def->getOperands());
  }
  return true;
}

/// For a sort whose comparator orders by the first input alone (JAX's
/// `jnp.sort`/`argsort`/`lax.sort` with one key): kMIN for ascending, kMAX
/// for descending; else nothing.
static std::optional<trt::TopKOperation> sortOrder(shlo::SortOp op) {
  Block &body = op.getComparator().front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.getTerminator());
  if (!ret || ret.getNumOperands() != 1 || body.getNumArguments() < 2)
    return std::nullopt;
  auto compare = ret.getOperand(0).getDefiningOp<shlo::CompareOp>();
  if (!compare || !dependsOnlyOn(compare.getLhs(), body.getArgument(0)) ||
      !dependsOnlyOn(compare.getRhs(), body.getArgument(1)))
    return std::nullopt;
  switch (compare.getComparisonDirection()) {
  case shlo::ComparisonDirection::LT:
    return trt::TopKOperation::kMIN;
  case shlo::ComparisonDirection::GT:
    return trt::TopKOperation::kMAX;
  default:
    return std::nullopt;
  }
}

/// Whether `op` is the scatter-add JAX emits for `x.at[ids].add(u)`: one
/// float operand, whole windows along the other dimensions inserted at one
/// index into dimension 0, the batch dimensions of the updates in front.
static bool isRowScatterAdd(shlo::ScatterOp op) {
  if (op.getInputs().size() != 1 || !isFloat(op.getInputs()[0]))
    return false;
  Block &body = op.getUpdateComputation().front();
  if (!llvm::hasNItems(body, 2) || body.getNumArguments() != 2 ||
      !isa<shlo::AddOp>(body.front()))
    return false;
  shlo::ScatterDimensionNumbersAttr dims = op.getScatterDimensionNumbers();
  RankedTensorType operand = tensorType(op.getInputs()[0]);
  RankedTensorType indices = tensorType(op.getScatterIndices());
  RankedTensorType updates = tensorType(op.getUpdates()[0]);
  if (!operand.hasStaticShape() || !indices.hasStaticShape() ||
      !updates.hasStaticShape() || !dims.getInputBatchingDims().empty() ||
      dims.getInsertedWindowDims() != ArrayRef<int64_t>{0} ||
      dims.getScatterDimsToOperandDims() != ArrayRef<int64_t>{0})
    return false;
  int64_t vectorDim = dims.getIndexVectorDim();
  int64_t batchRank = indices.getRank();
  if (vectorDim < indices.getRank()) {
    if (indices.getDimSize(vectorDim) != 1 || vectorDim != indices.getRank() - 1)
      return false;
    --batchRank;
  }
  int64_t windowRank = operand.getRank() - 1;
  if (updates.getRank() != batchRank + windowRank)
    return false;
  for (int64_t i = 0; i < windowRank; ++i)
    if (dims.getUpdateWindowDims().size() != static_cast<size_t>(windowRank) ||
        dims.getUpdateWindowDims()[i] != batchRank + i ||
        updates.getDimSize(batchRank + i) != operand.getDimSize(i + 1))
      return false;
  return true;
}

/// Why a convolution cannot become `tensorrt.convolution`, or nothing.
static std::optional<std::string> convolutionProblem(shlo::ConvolutionOp op) {
  auto allEqual = [](std::optional<ArrayRef<int64_t>> values, int64_t v) {
    return !values || llvm::all_of(*values, [&](int64_t x) { return x == v; });
  };
  int64_t spatial = static_cast<int64_t>(op.getInputDims().size()) - 2;
  if (spatial < 1 || spatial > 3)
    return std::string("is supported only with 1 to 3 spatial dimensions");
  if (!isFloat(op.getLhs()) || !tensorType(op.getLhs()).hasStaticShape() ||
      !tensorType(op.getRhs()).hasStaticShape())
    return std::string("is supported only on static floating-point tensors");
  if (!allEqual(op.getLhsDilation(), 1))
    return std::string("with input (lhs) dilation is not supported yet");
  if (op.getWindowReversal() &&
      llvm::is_contained(*op.getWindowReversal(), true))
    return std::string("with window reversal is not supported yet");
  if (op.getBatchGroupCount() != 1)
    return std::string("with batch_group_count > 1 is not supported yet");
  if (auto padding = op.getPadding())
    if (llvm::any_of(*padding, [](int64_t p) { return p < 0; }))
      return std::string("with negative padding is not supported yet");
  return std::nullopt;
}

/// The reducer op of a one-input `stablehlo.reduce_window` whose body is
/// one add or maximum, else null.
static Operation *windowReducerOp(shlo::ReduceWindowOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &body = op->getRegion(0).front();
  if (!llvm::hasNItems(body, 2) || body.getNumArguments() != 2)
    return nullptr;
  Operation &inner = body.front();
  auto ret = dyn_cast<shlo::ReturnOp>(body.back());
  if (!isa<shlo::AddOp, shlo::MaxOp>(inner) || !ret ||
      ret.getNumOperands() != 1 || ret.getOperand(0) != inner.getResult(0))
    return nullptr;
  return &inner;
}

/// Why a reduce_window cannot become `tensorrt.pooling`, or nothing.
static std::optional<std::string> reduceWindowProblem(shlo::ReduceWindowOp op) {
  Operation *reducer = windowReducerOp(op);
  if (!reducer)
    return std::string("is supported only with one input and a reducer that "
                       "is one add or maximum");
  RankedTensorType type = tensorType(op.getInputs()[0]);
  if (!type.hasStaticShape() || !isFloat(op.getInputs()[0]))
    return std::string("is supported only on static floating-point tensors");
  auto allOnes = [](std::optional<ArrayRef<int64_t>> values) {
    return !values || llvm::all_of(*values, [](int64_t v) { return v == 1; });
  };
  if (!allOnes(op.getBaseDilations()) || !allOnes(op.getWindowDilations()))
    return std::string("with dilations is not supported yet");
  DenseElementsAttr init;
  Value initValue = op.getInitValues()[0];
  // JAX sometimes broadcasts the scalar constant to itself first.
  while (auto broadcast = initValue.getDefiningOp<shlo::BroadcastInDimOp>())
    initValue = broadcast.getOperand();
  if (!matchPattern(initValue, m_Constant(&init)) ||
      !init.isSplat())
    return std::string("is supported only with a constant initial value");
  APFloat x = init.getSplatValue<APFloat>();
  bool identity = isa<shlo::AddOp>(reducer) ? x.isZero()
                                            : x.isInfinity() && x.isNegative();
  if (!identity)
    return std::string("is supported only with the reducer's identity as "
                       "initial value (0 for add, -inf for maximum)");
  int64_t windowed = 0;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    bool strided = op.getWindowStrides() && (*op.getWindowStrides())[d] != 1;
    bool padded = false;
    if (std::optional<DenseIntElementsAttr> padding = op.getPadding())
      padded = padding->getValues<int64_t>()[2 * d] != 0 ||
               padding->getValues<int64_t>()[2 * d + 1] != 0;
    if (op.getWindowDimensions()[d] != 1 || strided || padded)
      ++windowed;
  }
  if (windowed > 3)
    return std::string("over more than 3 dimensions is not supported");
  return std::nullopt;
}

/// For a gather that takes whole slices at one index per operand dimension
/// `a` (embedding lookup, `jnp.take` along an axis): `a`, else nothing.
static std::optional<int64_t> gatherAxis(shlo::GatherOp op) {
  shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
  RankedTensorType operand = tensorType(op.getOperand());
  RankedTensorType indices = tensorType(op.getStartIndices());
  if (!operand.hasStaticShape() || !indices.hasStaticShape() ||
      !dims.getOperandBatchingDims().empty() ||
      !dims.getStartIndicesBatchingDims().empty() ||
      dims.getStartIndexMap().size() != 1)
    return std::nullopt;
  int64_t axis = dims.getStartIndexMap()[0];
  if (dims.getCollapsedSliceDims() != ArrayRef<int64_t>{axis} ||
      static_cast<int64_t>(dims.getOffsetDims().size()) != operand.getRank() - 1 ||
      !llvm::is_sorted(dims.getOffsetDims()))
    return std::nullopt;
  ArrayRef<int64_t> sizes = op.getSliceSizes();
  for (int64_t d = 0; d < operand.getRank(); ++d)
    if (sizes[d] != (d == axis ? 1 : operand.getDimSize(d)))
      return std::nullopt;
  int64_t vectorDim = dims.getIndexVectorDim();
  if (vectorDim != indices.getRank() &&
      (vectorDim > indices.getRank() || indices.getDimSize(vectorDim) != 1))
    return std::nullopt;
  return axis;
}

/// For a two-input reduce that JAX emits for argmax/argmin (values with an
/// iota along the one reduced dimension, the reducer picking the larger or
/// smaller value and the lower index on ties): the `top_k` operation it
/// computes, else nothing.
static std::optional<trt::TopKOperation> argReduceKind(shlo::ReduceOp op) {
  if (op.getInputs().size() != 2 || op.getDimensions().size() != 1)
    return std::nullopt;
  int64_t axis = op.getDimensions()[0];
  auto iota = op.getInputs()[1].getDefiningOp<shlo::IotaOp>();
  if (!iota || iota.getIotaDimension() != axis ||
      !elementType(op.getInputs()[1]).isSignlessInteger(32))
    return std::nullopt;
  Block &body = op.getBody().front();
  if (body.getNumArguments() != 4)
    return std::nullopt;
  // Block arguments: (acc value, acc index, value, index). The first
  // comparison of the accumulated value with the new one decides the kind.
  for (Operation &inner : body) {
    auto compare = dyn_cast<shlo::CompareOp>(inner);
    if (!compare || compare.getLhs() != body.getArgument(0) ||
        compare.getRhs() != body.getArgument(2))
      continue;
    switch (compare.getComparisonDirection()) {
    case shlo::ComparisonDirection::GT:
      return trt::TopKOperation::kMAX;
    case shlo::ComparisonDirection::LT:
      return trt::TopKOperation::kMIN;
    default:
      return std::nullopt;
    }
  }
  return std::nullopt;
}

/// Why `op` cannot be converted, or nothing when it can.
static std::optional<std::string> unsupportedReason(Operation *op) {
  if (!hasPattern(op))
    return std::string("has no conversion to `tensorrt` yet");
  for (Type type : llvm::concat<Type>(op->getOperandTypes(),
                                      op->getResultTypes())) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor)
      continue;
    if (!isRuntimeType(tensor.getElementType()))
      return "uses element type " +
             llvm::formatv("{0}", tensor.getElementType()).str() +
             ", which the Kiln runtime does not support (supported: f32, "
             "f16, bf16, i32, i64, i8, i1)";
  }
  if (auto reduce = dyn_cast<shlo::ReduceOp>(op)) {
    if (reduce.getInputs().size() != 1) {
      if (argReduceKind(reduce))
        return std::nullopt;
      return std::string("with several inputs is supported only in the "
                         "argmax/argmin form (values and an iota along one "
                         "reduced dimension)");
    }
    Operation *inner = singleReducerOp(reduce);
    if (!inner || !reduceOperationOf(inner))
      return std::string("is supported only with a reducer that is one "
                         "add, multiply, maximum, minimum, and or or");
    if (isa<shlo::AndOp, shlo::OrOp>(inner) && !isBool(reduce.getInputs()[0]))
      return std::string("with and/or is supported only on i1");
  }
  if (isa<shlo::DotGeneralOp, shlo::DotOp>(op) && !isFloat(op->getOperand(0)))
    return std::string("is supported only on floating-point operands");
  if (isa<shlo::AndOp, shlo::OrOp, shlo::XorOp, shlo::NotOp>(op) &&
      !isBool(op->getOperand(0)))
    return std::string("is supported only on i1 (bitwise integer logic is "
                       "not supported yet)");
  if (auto pad = dyn_cast<shlo::PadOp>(op))
    if (llvm::any_of(pad.getInteriorPadding(), [](int64_t p) { return p != 0; }))
      return std::string("with interior padding is not supported yet");
  if (auto gather = dyn_cast<shlo::GatherOp>(op))
    if (!gatherAxis(gather))
      return std::string("is supported only in the form that takes whole "
                         "slices at one index per position (embedding "
                         "lookup, take along one axis)");
  if (auto window = dyn_cast<shlo::ReduceWindowOp>(op))
    return reduceWindowProblem(window);
  if (auto conv = dyn_cast<shlo::ConvolutionOp>(op))
    return convolutionProblem(conv);
  if (auto sort = dyn_cast<shlo::SortOp>(op)) {
    if (!sortOrder(sort))
      return std::string("is supported only with a comparator that orders by "
                         "the first input with LT or GT");
    RankedTensorType key = tensorType(sort.getInputs()[0]);
    int64_t dim = sort.getDimension() < 0 ? sort.getDimension() + key.getRank()
                                          : sort.getDimension();
    if (!key.hasStaticShape() ||
        key.getDimSize(dim) > trt::TopKOp::kMaxK ||
        !(isFloat(sort.getInputs()[0]) ||
          key.getElementType().isSignlessInteger(32) ||
          key.getElementType().isSignlessInteger(64)))
      return std::string("is supported only on static f32/f16/bf16/i32/i64 "
                         "keys of at most 3840 elements along the sorted "
                         "dimension");
  }
  if (auto scatter = dyn_cast<shlo::ScatterOp>(op))
    if (!isRowScatterAdd(scatter))
      return std::string("is supported only as the floating-point scatter-add "
                         "of whole rows (x.at[ids].add(u))");
  if (isa<shlo::Atan2Op>(op) && !isFloat(op->getOperand(0)))
    return std::string("is supported only on floating-point operands");
  if (auto case_ = dyn_cast<shlo::CaseOp>(op))
    if (case_.getBranches().empty())
      return std::string("needs at least one branch");
  if (isa<shlo::WhileOp, shlo::CaseOp, shlo::IfOp>(op))
    for (Type type : op->getResultTypes())
      if (!isa<RankedTensorType>(type))
        return std::string("is supported only with tensor results");
  if (isa<shlo::RemOp>(op) && !isFloat(op->getOperand(0)) &&
      !elementType(op->getOperand(0)).isSignlessInteger())
    return std::string("is not supported on this element type");
  return std::nullopt;
}

bool kiln::containsStableHLO(ModuleOp module) {
  bool found = false;
  module.walk([&](Operation *op) {
    if (isa<shlo::StableHLODialect, chlo::ChloDialect>(op->getDialect())) {
      found = true;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

LogicalResult kiln::checkStableHLOConvertible(ModuleOp module) {
  struct Problem {
    Operation *first;
    std::string reason;
    int count = 0;
  };
  llvm::MapVector<OperationName, Problem> problems;
  module.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (!isa<shlo::StableHLODialect, chlo::ChloDialect>(op->getDialect()))
      return WalkResult::advance();
    // The reducer of a convertible reduce is judged with the reduce.
    if (isa<shlo::ReturnOp>(op))
      return WalkResult::advance();
    if (std::optional<std::string> reason = unsupportedReason(op)) {
      Problem &problem = problems[op->getName()];
      if (problem.count++ == 0) {
        problem.first = op;
        problem.reason = *reason;
      }
    }
    // Ops in loop and branch regions are converted one by one; reducer
    // regions go with their reduce.
    if (isa<shlo::WhileOp, shlo::CaseOp, shlo::IfOp>(op))
      return WalkResult::advance();
    return op->getNumRegions() ? WalkResult::skip() : WalkResult::advance();
  });
  for (auto &[name, problem] : problems) {
    InFlightDiagnostic diag = problem.first->emitError()
                              << "'" << name << "' " << problem.reason;
    if (problem.count > 1)
      diag << " (" << problem.count << " uses; this is the first)";
  }
  return success(problems.empty());
}

//===----------------------------------------------------------------------===//
// Pointwise patterns
//===----------------------------------------------------------------------===//

namespace {

/// Base for patterns that apply to any op the predicate accepts; refuses
/// the forms `unsupportedReason` rejects.
template <typename SourceOp>
struct StableHLOPattern : public OpConversionPattern<SourceOp> {
  using OpConversionPattern<SourceOp>::OpConversionPattern;
  using OpAdaptor = typename OpConversionPattern<SourceOp>::OpAdaptor;

  LogicalResult
  matchAndRewrite(SourceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const final {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    FailureOr<Value> result = convert(op, adaptor, rewriter);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }

  virtual FailureOr<Value> convert(SourceOp op, OpAdaptor adaptor,
                                   ConversionPatternRewriter &rewriter) const = 0;
};

/// Binary ops with a direct `element_wise` counterpart. On i1, add/max are
/// `or` and multiply/min are `and`.
struct BinaryPattern : public ConversionPattern {
  BinaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    std::optional<ElementWiseOperation> kind = elementWiseOf(op);
    if (!kind || operands.size() != 2 || unsupportedReason(op))
      return failure();
    if (isBool(operands[0])) {
      if (isa<shlo::AddOp, shlo::MaxOp>(op))
        kind = ElementWiseOperation::kOR;
      else if (isa<shlo::MulOp, shlo::MinOp>(op))
        kind = ElementWiseOperation::kAND;
    }
    rewriter.replaceOp(op, elementWise(rewriter, op->getLoc(), *kind,
                                       operands[0], operands[1]));
    return success();
  }
};

/// Unary ops with a direct `unary` counterpart.
struct UnaryPattern : public ConversionPattern {
  UnaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    std::optional<UnaryOperation> kind = unaryOf(op);
    if (!kind || operands.size() != 1 || unsupportedReason(op))
      return failure();
    rewriter.replaceOp(op, unary(rewriter, op->getLoc(), *kind, operands[0]));
    return success();
  }
};

/// Unary functions composed from `tensorrt` ops.
struct ComposedUnaryPattern : public ConversionPattern {
  ComposedUnaryPattern(MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const final {
    if (operands.size() != 1 || unsupportedReason(op))
      return failure();
    Location loc = op->getLoc();
    Value x = operands[0];
    auto one = [&] { return splatLike(rewriter, loc, x, 1.0); };
    std::optional<Value> result =
        llvm::TypeSwitch<Operation *, std::optional<Value>>(op)
            .Case([&](shlo::RsqrtOp) {
              return unary(rewriter, loc, UnaryOperation::kRECIP,
                           unary(rewriter, loc, UnaryOperation::kSQRT, x));
            })
            .Case([&](shlo::LogisticOp) {
              return activation(rewriter, loc, trt::ActivationType::kSIGMOID, x);
            })
            .Case([&](shlo::TanhOp) {
              return activation(rewriter, loc, trt::ActivationType::kTANH, x);
            })
            // Operands are built into locals first so the order of the
            // emitted ops does not depend on argument evaluation order.
            .Case([&](shlo::Log1pOp) {
              Value shifted = one();
              shifted = elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                    x, shifted);
              return unary(rewriter, loc, UnaryOperation::kLOG, shifted);
            })
            .Case([&](shlo::Expm1Op) {
              Value exp = unary(rewriter, loc, UnaryOperation::kEXP, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kSUB,
                                 exp, one());
            })
            .Case([&](chlo::ErfcOp) {
              Value erf = unary(rewriter, loc, UnaryOperation::kERF, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kSUB,
                                 one(), erf);
            })
            .Case([&](chlo::SquareOp) {
              return elementWise(rewriter, loc, ElementWiseOperation::kPROD, x,
                                 x);
            })
            .Case([&](shlo::RoundOp) {
              // Ties away from zero: sign(x) * floor(|x| + 0.5).
              Value magnitude = unary(rewriter, loc, UnaryOperation::kABS, x);
              Value half = splatLike(rewriter, loc, x, 0.5);
              magnitude = elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                      magnitude, half);
              magnitude = unary(rewriter, loc, UnaryOperation::kFLOOR, magnitude);
              Value sign = unary(rewriter, loc, UnaryOperation::kSIGN, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kPROD,
                                 sign, magnitude);
            })
            .Case([&](shlo::IsFiniteOp) {
              // x - x is 0 for finite x and NaN for infinities and NaN.
              Value difference =
                  elementWise(rewriter, loc, ElementWiseOperation::kSUB, x, x);
              return elementWise(rewriter, loc, ElementWiseOperation::kEQUAL,
                                 difference, splatLike(rewriter, loc, x, 0.0));
            })
            .Default([](Operation *) { return std::nullopt; });
    if (!result)
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// a - b * trunc(a / b): the result has the sign of `a`.
struct RemainderPattern : public StableHLOPattern<shlo::RemOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::RemOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value a = adaptor.getLhs(), b = adaptor.getRhs();
    Value quotient = elementWise(rewriter, loc, ElementWiseOperation::kDIV, a, b);
    if (isFloat(a)) {
      Value zero = splatLike(rewriter, loc, quotient, 0.0);
      Value negative = elementWise(rewriter, loc, ElementWiseOperation::kLESS,
                                   quotient, zero);
      Value up = unary(rewriter, loc, UnaryOperation::kCEIL, quotient);
      Value down = unary(rewriter, loc, UnaryOperation::kFLOOR, quotient);
      quotient = trt::SelectOp::create(rewriter, loc, quotient.getType(),
                                       negative, up, down)
                     .getResult();
    }
    Value multiple =
        elementWise(rewriter, loc, ElementWiseOperation::kPROD, b, quotient);
    return elementWise(rewriter, loc, ElementWiseOperation::kSUB, a, multiple);
  }
};

struct CompareLowering : public StableHLOPattern<shlo::CompareOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::CompareOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    shlo::ComparisonDirection direction = op.getComparisonDirection();
    using Direction = shlo::ComparisonDirection;
    if (isBool(lhs)) {
      // Comparisons do not take i1; equality of booleans is xor.
      if (direction == Direction::NE)
        return elementWise(rewriter, loc, ElementWiseOperation::kXOR, lhs, rhs);
      if (direction == Direction::EQ)
        return unary(rewriter, loc, UnaryOperation::kNOT,
                     elementWise(rewriter, loc, ElementWiseOperation::kXOR,
                                 lhs, rhs));
      lhs = castTo(rewriter, loc, lhs, rewriter.getI32Type());
      rhs = castTo(rewriter, loc, rhs, rewriter.getI32Type());
    }
    auto compare = [&](ElementWiseOperation kind) {
      return elementWise(rewriter, loc, kind, lhs, rhs);
    };
    // GE and LE as (GT or EQ), (LT or EQ) keep NaN operands false.
    switch (direction) {
    case Direction::EQ:
      return compare(ElementWiseOperation::kEQUAL);
    case Direction::NE:
      return unary(rewriter, loc, UnaryOperation::kNOT,
                   compare(ElementWiseOperation::kEQUAL));
    case Direction::GT:
      return compare(ElementWiseOperation::kGREATER);
    case Direction::LT:
      return compare(ElementWiseOperation::kLESS);
    case Direction::GE:
    case Direction::LE: {
      Value strict = compare(direction == Direction::GE
                                 ? ElementWiseOperation::kGREATER
                                 : ElementWiseOperation::kLESS);
      Value equal = compare(ElementWiseOperation::kEQUAL);
      return elementWise(rewriter, loc, ElementWiseOperation::kOR, strict,
                         equal);
    }
    }
    return failure();
  }
};

struct ConvertLowering : public StableHLOPattern<shlo::ConvertOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConvertOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return castTo(rewriter, op.getLoc(), adaptor.getOperand(),
                getElementTypeOrSelf(op.getType()));
  }
};

struct SelectLowering : public StableHLOPattern<shlo::SelectOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::SelectOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    int64_t rank = tensorType(op.getResult()).getRank();
    Value pred = expandTo(rewriter, op.getLoc(), adaptor.getPred(), rank);
    return trt::SelectOp::create(rewriter, op.getLoc(), op.getType(), pred,
                                 adaptor.getOnTrue(), adaptor.getOnFalse())
        .getResult();
  }
};

struct ClampLowering : public StableHLOPattern<shlo::ClampOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ClampOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t rank = tensorType(op.getResult()).getRank();
    Value low = expandTo(rewriter, loc, adaptor.getMin(), rank);
    Value high = expandTo(rewriter, loc, adaptor.getMax(), rank);
    Value raised = elementWise(rewriter, loc, ElementWiseOperation::kMAX,
                               adaptor.getOperand(), low);
    return elementWise(rewriter, loc, ElementWiseOperation::kMIN, raised, high);
  }
};

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

struct ConstantLowering : public StableHLOPattern<shlo::ConstantOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConstantOp op, OpAdaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return trt::ConstantOp::create(rewriter, op.getLoc(), op.getValue())
        .getResult();
  }
};

/// A static iota becomes the constant it always produces.
struct IotaLowering : public StableHLOPattern<shlo::IotaOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::IotaOp op, OpAdaptor,
                           ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = tensorType(op.getResult());
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    ArrayRef<int64_t> shape = type.getShape();
    int64_t dim = op.getIotaDimension();
    int64_t inner = 1;
    for (int64_t d = dim + 1; d < type.getRank(); ++d)
      inner *= shape[d];
    SmallVector<Attribute> values;
    values.reserve(type.getNumElements());
    for (int64_t i = 0; i < type.getNumElements(); ++i) {
      int64_t index = (i / inner) % shape[dim];
      if (auto floatType = dyn_cast<FloatType>(type.getElementType()))
        values.push_back(FloatAttr::get(floatType, double(index)));
      else
        values.push_back(IntegerAttr::get(type.getElementType(), index));
    }
    return trt::ConstantOp::create(rewriter, op.getLoc(),
                                   DenseElementsAttr::get(type, values))
        .getResult();
  }
};

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

struct BroadcastInDimLowering : public StableHLOPattern<shlo::BroadcastInDimOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::BroadcastInDimOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getOperand();
    ArrayRef<int64_t> dims = op.getBroadcastDimensions();
    bool identity = input.getType() == op.getType();
    for (auto [i, d] : llvm::enumerate(dims))
      identity &= static_cast<int64_t>(i) == d;
    if (identity)
      return input;
    return trt::BroadcastOp::create(rewriter, op.getLoc(), op.getType(), input,
                                    Value(), dims)
        .getResult();
  }
};

struct ReshapeLowering : public StableHLOPattern<shlo::ReshapeOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ReshapeOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return reshape(rewriter, op.getLoc(), adaptor.getOperand(),
                   tensorType(op.getResult()).getShape());
  }
};

struct TransposeLowering : public StableHLOPattern<shlo::TransposeOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::TransposeOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    return transpose(rewriter, op.getLoc(), adaptor.getOperand(),
                     op.getPermutation());
  }
};

struct ConcatenateLowering : public StableHLOPattern<shlo::ConcatenateOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConcatenateOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (adaptor.getInputs().size() == 1)
      return adaptor.getInputs().front();
    return trt::ConcatenationOp::create(
               rewriter, op.getLoc(), op.getType(), adaptor.getInputs(),
               static_cast<uint32_t>(op.getDimension()))
        .getResult();
  }
};

static SmallVector<int32_t> toI32(ArrayRef<int64_t> values) {
  return SmallVector<int32_t>(values.begin(), values.end());
}

struct SliceLowering : public StableHLOPattern<shlo::SliceOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::SliceOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (adaptor.getOperand().getType() == op.getType())
      return adaptor.getOperand();
    return trt::SliceOp::create(
               rewriter, op.getLoc(), adaptor.getOperand(),
               toI32(op.getStartIndices()),
               toI32(tensorType(op.getResult()).getShape()),
               toI32(op.getStrides()))
        .getResult();
  }
};

/// Edge padding (possibly negative) as a slice that reads the padding value
/// outside the operand.
struct PadLowering : public StableHLOPattern<shlo::PadOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::PadOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    SmallVector<int32_t> start, stride;
    for (int64_t low : op.getEdgePaddingLow()) {
      start.push_back(static_cast<int32_t>(-low));
      stride.push_back(1);
    }
    return trt::SliceOp::create(rewriter, op.getLoc(), adaptor.getOperand(),
                                start,
                                toI32(tensorType(op.getResult()).getShape()),
                                stride, trt::SliceMode::kFILL,
                                adaptor.getPaddingValue())
        .getResult();
  }
};

/// Reversal as a slice with stride -1 along the reversed dimensions.
struct ReverseLowering : public StableHLOPattern<shlo::ReverseOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ReverseOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    ArrayRef<int64_t> shape = tensorType(op.getResult()).getShape();
    SmallVector<int32_t> start(shape.size(), 0), stride(shape.size(), 1);
    for (int64_t d : op.getDimensions()) {
      start[d] = static_cast<int32_t>(shape[d] - 1);
      stride[d] = -1;
    }
    return trt::SliceOp::create(rewriter, op.getLoc(), adaptor.getOperand(),
                                start, toI32(shape), stride)
        .getResult();
  }
};

struct OptimizationBarrierLowering
    : public OpConversionPattern<shlo::OptimizationBarrierOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::OptimizationBarrierOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getOperand());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

static int64_t product(ArrayRef<int64_t> sizes) {
  return std::accumulate(sizes.begin(), sizes.end(), int64_t(1),
                         std::multiplies<int64_t>());
}

/// One dot_general operand brought into matrix form [batch..., rows, cols]:
/// `outer` dimensions become the rows (lhs) or columns (rhs), `contracting`
/// the other matrix dimension. Returns the matrix and the outer sizes.
struct MatrixOperand {
  Value matrix;
  SmallVector<int64_t> outerSizes;
  trt::MatrixOperation operation = trt::MatrixOperation::kNONE;
};

static MatrixOperand toMatrix(OpBuilder &b, Location loc, Value value,
                              ArrayRef<int64_t> batch,
                              ArrayRef<int64_t> contracting, bool isLhs) {
  RankedTensorType type = tensorType(value);
  SmallVector<int64_t> outer;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!llvm::is_contained(batch, d) && !llvm::is_contained(contracting, d))
      outer.push_back(d);
  MatrixOperand result;
  SmallVector<int64_t> batchSizes;
  for (int64_t d : batch)
    batchSizes.push_back(type.getDimSize(d));
  for (int64_t d : outer)
    result.outerSizes.push_back(type.getDimSize(d));
  SmallVector<int64_t> contractingSizes;
  for (int64_t d : contracting)
    contractingSizes.push_back(type.getDimSize(d));

  // lhs wants [batch, outer, contracting], rhs [batch, contracting, outer].
  // When the operand already has the other order, a transposed read
  // (kTRANSPOSE) saves the transpose.
  SmallVector<int64_t> natural(batch), swapped(batch);
  ArrayRef<int64_t> first = isLhs ? ArrayRef<int64_t>(outer) : contracting;
  ArrayRef<int64_t> second = isLhs ? contracting : ArrayRef<int64_t>(outer);
  llvm::append_range(natural, first);
  llvm::append_range(natural, second);
  llvm::append_range(swapped, second);
  llvm::append_range(swapped, first);
  auto isIdentity = [](ArrayRef<int64_t> perm) {
    for (auto [i, d] : llvm::enumerate(perm))
      if (static_cast<int64_t>(i) != d)
        return false;
    return true;
  };
  bool useSwapped = !isIdentity(natural) && isIdentity(swapped);
  ArrayRef<int64_t> perm = useSwapped ? swapped : natural;
  Value permuted = transpose(b, loc, value, perm);

  int64_t rows = product(isLhs ? ArrayRef<int64_t>(result.outerSizes)
                               : ArrayRef<int64_t>(contractingSizes));
  int64_t cols = product(isLhs ? ArrayRef<int64_t>(contractingSizes)
                               : ArrayRef<int64_t>(result.outerSizes));
  SmallVector<int64_t> shape(batchSizes);
  if (useSwapped) {
    shape.push_back(cols);
    shape.push_back(rows);
    result.operation = trt::MatrixOperation::kTRANSPOSE;
  } else {
    shape.push_back(rows);
    shape.push_back(cols);
  }
  result.matrix = reshape(b, loc, permuted, shape);
  return result;
}

static Value lowerDot(OpBuilder &b, Location loc, Value lhs, Value rhs,
                      ArrayRef<int64_t> lhsBatch, ArrayRef<int64_t> rhsBatch,
                      ArrayRef<int64_t> lhsContracting,
                      ArrayRef<int64_t> rhsContracting,
                      RankedTensorType resultType) {
  MatrixOperand a = toMatrix(b, loc, lhs, lhsBatch, lhsContracting, true);
  MatrixOperand c = toMatrix(b, loc, rhs, rhsBatch, rhsContracting, false);
  SmallVector<int64_t> productShape;
  for (int64_t d : lhsBatch)
    productShape.push_back(tensorType(lhs).getDimSize(d));
  productShape.push_back(product(a.outerSizes));
  productShape.push_back(product(c.outerSizes));
  Value matrix =
      trt::MatrixMultiplyOp::create(b, loc, resultType.clone(productShape),
                                    a.matrix, c.matrix, a.operation,
                                    c.operation)
          .getResult();
  return reshape(b, loc, matrix, resultType.getShape());
}

struct DotGeneralLowering : public StableHLOPattern<shlo::DotGeneralOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DotGeneralOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (!tensorType(op.getResult()).hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    return lowerDot(rewriter, op.getLoc(), adaptor.getLhs(), adaptor.getRhs(),
                    op.getLhsBatchingDimensions(),
                    op.getRhsBatchingDimensions(),
                    op.getLhsContractingDimensions(),
                    op.getRhsContractingDimensions(),
                    tensorType(op.getResult()));
  }
};

struct DotLowering : public StableHLOPattern<shlo::DotOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::DotOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (!tensorType(op.getResult()).hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    int64_t lhsRank = tensorType(adaptor.getLhs()).getRank();
    return lowerDot(rewriter, op.getLoc(), adaptor.getLhs(), adaptor.getRhs(),
                    {}, {}, {lhsRank - 1}, {0}, tensorType(op.getResult()));
  }
};

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

/// Whether `init` is a constant equal to the identity of `kind` (so the
/// reduction may ignore it).
static bool isIdentityInit(Value init, trt::ReduceOperation kind) {
  DenseElementsAttr value;
  if (!matchPattern(init, m_Constant(&value)) || !value.isSplat())
    return false;
  if (isa<FloatType>(value.getElementType())) {
    APFloat x = value.getSplatValue<APFloat>();
    switch (kind) {
    case trt::ReduceOperation::kSUM:
      return x.isZero();
    case trt::ReduceOperation::kPROD:
      return x.isExactlyValue(1.0);
    case trt::ReduceOperation::kMAX:
      return x.isInfinity() && x.isNegative();
    case trt::ReduceOperation::kMIN:
      return x.isInfinity() && !x.isNegative();
    default:
      return false;
    }
  }
  APInt x = value.getSplatValue<APInt>();
  switch (kind) {
  case trt::ReduceOperation::kSUM:
    return x.isZero();
  case trt::ReduceOperation::kPROD:
    return x.isOne();
  case trt::ReduceOperation::kMAX:
    return x.getBitWidth() == 1 ? x.isZero() : x.isMinSignedValue();
  case trt::ReduceOperation::kMIN:
    return x.getBitWidth() == 1 ? x.isOne() : x.isMaxSignedValue();
  default:
    return false;
  }
}

struct ReduceLowering : public OpConversionPattern<shlo::ReduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    if (std::optional<trt::TopKOperation> arg = argReduceKind(op)) {
      // argmax/argmin: top_k with k = 1 keeps the reduced dimension.
      int64_t axis = op.getDimensions()[0];
      Value input = adaptor.getInputs().front();
      SmallVector<int64_t> kept(tensorType(input).getShape());
      kept[axis] = 1;
      RankedTensorType valuesType = tensorType(input).clone(kept);
      auto topK = trt::TopKOp::create(rewriter, loc, valuesType,
                                      valuesType.clone(rewriter.getI32Type()),
                                      input, /*k=*/1, axis, *arg);
      ArrayRef<int64_t> shape =
          cast<RankedTensorType>(op.getResult(0).getType()).getShape();
      rewriter.replaceOp(op, {reshape(rewriter, loc, topK.getValues(), shape),
                              reshape(rewriter, loc, topK.getIndices(), shape)});
      return success();
    }
    Operation *reducer = singleReducerOp(op);
    trt::ReduceOperation kind = *reduceOperationOf(reducer);
    Value input = adaptor.getInputs().front();
    Value init = op.getInitValues().front();
    auto resultType = cast<RankedTensorType>(op.getResult(0).getType());

    // Booleans reduce as i32: and is a product, or a clamped sum (as max).
    bool isBoolean = isBool(input);
    if (isBoolean) {
      input = castTo(rewriter, loc, input, rewriter.getI32Type());
      kind = isa<shlo::OrOp, shlo::AddOp, shlo::MaxOp>(reducer)
                 ? trt::ReduceOperation::kMAX
                 : trt::ReduceOperation::kMIN;
    }
    SmallVector<int64_t> axes(op.getDimensions());
    llvm::sort(axes);
    Value reduced = input;
    if (!axes.empty())
      reduced = trt::ReduceOp::create(
                    rewriter, loc,
                    resultType.clone(tensorType(input).getElementType()), input,
                    axes, /*keepDimensions=*/false, kind)
                    .getResult();
    if (isBoolean)
      reduced = castTo(rewriter, loc, reduced, rewriter.getI1Type());

    // A non-identity initial value takes part in every reduction.
    if (axes.empty() || !isIdentityInit(init, *reduceOperationOf(reducer))) {
      std::optional<ElementWiseOperation> combine = elementWiseOf(reducer);
      if (isBoolean)
        combine = isa<shlo::OrOp, shlo::AddOp, shlo::MaxOp>(reducer)
                      ? ElementWiseOperation::kOR
                      : ElementWiseOperation::kAND;
      Value initValue = expandTo(rewriter, loc, adaptor.getInitValues().front(),
                                 resultType.getRank());
      reduced = elementWise(rewriter, loc, *combine, reduced, initValue);
    }
    rewriter.replaceOp(op, reduced);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

/// Any layout → `tensorrt.convolution` on [N, C, spatial...] and
/// [K, C/G, window...], by transposes in and out.
struct ConvolutionLowering : public StableHLOPattern<shlo::ConvolutionOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ConvolutionOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ArrayRef<int64_t> outputDims = op.getOutputDims();
    int64_t spatial = static_cast<int64_t>(outputDims.size()) - 2;
    Value input = transpose(rewriter, loc, adaptor.getLhs(), op.getInputDims());
    Value kernel =
        transpose(rewriter, loc, adaptor.getRhs(), op.getKernelDims());
    RankedTensorType resultType = tensorType(op.getResult());
    SmallVector<int64_t> canonicalShape;
    for (int64_t d : outputDims)
      canonicalShape.push_back(resultType.getDimSize(d));
    SmallVector<int64_t> stride(spatial, 1), pre(spatial, 0), post(spatial, 0),
        dilation(spatial, 1);
    if (auto strides = op.getWindowStrides())
      stride.assign(strides->begin(), strides->end());
    if (auto padding = op.getPadding())
      for (int64_t i = 0; i < spatial; ++i) {
        pre[i] = (*padding)[2 * i];
        post[i] = (*padding)[2 * i + 1];
      }
    if (auto rhsDilation = op.getRhsDilation())
      dilation.assign(rhsDilation->begin(), rhsDilation->end());
    Value conv =
        trt::ConvolutionOp::create(
            rewriter, loc, resultType.clone(canonicalShape), input, kernel,
            Value(), ElementsAttr(), ElementsAttr(), stride, pre, post,
            static_cast<uint32_t>(op.getFeatureGroupCount()),
            rewriter.getDenseI64ArrayAttr(dilation))
            .getResult();
    // Result dimension p is canonical dimension c where outputDims[c] = p.
    SmallVector<int64_t> perm(outputDims.size());
    for (auto [c, p] : llvm::enumerate(outputDims))
      perm[p] = c;
    return transpose(rewriter, loc, conv, perm);
  }
};

//===----------------------------------------------------------------------===//
// Window reductions
//===----------------------------------------------------------------------===//

/// reduce_window (max or sum, no dilation) → `tensorrt.pooling`: the
/// windowed dimensions move to the end as the spatial dimensions of a
/// [1, C, spatial...] tensor, C holding all other dimensions. A sum is an
/// average (padding counted) times the window volume; this also covers the
/// cumulative sums JAX writes as a full-length window padded in front.
struct ReduceWindowLowering : public OpConversionPattern<shlo::ReduceWindowOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceWindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value input = adaptor.getInputs()[0];
    RankedTensorType type = tensorType(input);
    auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
    int64_t rank = type.getRank();
    bool isSum = isa<shlo::AddOp>(windowReducerOp(op));
    SmallVector<int64_t> window, stride, pre, post, windowedDims, otherDims;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t w = op.getWindowDimensions()[d];
      int64_t s = op.getWindowStrides() ? (*op.getWindowStrides())[d] : 1;
      int64_t lo = 0, hi = 0;
      if (std::optional<DenseIntElementsAttr> padding = op.getPadding()) {
        lo = padding->getValues<int64_t>()[2 * d];
        hi = padding->getValues<int64_t>()[2 * d + 1];
      }
      if (w == 1 && s == 1 && lo == 0 && hi == 0) {
        otherDims.push_back(d);
        continue;
      }
      windowedDims.push_back(d);
      window.push_back(w);
      stride.push_back(s);
      pre.push_back(lo);
      post.push_back(hi);
    }
    if (windowedDims.empty()) {
      rewriter.replaceOp(op, input);
      return success();
    }
    SmallVector<int64_t> perm(otherDims);
    llvm::append_range(perm, windowedDims);
    Value moved = transpose(rewriter, loc, input, perm);
    int64_t channels = 1;
    for (int64_t d : otherDims)
      channels *= type.getDimSize(d);
    SmallVector<int64_t> pooledIn{1, channels}, pooledOut{1, channels};
    for (int64_t d : windowedDims) {
      pooledIn.push_back(type.getDimSize(d));
      pooledOut.push_back(resultType.getDimSize(d));
    }
    Value nchw = reshape(rewriter, loc, moved, pooledIn);
    Value pooled =
        trt::PoolingOp::create(
            rewriter, loc, type.clone(pooledOut), nchw,
            rewriter.getDenseI64ArrayAttr(window),
            rewriter.getDenseI64ArrayAttr(stride),
            rewriter.getDenseI64ArrayAttr(pre),
            rewriter.getDenseI64ArrayAttr(post),
            trt::PoolingTypeAttr::get(rewriter.getContext(),
                                      isSum ? trt::PoolingType::kAVERAGE
                                            : trt::PoolingType::kMAX),
            FloatAttr(), isSum ? rewriter.getBoolAttr(false) : BoolAttr())
            .getResult();
    if (isSum)
      pooled = elementWise(rewriter, loc, ElementWiseOperation::kPROD, pooled,
                           splatLike(rewriter, loc, pooled,
                                     double(product(window))));
    SmallVector<int64_t> movedShape;
    for (int64_t d : perm)
      movedShape.push_back(resultType.getDimSize(d));
    Value result = reshape(rewriter, loc, pooled, movedShape);
    SmallVector<int64_t> inverse(rank);
    for (auto [i, d] : llvm::enumerate(perm))
      inverse[d] = i;
    rewriter.replaceOp(op, transpose(rewriter, loc, result, inverse));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Gather
//===----------------------------------------------------------------------===//

/// Gather of whole slices along one axis → `tensorrt.gather`, with the
/// indices clamped into bounds (as StableHLO clamps start indices) and the
/// result dimensions permuted into StableHLO's order.
struct GatherLowering : public StableHLOPattern<shlo::GatherOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::GatherOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t axis = *gatherAxis(op);
    shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
    Value data = adaptor.getOperand();
    Value indices = adaptor.getStartIndices();
    RankedTensorType dataType = tensorType(data);
    // Drop the size-1 index vector dimension.
    SmallVector<int64_t> batchShape(tensorType(indices).getShape());
    if (dims.getIndexVectorDim() < static_cast<int64_t>(batchShape.size()))
      batchShape.erase(batchShape.begin() + dims.getIndexVectorDim());
    indices = reshape(rewriter, loc, indices, batchShape);
    if (!elementType(indices).isSignlessInteger(64))
      indices = castTo(rewriter, loc, indices, rewriter.getI32Type());
    Value low = splatLike(rewriter, loc, indices, 0);
    Value high =
        splatLike(rewriter, loc, indices, double(dataType.getDimSize(axis) - 1));
    indices = elementWise(rewriter, loc, ElementWiseOperation::kMAX, indices, low);
    indices = elementWise(rewriter, loc, ElementWiseOperation::kMIN, indices, high);

    int64_t batchRank = batchShape.size();
    SmallVector<int64_t> gatheredShape(dataType.getShape().take_front(axis));
    llvm::append_range(gatheredShape, batchShape);
    llvm::append_range(gatheredShape, dataType.getShape().drop_front(axis + 1));
    Value gathered = trt::GatherOp::create(rewriter, loc,
                                           dataType.clone(gatheredShape), data,
                                           indices, axis, /*numBroadcastDims=*/0)
                         .getResult();
    // Result dimension i is offset dimension k (the k-th kept operand
    // dimension) or batch dimension j.
    int64_t resultRank = tensorType(op.getResult()).getRank();
    SmallVector<int64_t> perm;
    int64_t offset = 0, batch = 0;
    for (int64_t i = 0; i < resultRank; ++i) {
      if (llvm::is_contained(dims.getOffsetDims(), i)) {
        perm.push_back(offset < axis ? offset : offset + batchRank);
        ++offset;
      } else {
        perm.push_back(axis + batch++);
      }
    }
    return transpose(rewriter, loc, gathered, perm);
  }
};

/// Scatter-add of rows as a product with a one-hot matrix:
/// x + onehot(ids, n)^T @ u. Indices outside [0, n) match no row and are
/// skipped, as StableHLO skips out-of-bounds windows; duplicates add up.
struct ScatterAddLowering : public OpConversionPattern<shlo::ScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value operand = adaptor.getInputs()[0];
    Value updates = adaptor.getUpdates()[0];
    RankedTensorType operandType = tensorType(operand);
    int64_t rows = operandType.getDimSize(0);
    int64_t width = product(operandType.getShape().drop_front());
    int64_t count = tensorType(updates).getNumElements() / std::max<int64_t>(width, 1);
    Value ids = reshape(rewriter, loc, adaptor.getScatterIndices(), {count, 1});
    ids = castTo(rewriter, loc, ids, rewriter.getI32Type());
    SmallVector<int32_t> positions(rows);
    std::iota(positions.begin(), positions.end(), 0);
    Value iota = trt::ConstantOp::create(
                     rewriter, loc,
                     DenseElementsAttr::get(
                         RankedTensorType::get({1, rows}, rewriter.getI32Type()),
                         ArrayRef<int32_t>(positions)))
                     .getResult();
    Value match =
        elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, ids, iota);
    Value oneHot = castTo(rewriter, loc, match, operandType.getElementType());
    Value flat = reshape(rewriter, loc, updates, {count, width});
    Value sums = trt::MatrixMultiplyOp::create(
                     rewriter, loc, operandType.clone({rows, width}), oneHot,
                     flat, trt::MatrixOperation::kTRANSPOSE,
                     trt::MatrixOperation::kNONE)
                     .getResult();
    sums = reshape(rewriter, loc, sums, operandType.getShape());
    rewriter.replaceOp(op, elementWise(rewriter, loc, ElementWiseOperation::kSUM,
                                       operand, sums));
    return success();
  }
};

/// Sort by the first input → `top_k` over the whole dimension (stable, so
/// ties keep their order); the other inputs follow the permutation through
/// `gather_elements`. Unlike JAX, which puts NaNs last, top_k ranks NaN
/// first.
struct SortLowering : public OpConversionPattern<shlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value key = adaptor.getInputs()[0];
    RankedTensorType keyType = tensorType(key);
    int64_t dim = op.getDimension() < 0 ? op.getDimension() + keyType.getRank()
                                        : op.getDimension();
    auto topK = trt::TopKOp::create(
        rewriter, loc, keyType, keyType.clone(rewriter.getI32Type()), key,
        keyType.getDimSize(dim), dim, *sortOrder(op));
    SmallVector<Value> results{topK.getValues()};
    for (auto [input, original] :
         llvm::drop_begin(llvm::zip(adaptor.getInputs(), op.getInputs()))) {
      // An iota along the sorted dimension (argsort) is the permutation.
      auto iota = original.getDefiningOp<shlo::IotaOp>();
      if (iota && iota.getIotaDimension() == dim &&
          isa<IntegerType>(elementType(input))) {
        results.push_back(
            castTo(rewriter, loc, topK.getIndices(), elementType(input)));
        continue;
      }
      results.push_back(trt::GatherElementsOp::create(
                            rewriter, loc, input.getType(), input,
                            topK.getIndices(), dim)
                            .getResult());
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Composed binary ops, top_k
//===----------------------------------------------------------------------===//

/// atan2(y, x) = atan(y / x), moved by ±π when x < 0 (toward the sign of
/// y), and 0 when both are 0.
struct Atan2Lowering : public StableHLOPattern<shlo::Atan2Op> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::Atan2Op op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value y = adaptor.getLhs(), x = adaptor.getRhs();
    auto select = [&](Value pred, Value a, Value b) {
      return trt::SelectOp::create(rewriter, loc, x.getType(), pred, a, b)
          .getResult();
    };
    Value zero = splatLike(rewriter, loc, x, 0.0);
    Value ratio = elementWise(rewriter, loc, ElementWiseOperation::kDIV, y, x);
    Value angle = unary(rewriter, loc, UnaryOperation::kATAN, ratio);
    Value pi = splatLike(rewriter, loc, x, 3.14159265358979323846);
    Value minusPi = splatLike(rewriter, loc, x, -3.14159265358979323846);
    Value yNegative =
        elementWise(rewriter, loc, ElementWiseOperation::kLESS, y, zero);
    Value shift = select(yNegative, minusPi, pi);
    Value shifted =
        elementWise(rewriter, loc, ElementWiseOperation::kSUM, angle, shift);
    Value xNegative =
        elementWise(rewriter, loc, ElementWiseOperation::kLESS, x, zero);
    angle = select(xNegative, shifted, angle);
    Value xZero =
        elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, x, zero);
    Value yZero =
        elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, y, zero);
    Value bothZero =
        elementWise(rewriter, loc, ElementWiseOperation::kAND, xZero, yZero);
    Value zeros = elementWise(rewriter, loc, ElementWiseOperation::kPROD, y,
                              zero); // keeps y's shape and sign of zero
    return select(bothZero, zeros, angle);
  }
};

/// chlo.top_k: the k largest along the last dimension.
struct TopKLowering : public OpConversionPattern<chlo::TopKOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(chlo::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    Value input = adaptor.getOperand();
    int64_t axis = tensorType(input).getRank() - 1;
    auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
    auto topK = trt::TopKOp::create(
        rewriter, loc, op.getValues().getType(),
        indicesType.clone(rewriter.getI32Type()), input,
        static_cast<int64_t>(op.getK()), axis, trt::TopKOperation::kMAX);
    rewriter.replaceOp(op, {topK.getValues(),
                            castTo(rewriter, loc, topK.getIndices(),
                                   indicesType.getElementType())});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

/// stablehlo.while → tensorrt.while: the regions move over; their
/// `stablehlo.return`s become `tensorrt.condition`/`tensorrt.yield` (see
/// RegionReturnLowering).
struct WhileLowering : public OpConversionPattern<shlo::WhileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::WhileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    auto loop = trt::WhileOp::create(rewriter, op.getLoc(),
                                     op->getResultTypes(), adaptor.getOperand());
    rewriter.inlineRegionBefore(op.getCond(), loop.getCondRegion(),
                                loop.getCondRegion().end());
    rewriter.inlineRegionBefore(op.getBody(), loop.getBodyRegion(),
                                loop.getBodyRegion().end());
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

/// `tensorrt.if` on `pred`, with the regions moved from `thenRegion` and
/// `elseRegion` (each ends in a `stablehlo.return`).
static trt::IfOp createIf(ConversionPatternRewriter &rewriter, Location loc,
                          TypeRange types, Value pred, Region &thenRegion,
                          Region &elseRegion) {
  auto ifOp = trt::IfOp::create(rewriter, loc, types, pred);
  rewriter.inlineRegionBefore(thenRegion, ifOp.getTrueRegion(),
                              ifOp.getTrueRegion().end());
  rewriter.inlineRegionBefore(elseRegion, ifOp.getFalseRegion(),
                              ifOp.getFalseRegion().end());
  return ifOp;
}

struct IfLowering : public OpConversionPattern<shlo::IfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    trt::IfOp ifOp =
        createIf(rewriter, op.getLoc(), op->getResultTypes(), adaptor.getPred(),
                 op.getTrueBranch(), op.getFalseBranch());
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

/// stablehlo.case → nested `tensorrt.if`s: branch i runs when index == i;
/// an index outside [0, n) runs the last branch (as StableHLO specifies).
struct CaseLowering : public OpConversionPattern<shlo::CaseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::CaseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (std::optional<std::string> reason = unsupportedReason(op))
      return rewriter.notifyMatchFailure(op, *reason);
    Location loc = op.getLoc();
    MutableArrayRef<Region> branches = op.getBranches();
    if (branches.size() == 1) {
      // The only branch always runs: inline it.
      Block &block = branches.front().front();
      Operation *terminator = block.getTerminator();
      SmallVector<Value> results(terminator->getOperands());
      rewriter.inlineBlockBefore(&block, op);
      rewriter.replaceOp(op, results);
      rewriter.eraseOp(terminator);
      return success();
    }
    Value index = adaptor.getIndex();
    // Build from the outside in: if (index == 0) b0 else if (index == 1) b1
    // ... else b(n-1). Inner ifs sit in the else region of the outer one.
    SmallVector<Value> outerResults;
    Region *elseParent = nullptr;
    for (size_t i = 0; i + 1 < branches.size(); ++i) {
      Value constant = trt::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(tensorType(index),
                                 rewriter.getI32IntegerAttr(i)))
                           .getResult();
      Value pred = elementWise(rewriter, loc, ElementWiseOperation::kEQUAL,
                               index, constant);
      auto ifOp = trt::IfOp::create(rewriter, loc, op->getResultTypes(), pred);
      rewriter.inlineRegionBefore(branches[i], ifOp.getTrueRegion(),
                                  ifOp.getTrueRegion().end());
      if (elseParent) {
        trt::YieldOp::create(rewriter, loc, ifOp.getResults());
      } else {
        outerResults.assign(ifOp.getResults().begin(), ifOp.getResults().end());
      }
      Block *elseBlock = rewriter.createBlock(&ifOp.getFalseRegion());
      elseParent = &ifOp.getFalseRegion();
      rewriter.setInsertionPointToStart(elseBlock);
    }
    // The last branch fills the innermost else region.
    Region &last = branches.back();
    Block *elseBlock = &elseParent->front();
    rewriter.eraseBlock(elseBlock);
    rewriter.inlineRegionBefore(last, *elseParent, elseParent->end());
    rewriter.replaceOp(op, outerResults);
    return success();
  }
};

/// `stablehlo.return` ending a region that now belongs to a `tensorrt`
/// control-flow op.
struct RegionReturnLowering : public OpConversionPattern<shlo::ReturnOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *parent = op->getParentOp();
    if (auto loop = dyn_cast<trt::WhileOp>(parent)) {
      if (op->getParentRegion() == &loop.getCondRegion()) {
        // The condition passes the loop values on unchanged.
        Value pred = adaptor.getResults().front();
        Block *block = op->getBlock();
        rewriter.replaceOpWithNewOp<trt::ConditionOp>(
            op, pred, ValueRange(block->getArguments()));
        return success();
      }
      rewriter.replaceOpWithNewOp<trt::YieldOp>(op, adaptor.getResults());
      return success();
    }
    if (isa<trt::IfOp>(parent)) {
      rewriter.replaceOpWithNewOp<trt::YieldOp>(op, adaptor.getResults());
      return success();
    }
    return failure();
  }
};

} // namespace

void kiln::populateStableHLOToTensorRTPatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<BinaryPattern, UnaryPattern, ComposedUnaryPattern>(context);
  patterns.add<RemainderPattern, CompareLowering, ConvertLowering,
               SelectLowering, ClampLowering, ConstantLowering, IotaLowering,
               BroadcastInDimLowering, ReshapeLowering, TransposeLowering,
               ConcatenateLowering, SliceLowering, PadLowering,
               ReverseLowering, OptimizationBarrierLowering,
               DotGeneralLowering, DotLowering, ReduceLowering, Atan2Lowering,
               TopKLowering, GatherLowering, ReduceWindowLowering,
               ConvolutionLowering, ScatterAddLowering, SortLowering,
               WhileLowering, IfLowering, CaseLowering,
               RegionReturnLowering>(context);
}
