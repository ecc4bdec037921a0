// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: buffer %[[FILL:[0-9]+]] : f32 constant
// CHECK: step slice (%0) -> (%{{[0-9]+}}) mode=kDEFAULT start=[0, 1] stride=[2, 1]
// CHECK: step slice (%0, %[[FILL]]) -> (%{{[0-9]+}}) mode=kFILL start=[-1, 0] stride=[1, 1]
func.func @main(%a: tensor<4x4xf32>) -> (tensor<2x3xf32>, tensor<6x4xf32>) {
  %0 = tensorrt.slice %a[0, 1][2, 3][2, 1] : tensor<4x4xf32> to tensor<2x3xf32>
  %f = tensorrt.constant dense<5.0> : tensor<f32>
  %1 = tensorrt.slice %a[-1, 0][6, 4][1, 1] fill(%f : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<4x4xf32> to tensor<6x4xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<6x4xf32>
}
