// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// A plain matrix product needs no reshaping.
// CHECK-LABEL: func.func @matmul
//       CHECK:   %[[R:.*]] = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%arg0, %arg1 : tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
//  CHECK-NEXT:   return %[[R]]
func.func @matmul(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// Batch dimensions in front are kept as collection dimensions.
// CHECK-LABEL: func.func @batched
//       CHECK:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%arg0, %arg1 : tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
func.func @batched(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// x @ w.T contracts the last dimension of both: a transposed read of rhs.
// CHECK-LABEL: func.func @transposed_rhs
//       CHECK:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%arg0, %arg1 : tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
func.func @transposed_rhs(%a: tensor<3x4xf32>, %b: tensor<5x4xf32>) -> tensor<3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [1] : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// A matrix-vector product reads the vector as a one-column matrix.
// CHECK-LABEL: func.func @matvec
//       CHECK:   %[[V:.*]] = tensorrt.reshape %arg1 : tensor<4xf32> to tensor<4x1xf32>
//       CHECK:   %[[M:.*]] = tensorrt.matrix_multiply {{.*}} ins(%arg0, %[[V]] : tensor<3x4xf32>, tensor<4x1xf32>) -> tensor<3x1xf32>
//       CHECK:   tensorrt.reshape %[[M]] : tensor<3x1xf32> to tensor<3xf32>
func.func @matvec(%a: tensor<3x4xf32>, %v: tensor<4xf32>) -> tensor<3xf32> {
  %0 = stablehlo.dot_general %a, %v, contracting_dims = [1] x [0] : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Batch dimensions in the middle and contracting dimensions anywhere are
// moved by transposes: lhs to [batch, rows, contracting], rhs to
// [batch, contracting, columns].
// CHECK-LABEL: func.func @odd_dims
//       CHECK:   %[[A:.*]] = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %arg0 : tensor<3x2x4xf32> to tensor<2x3x4xf32>
//       CHECK:   %[[B:.*]] = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d1, d0)>} %arg1 : tensor<5x4x2xf32> to tensor<2x4x5xf32>
//       CHECK:   tensorrt.matrix_multiply {{.*}} ins(%[[A]], %[[B]] : tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
func.func @odd_dims(%a: tensor<3x2x4xf32>, %b: tensor<5x4x2xf32>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [1] x [2], contracting_dims = [2] x [1] : (tensor<3x2x4xf32>, tensor<5x4x2xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// Several contracting dimensions are flattened into one.
// CHECK-LABEL: func.func @two_contractions
//       CHECK:   %[[A:.*]] = tensorrt.reshape %arg0 : tensor<2x3x4xf32> to tensor<2x12xf32>
//       CHECK:   %[[B:.*]] = tensorrt.reshape %arg1 : tensor<3x4x5xf32> to tensor<12x5xf32>
//       CHECK:   tensorrt.matrix_multiply {{.*}} ins(%[[A]], %[[B]] : tensor<2x12xf32>, tensor<12x5xf32>) -> tensor<2x5xf32>
func.func @two_contractions(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) -> tensor<2x5xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1, 2] x [0, 1] : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// CHECK-LABEL: func.func @dot
//       CHECK:   tensorrt.matrix_multiply {{.*}} ins(%arg0, %arg1 : tensor<3x4xf32>, tensor<4x2xf32>) -> tensor<3x2xf32>
func.func @dot(%a: tensor<3x4xf32>, %b: tensor<4x2xf32>) -> tensor<3x2xf32> {
  %0 = stablehlo.dot %a, %b : (tensor<3x4xf32>, tensor<4x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
