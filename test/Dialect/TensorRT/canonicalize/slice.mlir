// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.slice and tensorrt.concatenation.

func.func @whole_slice(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.slice %x[0, 0][4, 8][1, 1] : tensor<4x8xf32> to tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @whole_slice
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x8xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// Same shape, but read backwards.
func.func @no_fold_reversing_slice(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.slice %x[3][4][-1] : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_fold_reversing_slice
//       CHECK:   tensorrt.slice

// -----

func.func @fold_slice_constant() -> tensor<2xi32> {
  %c = tensorrt.constant dense<[0, 1, 2, 3, 4, 5]> : tensor<6xi32>
  %0 = tensorrt.slice %c[1][2][3] : tensor<6xi32> to tensor<2xi32>
  return %0 : tensor<2xi32>
}
// CHECK-LABEL: func.func @fold_slice_constant
//  CHECK-NEXT:   tensorrt.constant dense<[1, 4]> : tensor<2xi32>

// -----

// kFILL past the end mixes the fill value in: left to the engine.
func.func @no_fold_filling_slice_of_splat(%f: tensor<1xf32>) -> tensor<4xf32> {
  %c = tensorrt.constant dense<1.0> : tensor<2xf32>
  %0 = tensorrt.slice %c[0][4][1] fill(%f : tensor<1xf32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<2xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_fold_filling_slice_of_splat
//       CHECK:   tensorrt.slice

// -----

func.func @fold_wrapping_slice_of_splat() -> tensor<5xf32> {
  %c = tensorrt.constant dense<2.0> : tensor<2xf32>
  %0 = tensorrt.slice %c[0][5][1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<2xf32> to tensor<5xf32>
  return %0 : tensor<5xf32>
}
// CHECK-LABEL: func.func @fold_wrapping_slice_of_splat
//  CHECK-NEXT:   tensorrt.constant dense<2.000000e+00> : tensor<5xf32>

// -----

func.func @slice_constant_operands(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %start = tensorrt.constant dense<[1, 2]> : tensor<2xi32>
  %size = tensorrt.constant dense<[3, 4]> : tensor<2xi32>
  %0 = tensorrt.slice %x[%start: tensor<2xi32>][%size: tensor<2xi32>][1, 1] : tensor<?x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @slice_constant_operands
//  CHECK-SAME:   (%[[X:.+]]: tensor<?x?xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.slice %[[X]][1, 2][3, 4][1, 1] : tensor<?x?xf32> to tensor<?x?xf32>
//  CHECK-NEXT:   return %[[S]]

// -----

func.func @slice_keeps_runtime_operands(%x: tensor<?xf32>, %start: tensor<1xi32>) -> tensor<?xf32> {
  %stride = tensorrt.constant dense<2> : tensor<1xi32>
  %0 = tensorrt.slice %x[%start: tensor<1xi32>][4][%stride: tensor<1xi32>] : tensor<?xf32> to tensor<?xf32>
  return %0 : tensor<?xf32>
}
// CHECK-LABEL: func.func @slice_keeps_runtime_operands
//  CHECK-SAME:   (%[[X:.+]]: tensor<?xf32>, %[[START:.+]]: tensor<1xi32>)
//  CHECK-NEXT:   tensorrt.slice %[[X]][%[[START]]: tensor<1xi32>][4][2] : tensor<?xf32> to tensor<?xf32>

// -----

func.func @concat_single_input(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @concat_single_input
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// Concatenating shape tensors folds.
func.func @fold_concat_constants() -> tensor<2x3xi32> {
  %a = tensorrt.constant dense<[[1], [2]]> : tensor<2x1xi32>
  %b = tensorrt.constant dense<[[3, 4], [5, 6]]> : tensor<2x2xi32>
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x1xi32>, tensor<2x2xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
// CHECK-LABEL: func.func @fold_concat_constants
//  CHECK-NEXT:   tensorrt.constant dense<{{\[}}[1, 3, 4], [2, 5, 6]]> : tensor<2x3xi32>

// -----

func.func @flatten_nested_concat(%a: tensor<2xf32>, %b: tensor<3xf32>, %c: tensor<4xf32>) -> tensor<9xf32> {
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%a, %b : tensor<2xf32>, tensor<3xf32>) -> tensor<5xf32>
  %1 = tensorrt.concatenation {axis = 0 : i32} ins(%0, %c : tensor<5xf32>, tensor<4xf32>) -> tensor<9xf32>
  return %1 : tensor<9xf32>
}
// CHECK-LABEL: func.func @flatten_nested_concat
//  CHECK-SAME:   (%[[A:.+]]: tensor<2xf32>, %[[B:.+]]: tensor<3xf32>, %[[C:.+]]: tensor<4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.concatenation {axis = 0 : i32} ins(%[[A]], %[[B]], %[[C]] : tensor<2xf32>, tensor<3xf32>, tensor<4xf32>) -> tensor<9xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @no_flatten_across_axes(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>) -> tensor<4x4xf32> {
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x4xf32>
  %1 = tensorrt.concatenation {axis = 0 : i32} ins(%0, %0 : tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
  return %1 : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @no_flatten_across_axes
//       CHECK:   tensorrt.concatenation {axis = 1 : i32}
//       CHECK:   tensorrt.concatenation {axis = 0 : i32}

// -----

func.func @drop_empty_concat_input(%a: tensor<2x0xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x0xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @drop_empty_concat_input
//  CHECK-SAME:   (%{{.+}}: tensor<2x0xf32>, %[[B:.+]]: tensor<2x3xf32>)
//  CHECK-NEXT:   return %[[B]]
