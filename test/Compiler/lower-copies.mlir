// RUN: kiln-compile %s --print-plan | FileCheck %s

// Reshapes and rank changes are byte copies; identity is a copy when the
// element type stays and a cast when it changes.
// CHECK: step copy (%0) -> (%1)
// CHECK-NEXT: step copy (%1) -> (%2)
// CHECK-NEXT: step copy (%2) -> (%3)
// CHECK-NEXT: step copy (%3) -> (%4)
// CHECK-NEXT: step cast (%4) -> (%5)
func.func @main(%a: tensor<2x3xf32>) -> tensor<6xf16> {
  %0 = tensorrt.reshape %a : tensor<2x3xf32> to tensor<6xf32>
  %1 = tensorrt.expand_rank %0 : tensor<6xf32> to tensor<1x6xf32>
  %2 = tensorrt.collapse_rank %1 : tensor<1x6xf32> to tensor<6xf32>
  %3 = tensorrt.identity %2 : tensor<6xf32> to tensor<6xf32>
  %4 = tensorrt.identity %3 : tensor<6xf32> to tensor<6xf16>
  return %4 : tensor<6xf16>
}
