// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.shape.

// -----

func.func @shape_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<4xi32> {
  %0 = tensorrt.shape %x : tensor<?x?x?x?xf32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @shape_dynamic
//  CHECK-NEXT:   tensorrt.shape %{{.+}} : tensor<?x?x?x?xf32> -> tensor<4xi32>

// -----

func.func @shape_scalar(%x: tensor<f32>) -> tensor<0xi32> {
  %0 = tensorrt.shape %x : tensor<f32> -> tensor<0xi32>
  return %0 : tensor<0xi32>
}
// CHECK-LABEL: func.func @shape_scalar
//  CHECK-NEXT:   tensorrt.shape %{{.+}} : tensor<f32> -> tensor<0xi32>

// -----

func.func @shape_static_bool(%x: tensor<2x3xi1>) -> tensor<2xi32> {
  %0 = tensorrt.shape %x : tensor<2x3xi1> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}
// CHECK-LABEL: func.func @shape_static_bool
//  CHECK-NEXT:   tensorrt.shape %{{.+}} : tensor<2x3xi1> -> tensor<2xi32>

// -----

// Any element type, including fp8 and int4.
func.func @shape_narrow_types(%a: tensor<8x?xf8E4M3FN>, %b: tensor<16xi4>) -> (tensor<2xi32>, tensor<1xi32>) {
  %0 = tensorrt.shape %a : tensor<8x?xf8E4M3FN> -> tensor<2xi32>
  %1 = tensorrt.shape %b : tensor<16xi4> -> tensor<1xi32>
  return %0, %1 : tensor<2xi32>, tensor<1xi32>
}
// CHECK-LABEL: func.func @shape_narrow_types
//  CHECK-NEXT:   tensorrt.shape %{{.+}} : tensor<8x?xf8E4M3FN> -> tensor<2xi32>
//  CHECK-NEXT:   tensorrt.shape %{{.+}} : tensor<16xi4> -> tensor<1xi32>

// -----

// The result length may be left unknown.
func.func @shape_unknown_length(%x: tensor<4x5x6xi64>) -> tensor<?xi32> {
  %0 = tensorrt.shape %x : tensor<4x5x6xi64> -> tensor<?xi32>
  return %0 : tensor<?xi32>
}
// CHECK-LABEL: func.func @shape_unknown_length
//  CHECK-NEXT:   tensorrt.shape %{{.+}} : tensor<4x5x6xi64> -> tensor<?xi32>
