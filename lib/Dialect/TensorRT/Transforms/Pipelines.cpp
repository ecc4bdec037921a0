//===- Pipelines.cpp - the `tensorrt-simplify` pipeline -------------------===//
//
// Part of Kiln. The simplification the compiler runs on every program
// before planning: remove layout and shape shuffling, raise known subgraphs
// to single layers, expand Kiln extension ops into core layers where the
// target asks for it, and clean up with canonicalization and CSE after each
// group.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void kiln::tensorrt::buildTensorRTSimplifyPipeline(
    OpPassManager &pm, const TensorRTSimplifyOptions &options) {
  // Layout and shape noise goes first: explicit broadcasts, transposes and
  // reshapes hide the pointwise subgraphs the raising passes look for.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createTensorRTBroadcastEliminationPass());
  pm.addPass(createTensorRTTransposeEliminationPass());
  pm.addPass(createTensorRTReshapeEliminationPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createTensorRTRaiseActivationsPass());
  pm.addPass(createTensorRTRaiseNormalizationsPass());
  pm.addPass(createTensorRTRaiseSoftmaxPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (!options.expandOps)
    return;
  // Last, the Kiln extension ops become core layers; the shuffles they
  // turn into merge in the final canonicalization.
  pm.addPass(createTensorRTExpandOpsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

namespace {
struct SimplifyPipelineOptions
    : PassPipelineOptions<SimplifyPipelineOptions> {
  Option<bool> expandOps{
      *this, "expand-ops",
      llvm::cl::desc("end by rewriting the extension ops into core layers "
                     "(tensorrt-expand-ops)"),
      llvm::cl::init(true)};
};
} // namespace

void kiln::tensorrt::registerTensorRTPipelines() {
  PassPipelineRegistration<SimplifyPipelineOptions>(
      "tensorrt-simplify",
      "Simplify `tensorrt` IR: eliminate broadcasts, transposes and "
      "reshapes, raise activations and normalizations, expand extension "
      "ops (unless expand-ops=false), with canonicalization and CSE in "
      "between",
      [](OpPassManager &pm, const SimplifyPipelineOptions &options) {
        TensorRTSimplifyOptions simplify;
        simplify.expandOps = options.expandOps;
        buildTensorRTSimplifyPipeline(pm, simplify);
      });
}
