// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.non_zero over every accepted element type.

// -----

func.func @non_zero_static(%x: tensor<3x7x9xf32>) -> tensor<3x?xi32> {
  %0 = tensorrt.non_zero %x : tensor<3x7x9xf32> -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}
// CHECK-LABEL: func.func @non_zero_static
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<3x7x9xf32> -> tensor<3x?xi32>

// -----

func.func @non_zero_dynamic(%x: tensor<?x?x?xf32>) -> tensor<3x?xi32> {
  %0 = tensorrt.non_zero %x : tensor<?x?x?xf32> -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}
// CHECK-LABEL: func.func @non_zero_dynamic
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<?x?x?xf32> -> tensor<3x?xi32>

// -----

// A count known from elsewhere may be written.
func.func @non_zero_known_count(%x: tensor<4xi1>) -> tensor<1x4xi32> {
  %0 = tensorrt.non_zero %x : tensor<4xi1> -> tensor<1x4xi32>
  return %0 : tensor<1x4xi32>
}
// CHECK-LABEL: func.func @non_zero_known_count
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<4xi1> -> tensor<1x4xi32>

// -----

func.func @non_zero_types(%a: tensor<2x2xi8>, %b: tensor<5xi32>, %c: tensor<2x3xf16>, %d: tensor<6xbf16>) -> (tensor<2x?xi32>, tensor<1x?xi32>, tensor<2x?xi32>, tensor<1x?xi32>) {
  %0 = tensorrt.non_zero %a : tensor<2x2xi8> -> tensor<2x?xi32>
  %1 = tensorrt.non_zero %b : tensor<5xi32> -> tensor<1x?xi32>
  %2 = tensorrt.non_zero %c : tensor<2x3xf16> -> tensor<2x?xi32>
  %3 = tensorrt.non_zero %d : tensor<6xbf16> -> tensor<1x?xi32>
  return %0, %1, %2, %3 : tensor<2x?xi32>, tensor<1x?xi32>, tensor<2x?xi32>, tensor<1x?xi32>
}
// CHECK-LABEL: func.func @non_zero_types
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<2x2xi8> -> tensor<2x?xi32>
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<5xi32> -> tensor<1x?xi32>
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<2x3xf16> -> tensor<2x?xi32>
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<6xbf16> -> tensor<1x?xi32>

// -----

func.func @non_zero_scalar(%x: tensor<f32>) -> tensor<0x?xi32> {
  %0 = tensorrt.non_zero %x : tensor<f32> -> tensor<0x?xi32>
  return %0 : tensor<0x?xi32>
}
// CHECK-LABEL: func.func @non_zero_scalar
//  CHECK-NEXT:   tensorrt.non_zero %{{.+}} : tensor<f32> -> tensor<0x?xi32>
