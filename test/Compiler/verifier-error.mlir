// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// Verifier errors point at the op, with no generic-form dump after them.
// CHECK: verifier-error.mlir:[[# @LINE + 3]]:8: error: 'tensorrt.element_wise' op expected dimension 0 of input2 (3) to broadcast with size 2 of input1
// CHECK-NOT: see current operation
func.func @main(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
