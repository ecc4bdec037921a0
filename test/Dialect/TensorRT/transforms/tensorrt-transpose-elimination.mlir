// RUN: kiln-opt %s -split-input-file -tensorrt-transpose-elimination | FileCheck %s

func.func @cancel_across_pointwise_chain(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} %x : tensor<2x3x4xf32> to tensor<4x2x3xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<4x2x3xf32>
  %2 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %1 : tensor<4x2x3xf32>
  %3 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d2, d0)>} %2 : tensor<4x2x3xf32> to tensor<2x3x4xf32>
  return %3 : tensor<2x3x4xf32>
}
// CHECK-LABEL: func.func @cancel_across_pointwise_chain
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %[[X]] : tensor<2x3x4xf32>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %[[E]] : tensor<2x3x4xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// The constant takes the inverse transpose, folded into its values.
func.func @constant_takes_inverse(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = tensorrt.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %c : tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  %2 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %1 : tensor<3x2xf32> to tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @constant_takes_inverse
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3xf32>)
//   CHECK-DAG:   %[[C:.+]] = tensorrt.constant dense<{{\[}}[1.000000e+00, 3.000000e+00, 5.000000e+00], [2.000000e+00, 4.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
//       CHECK:   %[[R:.+]] = tensorrt.element_wise <kSUM>(%[[X]], %[[C]] : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @two_operands_one_transpose(%x: tensor<2x3xf32>, %y: tensor<2x1xf32>) -> tensor<3x2xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %y : tensor<2x1xf32> to tensor<1x2xf32>
  %2 = tensorrt.element_wise <kPROD>(%0, %1 : tensor<3x2xf32>, tensor<1x2xf32>) -> tensor<3x2xf32>
  return %2 : tensor<3x2xf32>
}
//       CHECK: #[[MAP0:.+]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @two_operands_one_transpose
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3xf32>, %[[Y:.+]]: tensor<2x1xf32>)
//  CHECK-NEXT:   %[[P:.+]] = tensorrt.element_wise <kPROD>(%[[X]], %[[Y]] : tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.transpose {permutation = #[[MAP0]]} %[[P]] : tensor<2x3xf32> to tensor<3x2xf32>
//  CHECK-NEXT:   return %[[T]]

// -----

func.func @no_sink_different_permutations(%x: tensor<2x2x2xf32>, %y: tensor<2x2x2xf32>) -> tensor<2x2x2xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %x : tensor<2x2x2xf32> to tensor<2x2x2xf32>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d0, d2, d1)>} %y : tensor<2x2x2xf32> to tensor<2x2x2xf32>
  %2 = tensorrt.element_wise <kSUM>(%0, %1 : tensor<2x2x2xf32>, tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  return %2 : tensor<2x2x2xf32>
}
// CHECK-LABEL: func.func @no_sink_different_permutations
//       CHECK:   tensorrt.transpose
//       CHECK:   tensorrt.transpose
//       CHECK:   tensorrt.element_wise <kSUM>
//  CHECK-NEXT:   return

// -----

// The transpose is also returned: moving it would add a transpose.
func.func @no_sink_shared_transpose(%x: tensor<2x3xf32>) -> (tensor<3x2xf32>, tensor<3x2xf32>) {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %0 : tensor<3x2xf32>
  return %0, %1 : tensor<3x2xf32>, tensor<3x2xf32>
}
// CHECK-LABEL: func.func @no_sink_shared_transpose
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.transpose
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %[[T]]

// -----

// A non-constant operand without a transpose keeps the transpose in place.
func.func @no_sink_past_plain_operand(%x: tensor<2x3xf32>, %y: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %y : tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}
// CHECK-LABEL: func.func @no_sink_past_plain_operand
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.transpose
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%[[T]],

// -----

func.func @sink_below_kept_reduce(%x: tensor<2x3x4xf32>) -> tensor<2x1x3xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d0, d2, d1)>} %x : tensor<2x3x4xf32> to tensor<2x4x3xf32>
  %1 = tensorrt.reduce <kMAX> %0 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<2x4x3xf32> -> tensor<2x1x3xf32>
  return %1 : tensor<2x1x3xf32>
}
// CHECK-LABEL: func.func @sink_below_kept_reduce
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reduce <kMAX> %[[X]] {keepDimensions = true, reduceAxes = array<i64: 2>} : tensor<2x3x4xf32> -> tensor<2x3x1xf32>
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.reshape %[[R]] : tensor<2x3x1xf32> to tensor<2x1x3xf32>
//  CHECK-NEXT:   return %[[T]]

// -----

// Reducing the moved dimension leaves the others in order: no transpose.
func.func @reduce_removes_transpose(%x: tensor<2x3x4xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} %x : tensor<2x3x4xf32> to tensor<4x2x3xf32>
  %1 = tensorrt.reduce <kSUM> %0 {reduceAxes = array<i64: 0>} : tensor<4x2x3xf32> -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @reduce_removes_transpose
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reduce <kSUM> %[[X]] {reduceAxes = array<i64: 2>} : tensor<2x3x4xf32> -> tensor<2x3xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @sink_into_matrix_multiply(%a: tensor<4x8xf32>, %b: tensor<4x16xf32>) -> tensor<8x16xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %a : tensor<4x8xf32> to tensor<8x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %0 : tensor<8x4xf32>
  %2 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%1, %b : tensor<8x4xf32>, tensor<4x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}
// CHECK-LABEL: func.func @sink_into_matrix_multiply
//  CHECK-SAME:   (%[[A:.+]]: tensor<4x8xf32>, %[[B:.+]]: tensor<4x16xf32>)
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %[[A]] : tensor<4x8xf32>
//  CHECK-NEXT:   %[[M:.+]] = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%[[T]], %[[B]] :
//  CHECK-NEXT:   return %[[M]]

// -----

func.func @sink_below_cast_and_select(%c: tensor<2x3xi1>, %x: tensor<2x3xf16>, %y: tensor<2x3xf16>) -> tensor<3x2xf32> {
  %tc = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %c : tensor<2x3xi1> to tensor<3x2xi1>
  %tx = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf16> to tensor<3x2xf16>
  %ty = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %y : tensor<2x3xf16> to tensor<3x2xf16>
  %0 = tensorrt.select ins(%tc, %tx, %ty : tensor<3x2xi1>, tensor<3x2xf16>, tensor<3x2xf16>) -> tensor<3x2xf16>
  %1 = tensorrt.cast %0 : tensor<3x2xf16> to tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}
//       CHECK: #[[MAP0:.+]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @sink_below_cast_and_select
//  CHECK-SAME:   (%[[C:.+]]: tensor<2x3xi1>, %[[X:.+]]: tensor<2x3xf16>, %[[Y:.+]]: tensor<2x3xf16>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.select ins(%[[C]], %[[X]], %[[Y]] : tensor<2x3xi1>, tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
//  CHECK-NEXT:   %[[K:.+]] = tensorrt.cast %[[S]] : tensor<2x3xf16> to tensor<2x3xf32>
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.transpose {permutation = #[[MAP0]]} %[[K]] : tensor<2x3xf32> to tensor<3x2xf32>
//  CHECK-NEXT:   return %[[T]]
