// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.identity.

// -----

func.func @identity_f32_to_f16(%x: tensor<10xf32>) -> tensor<10xf16> {
  %0 = tensorrt.identity %x : tensor<10xf32> to tensor<10xf16>
  return %0 : tensor<10xf16>
}
// CHECK-LABEL: func.func @identity_f32_to_f16
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xf32> to tensor<10xf16>

// -----

func.func @identity_i1_to_f32(%x: tensor<10xi1>) -> tensor<10xf32> {
  %0 = tensorrt.identity %x : tensor<10xi1> to tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @identity_i1_to_f32
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xi1> to tensor<10xf32>

// -----

func.func @identity_f16_to_bf16(%x: tensor<10xf16>) -> tensor<10xbf16> {
  %0 = tensorrt.identity %x : tensor<10xf16> to tensor<10xbf16>
  return %0 : tensor<10xbf16>
}
// CHECK-LABEL: func.func @identity_f16_to_bf16
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xf16> to tensor<10xbf16>

// -----

func.func @identity_i32_to_ui8(%x: tensor<10xi32>) -> tensor<10xui8> {
  %0 = tensorrt.identity %x : tensor<10xi32> to tensor<10xui8>
  return %0 : tensor<10xui8>
}
// CHECK-LABEL: func.func @identity_i32_to_ui8
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xi32> to tensor<10xui8>

// -----

func.func @identity_ui8_to_f16(%x: tensor<10xui8>) -> tensor<10xf16> {
  %0 = tensorrt.identity %x : tensor<10xui8> to tensor<10xf16>
  return %0 : tensor<10xf16>
}
// CHECK-LABEL: func.func @identity_ui8_to_f16
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xui8> to tensor<10xf16>

// -----

func.func @identity_f32_to_i32(%x: tensor<10xf32>) -> tensor<10xi32> {
  %0 = tensorrt.identity %x : tensor<10xf32> to tensor<10xi32>
  return %0 : tensor<10xi32>
}
// CHECK-LABEL: func.func @identity_f32_to_i32
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xf32> to tensor<10xi32>

// -----

func.func @identity_bf16_to_i1(%x: tensor<10xbf16>) -> tensor<10xi1> {
  %0 = tensorrt.identity %x : tensor<10xbf16> to tensor<10xi1>
  return %0 : tensor<10xi1>
}
// CHECK-LABEL: func.func @identity_bf16_to_i1
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10xbf16> to tensor<10xi1>

// -----

func.func @identity_same_type(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensorrt.identity %x : tensor<?x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @identity_same_type
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<?x?xf32> to tensor<?x?xf32>
