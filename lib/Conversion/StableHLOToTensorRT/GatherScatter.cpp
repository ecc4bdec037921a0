//===- GatherScatter.cpp - gather and scatter -----------------------------===//
//
// Part of Kiln. `stablehlo.gather` and `stablehlo.scatter` in every form of
// their dimension numbers.
//
// Gather: whole slices along one axis (embedding lookup, `jnp.take`) map to
// `tensorrt.gather` directly; every other form computes, for each result
// element, its linear offset into the operand (clamped start index + offset
// within the slice + batching coordinate, times the operand's strides) and
// gathers from the flattened operand.
//
// Scatter: the same index arithmetic gives each update element its linear
// offset into the operand; windows that do not fit the operand are dropped
// (sent to a spare slot past the end). Replacement is a `scatter_elements`;
// a reduction (add, multiply, min, max) combines every update aimed at one
// element through a comparison of offsets with positions (an S x U mask for
// S operand and U update elements) and a `reduce`. The float scatter-add of
// whole rows keeps its one-hot matrix product.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/FormatVariadic.h"

#include <limits>

using namespace kiln::stablehlo_to_tensorrt;

/// The largest S x U mask a scatter reduction may build.
static constexpr int64_t kMaxScatterMaskElements = int64_t(1) << 24;

//===----------------------------------------------------------------------===//
// Index arithmetic shared by gather and scatter
//===----------------------------------------------------------------------===//

namespace {

/// How the elements of a gather result (or of scatter updates) address the
/// operand, in terms of both ops' dimension numbers.
struct Addressing {
  RankedTensorType operand;
  RankedTensorType indices;
  /// Shape of the gather result / scatter updates.
  SmallVector<int64_t> shape;
  /// Dimensions of `shape` that run inside a window, in order, and the
  /// operand dimension each runs along.
  SmallVector<int64_t> windowDims, windowOperandDims;
  /// Operand dimensions that take an index, in the order of the index vector.
  SmallVector<int64_t> startIndexMap;
  /// Pairs (operand dimension, dimension of `indices`) walked in lockstep.
  SmallVector<std::pair<int64_t, int64_t>> batching;
  int64_t indexVectorDim;
  /// Extent of the window along each operand dimension.
  SmallVector<int64_t> windowSizes;
};

} // namespace

static SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// Operand dimensions not in `a` or `b`, in order.
static SmallVector<int64_t> remainingDims(int64_t rank, ArrayRef<int64_t> a,
                                          ArrayRef<int64_t> b) {
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(a, d) && !llvm::is_contained(b, d))
      dims.push_back(d);
  return dims;
}

static bool inRange(ArrayRef<int64_t> dims, int64_t rank) {
  return llvm::all_of(dims, [&](int64_t d) { return d >= 0 && d < rank; });
}

/// Checks what the verifier of the source op would: every list in range and
/// the shapes consistent, so that the index arithmetic below is sound.
static std::optional<std::string> checkAddressing(const Addressing &a) {
  int64_t rank = a.operand.getRank();
  int64_t indexRank = a.indices.getRank();
  if (!a.operand.hasStaticShape() || !a.indices.hasStaticShape() ||
      llvm::any_of(a.shape, ShapedType::isDynamic))
    return std::string("is supported only with static shapes");
  if (a.indexVectorDim < 0 || a.indexVectorDim > indexRank)
    return std::string("has an index_vector_dim out of range");
  int64_t vectorSize =
      a.indexVectorDim == indexRank ? 1 : a.indices.getDimSize(a.indexVectorDim);
  if (vectorSize != static_cast<int64_t>(a.startIndexMap.size()) ||
      !inRange(a.startIndexMap, rank) ||
      !inRange(a.windowOperandDims, rank) ||
      !inRange(a.windowDims, static_cast<int64_t>(a.shape.size())))
    return std::string("has inconsistent dimension numbers");
  int64_t batchRank = indexRank - (a.indexVectorDim < indexRank ? 1 : 0);
  if (static_cast<int64_t>(a.shape.size()) !=
      batchRank + static_cast<int64_t>(a.windowDims.size()))
    return std::string("has inconsistent dimension numbers");
  for (auto [operandDim, indexDim] : a.batching)
    if (operandDim < 0 || operandDim >= rank || indexDim < 0 ||
        indexDim >= indexRank || indexDim == a.indexVectorDim ||
        a.indices.getDimSize(indexDim) != a.operand.getDimSize(operandDim))
      return std::string("has inconsistent batching dimensions");
  for (int64_t d = 0; d < rank; ++d)
    if (a.windowSizes[d] < 0 || a.windowSizes[d] > a.operand.getDimSize(d))
      return std::string("has a window larger than its operand");
  return std::nullopt;
}

