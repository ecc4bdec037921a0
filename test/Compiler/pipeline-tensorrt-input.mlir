// RUN: kiln-compile %s --print-ir | FileCheck %s --check-prefix=IR
// RUN: kiln-compile %s --print-plan | FileCheck %s --check-prefix=PLAN

// Hand-written `tensorrt` input takes the same pipeline as StableHLO:
// constants fold (1 + 2 is 3), max(x, 0) is raised to relu, and the
// extension ops stay (the engine's kernels take them as written).
func.func @main(%x: tensor<4xf32>, %y: tensor<2x3xf32>) -> (tensor<4xf32>, tensor<3x2xf32>) {
  %one = tensorrt.constant dense<1.0> : tensor<4xf32>
  %two = tensorrt.constant dense<2.0> : tensor<4xf32>
  %zero = tensorrt.constant dense<0.0> : tensor<4xf32>
  %three = tensorrt.element_wise <kSUM>(%one, %two : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %m = tensorrt.element_wise <kMAX>(%x, %zero : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %s = tensorrt.element_wise <kPROD>(%m, %three : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %y : tensor<2x3xf32> to tensor<3x2xf32>
  return %s, %t : tensor<4xf32>, tensor<3x2xf32>
}
// IR-LABEL: func.func @main
//  IR-SAME:   (%[[X:.+]]: tensor<4xf32>, %[[Y:.+]]: tensor<2x3xf32>)
//   IR-DAG:   %[[THREE:.+]] = tensorrt.constant dense<3.000000e+00> : tensor<4xf32>
//   IR-DAG:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %[[X]] : tensor<4xf32>
//       IR:   %[[S:.+]] = tensorrt.element_wise <kPROD>(%[[R]], %[[THREE]] : tensor<4xf32>, tensor<4xf32>)
//       IR:   %[[T:.+]] = tensorrt.transpose {{.+}} %[[Y]]
//       IR:   return %[[S]], %[[T]]
//   IR-NOT:   kSUM
//   IR-NOT:   kMAX

// PLAN: engine: {{.+}} 3 steps
// PLAN: step activation ({{.+}}) type=kRELU
// PLAN: step element_wise ({{.+}}) op=kPROD
// PLAN: step transpose
// PLAN-NOT: step
