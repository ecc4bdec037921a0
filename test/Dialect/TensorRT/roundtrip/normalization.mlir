// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.normalization: batch, instance, group and layer
// normalization.

// -----

func.func @batch_norm(%x: tensor<2x3x2x2xf16>, %s: tensor<1x3x1x1xf16>, %b: tensor<1x3x1x1xf16>) -> tensor<2x3x2x2xf16> {
  %0 = tensorrt.normalization {
    axis = array<i64: 0>
  } (%x: tensor<2x3x2x2xf16>, %s: tensor<1x3x1x1xf16>, %b: tensor<1x3x1x1xf16>) -> tensor<2x3x2x2xf16>
  return %0 : tensor<2x3x2x2xf16>
}
// CHECK-LABEL: func.func @batch_norm
//  CHECK-NEXT:   tensorrt.normalization {axis = array<i64: 0>}(%{{.+}} : tensor<2x3x2x2xf16>, %{{.+}} : tensor<1x3x1x1xf16>, %{{.+}} : tensor<1x3x1x1xf16>) -> tensor<2x3x2x2xf16>

// -----

func.func @instance_norm(%x: tensor<?x3x?x?xf32>, %s: tensor<1x3x1x1xf32>, %b: tensor<1x3x1x1xf32>) -> tensor<?x3x?x?xf32> {
  %0 = tensorrt.normalization {axis = array<i64: 2, 3>, eps = 1.0e-03 : f32} (%x: tensor<?x3x?x?xf32>, %s: tensor<1x3x1x1xf32>, %b: tensor<1x3x1x1xf32>) -> tensor<?x3x?x?xf32>
  return %0 : tensor<?x3x?x?xf32>
}
// CHECK-LABEL: func.func @instance_norm
//  CHECK-NEXT:   tensorrt.normalization {axis = array<i64: 2, 3>, eps = 1.000000e-03 : f32}(%{{.+}} : tensor<?x3x?x?xf32>, %{{.+}} : tensor<1x3x1x1xf32>, %{{.+}} : tensor<1x3x1x1xf32>) -> tensor<?x3x?x?xf32>

// -----

func.func @group_norm(%x: tensor<2x24x2x2xf16>, %s: tensor<1x4x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16> {
  %0 = tensorrt.normalization {axis = array<i64: 2, 3>, num_groups = 4 : i32} (%x: tensor<2x24x2x2xf16>, %s: tensor<1x4x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16>
  return %0 : tensor<2x24x2x2xf16>
}
// CHECK-LABEL: func.func @group_norm
//  CHECK-NEXT:   tensorrt.normalization {axis = array<i64: 2, 3>, num_groups = 4 : i32}(%{{.+}} : tensor<2x24x2x2xf16>, %{{.+}} : tensor<1x4x1x1xf16>, %{{.+}} : tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16>

// -----

func.func @layer_norm_last_dim(%x: tensor<4x16x768xbf16>, %s: tensor<1x1x768xbf16>, %b: tensor<1x1x768xbf16>) -> tensor<4x16x768xbf16> {
  %0 = tensorrt.normalization {axis = array<i64: 2>} (%x: tensor<4x16x768xbf16>, %s: tensor<1x1x768xbf16>, %b: tensor<1x1x768xbf16>) -> tensor<4x16x768xbf16>
  return %0 : tensor<4x16x768xbf16>
}
// CHECK-LABEL: func.func @layer_norm_last_dim
//  CHECK-NEXT:   tensorrt.normalization {axis = array<i64: 2>}(%{{.+}} : tensor<4x16x768xbf16>, %{{.+}} : tensor<1x1x768xbf16>, %{{.+}} : tensor<1x1x768xbf16>) -> tensor<4x16x768xbf16>

// -----

func.func @layer_norm_last_three(%x: tensor<2x3x2x2x2xf16>, %s: tensor<1x1x2x2x2xf16>, %b: tensor<1x1x2x2x2xf16>) -> tensor<2x3x2x2x2xf16> {
  %0 = tensorrt.normalization {axis = array<i64: 2, 3, 4>} (%x: tensor<2x3x2x2x2xf16>, %s: tensor<1x1x2x2x2xf16>, %b: tensor<1x1x2x2x2xf16>) -> tensor<2x3x2x2x2xf16>
  return %0 : tensor<2x3x2x2x2xf16>
}
// CHECK-LABEL: func.func @layer_norm_last_three
//  CHECK-NEXT:   tensorrt.normalization {axis = array<i64: 2, 3, 4>}

// -----

func.func @layer_norm_unknown_batch(%x: tensor<?x?x64xf32>, %s: tensor<1x1x64xf32>, %b: tensor<1x1x64xf32>) -> tensor<?x?x64xf32> {
  %0 = tensorrt.normalization {axis = array<i64: 2>, eps = 9.99999974E-6 : f32, num_groups = 1 : i32} (%x: tensor<?x?x64xf32>, %s: tensor<1x1x64xf32>, %b: tensor<1x1x64xf32>) -> tensor<?x?x64xf32>
  return %0 : tensor<?x?x64xf32>
}
// CHECK-LABEL: func.func @layer_norm_unknown_batch
//  CHECK-NEXT:   tensorrt.normalization {axis = array<i64: 2>, eps = 9.99999974E-6 : f32, num_groups = 1 : i32}