/// The element type the offsets are computed in.
static Type offsetType(OpBuilder &b, const Addressing &a) {
  bool wide = a.operand.getNumElements() >= std::numeric_limits<int32_t>::max() ||
              a.indices.getElementType().isSignlessInteger(64);
  return wide ? b.getI64Type() : b.getI32Type();
}

static Value indexConstant(OpBuilder &b, Location loc, Type type,
                           ArrayRef<int64_t> shape, ArrayRef<int64_t> values) {
  auto tensor = RankedTensorType::get(shape, type);
  SmallVector<APInt> elements;
  for (int64_t v : values)
    elements.push_back(APInt(type.getIntOrFloatBitWidth(), v, /*isSigned=*/true));
  return trt::ConstantOp::create(b, loc, DenseElementsAttr::get(tensor, elements))
      .getResult();
}

/// `scale * i` along dimension `dim` of a tensor of rank `rank` whose other
/// dimensions are 1.
static Value scaledIota(OpBuilder &b, Location loc, Type type, int64_t rank,
                        int64_t dim, int64_t size, int64_t scale) {
  SmallVector<int64_t> shape(rank, 1);
  shape[dim] = size;
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < size; ++i)
    values.push_back(i * scale);
  return indexConstant(b, loc, type, shape, values);
}

namespace {
/// The linear offsets into the operand of every element of `a.shape`, and
/// for scatter the i1 mask of the elements whose window fits the operand
/// (null for gather, which clamps start indices instead).
struct Offsets {
  Value offsets;
  Value inBounds;
};
} // namespace

