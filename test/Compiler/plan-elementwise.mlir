// RUN: kiln-compile %s --print-plan | FileCheck %s

// Two inputs, one step, the result in the arena.
// CHECK: engine: 3 buffers, 1 steps, arena 64 bytes, constants 0 bytes
// CHECK-NEXT: buffer %0 : 2x3xf32 input #0 (24 bytes)
// CHECK-NEXT: buffer %1 : 2x3xf32 input #1 (24 bytes)
// CHECK-NEXT: buffer %2 : 2x3xf32 arena @0 (24 bytes)
// CHECK-NEXT: step element_wise (%0, %1) -> (%2) op=kSUM
// CHECK-NEXT: input arg0 = %0
// CHECK-NEXT: input arg1 = %1
// CHECK-NEXT: output result0 = %2
func.func @main(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
