// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.argmax.

// -----

func.func @argmax_last_axis(%x: tensor<?x10xf32>) -> (tensor<?x1xf32>, tensor<?x1xi32>) {
  %0, %1 = tensorrt.argmax {
    axis = 1 : i64
  } %x : tensor<?x10xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  return %0, %1 : tensor<?x1xf32>, tensor<?x1xi32>
}
// CHECK-LABEL: func.func @argmax_last_axis
//  CHECK-NEXT:   tensorrt.argmax {axis = 1 : i64} %{{.+}} : tensor<?x10xf32> -> tensor<?x1xf32>, tensor<?x1xi32>

// -----

func.func @argmax_first_axis_i64(%x: tensor<5x3x2xi64>) -> (tensor<1x3x2xi64>, tensor<1x3x2xi32>) {
  %0, %1 = tensorrt.argmax {axis = 0 : i64} %x : tensor<5x3x2xi64> -> tensor<1x3x2xi64>, tensor<1x3x2xi32>
  return %0, %1 : tensor<1x3x2xi64>, tensor<1x3x2xi32>
}
// CHECK-LABEL: func.func @argmax_first_axis_i64
//  CHECK-NEXT:   tensorrt.argmax {axis = 0 : i64} %{{.+}} : tensor<5x3x2xi64> -> tensor<1x3x2xi64>, tensor<1x3x2xi32>

// -----

func.func @argmax_unknown_axis_size(%x: tensor<4x?xf16>) -> (tensor<4x1xf16>, tensor<4x1xi32>) {
  %0, %1 = tensorrt.argmax {axis = 1 : i64} %x : tensor<4x?xf16> -> tensor<4x1xf16>, tensor<4x1xi32>
  return %0, %1 : tensor<4x1xf16>, tensor<4x1xi32>
}
// CHECK-LABEL: func.func @argmax_unknown_axis_size
//  CHECK-NEXT:   tensorrt.argmax {axis = 1 : i64} %{{.+}} : tensor<4x?xf16> -> tensor<4x1xf16>, tensor<4x1xi32>
