//===- KeptReduction.h - reductions seen with kept dimensions ---*- C++ -*-===//
//
// Part of Kiln. Normalizations written out reduce a tensor and broadcast the
// statistic back over the reduced dimensions. The statistic reaches the
// broadcast either from a `tensorrt.reduce` that keeps its dimensions or,
// as JAX writes it, from a reduce that drops them followed by a reshape that
// puts them back as size 1 (often after some arithmetic on the small
// tensor). Both are the same data; the raising passes match either.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_DIALECT_TENSORRT_TRANSFORMS_KEPTREDUCTION_H
#define KILN_LIB_DIALECT_TENSORRT_TRANSFORMS_KEPTREDUCTION_H

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "llvm/ADT/SmallVector.h"

namespace kiln::tensorrt {

/// The input of a reshape that keeps the row-major order of the elements
/// (`expand_rank`, `collapse_rank`, a `reshape` without a shape operand, or
/// a `shuffle` with identity transposes and a static reshape) defining
/// `value`; null when `value` is defined by anything else.
Value getReshapeSource(Value value);

/// The shape of `input` with the dimensions in `axes` set to 1.
SmallVector<int64_t> getKeptShape(Type input, ArrayRef<int64_t> axes);

/// A `tensorrt.reduce` of `kind` whose result `value` shows with the
/// reduced dimensions kept: the reduce itself when it keeps them, or a
/// reshape of its result to the kept shape.
ReduceOp matchKeptReduction(Value value, ReduceOperation kind);

/// Whether `value` has the shape of `input` reduced over `axes` with the
/// dimensions kept.
bool hasKeptShape(Value value, Value input, ArrayRef<int64_t> axes);

} // namespace kiln::tensorrt

#endif // KILN_LIB_DIALECT_TENSORRT_TRANSFORMS_KEPTREDUCTION_H
