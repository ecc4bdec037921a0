// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.reshape, tensorrt.expand_rank
// and tensorrt.collapse_rank.

func.func @reshape_to_same_type(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = tensorrt.reshape %x : tensor<?x4xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
// CHECK-LABEL: func.func @reshape_to_same_type
//  CHECK-SAME:   (%[[X:.+]]: tensor<?x4xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// With a shape operand, two `?`s may be split another way at run time.
func.func @no_fold_dynamic_reshape_to_same_type(%x: tensor<?x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.reshape %x shape(%s: tensor<2xi32>) : tensor<?x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @no_fold_dynamic_reshape_to_same_type
//       CHECK:   tensorrt.reshape

// -----

func.func @reshapes_compose(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = tensorrt.reshape %x : tensor<2x3x4xf32> to tensor<24xf32>
  %1 = tensorrt.reshape %0 : tensor<24xf32> to tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}
// CHECK-LABEL: func.func @reshapes_compose
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<2x3x4xf32> to tensor<4x6xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @reshapes_cancel(%x: tensor<?x8xf16>) -> tensor<?x8xf16> {
  %0 = tensorrt.reshape %x : tensor<?x8xf16> to tensor<?x2x4xf16>
  %1 = tensorrt.reshape %0 : tensor<?x2x4xf16> to tensor<?x8xf16>
  return %1 : tensor<?x8xf16>
}
// CHECK-LABEL: func.func @reshapes_cancel
//  CHECK-SAME:   (%[[X:.+]]: tensor<?x8xf16>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @fold_reshape_constant() -> tensor<2x2xi32> {
  %c = tensorrt.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %0 = tensorrt.reshape %c : tensor<4xi32> to tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}
// CHECK-LABEL: func.func @fold_reshape_constant
//  CHECK-NEXT:   tensorrt.constant dense<{{\[}}[1, 2], [3, 4]]> : tensor<2x2xi32>

// -----

func.func @reshape_constant_shape_operand(%x: tensor<?xf32>) -> tensor<2x?xf32> {
  %s = tensorrt.constant dense<[2, 3]> : tensor<2xi32>
  %0 = tensorrt.reshape %x shape(%s: tensor<2xi32>) : tensor<?xf32> to tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}
// The function result keeps its type; the engine derives the one `?`.
// CHECK-LABEL: func.func @reshape_constant_shape_operand
//  CHECK-SAME:   (%[[X:.+]]: tensor<?xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<?xf32> to tensor<2x?xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @reshape_constant_shape_refines_type(%x: tensor<?xf32>) -> tensor<?x?xf32> {
  %s = tensorrt.constant dense<[2, 3]> : tensor<2xi32>
  %0 = tensorrt.reshape %x shape(%s: tensor<2xi32>) : tensor<?xf32> to tensor<?x?xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %0 : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @reshape_constant_shape_refines_type
//  CHECK-SAME:   (%[[X:.+]]: tensor<?xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<?xf32> to tensor<2x3xf32>
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%[[R]], %[[R]] : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<?x?xf32>

// -----

// The function result needs the `?x?` type and the engine could not derive
// two `?`s: the shape operand stays.
func.func @no_drop_shape_for_two_unknowns(%x: tensor<?xf32>) -> tensor<?x?xf32> {
  %s = tensorrt.constant dense<[2, 3]> : tensor<2xi32>
  %0 = tensorrt.reshape %x shape(%s: tensor<2xi32>) : tensor<?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @no_drop_shape_for_two_unknowns
//       CHECK:   tensorrt.reshape %{{.+}} shape(

// -----

func.func @expand_of_collapse(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<1x8xf32> to tensor<8xf32>
  %1 = tensorrt.expand_rank %0 : tensor<8xf32> to tensor<1x8xf32>
  return %1 : tensor<1x8xf32>
}
// CHECK-LABEL: func.func @expand_of_collapse
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x8xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @expands_compose(%x: tensor<8xf32>) -> tensor<1x8x1xf32> {
  %0 = tensorrt.expand_rank %x : tensor<8xf32> to tensor<1x8xf32>
  %1 = tensorrt.expand_rank %0 : tensor<1x8xf32> to tensor<1x8x1xf32>
  return %1 : tensor<1x8x1xf32>
}
// CHECK-LABEL: func.func @expands_compose
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xf32>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.expand_rank %[[X]] : tensor<8xf32> to tensor<1x8x1xf32>
//  CHECK-NEXT:   return %[[E]]

// -----

func.func @collapse_of_expand_moves_unit_dim(%x: tensor<1x8xf32>) -> tensor<8x1xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<1x8xf32> to tensor<8xf32>
  %1 = tensorrt.expand_rank %0 : tensor<8xf32> to tensor<8x1xf32>
  return %1 : tensor<8x1xf32>
}
// CHECK-LABEL: func.func @collapse_of_expand_moves_unit_dim
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x8xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<1x8xf32> to tensor<8x1xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @collapse_of_reshape(%x: tensor<6xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.reshape %x : tensor<6xf32> to tensor<2x1x3xf32>
  %1 = tensorrt.collapse_rank %0 : tensor<2x1x3xf32> to tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @collapse_of_reshape
//  CHECK-SAME:   (%[[X:.+]]: tensor<6xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<6xf32> to tensor<2x3xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Two `?`s in the result: a reshape without a shape operand could not say
// how to split them, so the ops stay.
func.func @no_merge_with_two_unknowns(%x: tensor<?x1x?xf32>) -> tensor<?x?x1xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<?x1x?xf32> to tensor<?x?xf32>
  %1 = tensorrt.expand_rank %0 : tensor<?x?xf32> to tensor<?x?x1xf32>
  return %1 : tensor<?x?x1xf32>
}
// CHECK-LABEL: func.func @no_merge_with_two_unknowns
//       CHECK:   tensorrt.collapse_rank
//       CHECK:   tensorrt.expand_rank

// -----

func.func @fold_expand_rank_constant() -> tensor<1x2xf32> {
  %c = tensorrt.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = tensorrt.expand_rank %c : tensor<2xf32> to tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}
// CHECK-LABEL: func.func @fold_expand_rank_constant
//  CHECK-NEXT:   tensorrt.constant dense<{{\[}}[1.000000e+00, 2.000000e+00]]> : tensor<1x2xf32>
