// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.softmax.

// -----

func.func @softmax_axis0_f32(%x: tensor<4x?x8xf32>) -> tensor<4x?x8xf32> {
  %0 = tensorrt.softmax {axis = 0 : i64} %x : tensor<4x?x8xf32>
  return %0 : tensor<4x?x8xf32>
}
// CHECK-LABEL: func.func @softmax_axis0_f32
//  CHECK-NEXT:   tensorrt.softmax {axis = 0 : i64} %{{.+}} : tensor<4x?x8xf32>

// -----

func.func @softmax_axis1_f16(%x: tensor<4x?x8xf16>) -> tensor<4x?x8xf16> {
  %0 = tensorrt.softmax {axis = 1 : i64} %x : tensor<4x?x8xf16>
  return %0 : tensor<4x?x8xf16>
}
// CHECK-LABEL: func.func @softmax_axis1_f16
//  CHECK-NEXT:   tensorrt.softmax {axis = 1 : i64} %{{.+}} : tensor<4x?x8xf16>

// -----

func.func @softmax_axis2_bf16(%x: tensor<4x?x8xbf16>) -> tensor<4x?x8xbf16> {
  %0 = tensorrt.softmax {axis = 2 : i64} %x : tensor<4x?x8xbf16>
  return %0 : tensor<4x?x8xbf16>
}
// CHECK-LABEL: func.func @softmax_axis2_bf16
//  CHECK-NEXT:   tensorrt.softmax {axis = 2 : i64} %{{.+}} : tensor<4x?x8xbf16>

// -----

func.func @softmax_1d(%x: tensor<1000xf32>) -> tensor<1000xf32> {
  %0 = tensorrt.softmax {axis = 0 : i64} %x : tensor<1000xf32>
  return %0 : tensor<1000xf32>
}
// CHECK-LABEL: func.func @softmax_1d
//  CHECK-NEXT:   tensorrt.softmax {axis = 0 : i64} %{{.+}} : tensor<1000xf32>
