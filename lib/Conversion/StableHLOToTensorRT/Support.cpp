//===- Support.cpp - what can be converted --------------------------------===//
//
// Part of Kiln. The conversion's entry points: asks each op family (one file
// each, see Common.h) whether it owns an op and why it cannot convert it;
// reports every unsupported op kind once before anything changes; gathers
// every family's patterns.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Support/FormatVariadic.h"

using namespace kiln::stablehlo_to_tensorrt;

static const Family *const kFamilies[] = {
    &kElementwiseFamily,   &kConstantFamily,      &kShapeFamily,
    &kContractionFamily,   &kReductionFamily,     &kGatherScatterFamily,
    &kSortFamily,          &kControlFlowFamily,   &kDynamicShapeFamily,
    &kNormalizationFamily, &kAnnotationFamily,
};

static const Family *familyOf(Operation *op) {
  for (const Family *family : kFamilies)
    if (family->owns(op))
      return family;
  return nullptr;
}

std::optional<std::string>
kiln::stablehlo_to_tensorrt::unsupportedReason(Operation *op) {
  const Family *family = familyOf(op);
  if (!family)
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
  return family->problem(op);
}

/// Ops the conversion consumes: `stablehlo`, `chlo` and the `sdy` sharding
/// annotations that come with them.
static bool isInputOp(Operation *op) {
  return isa<shlo::StableHLODialect, chlo::ChloDialect, sdy::SdyDialect>(
      op->getDialect());
}

bool kiln::containsStableHLO(ModuleOp module) {
  bool found = false;
  module.walk([&](Operation *op) {
    if (isInputOp(op)) {
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
    if (!isInputOp(op))
      return WalkResult::advance();
    // The reducer of a convertible reduce is judged with the reduce.
    if (isa<shlo::ReturnOp, sdy::ReturnOp>(op))
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
    if (isa<shlo::WhileOp, shlo::CaseOp, shlo::IfOp, sdy::ManualComputationOp>(
            op))
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

void kiln::populateStableHLOToTensorRTPatterns(RewritePatternSet &patterns) {
  for (const Family *family : kFamilies)
    family->populate(patterns);
}
