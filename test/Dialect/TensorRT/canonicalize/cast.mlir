// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.cast, tensorrt.identity and
// tensorrt.select.

func.func @cast_to_same_type(%x: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %0 = tensorrt.cast %x : tensor<4x?xf32> to tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @cast_to_same_type
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x?xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @fold_cast_float_to_int() -> tensor<4xi32> {
  %c = tensorrt.constant dense<[-2.7, 2.7, 3.0e10, 0.0]> : tensor<4xf32>
  %0 = tensorrt.cast %c : tensor<4xf32> to tensor<4xi32>
  return %0 : tensor<4xi32>
}
// Toward zero, saturating.
// CHECK-LABEL: func.func @fold_cast_float_to_int
//  CHECK-NEXT:   tensorrt.constant dense<[-2, 2, 2147483647, 0]> : tensor<4xi32>

// -----

func.func @fold_cast_to_bool() -> tensor<3xi1> {
  %c = tensorrt.constant dense<[0, 7, -1]> : tensor<3xi32>
  %0 = tensorrt.cast %c : tensor<3xi32> to tensor<3xi1>
  return %0 : tensor<3xi1>
}
// CHECK-LABEL: func.func @fold_cast_to_bool
//  CHECK-NEXT:   tensorrt.constant dense<[false, true, true]> : tensor<3xi1>

// -----

func.func @fold_cast_wraps_integers() -> tensor<2xi8> {
  %c = tensorrt.constant dense<[300, -129]> : tensor<2xi32>
  %0 = tensorrt.cast %c : tensor<2xi32> to tensor<2xi8>
  return %0 : tensor<2xi8>
}
// CHECK-LABEL: func.func @fold_cast_wraps_integers
//  CHECK-NEXT:   tensorrt.constant dense<[44, 127]> : tensor<2xi8>

// -----

// f16 -> f32 keeps every value, so the two casts are one.
func.func @merge_widening_cast(%x: tensor<8xf16>) -> tensor<8xbf16> {
  %0 = tensorrt.cast %x : tensor<8xf16> to tensor<8xf32>
  %1 = tensorrt.cast %0 : tensor<8xf32> to tensor<8xbf16>
  return %1 : tensor<8xbf16>
}
// CHECK-LABEL: func.func @merge_widening_cast
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xf16>)
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.cast %[[X]] : tensor<8xf16> to tensor<8xbf16>
//  CHECK-NEXT:   return %[[C]]

// -----

func.func @widening_round_trip(%x: tensor<8xi32>) -> tensor<8xi32> {
  %0 = tensorrt.cast %x : tensor<8xi32> to tensor<8xi64>
  %1 = tensorrt.cast %0 : tensor<8xi64> to tensor<8xi32>
  return %1 : tensor<8xi32>
}
// CHECK-LABEL: func.func @widening_round_trip
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xi32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// f32 -> f16 rounds: the casts must stay separate.
func.func @no_merge_narrowing_cast(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tensorrt.cast %x : tensor<8xf32> to tensor<8xf16>
  %1 = tensorrt.cast %0 : tensor<8xf16> to tensor<8xf32>
  return %1 : tensor<8xf32>
}
// CHECK-LABEL: func.func @no_merge_narrowing_cast
//       CHECK:   tensorrt.cast %{{.+}} : tensor<8xf32> to tensor<8xf16>
//       CHECK:   tensorrt.cast %{{.+}} : tensor<8xf16> to tensor<8xf32>

// -----

// i32 -> f32 is not exact above 2^24.
func.func @no_merge_int_to_float(%x: tensor<8xi32>) -> tensor<8xi64> {
  %0 = tensorrt.cast %x : tensor<8xi32> to tensor<8xf32>
  %1 = tensorrt.cast %0 : tensor<8xf32> to tensor<8xi64>
  return %1 : tensor<8xi64>
}
// CHECK-LABEL: func.func @no_merge_int_to_float
//       CHECK:   tensorrt.cast %{{.+}} : tensor<8xi32> to tensor<8xf32>
//       CHECK:   tensorrt.cast %{{.+}} : tensor<8xf32> to tensor<8xi64>

// -----

func.func @identity_to_same_type(%x: tensor<2xf16>) -> tensor<2xf16> {
  %0 = tensorrt.identity %x : tensor<2xf16> to tensor<2xf16>
  return %0 : tensor<2xf16>
}
// CHECK-LABEL: func.func @identity_to_same_type
//  CHECK-SAME:   (%[[X:.+]]: tensor<2xf16>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @fold_identity_bool_to_float() -> tensor<2xf32> {
  %c = tensorrt.constant dense<[true, false]> : tensor<2xi1>
  %0 = tensorrt.identity %c : tensor<2xi1> to tensor<2xf32>
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @fold_identity_bool_to_float
//  CHECK-NEXT:   tensorrt.constant dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>

// -----

func.func @select_constant_condition(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %c = tensorrt.constant dense<false> : tensor<4xi1>
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @select_constant_condition
//  CHECK-SAME:   (%{{.+}}: tensor<4xf32>, %[[B:.+]]: tensor<4xf32>)
//  CHECK-NEXT:   return %[[B]]

// -----

func.func @select_same_branches(%c: tensor<4xi1>, %a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.select ins(%c, %a, %a : tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @select_same_branches
//  CHECK-SAME:   (%{{.+}}: tensor<4xi1>, %[[A:.+]]: tensor<4xf32>)
//  CHECK-NEXT:   return %[[A]]

// -----

// The chosen input is broadcast by the condition: the select stays.
func.func @no_fold_select_that_broadcasts(%a: tensor<1xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %c = tensorrt.constant dense<true> : tensor<4xi1>
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4xi1>, tensor<1xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_fold_select_that_broadcasts
//       CHECK:   tensorrt.select
