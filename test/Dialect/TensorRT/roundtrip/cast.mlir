// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.cast between the element types it supports.

// -----

func.func @cast_f32_to_f16(%x: tensor<4x?xf32>) -> tensor<4x?xf16> {
  %0 = tensorrt.cast %x : tensor<4x?xf32> to tensor<4x?xf16>
  return %0 : tensor<4x?xf16>
}
// CHECK-LABEL: func.func @cast_f32_to_f16
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xf32> to tensor<4x?xf16>

// -----

func.func @cast_f16_to_f32(%x: tensor<4x?xf16>) -> tensor<4x?xf32> {
  %0 = tensorrt.cast %x : tensor<4x?xf16> to tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @cast_f16_to_f32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xf16> to tensor<4x?xf32>

// -----

func.func @cast_f32_to_bf16(%x: tensor<4x?xf32>) -> tensor<4x?xbf16> {
  %0 = tensorrt.cast %x : tensor<4x?xf32> to tensor<4x?xbf16>
  return %0 : tensor<4x?xbf16>
}
// CHECK-LABEL: func.func @cast_f32_to_bf16
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xf32> to tensor<4x?xbf16>

// -----

func.func @cast_f32_to_i32(%x: tensor<4x?xf32>) -> tensor<4x?xi32> {
  %0 = tensorrt.cast %x : tensor<4x?xf32> to tensor<4x?xi32>
  return %0 : tensor<4x?xi32>
}
// CHECK-LABEL: func.func @cast_f32_to_i32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xf32> to tensor<4x?xi32>

// -----

func.func @cast_i32_to_f32(%x: tensor<4x?xi32>) -> tensor<4x?xf32> {
  %0 = tensorrt.cast %x : tensor<4x?xi32> to tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @cast_i32_to_f32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xi32> to tensor<4x?xf32>

// -----

func.func @cast_i64_to_i32(%x: tensor<4x?xi64>) -> tensor<4x?xi32> {
  %0 = tensorrt.cast %x : tensor<4x?xi64> to tensor<4x?xi32>
  return %0 : tensor<4x?xi32>
}
// CHECK-LABEL: func.func @cast_i64_to_i32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xi64> to tensor<4x?xi32>

// -----

func.func @cast_i1_to_f32(%x: tensor<4x?xi1>) -> tensor<4x?xf32> {
  %0 = tensorrt.cast %x : tensor<4x?xi1> to tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @cast_i1_to_f32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xi1> to tensor<4x?xf32>

// -----

func.func @cast_f32_to_i1(%x: tensor<4x?xf32>) -> tensor<4x?xi1> {
  %0 = tensorrt.cast %x : tensor<4x?xf32> to tensor<4x?xi1>
  return %0 : tensor<4x?xi1>
}
// CHECK-LABEL: func.func @cast_f32_to_i1
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xf32> to tensor<4x?xi1>

// -----

func.func @cast_ui8_to_f32(%x: tensor<4x?xui8>) -> tensor<4x?xf32> {
  %0 = tensorrt.cast %x : tensor<4x?xui8> to tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @cast_ui8_to_f32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xui8> to tensor<4x?xf32>

// -----

func.func @cast_f16_to_i8(%x: tensor<4x?xf16>) -> tensor<4x?xi8> {
  %0 = tensorrt.cast %x : tensor<4x?xf16> to tensor<4x?xi8>
  return %0 : tensor<4x?xi8>
}
// CHECK-LABEL: func.func @cast_f16_to_i8
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xf16> to tensor<4x?xi8>

// -----

func.func @cast_i8_to_f32(%x: tensor<4x?xi8>) -> tensor<4x?xf32> {
  %0 = tensorrt.cast %x : tensor<4x?xi8> to tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @cast_i8_to_f32
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xi8> to tensor<4x?xf32>

// -----

func.func @cast_bf16_to_i64(%x: tensor<4x?xbf16>) -> tensor<4x?xi64> {
  %0 = tensorrt.cast %x : tensor<4x?xbf16> to tensor<4x?xi64>
  return %0 : tensor<4x?xi64>
}
// CHECK-LABEL: func.func @cast_bf16_to_i64
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4x?xbf16> to tensor<4x?xi64>

// -----

func.func @cast_refined_shape(%x: tensor<?x3xf32>) -> tensor<2x3xi32> {
  %0 = tensorrt.cast %x : tensor<?x3xf32> to tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
// CHECK-LABEL: func.func @cast_refined_shape
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<?x3xf32> to tensor<2x3xi32>
