// RUN: kiln-compile %s --print-plan | FileCheck %s

// Inputs take the name of a named argument location, else argN.
// CHECK: input tokens = %0
// CHECK-NEXT: input arg1 = %1
func.func @main(%a: tensor<4xi32> loc("tokens"("model.py":3:5)), %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
