// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.random_uniform: default, static and dynamic bounds.

// -----

func.func @random_uniform_default() -> tensor<1x2x3x4xf16> {
  %0 = tensorrt.random_uniform -> tensor<1x2x3x4xf16>
  return %0 : tensor<1x2x3x4xf16>
}
// CHECK-LABEL: func.func @random_uniform_default
//  CHECK-NEXT:   tensorrt.random_uniform -> tensor<1x2x3x4xf16>

// -----

func.func @random_uniform_static_bounds(%shape: tensor<4xi32>) -> tensor<?x?x?x?xf16> {
  %0 = tensorrt.random_uniform {static_low = 2.0, static_high = 4.0} shape(%shape: tensor<4xi32>) -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}
// CHECK-LABEL: func.func @random_uniform_static_bounds
//  CHECK-NEXT:   tensorrt.random_uniform {static_high = 4.000000e+00 : f64, static_low = 2.000000e+00 : f64} shape(%{{.+}} : tensor<4xi32>) -> tensor<?x?x?x?xf16>

// -----

func.func @random_uniform_dynamic(%low: tensor<f32>, %high: tensor<f32>, %shape: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.random_uniform low(%low: tensor<f32>) high(%high: tensor<f32>) shape(%shape: tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @random_uniform_dynamic
//  CHECK-NEXT:   tensorrt.random_uniform low(%{{.+}} : tensor<f32>) high(%{{.+}} : tensor<f32>) shape(%{{.+}} : tensor<2xi32>) -> tensor<?x?xf32>
