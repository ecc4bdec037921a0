// RUN: kiln-compile %s --print-plan | FileCheck %s

// Constants become constant buffers (no step), each 64-byte aligned.
// CHECK: engine: 4 buffers, 1 steps, arena 64 bytes, constants 72 bytes
// CHECK: buffer %1 : 3xf32 constant @0 (12 bytes)
// CHECK: buffer %2 : 2xi32 constant @64 (8 bytes)
// CHECK: step element_wise
// CHECK-NOT: step
func.func @main(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<2xi32>) {
  %c = tensorrt.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %i = tensorrt.constant dense<[7, 8]> : tensor<2xi32>
  %0 = tensorrt.element_wise <kPROD>(%x, %c : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0, %i : tensor<3xf32>, tensor<2xi32>
}
