// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.top_k: both operations, static and unknown sizes.

// -----

func.func @top_k_max(%x: tensor<?x?xf32>) -> (tensor<?x1xf32>, tensor<?x1xi32>) {
  %0, %1 = tensorrt.top_k <kMAX> {
    k = 1 : i64,
    axis = 1 : i64
  } %x : tensor<?x?xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  return %0, %1 : tensor<?x1xf32>, tensor<?x1xi32>
}
// CHECK-LABEL: func.func @top_k_max
//  CHECK-NEXT:   tensorrt.top_k <kMAX> {axis = 1 : i64, k = 1 : i64} %{{.+}} : tensor<?x?xf32> -> tensor<?x1xf32>, tensor<?x1xi32>

// -----

func.func @top_k_min(%x: tensor<4x100xf16>) -> (tensor<4x32xf16>, tensor<4x32xi32>) {
  %0, %1 = tensorrt.top_k <kMIN> {k = 32 : i64, axis = 1 : i64} %x : tensor<4x100xf16> -> tensor<4x32xf16>, tensor<4x32xi32>
  return %0, %1 : tensor<4x32xf16>, tensor<4x32xi32>
}
// CHECK-LABEL: func.func @top_k_min
//  CHECK-NEXT:   tensorrt.top_k <kMIN> {axis = 1 : i64, k = 32 : i64} %{{.+}} : tensor<4x100xf16> -> tensor<4x32xf16>, tensor<4x32xi32>

// -----

func.func @top_k_whole_axis_i32(%x: tensor<7x3xi32>) -> (tensor<7x3xi32>, tensor<7x3xi32>) {
  %0, %1 = tensorrt.top_k <kMAX> {k = 7 : i64, axis = 0 : i64} %x : tensor<7x3xi32> -> tensor<7x3xi32>, tensor<7x3xi32>
  return %0, %1 : tensor<7x3xi32>, tensor<7x3xi32>
}
// CHECK-LABEL: func.func @top_k_whole_axis_i32
//  CHECK-NEXT:   tensorrt.top_k <kMAX> {axis = 0 : i64, k = 7 : i64} %{{.+}} : tensor<7x3xi32> -> tensor<7x3xi32>, tensor<7x3xi32>

// -----

// A written result more precise than the inferred `?` is accepted.
func.func @top_k_refined_result(%x: tensor<?x10xbf16>) -> (tensor<8x2xbf16>, tensor<8x2xi32>) {
  %0, %1 = tensorrt.top_k <kMIN> {k = 2 : i64, axis = 1 : i64} %x : tensor<?x10xbf16> -> tensor<8x2xbf16>, tensor<8x2xi32>
  return %0, %1 : tensor<8x2xbf16>, tensor<8x2xi32>
}
// CHECK-LABEL: func.func @top_k_refined_result
//  CHECK-NEXT:   tensorrt.top_k <kMIN> {axis = 1 : i64, k = 2 : i64} %{{.+}} : tensor<?x10xbf16> -> tensor<8x2xbf16>, tensor<8x2xi32>
