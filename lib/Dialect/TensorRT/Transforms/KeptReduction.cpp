//===- KeptReduction.cpp - reductions seen with kept dimensions -----------===//
//
// Part of Kiln.
//
//===----------------------------------------------------------------------===//

#include "KeptReduction.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace kiln::tensorrt;

static bool isIdentityPermutation(ArrayRef<int64_t> permutation) {
  for (auto [index, dim] : llvm::enumerate(permutation))
    if (dim != static_cast<int64_t>(index))
      return false;
  return true;
}

static bool hasStaticShape(Value value) {
  return cast<RankedTensorType>(value.getType()).hasStaticShape();
}

Value kiln::tensorrt::getReshapeSource(Value value) {
  Operation *op = value.getDefiningOp();
  if (!op)
    return nullptr;
  // Inserting or removing unit dimensions never moves an element.
  if (auto expand = dyn_cast<ExpandRankOp>(op))
    return expand.getInput();
  if (auto collapse = dyn_cast<CollapseRankOp>(op))
    return collapse.getInput();
  // A general reshape keeps the order too, but with unknown sizes the
  // types do not say where the dimensions went.
  if (auto reshape = dyn_cast<ReshapeOp>(op)) {
    if (reshape.getShape() || !hasStaticShape(reshape.getInput()) ||
        !hasStaticShape(value))
      return nullptr;
    return reshape.getInput();
  }
  if (auto shuffle = dyn_cast<ShuffleOp>(op)) {
    if (shuffle.getDynamicReshape() ||
        !isIdentityPermutation(shuffle.getFirstTranspose()) ||
        !isIdentityPermutation(shuffle.getSecondTranspose()) ||
        !hasStaticShape(shuffle.getInput()) || !hasStaticShape(value))
      return nullptr;
    return shuffle.getInput();
  }
  return nullptr;
}

SmallVector<int64_t> kiln::tensorrt::getKeptShape(Type input,
                                            ArrayRef<int64_t> axes) {
  SmallVector<int64_t> shape(cast<RankedTensorType>(input).getShape());
  for (int64_t axis : axes)
    shape[axis] = 1;
  return shape;
}

bool kiln::tensorrt::hasKeptShape(Value value, Value input, ArrayRef<int64_t> axes) {
  return cast<RankedTensorType>(value.getType()).getShape() ==
         ArrayRef(getKeptShape(input.getType(), axes));
}

ReduceOp kiln::tensorrt::matchKeptReduction(Value value, ReduceOperation kind) {
  auto isKind = [&](ReduceOp reduce) {
    return reduce && reduce.getReduceOperation() == kind;
  };
  if (auto reduce = value.getDefiningOp<ReduceOp>())
    return isKind(reduce) && reduce.getKeepDimensions() ? reduce : nullptr;
  Value source = getReshapeSource(value);
  auto reduce = source ? source.getDefiningOp<ReduceOp>() : nullptr;
  if (!isKind(reduce) || reduce.getKeepDimensions() ||
      !hasKeptShape(value, reduce.getInput(), reduce.getReduceAxes()))
    return nullptr;
  return reduce;
}
