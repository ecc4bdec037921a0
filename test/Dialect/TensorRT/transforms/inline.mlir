// RUN: kiln-opt %s -inline | FileCheck %s

// Calls of functions made of tensorrt ops are inlined.

func.func private @gelu_like(%x: tensor<?x64xf16>) -> tensor<?x64xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %x : tensor<?x64xf16>
  return %0 : tensor<?x64xf16>
}

func.func @caller(%x: tensor<?x64xf16>) -> tensor<?x64xf16> {
  %0 = func.call @gelu_like(%x) : (tensor<?x64xf16>) -> tensor<?x64xf16>
  return %0 : tensor<?x64xf16>
}
// CHECK-LABEL: func.func @caller
//  CHECK-NEXT:   %[[A:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %{{.+}} : tensor<?x64xf16>
//  CHECK-NEXT:   return %[[A]]
