// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.padding: growing, cropping (negative amounts),
// mixed, unknown dimensions, every element type.

// -----

func.func @padding_grow(%x: tensor<1x1x10x10xf32>) -> tensor<1x1x12x13xf32> {
  %0 = tensorrt.padding {prePadding = array<i64: 1, 2>, postPadding = array<i64: 1, 1>} ins(%x : tensor<1x1x10x10xf32>) -> tensor<1x1x12x13xf32>
  return %0 : tensor<1x1x12x13xf32>
}
// CHECK-LABEL: func.func @padding_grow
//  CHECK-NEXT:   tensorrt.padding {postPadding = array<i64: 1, 1>, prePadding = array<i64: 1, 2>} ins(%{{.+}} : tensor<1x1x10x10xf32>) -> tensor<1x1x12x13xf32>

// -----

// Negative amounts crop.
func.func @padding_crop(%x: tensor<1x1x10x10xf16>) -> tensor<1x1x8x5xf16> {
  %0 = tensorrt.padding {
    prePadding = array<i64: -1, -2>,
    postPadding = array<i64: -1, -3>
  } ins(%x : tensor<1x1x10x10xf16>) -> tensor<1x1x8x5xf16>
  return %0 : tensor<1x1x8x5xf16>
}
// CHECK-LABEL: func.func @padding_crop
//  CHECK-NEXT:   tensorrt.padding {postPadding = array<i64: -1, -3>, prePadding = array<i64: -1, -2>} ins(%{{.+}} : tensor<1x1x10x10xf16>) -> tensor<1x1x8x5xf16>

// -----

// Pad one end, crop the other; the whole dimension may be cropped away.
func.func @padding_mixed(%x: tensor<2x3x4x4xi32>) -> tensor<2x3x0x9xi32> {
  %0 = tensorrt.padding {prePadding = array<i64: -4, 3>, postPadding = array<i64: 0, 2>} ins(%x : tensor<2x3x4x4xi32>) -> tensor<2x3x0x9xi32>
  return %0 : tensor<2x3x0x9xi32>
}
// CHECK-LABEL: func.func @padding_mixed
//  CHECK-NEXT:   tensorrt.padding {{.*}} ins(%{{.+}} : tensor<2x3x4x4xi32>) -> tensor<2x3x0x9xi32>

// -----

func.func @padding_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = tensorrt.padding {prePadding = array<i64: -1, -1>, postPadding = array<i64: -1, -1>} ins(%x : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
// CHECK-LABEL: func.func @padding_dynamic
//  CHECK-NEXT:   tensorrt.padding {{.*}} ins(%{{.+}} : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>

// -----

// Only the padded dimensions change; known outer sizes may be written.
func.func @padding_dynamic_inner(%x: tensor<?x3x?x8xi8>) -> tensor<?x3x?x12xi8> {
  %0 = tensorrt.padding {prePadding = array<i64: 2, 2>, postPadding = array<i64: 2, 2>} ins(%x : tensor<?x3x?x8xi8>) -> tensor<?x3x?x12xi8>
  return %0 : tensor<?x3x?x12xi8>
}
// CHECK-LABEL: func.func @padding_dynamic_inner
//  CHECK-NEXT:   tensorrt.padding {{.*}} ins(%{{.+}} : tensor<?x3x?x8xi8>) -> tensor<?x3x?x12xi8>

// -----

// A rank-5 input pads its two innermost dimensions; the result type may
// leave inferred sizes unknown.
func.func @padding_rank5(%x: tensor<1x2x3x4x5xf32>) -> tensor<1x2x3x?x?xf32> {
  %0 = tensorrt.padding {prePadding = array<i64: 1, 0>, postPadding = array<i64: 0, 1>} ins(%x : tensor<1x2x3x4x5xf32>) -> tensor<1x2x3x?x?xf32>
  return %0 : tensor<1x2x3x?x?xf32>
}
// CHECK-LABEL: func.func @padding_rank5
//  CHECK-NEXT:   tensorrt.padding {{.*}} ins(%{{.+}} : tensor<1x2x3x4x5xf32>) -> tensor<1x2x3x?x?xf32>
