// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.random_normal: default, static and dynamic
// parameters.

// -----

func.func @random_normal_default() -> tensor<1x2x3x4xf16> {
  %0 = tensorrt.random_normal -> tensor<1x2x3x4xf16>
  return %0 : tensor<1x2x3x4xf16>
}
// CHECK-LABEL: func.func @random_normal_default
//  CHECK-NEXT:   tensorrt.random_normal -> tensor<1x2x3x4xf16>

// -----

func.func @random_normal_static(%shape: tensor<4xi32>) -> tensor<?x?x?x?xf16> {
  %0 = tensorrt.random_normal {static_mean = 2.0, static_std = 4.0} shape(%shape: tensor<4xi32>) -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}
// CHECK-LABEL: func.func @random_normal_static
//  CHECK-NEXT:   tensorrt.random_normal {static_mean = 2.000000e+00 : f64, static_std = 4.000000e+00 : f64} shape(%{{.+}} : tensor<4xi32>) -> tensor<?x?x?x?xf16>

// -----

func.func @random_normal_dynamic(%mean: tensor<f32>, %std: tensor<f32>) -> tensor<1x2x3x4xf32> {
  %0 = tensorrt.random_normal mean(%mean: tensor<f32>) std(%std: tensor<f32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}
// CHECK-LABEL: func.func @random_normal_dynamic
//  CHECK-NEXT:   tensorrt.random_normal mean(%{{.+}} : tensor<f32>) std(%{{.+}} : tensor<f32>) -> tensor<1x2x3x4xf32>
