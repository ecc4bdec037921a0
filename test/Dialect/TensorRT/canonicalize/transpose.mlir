// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.transpose and tensorrt.shuffle.

func.func @identity_transpose(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d0, d1)>} %x : tensor<2x?xf32> to tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}
// CHECK-LABEL: func.func @identity_transpose
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x?xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @transposes_cancel(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} %x : tensor<2x3x4xf32> to tensor<4x2x3xf32>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d2, d0)>} %0 : tensor<4x2x3xf32> to tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}
// CHECK-LABEL: func.func @transposes_cancel
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @transposes_compose(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %x : tensor<2x3x4xf32> to tensor<3x2x4xf32>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d0, d2, d1)>} %0 : tensor<3x2x4xf32> to tensor<3x4x2xf32>
  return %1 : tensor<3x4x2xf32>
}
//       CHECK: #[[MAP0:.+]] = affine_map<(d0, d1, d2) -> (d1, d2, d0)>
// CHECK-LABEL: func.func @transposes_compose
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.transpose {permutation = #[[MAP0]]} %[[X]] : tensor<2x3x4xf32> to tensor<3x4x2xf32>
//  CHECK-NEXT:   return %[[T]]

// -----

func.func @fold_transpose_constant() -> tensor<3x2xi32> {
  %c = tensorrt.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %c : tensor<2x3xi32> to tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}
// CHECK-LABEL: func.func @fold_transpose_constant
//  CHECK-NEXT:   tensorrt.constant dense<{{\[}}[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>

// -----

func.func @unit_dim_transpose_is_reshape(%x: tensor<1x?x8xf32>) -> tensor<?x1x8xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %x : tensor<1x?x8xf32> to tensor<?x1x8xf32>
  return %0 : tensor<?x1x8xf32>
}
// CHECK-LABEL: func.func @unit_dim_transpose_is_reshape
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x?x8xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<1x?x8xf32> to tensor<?x1x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Two unknown dimensions swap places: a real transpose.
func.func @no_reshape_for_moving_unknown_dims(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<?x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @no_reshape_for_moving_unknown_dims
//       CHECK:   tensorrt.transpose

// -----

func.func @shuffle_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @shuffle_identity
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @shuffle_transposes_cancel(%x: tensor<3x5xf16>) -> tensor<3x5xf16> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 1, 0>} ins(%x : tensor<3x5xf16>) -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}
// Each transpose alone is not the identity, so the shuffle stays.
// CHECK-LABEL: func.func @shuffle_transposes_cancel
//       CHECK:   tensorrt.shuffle

// -----

func.func @shuffle_of_transpose(%x: tensor<2x3x4xf32>) -> tensor<8x3xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %x : tensor<2x3x4xf32> to tensor<3x2x4xf32>
  %1 = tensorrt.shuffle {first_transpose = array<i64: 1, 2, 0>, reshape = array<i64: 8, 3>, second_transpose = array<i64: 0, 1>} ins(%0 : tensor<3x2x4xf32>) -> tensor<8x3xf32>
  return %1 : tensor<8x3xf32>
}
// CHECK-LABEL: func.func @shuffle_of_transpose
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.shuffle {first_transpose = array<i64: 0, 2, 1>, reshape = array<i64: 8, 3>, second_transpose = array<i64: 0, 1>} ins(%[[X]] : tensor<2x3x4xf32>) -> tensor<8x3xf32>
//  CHECK-NEXT:   return %[[S]]

// -----

func.func @transpose_of_shuffle(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 6, 4>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %0 : tensor<6x4xf32> to tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}
// CHECK-LABEL: func.func @transpose_of_shuffle
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 6, 4>, second_transpose = array<i64: 1, 0>}
//  CHECK-NEXT:   return %[[S]]

// -----

func.func @shuffles_merge(%x: tensor<2x3x4xf32>) -> tensor<12x2xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 2, 0, 1>, second_transpose = array<i64: 0, 2, 1>} ins(%x : tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %1 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 12, 2>, second_transpose = array<i64: 0, 1>} ins(%0 : tensor<4x3x2xf32>) -> tensor<12x2xf32>
  return %1 : tensor<12x2xf32>
}
// CHECK-LABEL: func.func @shuffles_merge
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.shuffle {first_transpose = array<i64: 2, 1, 0>, reshape = array<i64: 12, 2>, second_transpose = array<i64: 0, 1>} ins(%[[X]] : tensor<2x3x4xf32>) -> tensor<12x2xf32>
//  CHECK-NEXT:   return %[[S]]

// -----

// Both shuffles reshape: they stay separate.
func.func @no_merge_two_reshaping_shuffles(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 2, 0, 1>, reshape = array<i64: 4, 6>, second_transpose = array<i64: 1, 0>} ins(%x : tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, reshape = array<i64: 4, 6>, second_transpose = array<i64: 0, 1>} ins(%0 : tensor<6x4xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}
// CHECK-LABEL: func.func @no_merge_two_reshaping_shuffles
//       CHECK:   tensorrt.shuffle
//       CHECK:   tensorrt.shuffle

// -----

func.func @shuffle_constant_dynamic_reshape(%x: tensor<?x4xf32>) -> tensor<?x2x2xf32> {
  %s = tensorrt.constant dense<[0, 2, 2]> : tensor<3xi32>
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, second_transpose = array<i64: 0, 1, 2>} ins(%x, %s : tensor<?x4xf32>, tensor<3xi32>) -> tensor<?x2x2xf32>
  return %0 : tensor<?x2x2xf32>
}
// CHECK-LABEL: func.func @shuffle_constant_dynamic_reshape
//  CHECK-SAME:   (%[[X:.+]]: tensor<?x4xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 0, 2, 2>, second_transpose = array<i64: 0, 1, 2>} ins(%[[X]] : tensor<?x4xf32>) -> tensor<?x2x2xf32>
//  CHECK-NEXT:   return %[[S]]

// -----

func.func @fold_shuffle_constant() -> tensor<2x3xi32> {
  %c = tensorrt.constant dense<[[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, reshape = array<i64: 3, 2>, second_transpose = array<i64: 1, 0>} ins(%c : tensor<3x2xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
// Transposed [[1, 3, 5], [2, 4, 6]], read as 3x2 [[1, 3], [5, 2], [4, 6]],
// transposed again.
// CHECK-LABEL: func.func @fold_shuffle_constant
//  CHECK-NEXT:   tensorrt.constant dense<{{\[}}[1, 5, 4], [3, 2, 6]]> : tensor<2x3xi32>
