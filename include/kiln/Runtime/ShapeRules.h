//===- ShapeRules.h - Result shapes of steps at run time --------*- C++ -*-===//
//
// When an engine has dynamic dimensions, the execution context computes
// every buffer's concrete shape from the bound input shapes, one step at a
// time, with the rule of the step's kernel. The rules mirror the `tensorrt`
// dialect's type inference, restated here because the runtime has no MLIR.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_SHAPERULES_H
#define KILN_RUNTIME_SHAPERULES_H

#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Tensor.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kiln {

using Shape = std::vector<int64_t>;

/// Concrete result shapes of `step` given its operands' concrete shapes.
/// `planned` holds the results' shapes from the plan (kDynamicDim where
/// unknown); every static planned dimension must agree with the computed
/// one. Throws kiln::Error naming the kernel and the mismatch.
///
/// Some shapes depend on operand *values* (a reshape to a computed shape).
/// `operandValues`, when given, holds views of the operands whose data is
/// known (data == nullptr where it is not yet). A rule that needs a value it
/// does not have returns std::nullopt; the execution context then resolves
/// shapes step by step while the engine runs.
///
/// Control flow: `while` and `for` results take the shapes of the initial
/// carried values (a carried value keeps its shape across iterations); an
/// `if` with dynamic results returns std::nullopt, as its results are what
/// the branch that runs yields (the execution context resolves the branches
/// or lets the kernel size the results).
std::optional<std::vector<Shape>>
inferResultShapes(const StepDesc &step, const std::vector<Shape> &operandShapes,
                  const std::vector<Shape> &planned,
                  const std::vector<TensorView> *operandValues = nullptr);

/// True when the step's result shape is computed from an operand's values.
bool shapeReadsOperandValues(const StepDesc &step);

} // namespace kiln

#endif // KILN_RUNTIME_SHAPERULES_H
