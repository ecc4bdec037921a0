// RUN: kiln-compile %s --print-plan | FileCheck %s

// Reshapes and rank changes are byte copies; identity is a cast when the
// element type changes (to its own type it folds away). Each op reads an
// argument of its own, so that simplification keeps all of them.
// CHECK: step copy (%0) -> (%{{[0-9]+}})
// CHECK-NEXT: step copy (%1) -> (%{{[0-9]+}})
// CHECK-NEXT: step copy (%2) -> (%{{[0-9]+}})
// CHECK-NEXT: step cast (%3) -> (%{{[0-9]+}})
// CHECK-NEXT: step unary (%4) -> (%{{[0-9]+}}) op=kNEG
func.func @main(%a: tensor<2x3xf32>, %b: tensor<6xf32>, %c: tensor<1x6xf32>, %d: tensor<6xf32>, %e: tensor<6xf32>) -> (tensor<6xf32>, tensor<1x6xf32>, tensor<6xf32>, tensor<6xf16>, tensor<6xf32>) {
  %0 = tensorrt.reshape %a : tensor<2x3xf32> to tensor<6xf32>
  %1 = tensorrt.expand_rank %b : tensor<6xf32> to tensor<1x6xf32>
  %2 = tensorrt.collapse_rank %c : tensor<1x6xf32> to tensor<6xf32>
  %3 = tensorrt.identity %d : tensor<6xf32> to tensor<6xf16>
  %4 = tensorrt.identity %e : tensor<6xf32> to tensor<6xf32>
  %5 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %4 : tensor<6xf32>
  return %0, %1, %2, %3, %5 : tensor<6xf32>, tensor<1x6xf32>, tensor<6xf32>, tensor<6xf16>, tensor<6xf32>
}
