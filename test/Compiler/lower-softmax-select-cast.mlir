// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: step softmax (%0) -> (%2) axis=1
// CHECK: step element_wise (%0, %1) -> (%3) op=kGREATER
// CHECK: step select (%3, %2, %1) -> (%4)
// CHECK: step cast (%4) -> (%5)
func.func @main(%a: tensor<2x4xf32>, %b: tensor<2x4xf32>) -> tensor<2x4xi32> {
  %0 = tensorrt.softmax {axis = 1 : i64} %a : tensor<2x4xf32>
  %1 = tensorrt.element_wise <kGREATER>(%a, %b : tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xi1>
  %2 = tensorrt.select ins(%1, %0, %b : tensor<2x4xi1>, tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = tensorrt.cast %2 : tensor<2x4xf32> to tensor<2x4xi32>
  return %3 : tensor<2x4xi32>
}
