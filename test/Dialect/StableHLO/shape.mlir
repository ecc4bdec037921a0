// RUN: kiln-opt %s | FileCheck %s
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s -mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<f32>, tensor<2xf32>, tensor<2x3xi32>) {
  // CHECK: stablehlo.constant dense<0xFF800000> : tensor<f32>
  %0 = stablehlo.constant dense<0xFF800000> : tensor<f32>
  // CHECK: stablehlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %1 = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  // CHECK: stablehlo.iota dim = 1 : tensor<2x3xi32>
  %2 = stablehlo.iota dim = 1 : tensor<2x3xi32>
  return %0, %1, %2 : tensor<f32>, tensor<2xf32>, tensor<2x3xi32>
}

// CHECK-LABEL: func.func @broadcast_reshape_transpose
func.func @broadcast_reshape_transpose(%x: tensor<4xf32>, %s: tensor<f32>) -> (tensor<3x2xf32>, tensor<2x4xf32>) {
  // CHECK: stablehlo.broadcast_in_dim %{{.*}}, dims = [] : (tensor<f32>) -> tensor<2x3xf32>
  %0 = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<2x3xf32>
  // CHECK: stablehlo.transpose %{{.*}}, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = stablehlo.transpose %0, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  // CHECK: stablehlo.broadcast_in_dim %{{.*}}, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %2 = stablehlo.broadcast_in_dim %x, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  // CHECK: stablehlo.reshape %{{.*}} : (tensor<2x4xf32>) -> tensor<8xf32>
  %3 = stablehlo.reshape %2 : (tensor<2x4xf32>) -> tensor<8xf32>
  // CHECK: stablehlo.reshape %{{.*}} : (tensor<8xf32>) -> tensor<2x4xf32>
  %4 = stablehlo.reshape %3 : (tensor<8xf32>) -> tensor<2x4xf32>
  return %1, %4 : tensor<3x2xf32>, tensor<2x4xf32>
}

// CHECK-LABEL: func.func @concatenate_slice
func.func @concatenate_slice(%a: tensor<3x4xf32>, %b: tensor<2x4xf32>) -> (tensor<5x4xf32>, tensor<2x2xf32>, tensor<1x4xf32>) {
  // CHECK: stablehlo.concatenate %{{.*}}, %{{.*}}, dim = 0 : (tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<5x4xf32>
  %0 = stablehlo.concatenate %a, %b, dim = 0 : (tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<5x4xf32>
  // CHECK: stablehlo.slice %{{.*}} [0:2, 1:4:2] : (tensor<5x4xf32>) -> tensor<2x2xf32>
  %1 = stablehlo.slice %0 [0:2, 1:4:2] : (tensor<5x4xf32>) -> tensor<2x2xf32>
  // CHECK: stablehlo.slice %{{.*}} [4:5, 0:4] : (tensor<5x4xf32>) -> tensor<1x4xf32>
  %2 = stablehlo.slice %0 [4:5, 0:4:1] : (tensor<5x4xf32>) -> tensor<1x4xf32>
  return %0, %1, %2 : tensor<5x4xf32>, tensor<2x2xf32>, tensor<1x4xf32>
}

// CHECK-LABEL: func.func @pad_reverse
func.func @pad_reverse(%x: tensor<3x4xf32>, %z: tensor<f32>) -> (tensor<6x5xf32>, tensor<3x4xf32>) {
  // CHECK: stablehlo.pad %{{.*}}, %{{.*}}, low = [1, 0], high = [2, 1], interior = [0, 0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<6x5xf32>
  %0 = stablehlo.pad %x, %z, low = [1, 0], high = [2, 1], interior = [0, 0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<6x5xf32>
  // CHECK: stablehlo.reverse %{{.*}}, dims = [0] : tensor<3x4xf32>
  %1 = stablehlo.reverse %x, dims = [0] : tensor<3x4xf32>
  return %0, %1 : tensor<6x5xf32>, tensor<3x4xf32>
}

// CHECK-LABEL: func.func @dynamic_slices
func.func @dynamic_slices(%x: tensor<5x4xf32>, %u: tensor<2x4xf32>, %i: tensor<i32>) -> (tensor<2x4xf32>, tensor<5x4xf32>) {
  // CHECK: stablehlo.dynamic_slice %{{.*}}, %{{.*}}, %{{.*}}, sizes = [2, 4] : (tensor<5x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x4xf32>
  %0 = stablehlo.dynamic_slice %x, %i, %i, sizes = [2, 4] : (tensor<5x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x4xf32>
  // CHECK: stablehlo.dynamic_update_slice %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<5x4xf32>, tensor<2x4xf32>, tensor<i32>, tensor<i32>) -> tensor<5x4xf32>
  %1 = stablehlo.dynamic_update_slice %x, %u, %i, %i : (tensor<5x4xf32>, tensor<2x4xf32>, tensor<i32>, tensor<i32>) -> tensor<5x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<5x4xf32>
}
