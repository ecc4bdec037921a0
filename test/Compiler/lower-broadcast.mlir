// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: step broadcast (%0) -> (%1) broadcast_dims=[1]
func.func @main(%a: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.broadcast %a broadcast_dims<1> : tensor<3xf32> to tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
