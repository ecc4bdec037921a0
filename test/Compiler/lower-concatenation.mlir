// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: step concatenation (%0, %1, %0) -> (%2) axis=1
func.func @main(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) -> tensor<2x7xi32> {
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b, %a : tensor<2x3xi32>, tensor<2x1xi32>, tensor<2x3xi32>) -> tensor<2x7xi32>
  return %0 : tensor<2x7xi32>
}
