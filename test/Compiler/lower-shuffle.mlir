// RUN: kiln-compile %s --print-plan | FileCheck %s

// The reshape of a shuffle is resolved from the result type (no 0 or -1 left).
// CHECK: step shuffle (%0) -> (%1) first_transpose=[1, 0, 2] reshape=[3, 8] second_transpose=[1, 0]
func.func @main(%a: tensor<2x3x4xf32>) -> tensor<8x3xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0, 2>, reshape = array<i64: 0, -1>, second_transpose = array<i64: 1, 0>} ins(%a : tensor<2x3x4xf32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}
