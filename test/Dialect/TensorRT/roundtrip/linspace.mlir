// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.linspace: static and dynamic start, step and shape.

// -----

func.func @linspace_static() -> tensor<1024xf32> {
  %0 = tensorrt.linspace [0.0][static][1.0] : tensor<1024xf32>
  return %0 : tensor<1024xf32>
}
// CHECK-LABEL: func.func @linspace_static
//  CHECK-NEXT:   tensorrt.linspace[ 0.000000e+00] [ static] [ 1.000000e+00] : tensor<1024xf32>

// -----

func.func @linspace_static_i32_with_shape(%shape: tensor<1xi32>) -> tensor<?xi32> {
  %0 = tensorrt.linspace [2.0][%shape : tensor<1xi32>][3.0] : tensor<?xi32>
  return %0 : tensor<?xi32>
}
// CHECK-LABEL: func.func @linspace_static_i32_with_shape
//  CHECK-NEXT:   tensorrt.linspace[ 2.000000e+00] [%{{.+}} : tensor<1xi32>] [ 3.000000e+00] : tensor<?xi32>

// -----

func.func @linspace_dynamic(%start: tensor<f32>, %shape: tensor<4xi32>, %step: tensor<4xf32>) -> tensor<?x?x?x?xf32> {
  %0 = tensorrt.linspace [%start: tensor<f32>][%shape: tensor<4xi32>][%step: tensor<4xf32>] : tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
// CHECK-LABEL: func.func @linspace_dynamic
//  CHECK-NEXT:   tensorrt.linspace[%{{.+}} : tensor<f32>] [%{{.+}} : tensor<4xi32>] [%{{.+}} : tensor<4xf32>] : tensor<?x?x?x?xf32>

// -----

func.func @linspace_dynamic_static_shape(%start: tensor<i64>, %step: tensor<2xi64>) -> tensor<3x5xi64> {
  %0 = tensorrt.linspace [%start : tensor<i64>][static][%step : tensor<2xi64>] : tensor<3x5xi64>
  return %0 : tensor<3x5xi64>
}
// CHECK-LABEL: func.func @linspace_dynamic_static_shape
//  CHECK-NEXT:   tensorrt.linspace[%{{.+}} : tensor<i64>] [ static] [%{{.+}} : tensor<2xi64>] : tensor<3x5xi64>
