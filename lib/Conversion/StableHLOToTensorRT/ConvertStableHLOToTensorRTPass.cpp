//===- ConvertStableHLOToTensorRTPass.cpp - the conversion pass -----------===//
//
// Part of Kiln. Check, inline, then rewrite: unsupported ops are reported
// before anything changes, and private functions are inlined so that each
// pattern sees whole programs.
//
//===----------------------------------------------------------------------===//

#include "kiln/Conversion/Passes.h"

#include "kiln/Dialect/Sdy/IR/Sdy.h"
#include "kiln/Dialect/StableHLO/IR/StableHLO.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/Passes.h"

namespace kiln {
#define GEN_PASS_DEF_CONVERTSTABLEHLOTOTENSORRT
#include "kiln/Conversion/Passes.h.inc"
} // namespace kiln

using namespace mlir;

namespace {
struct ConvertStableHLOToTensorRTPass
    : public kiln::impl::ConvertStableHLOToTensorRTBase<
          ConvertStableHLOToTensorRTPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(kiln::checkStableHLOConvertible(module)))
      return signalPassFailure();

    OpPassManager inlining(ModuleOp::getOperationName());
    inlining.addPass(createInlinerPass());
    inlining.addPass(createSymbolDCEPass());
    if (failed(runPipeline(inlining, module)))
      return signalPassFailure();

    ConversionTarget target(getContext());
    target.addLegalDialect<kiln::tensorrt::TensorRTDialect, func::FuncDialect>();
    target.addIllegalDialect<kiln::stablehlo::StableHLODialect, kiln::chlo::ChloDialect,
                             kiln::sdy::SdyDialect>();
    RewritePatternSet patterns(&getContext());
    kiln::populateStableHLOToTensorRTPatterns(patterns);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
