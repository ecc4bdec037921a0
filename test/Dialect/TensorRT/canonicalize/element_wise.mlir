// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.element_wise: constant
// evaluation (with broadcasting), identities, constants to the right, and
// raising a sum divided by its count to an average.

func.func @fold_sum_constants() -> tensor<3xf32> {
  %a = tensorrt.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = tensorrt.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf32>
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
// CHECK-LABEL: func.func @fold_sum_constants
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<[1.100000e+01, 2.200000e+01, 3.300000e+01]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[C]]

// -----

func.func @fold_broadcast_prod() -> tensor<2x3xi32> {
  %a = tensorrt.constant dense<[[1], [2]]> : tensor<2x1xi32>
  %b = tensorrt.constant dense<[[1, 2, 3]]> : tensor<1x3xi32>
  %0 = tensorrt.element_wise <kPROD>(%a, %b : tensor<2x1xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
// CHECK-LABEL: func.func @fold_broadcast_prod
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<{{\[}}[1, 2, 3], [2, 4, 6]]> : tensor<2x3xi32>
//  CHECK-NEXT:   return %[[C]]

// -----

// Shape arithmetic on i32 shape tensors folds.
func.func @fold_shape_arithmetic() -> tensor<2xi32> {
  %s = tensorrt.constant dense<[8, 6]> : tensor<2xi32>
  %d = tensorrt.constant dense<[2, 4]> : tensor<2xi32>
  %0 = tensorrt.element_wise <kFLOOR_DIV>(%s, %d : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %1 = tensorrt.element_wise <kSUB>(%0, %d : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %1 : tensor<2xi32>
}
// CHECK-LABEL: func.func @fold_shape_arithmetic
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<[2, -3]> : tensor<2xi32>
//  CHECK-NEXT:   return %[[C]]

// -----

func.func @fold_int_division_rounds_toward_zero() -> tensor<2xi32> {
  %a = tensorrt.constant dense<[-7, 7]> : tensor<2xi32>
  %b = tensorrt.constant dense<2> : tensor<2xi32>
  %0 = tensorrt.element_wise <kDIV>(%a, %b : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %1 = tensorrt.element_wise <kFLOOR_DIV>(%a, %b : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %2 = tensorrt.element_wise <kSUM>(%0, %1 : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %2 : tensor<2xi32>
}
// (-3 + -4, 3 + 3)
// CHECK-LABEL: func.func @fold_int_division_rounds_toward_zero
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<[-7, 6]> : tensor<2xi32>
//  CHECK-NEXT:   return %[[C]]

// -----

func.func @no_fold_division_by_zero() -> tensor<2xi32> {
  %a = tensorrt.constant dense<[4, 6]> : tensor<2xi32>
  %b = tensorrt.constant dense<[2, 0]> : tensor<2xi32>
  %0 = tensorrt.element_wise <kDIV>(%a, %b : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}
// CHECK-LABEL: func.func @no_fold_division_by_zero
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

func.func @fold_comparison_to_i1() -> tensor<3xi1> {
  %a = tensorrt.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf16>
  %b = tensorrt.constant dense<2.0> : tensor<3xf16>
  %0 = tensorrt.element_wise <kLESS>(%a, %b : tensor<3xf16>, tensor<3xf16>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}
// CHECK-LABEL: func.func @fold_comparison_to_i1
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<[true, false, false]> : tensor<3xi1>
//  CHECK-NEXT:   return %[[C]]

// -----

func.func @fold_splats_stay_splat() -> tensor<64x64xf32> {
  %a = tensorrt.constant dense<3.0> : tensor<64x64xf32>
  %b = tensorrt.constant dense<0.5> : tensor<64x64xf32>
  %0 = tensorrt.element_wise <kPOW>(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  return %0 : tensor<64x64xf32>
}
// CHECK-LABEL: func.func @fold_splats_stay_splat
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<1.73205{{[0-9]*}}> : tensor<64x64xf32>
//  CHECK-NEXT:   return %[[C]]

// -----

// A result above the size limit is left to the engine.
func.func @no_fold_large_result() -> tensor<2x1024xf32> {
  %a = tensorrt.constant dense<[[1.0], [2.0]]> : tensor<2x1xf32>
  %b = tensorrt.constant dense<1.0> : tensor<1x1024xf32>
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<2x1xf32>, tensor<1x1024xf32>) -> tensor<2x1024xf32>
  return %0 : tensor<2x1024xf32>
}
// CHECK-LABEL: func.func @no_fold_large_result
//       CHECK:   tensorrt.element_wise <kSUM>

// -----

func.func @identity_mul_one(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%one, %x : tensor<1x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @identity_mul_one
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x8xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @identity_int_add_zero(%x: tensor<?xi32>) -> tensor<?xi32> {
  %zero = tensorrt.constant dense<0> : tensor<1xi32>
  %0 = tensorrt.element_wise <kSUM>(%x, %zero : tensor<?xi32>, tensor<1xi32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}
// CHECK-LABEL: func.func @identity_int_add_zero
//  CHECK-SAME:   (%[[X:.+]]: tensor<?xi32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// -0.0 + 0.0 is +0.0, so float x + 0.0 is not x.
func.func @no_identity_float_add_zero(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = tensorrt.constant dense<0.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kSUM>(%x, %zero : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_identity_float_add_zero
//       CHECK:   tensorrt.element_wise <kSUM>

// -----

func.func @identity_float_sub_zero(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = tensorrt.constant dense<0.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kSUB>(%x, %zero : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @identity_float_sub_zero
//  CHECK-SAME:   (%[[X:.+]]: tensor<4xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// The constant broadcasts x to a larger shape: not an identity.
func.func @no_identity_when_broadcasting(%x: tensor<1x8xf32>) -> tensor<4x8xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<4x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %one : tensor<1x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @no_identity_when_broadcasting
//       CHECK:   tensorrt.element_wise <kPROD>

// -----

func.func @max_of_same_value(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.element_wise <kMAX>(%x, %x : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @max_of_same_value
//  CHECK-SAME:   (%[[X:.+]]: tensor<4xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @constant_moves_right(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = tensorrt.constant dense<2.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kSUM>(%c, %x : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @constant_moves_right
//  CHECK-SAME:   (%[[X:.+]]: tensor<4xf32>)
//       CHECK:   %[[C:.+]] = tensorrt.constant
//       CHECK:   tensorrt.element_wise <kSUM>(%[[X]], %[[C]] :

// -----

func.func @no_swap_for_sub(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = tensorrt.constant dense<2.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kSUB>(%c, %x : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_swap_for_sub
//  CHECK-SAME:   (%[[X:.+]]: tensor<4xf32>)
//       CHECK:   %[[C:.+]] = tensorrt.constant
//       CHECK:   tensorrt.element_wise <kSUB>(%[[C]], %[[X]] :

// -----

// Activations are raised by tensorrt-raise-activations, not here: max(x, 0)
// and min(max(x, lo), hi) stay as written.
func.func @max_zero_stays(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %zero = tensorrt.constant dense<0.0> : tensor<8xf32>
  %lo = tensorrt.constant dense<-1.0> : tensor<8xf32>
  %hi = tensorrt.constant dense<1.0> : tensor<8xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %zero : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kMAX>(%x, %lo : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kMIN>(%1, %hi : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %0, %2 : tensor<8xf32>, tensor<8xf32>
}
// CHECK-LABEL: func.func @max_zero_stays
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   tensorrt.element_wise <kMAX>
//       CHECK:   tensorrt.element_wise <kMAX>
//       CHECK:   tensorrt.element_wise <kMIN>

// -----

func.func @sum_div_count_to_avg(%x: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1, 2>, keepDimensions = true} : tensor<2x3x4xf32> -> tensor<2x1x1xf32>
  %n = tensorrt.constant dense<12.0> : tensor<1x1x1xf32>
  %1 = tensorrt.element_wise <kDIV>(%0, %n : tensor<2x1x1xf32>, tensor<1x1x1xf32>) -> tensor<2x1x1xf32>
  return %1 : tensor<2x1x1xf32>
}
// CHECK-LABEL: func.func @sum_div_count_to_avg
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reduce <kAVG> %[[X]] {keepDimensions = true, reduceAxes = array<i64: 1, 2>}
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @sum_times_reciprocal_to_avg(%x: tensor<5x?xf32>) -> tensor<?xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 0>} : tensor<5x?xf32> -> tensor<?xf32>
  %n = tensorrt.constant dense<0.2> : tensor<1xf32>
  %1 = tensorrt.element_wise <kPROD>(%0, %n : tensor<?xf32>, tensor<1xf32>) -> tensor<?xf32>
  return %1 : tensor<?xf32>
}
// CHECK-LABEL: func.func @sum_times_reciprocal_to_avg
//  CHECK-NEXT:   tensorrt.reduce <kAVG> %{{.+}} {reduceAxes = array<i64: 0>} : tensor<5x?xf32> -> tensor<?xf32>

// -----

func.func @no_avg_for_wrong_count(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  %n = tensorrt.constant dense<4.0> : tensor<1x1xf32>
  %1 = tensorrt.element_wise <kDIV>(%0, %n : tensor<2x4xf32>, tensor<1x1xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @no_avg_for_wrong_count
//       CHECK:   tensorrt.reduce <kSUM>
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// The reduced dimension is unknown, so the count is.
func.func @no_avg_for_dynamic_count(%x: tensor<2x?xf32>) -> tensor<2xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x?xf32> -> tensor<2xf32>
  %n = tensorrt.constant dense<4.0> : tensor<1xf32>
  %1 = tensorrt.element_wise <kDIV>(%0, %n : tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}
// CHECK-LABEL: func.func @no_avg_for_dynamic_count
//       CHECK:   tensorrt.reduce <kSUM>
//       CHECK:   tensorrt.element_wise <kDIV>
