// RUN: kiln-compile %s --print-plan | FileCheck %s

// CHECK: step activation (%0) -> (%1) alpha=0.5 beta=2 type=kCLIP
// CHECK: step activation (%1) -> (%2) type=kGELU_TANH
func.func @main(%a: tensor<8xf16>) -> tensor<8xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.5 : f32, beta = 2.0 : f32} %a : tensor<8xf16>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %0 : tensor<8xf16>
  return %1 : tensor<8xf16>
}
