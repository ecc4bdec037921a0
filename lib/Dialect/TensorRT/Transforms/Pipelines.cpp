//===- Pipelines.cpp - the `tensorrt-simplify` pipeline -------------------===//
//
// Part of Kiln. The simplification the compiler runs before partitioning:
// raise known subgraphs to single layers, remove layout and shape
// shuffling, and clean up with canonicalization and CSE after each group.
//
//===----------------------------------------------------------------------===//

#include "kiln/Dialect/TensorRT/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void tensorrt::buildTensorRTSimplifyPipeline(OpPassManager &pm) {
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createTensorRTBroadcastEliminationPass());
  pm.addPass(createTensorRTTransposeEliminationPass());
  pm.addPass(createTensorRTReshapeEliminationPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void tensorrt::registerTensorRTPipelines() {
  PassPipelineRegistration<>(
      "tensorrt-simplify",
      "Simplify `tensorrt` IR: raise activations and normalizations, "
      "eliminate broadcasts, transposes and reshapes, canonicalize and CSE",
      buildTensorRTSimplifyPipeline);
}
