// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: step transpose (%0) -> (%1) permutation=[2, 0, 1]
func.func @main(%a: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} %a : tensor<2x3x4xf32> to tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}
