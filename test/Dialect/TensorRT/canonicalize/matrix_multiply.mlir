// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// tensorrt.matrix_multiply reads a transposed matrix operand itself.

func.func @absorb_lhs_transpose(%a: tensor<32x16xf32>, %b: tensor<32x64xf32>) -> tensor<16x64xf32> {
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %a : tensor<32x16xf32> to tensor<16x32xf32>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%t, %b : tensor<16x32xf32>, tensor<32x64xf32>) -> tensor<16x64xf32>
  return %0 : tensor<16x64xf32>
}
// CHECK-LABEL: func.func @absorb_lhs_transpose
//  CHECK-SAME:   (%[[A:.+]]: tensor<32x16xf32>, %[[B:.+]]: tensor<32x64xf32>)
//  CHECK-NEXT:   %[[M:.+]] = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%[[A]], %[[B]] : tensor<32x16xf32>, tensor<32x64xf32>) -> tensor<16x64xf32>
//  CHECK-NEXT:   return %[[M]]

// -----

func.func @absorb_rhs_transpose_batched(%a: tensor<2x?x32xf16>, %b: tensor<2x32x64xf16>) -> tensor<2x?x32xf16> {
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d0, d2, d1)>} %b : tensor<2x32x64xf16> to tensor<2x64x32xf16>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%a, %t : tensor<2x?x32xf16>, tensor<2x64x32xf16>) -> tensor<2x?x64xf16>
  %1 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%0, %t : tensor<2x?x64xf16>, tensor<2x64x32xf16>) -> tensor<2x?x32xf16>
  return %1 : tensor<2x?x32xf16>
}
// kTRANSPOSE of a transpose reads the original as is; kNONE reads it
// transposed.
// CHECK-LABEL: func.func @absorb_rhs_transpose_batched
//  CHECK-SAME:   (%[[A:.+]]: tensor<2x?x32xf16>, %[[B:.+]]: tensor<2x32x64xf16>)
//   CHECK-NOT:   tensorrt.transpose
//       CHECK:   %[[M:.+]] = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%[[A]], %[[B]] :
//       CHECK:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%[[M]], %[[B]] :

// -----

// The transpose also moves a batch dimension: not a matrix transpose.
func.func @no_absorb_batch_permutation(%a: tensor<4x2x8xf32>, %b: tensor<2x8x8xf32>) -> tensor<2x4x8xf32> {
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %a : tensor<4x2x8xf32> to tensor<2x4x8xf32>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%t, %b : tensor<2x4x8xf32>, tensor<2x8x8xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}
// CHECK-LABEL: func.func @no_absorb_batch_permutation
//       CHECK:   tensorrt.transpose
//       CHECK:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>}

// -----

// A vector operand has no matrix to transpose.
func.func @no_absorb_into_vector(%a: tensor<1x8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %a : tensor<1x8xf32> to tensor<8x1xf32>
  %v = tensorrt.collapse_rank %t : tensor<8x1xf32> to tensor<8xf32>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kVECTOR>} ins(%v, %b : tensor<8xf32>, tensor<8xf32>) -> tensor<f32>
  %1 = tensorrt.expand_rank %0 : tensor<f32> to tensor<1xf32>
  %2 = tensorrt.element_wise <kPROD>(%b, %1 : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %2 : tensor<8xf32>
}
// CHECK-LABEL: func.func @no_absorb_into_vector
//       CHECK:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kVECTOR>}
