//===- Pipelines.cpp - the `tensorrt-simplify` pipeline -------------------===//
//
// Part of Kiln. The simplification the compiler runs before partitioning:
// remove layout and shape shuffling, raise known subgraphs to single
// layers, expand Kiln extension ops into core layers, and clean up with
// canonicalization and CSE after each group.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void kiln::tensorrt::buildTensorRTSimplifyPipeline(OpPassManager &pm) {
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
  // Last, the Kiln extension ops become core layers; the shuffles they
  // turn into merge in the final canonicalization.
  pm.addPass(createTensorRTExpandOpsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void kiln::tensorrt::registerTensorRTPipelines() {
  PassPipelineRegistration<>(
      "tensorrt-simplify",
      "Simplify `tensorrt` IR: eliminate broadcasts, transposes and "
      "reshapes, raise activations and normalizations, expand extension "
      "ops, with canonicalization and CSE in between",
      buildTensorRTSimplifyPipeline);
}
