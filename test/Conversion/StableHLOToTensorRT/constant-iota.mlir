// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// CHECK-LABEL: func.func @constant
//       CHECK:   tensorrt.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   tensorrt.constant dense<7> : tensor<i32>
func.func @constant() -> (tensor<2xf32>, tensor<i32>) {
  %0 = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = stablehlo.constant dense<7> : tensor<i32>
  return %0, %1 : tensor<2xf32>, tensor<i32>
}

// -----

// A static iota is the constant it produces.
// CHECK-LABEL: func.func @iota
//       CHECK:   tensorrt.constant dense<{{\[}}[0, 1, 2], [0, 1, 2]]> : tensor<2x3xi32>
//       CHECK:   tensorrt.constant dense<{{\[}}[0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 1.000000e+00, 1.000000e+00]]> : tensor<2x3xf32>
func.func @iota() -> (tensor<2x3xi32>, tensor<2x3xf32>) {
  %0 = stablehlo.iota dim = 1 : tensor<2x3xi32>
  %1 = stablehlo.iota dim = 0 : tensor<2x3xf32>
  return %0, %1 : tensor<2x3xi32>, tensor<2x3xf32>
}
