// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: step reduce (%0) -> (%1) axes=[0, 2] keep_dims=1 op=kMAX
func.func @main(%a: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = tensorrt.reduce <kMAX> %a {reduceAxes = array<i64: 0, 2>, keepDimensions = true} : tensor<2x3x4xf32> -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}
