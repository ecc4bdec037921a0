// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// CHECK-LABEL: func.func @broadcast_in_dim
//       CHECK:   tensorrt.broadcast %arg0 broadcast_dims<1> : tensor<4xf32> to tensor<2x4xf32>
//       CHECK:   tensorrt.broadcast %arg1 broadcast_dims<> : tensor<f32> to tensor<2x4xf32>
func.func @broadcast_in_dim(%x: tensor<4xf32>, %s: tensor<f32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %0 = stablehlo.broadcast_in_dim %x, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %1 = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<2x4xf32>
}

// -----

// An identity broadcast disappears.
// CHECK-LABEL: func.func @broadcast_identity
//   CHECK-NOT:   tensorrt.broadcast
//       CHECK:   return %arg0
func.func @broadcast_identity(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = stablehlo.broadcast_in_dim %x, dims = [0, 1] : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_transpose
//       CHECK:   %[[T:.*]] = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} %arg0 : tensor<2x3x4xf32> to tensor<4x2x3xf32>
//       CHECK:   tensorrt.reshape %[[T]] : tensor<4x2x3xf32> to tensor<4x6xf32>
func.func @reshape_transpose(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = stablehlo.transpose %x, dims = [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = stablehlo.reshape %0 : (tensor<4x2x3xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// CHECK-LABEL: func.func @concatenate
//       CHECK:   tensorrt.concatenation {axis = 1 : i32} ins(%arg0, %arg1, %arg0 : tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
func.func @concatenate(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>) -> tensor<2x7xf32> {
  %0 = stablehlo.concatenate %a, %b, %a, dim = 1 : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
  return %0 : tensor<2x7xf32>
}

// -----

// CHECK-LABEL: func.func @slice
//       CHECK:   tensorrt.slice %arg0[1, 0][2, 3][1, 2] : tensor<4x5xf32> to tensor<2x3xf32>
func.func @slice(%x: tensor<4x5xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.slice %x [1:3, 0:5:2] : (tensor<4x5xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Edge padding reads the padding value outside the operand.
// CHECK-LABEL: func.func @pad
//       CHECK:   tensorrt.slice %arg0[-1, 0][6, 5][1, 1] fill(%arg1 : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<3x4xf32> to tensor<6x5xf32>
func.func @pad(%x: tensor<3x4xf32>, %z: tensor<f32>) -> tensor<6x5xf32> {
  %0 = stablehlo.pad %x, %z, low = [1, 0], high = [2, 1], interior = [0, 0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<6x5xf32>
  return %0 : tensor<6x5xf32>
}

// -----

// CHECK-LABEL: func.func @reverse
//       CHECK:   tensorrt.slice %arg0[0, 3][3, 4][1, -1] : tensor<3x4xf32> to tensor<3x4xf32>
func.func @reverse(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = stablehlo.reverse %x, dims = [1] : tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
