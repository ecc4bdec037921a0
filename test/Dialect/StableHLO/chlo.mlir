// RUN: kiln-opt %s | FileCheck %s
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s -mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @chlo_ops
func.func @chlo_ops(%x: tensor<3x4xf32>) -> (tensor<3x4xf32>, tensor<3x2xf32>, tensor<3x2xi32>) {
  // CHECK: chlo.erf %{{.*}} : tensor<3x4xf32> -> tensor<3x4xf32>
  %0 = chlo.erf %x : tensor<3x4xf32> -> tensor<3x4xf32>
  // CHECK: chlo.square %{{.*}} : tensor<3x4xf32> -> tensor<3x4xf32>
  %1 = chlo.square %0 : tensor<3x4xf32> -> tensor<3x4xf32>
  // CHECK: chlo.asinh %{{.*}} : tensor<3x4xf32> -> tensor<3x4xf32>
  %2 = chlo.asinh %1 : tensor<3x4xf32> -> tensor<3x4xf32>
  // CHECK: chlo.top_k(%{{.*}}, k = 2) : tensor<3x4xf32> -> (tensor<3x2xf32>, tensor<3x2xi32>)
  %values, %indices = chlo.top_k(%2, k = 2) : tensor<3x4xf32> -> (tensor<3x2xf32>, tensor<3x2xi32>)
  return %2, %values, %indices : tensor<3x4xf32>, tensor<3x2xf32>, tensor<3x2xi32>
}
