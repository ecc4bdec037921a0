//===- Registration.cpp - Registers every reference kernel ----------------===//
#include "Common.h"

namespace kiln {

void registerReferenceKernels(KernelRegistry &registry) {
  registerElementWiseKernels(registry);
  registerUnaryKernels(registry);
  registerActivationKernels(registry);
  registerMatrixMultiplyKernels(registry);
  registerReduceKernels(registry);
  registerSoftmaxKernels(registry);
  registerShuffleKernels(registry);
  registerBroadcastKernels(registry);
  registerSliceKernels(registry);
  registerConcatenationKernels(registry);
  registerCastKernels(registry);
  registerQuantizationKernels(registry);
  registerSelectKernels(registry);
  registerControlFlowKernels(registry);
  registerTopKKernels(registry);
  registerNormalizationKernels(registry);
  registerEinsumKernels(registry);
  registerFillKernels(registry);
  registerGatherKernels(registry);
  registerScatterKernels(registry);
  registerPaddingKernels(registry);
  registerResizeKernels(registry);
  registerOneHotKernels(registry);
  registerNonZeroKernels(registry);
  registerConvolutionKernels(registry);
  registerPoolingKernels(registry);
}

} // namespace kiln
