// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.reduce: every reduction, kept and dropped dimensions.

// -----

func.func @reduce_sum(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @reduce_sum
//  CHECK-NEXT:   tensorrt.reduce <kSUM> %{{.+}} {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>

// -----

func.func @reduce_prod(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = tensorrt.reduce <kPROD> %x {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @reduce_prod
//  CHECK-NEXT:   tensorrt.reduce <kPROD> %{{.+}} {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>

// -----

func.func @reduce_max(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @reduce_max
//  CHECK-NEXT:   tensorrt.reduce <kMAX> %{{.+}} {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>

// -----

func.func @reduce_min(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = tensorrt.reduce <kMIN> %x {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @reduce_min
//  CHECK-NEXT:   tensorrt.reduce <kMIN> %{{.+}} {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>

// -----

func.func @reduce_avg(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @reduce_avg
//  CHECK-NEXT:   tensorrt.reduce <kAVG> %{{.+}} {reduceAxes = array<i64: 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>

// -----

func.func @reduce_keep_dims(%x: tensor<4x?x8xf16>) -> tensor<4x1x1xf16> {
  %0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1, 2>, keepDimensions = true} : tensor<4x?x8xf16> -> tensor<4x1x1xf16>
  return %0 : tensor<4x1x1xf16>
}
// CHECK-LABEL: func.func @reduce_keep_dims
//  CHECK-NEXT:   tensorrt.reduce <kAVG> %{{.+}} {keepDimensions = true, reduceAxes = array<i64: 1, 2>} : tensor<4x?x8xf16> -> tensor<4x1x1xf16>

// -----

// keepDimensions = false is the default and is not printed.
func.func @reduce_default_keep(%x: tensor<?x?xi32>) -> tensor<?xi32> {
  %0 = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 0>, keepDimensions = false} : tensor<?x?xi32> -> tensor<?xi32>
  return %0 : tensor<?xi32>
}
// CHECK-LABEL: func.func @reduce_default_keep
//  CHECK-NEXT:   tensorrt.reduce <kMAX> %{{.+}} {reduceAxes = array<i64: 0>} : tensor<?x?xi32> -> tensor<?xi32>

// -----

func.func @reduce_all(%x: tensor<5x6xi64>) -> tensor<i64> {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 0, 1>} : tensor<5x6xi64> -> tensor<i64>
  return %0 : tensor<i64>
}
// CHECK-LABEL: func.func @reduce_all
//  CHECK-NEXT:   tensorrt.reduce <kSUM> %{{.+}} {reduceAxes = array<i64: 0, 1>} : tensor<5x6xi64> -> tensor<i64>

// -----

func.func @reduce_bf16_refined(%x: tensor<?x7xbf16>) -> tensor<3xbf16> {
  %0 = tensorrt.reduce <kMIN> %x {reduceAxes = array<i64: 1>} : tensor<?x7xbf16> -> tensor<3xbf16>
  return %0 : tensor<3xbf16>
}
// CHECK-LABEL: func.func @reduce_bf16_refined
//  CHECK-NEXT:   tensorrt.reduce <kMIN> %{{.+}} {reduceAxes = array<i64: 1>} : tensor<?x7xbf16> -> tensor<3xbf16>