static Offsets computeOffsets(OpBuilder &b, Location loc, const Addressing &a,
                              Value indices, bool clamp) {
  Type type = offsetType(b, a);
  int64_t rank = a.shape.size();
  int64_t indexRank = a.indices.getRank();
  SmallVector<int64_t> strides = stridesOf(a.operand.getShape());

  // The start indices as [batch..., K].
  if (a.indexVectorDim == indexRank) {
    SmallVector<int64_t> shape(a.indices.getShape());
    shape.push_back(1);
    indices = reshape(b, loc, indices, shape);
  } else {
    SmallVector<int64_t> perm;
    for (int64_t d = 0; d < indexRank; ++d)
      if (d != a.indexVectorDim)
        perm.push_back(d);
    perm.push_back(a.indexVectorDim);
    indices = transpose(b, loc, indices, perm);
  }
  indices = castTo(b, loc, indices, type);
  RankedTensorType vectors = tensorType(indices);
  int64_t vectorRank = vectors.getRank();
  int64_t k = a.startIndexMap.size();
  SmallVector<int64_t> batchShape(vectors.getShape().drop_back());

  // Where the batch dimensions sit among the dimensions of `a.shape`.
  SmallVector<int64_t> expandedShape(a.shape);
  for (int64_t d : a.windowDims)
    expandedShape[d] = 1;

  Offsets result;
  Value total;
  if (k > 0) {
    SmallVector<int64_t> vectorShape(vectorRank, 1);
    vectorShape.back() = k;
    SmallVector<int64_t> highs, scales;
    for (int64_t d : a.startIndexMap) {
      highs.push_back(a.operand.getDimSize(d) - a.windowSizes[d]);
      scales.push_back(strides[d]);
    }
    Value low = indexConstant(b, loc, type, vectorShape,
                              SmallVector<int64_t>(k, 0));
    Value high = indexConstant(b, loc, type, vectorShape, highs);
    if (clamp) {
      indices = elementWise(b, loc, ElementWiseOperation::kMAX, indices, low);
      indices = elementWise(b, loc, ElementWiseOperation::kMIN, indices, high);
    } else {
      // A window fits when every start index lies in [0, high].
      Value fits = elementWise(
          b, loc, ElementWiseOperation::kAND,
          unary(b, loc, UnaryOperation::kNOT,
                elementWise(b, loc, ElementWiseOperation::kLESS, indices, low)),
          unary(b, loc, UnaryOperation::kNOT,
                elementWise(b, loc, ElementWiseOperation::kGREATER, indices,
                            high)));
      Value count = castTo(b, loc, fits, b.getI32Type());
      if (k > 1)
        count = trt::ReduceOp::create(
                    b, loc, vectors.clone(batchShape, b.getI32Type()), count,
                    ArrayRef<int64_t>{vectorRank - 1}, /*keepDimensions=*/false,
                    trt::ReduceOperation::kMIN)
                    .getResult();
      count = reshape(b, loc, count, expandedShape);
      result.inBounds = elementWise(b, loc, ElementWiseOperation::kEQUAL, count,
                                    splatLike(b, loc, count, 1));
    }
    Value scaled = elementWise(b, loc, ElementWiseOperation::kPROD, indices,
                               indexConstant(b, loc, type, vectorShape, scales));
    if (k > 1)
      scaled = trt::ReduceOp::create(b, loc, vectors.clone(batchShape), scaled,
                                     ArrayRef<int64_t>{vectorRank - 1},
                                     /*keepDimensions=*/false,
                                     trt::ReduceOperation::kSUM)
                   .getResult();
    total = reshape(b, loc, scaled, expandedShape);
  }

  auto add = [&](Value term) {
    total = total ? elementWise(b, loc, ElementWiseOperation::kSUM, total, term)
                  : term;
  };
  for (auto [dim, operandDim] : llvm::zip(a.windowDims, a.windowOperandDims))
    add(scaledIota(b, loc, type, rank, dim, a.shape[dim], strides[operandDim]));
  // The batch dimensions of `a.shape` are those of `indices` without the
  // index vector dimension, in order.
  SmallVector<int64_t> batchDims;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(a.windowDims, d))
      batchDims.push_back(d);
  for (auto [operandDim, indexDim] : a.batching) {
    int64_t position = indexDim - (indexDim > a.indexVectorDim ? 1 : 0);
    int64_t dim = batchDims[position];
    add(scaledIota(b, loc, type, rank, dim, a.shape[dim], strides[operandDim]));
  }
  if (!total || tensorType(total).getShape() != ArrayRef<int64_t>(a.shape))
    add(indexConstant(b, loc, type, a.shape,
                      SmallVector<int64_t>(product(a.shape), 0)));
  result.offsets = total;
  return result;
}

//===----------------------------------------------------------------------===//
// Gather
//===----------------------------------------------------------------------===//

static Addressing gatherAddressing(shlo::GatherOp op) {
  shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
  Addressing a;
  a.operand = tensorType(op.getOperand());
  a.indices = tensorType(op.getStartIndices());
  a.shape.assign(tensorType(op.getResult()).getShape().begin(),
                 tensorType(op.getResult()).getShape().end());
  a.windowDims.assign(dims.getOffsetDims().begin(), dims.getOffsetDims().end());
  a.windowOperandDims = remainingDims(a.operand.getRank(),
                                      dims.getCollapsedSliceDims(),
                                      dims.getOperandBatchingDims());
  a.startIndexMap.assign(dims.getStartIndexMap().begin(),
                         dims.getStartIndexMap().end());
  for (auto [o, i] : llvm::zip(dims.getOperandBatchingDims(),
                               dims.getStartIndicesBatchingDims()))
    a.batching.emplace_back(o, i);
  a.indexVectorDim = dims.getIndexVectorDim();
  a.windowSizes.assign(op.getSliceSizes().begin(), op.getSliceSizes().end());
  return a;
}

static std::optional<std::string> gatherProblem(shlo::GatherOp op) {
  shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
  Addressing a = gatherAddressing(op);
  if (static_cast<int64_t>(a.windowSizes.size()) != a.operand.getRank() ||
      a.windowDims.size() != a.windowOperandDims.size() ||
      dims.getOperandBatchingDims().size() !=
          dims.getStartIndicesBatchingDims().size())
    return std::string("has inconsistent dimension numbers");
  if (std::optional<std::string> problem = checkAddressing(a))
    return problem;
  for (auto [dim, operandDim] : llvm::zip(a.windowDims, a.windowOperandDims))
    if (a.shape[dim] != a.windowSizes[operandDim])
      return std::string("has a result shape that does not match its slices");
  return std::nullopt;
}

