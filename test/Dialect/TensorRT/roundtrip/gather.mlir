// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.gather: every axis position, index ranks 0 to 2,
// i32 and i64 indices, numBroadcastDims 0 and 1.

// -----

func.func @gather_middle(%data: tensor<10x20x30xf32>, %indices: tensor<5xi32>) -> tensor<10x5x30xf32> {
  %0 = tensorrt.gather {axis = 1 : i64} ins(%data, %indices : tensor<10x20x30xf32>, tensor<5xi32>) -> tensor<10x5x30xf32>
  return %0 : tensor<10x5x30xf32>
}
// CHECK-LABEL: func.func @gather_middle
//  CHECK-NEXT:   tensorrt.gather {axis = 1 : i64} ins(%{{.+}}, %{{.+}} : tensor<10x20x30xf32>, tensor<5xi32>) -> tensor<10x5x30xf32>

// -----

// An embedding lookup: rank-2 indices replace the leading dimension.
func.func @gather_embedding(%table: tensor<1000x64xf16>, %ids: tensor<?x16xi64>) -> tensor<?x16x64xf16> {
  %0 = tensorrt.gather {axis = 0 : i64} ins(%table, %ids : tensor<1000x64xf16>, tensor<?x16xi64>) -> tensor<?x16x64xf16>
  return %0 : tensor<?x16x64xf16>
}
// CHECK-LABEL: func.func @gather_embedding
//  CHECK-NEXT:   tensorrt.gather {axis = 0 : i64} ins({{.+}} : tensor<1000x64xf16>, tensor<?x16xi64>) -> tensor<?x16x64xf16>

// -----

// A scalar index removes the gathered dimension.
func.func @gather_scalar_index(%data: tensor<4x8xi32>, %index: tensor<i32>) -> tensor<4xi32> {
  %0 = tensorrt.gather {axis = 1 : i64} ins(%data, %index : tensor<4x8xi32>, tensor<i32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @gather_scalar_index
//  CHECK-NEXT:   tensorrt.gather {axis = 1 : i64} ins({{.+}} : tensor<4x8xi32>, tensor<i32>) -> tensor<4xi32>

// -----

func.func @gather_innermost_bool(%data: tensor<2x3x4xi1>, %indices: tensor<2xi32>) -> tensor<2x3x2xi1> {
  %0 = tensorrt.gather {axis = 2 : i64} ins(%data, %indices : tensor<2x3x4xi1>, tensor<2xi32>) -> tensor<2x3x2xi1>
  return %0 : tensor<2x3x2xi1>
}
// CHECK-LABEL: func.func @gather_innermost_bool
//  CHECK-NEXT:   tensorrt.gather {axis = 2 : i64} ins({{.+}}) -> tensor<2x3x2xi1>

// -----

// With one broadcast dimension the leading dimensions of data and indices
// are walked together; here the indices' 1 broadcasts against 4.
func.func @gather_broadcast_dim(%data: tensor<4x10x3xf32>, %indices: tensor<1x6xi32>) -> tensor<4x6x3xf32> {
  %0 = tensorrt.gather {axis = 1 : i64, numBroadcastDims = 1 : i64} ins(%data, %indices : tensor<4x10x3xf32>, tensor<1x6xi32>) -> tensor<4x6x3xf32>
  return %0 : tensor<4x6x3xf32>
}
// CHECK-LABEL: func.func @gather_broadcast_dim
//  CHECK-NEXT:   tensorrt.gather {axis = 1 : i64, numBroadcastDims = 1 : i64} ins({{.+}}) -> tensor<4x6x3xf32>

// -----

// The default numBroadcastDims is not printed.
func.func @gather_default_broadcast(%data: tensor<4x10xf32>, %indices: tensor<3xi32>) -> tensor<3x10xf32> {
  %0 = tensorrt.gather {axis = 0 : i64, numBroadcastDims = 0 : i64} ins(%data, %indices : tensor<4x10xf32>, tensor<3xi32>) -> tensor<3x10xf32>
  return %0 : tensor<3x10xf32>
}
// CHECK-LABEL: func.func @gather_default_broadcast
//  CHECK-NEXT:   tensorrt.gather {axis = 0 : i64} ins({{.+}}) -> tensor<3x10xf32>

// -----

func.func @gather_dynamic(%data: tensor<?x?xbf16>, %indices: tensor<?xi32>) -> tensor<?x?xbf16> {
  %0 = tensorrt.gather {axis = 1 : i64} ins(%data, %indices : tensor<?x?xbf16>, tensor<?xi32>) -> tensor<?x?xbf16>
  return %0 : tensor<?x?xbf16>
}
// CHECK-LABEL: func.func @gather_dynamic
//  CHECK-NEXT:   tensorrt.gather {axis = 1 : i64} ins({{.+}} : tensor<?x?xbf16>, tensor<?xi32>) -> tensor<?x?xbf16>
