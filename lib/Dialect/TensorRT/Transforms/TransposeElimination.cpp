//===- TransposeElimination.cpp - tensorrt-transpose-elimination -------------------------------------===//
//
// Part of Kiln.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace tensorrt {
#define GEN_PASS_DEF_TENSORRTTRANSPOSEELIMINATIONPASS
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"
} // namespace tensorrt
} // namespace mlir

using namespace mlir;
using namespace mlir::tensorrt;

namespace {
struct TensorRTTransposeEliminationPass
    : tensorrt::impl::TensorRTTransposeEliminationPassBase<TensorRTTransposeEliminationPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