/// For a gather that takes whole slices at one index per operand dimension
/// `a` (embedding lookup, `jnp.take` along an axis): `a`, else nothing.
static std::optional<int64_t> gatherAxis(shlo::GatherOp op) {
  shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
  RankedTensorType operand = tensorType(op.getOperand());
  RankedTensorType indices = tensorType(op.getStartIndices());
  if (!dims.getOperandBatchingDims().empty() ||
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
  if (vectorDim != indices.getRank() && indices.getDimSize(vectorDim) != 1)
    return std::nullopt;
  return axis;
}

/// Gather of whole slices along one axis → `tensorrt.gather`, with the
/// indices clamped into bounds (as StableHLO clamps start indices) and the
/// result dimensions permuted into StableHLO's order.
static Value convertAxisGather(shlo::GatherOp op, int64_t axis, Value data,
                               Value indices, OpBuilder &rewriter) {
  Location loc = op.getLoc();
  shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
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

namespace {

struct GatherLowering : public StableHLOPattern<shlo::GatherOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::GatherOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    if (std::optional<int64_t> axis = gatherAxis(op))
      return convertAxisGather(op, *axis, adaptor.getOperand(),
                               adaptor.getStartIndices(), rewriter);
    // Any other form: one gather of single elements from the flattened
    // operand at computed offsets.
    Location loc = op.getLoc();
    Addressing a = gatherAddressing(op);
    Value offsets = computeOffsets(rewriter, loc, a, adaptor.getStartIndices(),
                                   /*clamp=*/true)
                        .offsets;
    Value flat = reshape(rewriter, loc, adaptor.getOperand(),
                         {a.operand.getNumElements()});
    return trt::GatherOp::create(rewriter, loc, op.getType(), flat, offsets,
                                 /*axis=*/0, /*numBroadcastDims=*/0)
        .getResult();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Scatter
//===----------------------------------------------------------------------===//

static Addressing scatterAddressing(shlo::ScatterOp op) {
  shlo::ScatterDimensionNumbersAttr dims = op.getScatterDimensionNumbers();
  Addressing a;
  a.operand = tensorType(op.getInputs()[0]);
  a.indices = tensorType(op.getScatterIndices());
  RankedTensorType updates = tensorType(op.getUpdates()[0]);
  a.shape.assign(updates.getShape().begin(), updates.getShape().end());
  a.windowDims.assign(dims.getUpdateWindowDims().begin(),
                      dims.getUpdateWindowDims().end());
  a.windowOperandDims = remainingDims(a.operand.getRank(),
                                      dims.getInsertedWindowDims(),
                                      dims.getInputBatchingDims());
  a.startIndexMap.assign(dims.getScatterDimsToOperandDims().begin(),
                         dims.getScatterDimsToOperandDims().end());
  for (auto [o, i] : llvm::zip(dims.getInputBatchingDims(),
                               dims.getScatterIndicesBatchingDims()))
    a.batching.emplace_back(o, i);
  a.indexVectorDim = dims.getIndexVectorDim();
  a.windowSizes.assign(a.operand.getRank(), 1);
  if (a.windowDims.size() == a.windowOperandDims.size() &&
      inRange(a.windowDims, updates.getRank()) &&
      inRange(a.windowOperandDims, a.operand.getRank()))
    for (auto [dim, operandDim] : llvm::zip(a.windowDims, a.windowOperandDims))
      a.windowSizes[operandDim] = updates.getDimSize(dim);
  return a;
}

namespace {
/// What the update computation does with the old value and the update.
struct UpdateKind {
  /// Nothing: the update replaces the old value.
  std::optional<ElementWiseOperation> combine;
  trt::ReduceOperation reduce = trt::ReduceOperation::kSUM;
};
} // namespace

/// The update computation as replacement or as a commutative reduction of
/// the old value and the update; else nothing.
static std::optional<UpdateKind> updateKind(shlo::ScatterOp op) {
  Block &body = op.getUpdateComputation().front();
  if (body.getNumArguments() != 2)
    return std::nullopt;
  auto ret = dyn_cast<shlo::ReturnOp>(body.getTerminator());
  if (!ret || ret.getNumOperands() != 1)
    return std::nullopt;
  Value value = ret.getOperand(0);
  if (value == body.getArgument(1))
    return UpdateKind{};
  Operation *def = value.getDefiningOp();
  if (!def || def->getNumOperands() != 2 || !llvm::hasNItems(body, 2))
    return std::nullopt;
  bool bothArgs =
      (def->getOperand(0) == body.getArgument(0) &&
       def->getOperand(1) == body.getArgument(1)) ||
      (def->getOperand(0) == body.getArgument(1) &&
       def->getOperand(1) == body.getArgument(0));
  if (!bothArgs)
    return std::nullopt;
  UpdateKind kind;
  if (isa<shlo::AddOp>(def)) {
    kind.combine = ElementWiseOperation::kSUM;
    kind.reduce = trt::ReduceOperation::kSUM;
  } else if (isa<shlo::MulOp>(def)) {
    kind.combine = ElementWiseOperation::kPROD;
    kind.reduce = trt::ReduceOperation::kPROD;
  } else if (isa<shlo::MinOp>(def)) {
    kind.combine = ElementWiseOperation::kMIN;
    kind.reduce = trt::ReduceOperation::kMIN;
  } else if (isa<shlo::MaxOp>(def)) {
    kind.combine = ElementWiseOperation::kMAX;
    kind.reduce = trt::ReduceOperation::kMAX;
  } else {
    return std::nullopt;
  }
  return kind;
}

/// Whether `op` is the scatter-add JAX emits for `x.at[ids].add(u)` on a
/// float operand: whole windows along the other dimensions inserted at one
/// index into dimension 0, the batch dimensions of the updates in front.
static bool isRowScatterAdd(shlo::ScatterOp op) {
  std::optional<UpdateKind> kind = updateKind(op);
  if (!isFloat(op.getInputs()[0]) || !kind ||
      kind->combine != ElementWiseOperation::kSUM)
    return false;
  shlo::ScatterDimensionNumbersAttr dims = op.getScatterDimensionNumbers();
  RankedTensorType operand = tensorType(op.getInputs()[0]);
  RankedTensorType indices = tensorType(op.getScatterIndices());
  RankedTensorType updates = tensorType(op.getUpdates()[0]);
  if (!dims.getInputBatchingDims().empty() ||
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
  if (updates.getRank() != batchRank + windowRank ||
      dims.getUpdateWindowDims().size() != static_cast<size_t>(windowRank))
    return false;
  for (int64_t i = 0; i < windowRank; ++i)
    if (dims.getUpdateWindowDims()[i] != batchRank + i ||
        updates.getDimSize(batchRank + i) != operand.getDimSize(i + 1))
      return false;
  return true;
}

static std::optional<std::string> scatterProblem(shlo::ScatterOp op) {
  if (op.getInputs().size() != 1 || op.getUpdates().size() != 1)
    return std::string("is supported only with one operand and one update "
                       "tensor");
  Type element = elementType(op.getInputs()[0]);
  if (element.isSignlessInteger(1))
    return std::string("is not supported on i1 operands (tensorrt."
                       "scatter_elements writes i8, i32, i64 and floats)");
  std::optional<UpdateKind> kind = updateKind(op);
  if (!kind)
    return std::string("is supported only with an update computation that "
                       "replaces (returns the update) or combines the two "
                       "values with add, multiply, minimum or maximum");
  shlo::ScatterDimensionNumbersAttr dims = op.getScatterDimensionNumbers();
  Addressing a = scatterAddressing(op);
  if (a.windowDims.size() != a.windowOperandDims.size() ||
      dims.getInputBatchingDims().size() !=
          dims.getScatterIndicesBatchingDims().size())
    return std::string("has inconsistent dimension numbers");
  if (std::optional<std::string> problem = checkAddressing(a))
    return problem;
  if (kind->combine && !isRowScatterAdd(op)) {
    int64_t mask = a.operand.getNumElements() * product(a.shape);
    if (mask > kMaxScatterMaskElements)
      return llvm::formatv("combines updates through a mask of {0} operand x "
                           "{1} update elements = {2} elements, more than the "
                           "{3} supported",
                           a.operand.getNumElements(), product(a.shape), mask,
                           kMaxScatterMaskElements)
          .str();
  }
  return std::nullopt;
}

/// The value that leaves any other unchanged under `reduce`.
static Attribute identityOf(trt::ReduceOperation reduce, Type element) {
  if (auto floatType = dyn_cast<FloatType>(element)) {
    const llvm::fltSemantics &sem = floatType.getFloatSemantics();
    switch (reduce) {
    case trt::ReduceOperation::kPROD:
      return FloatAttr::get(floatType, 1.0);
    case trt::ReduceOperation::kMIN:
      return FloatAttr::get(floatType, APFloat::getInf(sem, false));
    case trt::ReduceOperation::kMAX:
      return FloatAttr::get(floatType, APFloat::getInf(sem, true));
    default:
      return FloatAttr::get(floatType, 0.0);
    }
  }
  unsigned width = element.getIntOrFloatBitWidth();
  switch (reduce) {
  case trt::ReduceOperation::kPROD:
    return IntegerAttr::get(element, APInt(width, 1));
  case trt::ReduceOperation::kMIN:
    return IntegerAttr::get(element, APInt::getSignedMaxValue(width));
  case trt::ReduceOperation::kMAX:
    return IntegerAttr::get(element, APInt::getSignedMinValue(width));
  default:
    return IntegerAttr::get(element, APInt(width, 0));
  }
}

/// Scatter-add of rows as a product with a one-hot matrix:
/// x + onehot(ids, n)^T @ u. Indices outside [0, n) match no row and are
/// skipped, as StableHLO skips out-of-bounds windows; duplicates add up.
static Value convertRowScatterAdd(shlo::ScatterOp op, Value operand,
                                  Value indices, Value updates,
                                  OpBuilder &rewriter) {
  Location loc = op.getLoc();
  RankedTensorType operandType = tensorType(operand);
  int64_t rows = operandType.getDimSize(0);
  int64_t width = product(operandType.getShape().drop_front());
  int64_t count =
      tensorType(updates).getNumElements() / std::max<int64_t>(width, 1);
  Value ids = reshape(rewriter, loc, indices, {count, 1});
  Type idType = elementType(ids).isSignlessInteger(64) ? rewriter.getI64Type()
                                                       : rewriter.getI32Type();
  ids = castTo(rewriter, loc, ids, idType);
  SmallVector<int64_t> positions(rows);
  std::iota(positions.begin(), positions.end(), 0);
  Value iota = indexConstant(rewriter, loc, idType, {1, rows}, positions);
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
  return elementWise(rewriter, loc, ElementWiseOperation::kSUM, operand, sums);
}

namespace {

/// Any other scatter. Every update element gets its linear offset into the
/// operand, or S (a spare slot past the S operand elements) when its window
/// does not fit. Replacement writes the updates with `scatter_elements`
/// (with duplicate offsets, the reference kernel keeps the last update in
/// row-major order; StableHLO leaves the choice open). A reduction compares
/// the offsets with every operand position (an S x U mask), reduces the
/// matching updates, and combines the result with the operand where at
/// least one update landed.
struct ScatterLowering : public StableHLOPattern<shlo::ScatterOp> {
  using StableHLOPattern::StableHLOPattern;
  FailureOr<Value> convert(shlo::ScatterOp op, OpAdaptor adaptor,
                           ConversionPatternRewriter &rewriter) const override {
    Value operand = adaptor.getInputs()[0];
    Value updates = adaptor.getUpdates()[0];
    if (isRowScatterAdd(op))
      return convertRowScatterAdd(op, operand, adaptor.getScatterIndices(),
                                  updates, rewriter);
    Location loc = op.getLoc();
    Addressing a = scatterAddressing(op);
    UpdateKind kind = *updateKind(op);
    Offsets offsets = computeOffsets(rewriter, loc, a,
                                     adaptor.getScatterIndices(),
                                     /*clamp=*/false);
    int64_t size = a.operand.getNumElements();
    int64_t count = product(a.shape);
    Value target = offsets.offsets;
    if (offsets.inBounds) {
      Value spare = splatLike(rewriter, loc, target, double(size));
      target = trt::SelectOp::create(rewriter, loc, offsets.inBounds, target,
                                     spare)
                   .getResult();
    }
    target = reshape(rewriter, loc, target, {count});
    Type targetType = elementType(target);
    Value flatUpdates = reshape(rewriter, loc, updates, {count});
    Value flat = reshape(rewriter, loc, operand, {size});
    RankedTensorType flatType = tensorType(flat);

    // Writes `values` ([count]) at the targets into `into` ([size]).
    auto scatterInto = [&](Value into, Value values) {
      Value padded = trt::ConcatenationOp::create(
                         rewriter, loc, tensorType(into).clone({size + 1}),
                         ValueRange{into, reshape(rewriter, loc,
                                                  splatLike(rewriter, loc, into, 0),
                                                  {1})},
                         0)
                         .getResult();
      Value written = trt::ScatterElementsOp::create(
                          rewriter, loc, padded.getType(), padded, target,
                          values, rewriter.getI64IntegerAttr(0))
                          .getResult();
      return trt::SliceOp::create(rewriter, loc, written,
                                  ArrayRef<int32_t>{0}, ArrayRef<int32_t>{int32_t(size)},
                                  ArrayRef<int32_t>{1})
          .getResult();
    };

    Value result;
    if (!kind.combine) {
      result = scatterInto(flat, flatUpdates);
    } else {
      SmallVector<int64_t> positions(size);
      std::iota(positions.begin(), positions.end(), 0);
      Value iota = indexConstant(rewriter, loc, targetType, {size, 1}, positions);
      Value mask = elementWise(rewriter, loc, ElementWiseOperation::kEQUAL, iota,
                               reshape(rewriter, loc, target, {1, count}));
      Value identity = trt::ConstantOp::create(
                           rewriter, loc,
                           DenseElementsAttr::get(
                               flatType.clone({1, 1}),
                               identityOf(kind.reduce, flatType.getElementType())))
                           .getResult();
      Value chosen =
          trt::SelectOp::create(rewriter, loc, mask,
                                reshape(rewriter, loc, flatUpdates, {1, count}),
                                identity)
              .getResult();
      Value reduced = trt::ReduceOp::create(rewriter, loc, flatType, chosen,
                                            ArrayRef<int64_t>{1},
                                            /*keepDimensions=*/false, kind.reduce)
                          .getResult();
      // Where no update landed the operand stays as it is (bit for bit, so
      // -0.0 stays -0.0 under add).
      Value ones = trt::ConstantOp::create(
                       rewriter, loc,
                       DenseElementsAttr::get(
                           RankedTensorType::get({count}, rewriter.getI32Type()),
                           rewriter.getI32IntegerAttr(1)))
                       .getResult();
      Value zeros = trt::ConstantOp::create(
                        rewriter, loc,
                        DenseElementsAttr::get(
                            RankedTensorType::get({size}, rewriter.getI32Type()),
                            rewriter.getI32IntegerAttr(0)))
                        .getResult();
      Value hits = scatterInto(zeros, ones);
      Value touched = elementWise(rewriter, loc, ElementWiseOperation::kEQUAL,
                                  hits, splatLike(rewriter, loc, hits, 1));
      Value combined = elementWise(rewriter, loc, *kind.combine, flat, reduced);
      result = trt::SelectOp::create(rewriter, loc, touched, combined, flat)
                   .getResult();
    }
    return reshape(rewriter, loc, result, a.operand.getShape());
  }
};

} // namespace

static bool owns(Operation *op) {
  return isa<shlo::GatherOp, shlo::ScatterOp>(op);
}

static std::optional<std::string> problem(Operation *op) {
  if (auto gather = dyn_cast<shlo::GatherOp>(op))
    return gatherProblem(gather);
  if (auto scatter = dyn_cast<shlo::ScatterOp>(op))
    return scatterProblem(scatter);
  return std::nullopt;
}

static void populate(RewritePatternSet &patterns) {
  patterns.add<GatherLowering, ScatterLowering>(patterns.getContext());
}

const Family kiln::stablehlo_to_tensorrt::kGatherScatterFamily = {
    "gather/scatter", owns, problem, populate};
