//===- PlanPrinter.h - Human-readable engine plans --------------*- C++ -*-===//
#ifndef KILN_COMPILER_PLANPRINTER_H
#define KILN_COMPILER_PLANPRINTER_H

#include "kiln/Runtime/EnginePlan.h"

#include <string>

namespace kiln::compiler {

/// A stable, line-oriented rendering of a plan (buffers with their kind and
/// placement, then steps with kernel, operands, results and attributes), for
/// `kiln-compile --print-plan` and FileCheck tests.
std::string printPlan(const EnginePlan &plan);

} // namespace kiln::compiler

#endif // KILN_COMPILER_PLANPRINTER_H
