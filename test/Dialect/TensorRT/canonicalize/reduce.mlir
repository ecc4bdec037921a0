// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.reduce.

func.func @fold_sum_constant() -> tensor<2xf32> {
  %c = tensorrt.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = tensorrt.reduce <kSUM> %c {reduceAxes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @fold_sum_constant
//  CHECK-NEXT:   tensorrt.constant dense<[6.000000e+00, 1.500000e+01]> : tensor<2xf32>

// -----

// Shape arithmetic: the element count of a shape.
func.func @fold_prod_of_shape() -> tensor<1xi32> {
  %s = tensorrt.constant dense<[2, 3, 7]> : tensor<3xi32>
  %0 = tensorrt.reduce <kPROD> %s {reduceAxes = array<i64: 0>, keepDimensions = true} : tensor<3xi32> -> tensor<1xi32>
  return %0 : tensor<1xi32>
}
// CHECK-LABEL: func.func @fold_prod_of_shape
//  CHECK-NEXT:   tensorrt.constant dense<42> : tensor<1xi32>

// -----

func.func @fold_int_avg_truncates() -> tensor<1xi32> {
  %c = tensorrt.constant dense<[[1, 2, 4]]> : tensor<1x3xi32>
  %0 = tensorrt.reduce <kAVG> %c {reduceAxes = array<i64: 1>} : tensor<1x3xi32> -> tensor<1xi32>
  return %0 : tensor<1xi32>
}
// CHECK-LABEL: func.func @fold_int_avg_truncates
//  CHECK-NEXT:   tensorrt.constant dense<2> : tensor<1xi32>

// -----

func.func @reduce_of_unit_dims_kept(%x: tensor<4x1x?xf32>) -> tensor<4x1x?xf32> {
  %0 = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x1x?xf32> -> tensor<4x1x?xf32>
  return %0 : tensor<4x1x?xf32>
}
// CHECK-LABEL: func.func @reduce_of_unit_dims_kept
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x1x?xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @reduce_of_unit_dims_dropped(%x: tensor<4x1x?xf32>) -> tensor<4x?xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<4x1x?xf32> -> tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @reduce_of_unit_dims_dropped
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x1x?xf32>)
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.collapse_rank %[[X]] : tensor<4x1x?xf32> to tensor<4x?xf32>
//  CHECK-NEXT:   return %[[C]]

// -----

// A `?` dimension may be larger than 1.
func.func @no_fold_reduce_of_unknown_dim(%x: tensor<4x?xf32>) -> tensor<4x1xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x?xf32> -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}
// CHECK-LABEL: func.func @no_fold_reduce_of_unknown_dim
//       CHECK:   tensorrt.reduce <kSUM>
