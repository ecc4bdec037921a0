// RUN: kiln-compile %s --print-plan | FileCheck %s

// The reshape spec travels as written (0 copies an input dim, -1 is inferred);
// the runtime resolves it when shapes are bound.
// CHECK: step shuffle (%0) -> (%1) first_transpose=[1, 0, 2] reshape=[0, -1] second_transpose=[1, 0] zero_is_placeholder=1
func.func @main(%a: tensor<2x3x4xf32>) -> tensor<8x3xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0, 2>, reshape = array<i64: 0, -1>, second_transpose = array<i64: 1, 0>} ins(%a : tensor<2x3x4xf32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}
