// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.slice: static and dynamic parameters, fill, every mode.

// -----

func.func @slice_static(%x: tensor<?x?xf32>) -> tensor<2x2xf32> {
  %0 = tensorrt.slice %x[0, 0][2, 2][1, 1] : tensor<?x?xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
// CHECK-LABEL: func.func @slice_static
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][2, 2][1, 1] : tensor<?x?xf32> to tensor<2x2xf32>

// -----

func.func @slice_space_before_bracket(%x: tensor<8x8xf16>) -> tensor<4x4xf16> {
  %0 = tensorrt.slice %x [0, 2][4, 4][2, 1] : tensor<8x8xf16> to tensor<4x4xf16>
  return %0 : tensor<4x4xf16>
}
// CHECK-LABEL: func.func @slice_space_before_bracket
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 2][4, 4][2, 1] : tensor<8x8xf16> to tensor<4x4xf16>

// -----

func.func @slice_dynamic_size(%x: tensor<?x?xf32>, %size: tensor<2xi32>) -> tensor<2x2xf32> {
  %0 = tensorrt.slice %x[0, 0][%size: tensor<2xi32>][1, 1] : tensor<?x?xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
// CHECK-LABEL: func.func @slice_dynamic_size
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][%{{.+}}: tensor<2xi32>][1, 1] : tensor<?x?xf32> to tensor<2x2xf32>

// -----

func.func @slice_all_dynamic(%x: tensor<?x?xf32>, %start: tensor<2xi32>, %size: tensor<2xi32>, %stride: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.slice %x[%start: tensor<2xi32>][%size: tensor<2xi32>][%stride: tensor<2xi32>] : tensor<?x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @slice_all_dynamic
//  CHECK-NEXT:   tensorrt.slice %[[X:arg[0-9]+]][%[[START:arg[0-9]+]]: tensor<2xi32>][%[[SIZE:arg[0-9]+]]: tensor<2xi32>][%[[STRIDE:arg[0-9]+]]: tensor<2xi32>] : tensor<?x?xf32> to tensor<?x?xf32>

// -----

// The written result may leave static sizes unknown.
func.func @slice_unknown_result(%x: tensor<?x?xi32>) -> tensor<?x?xi32> {
  %0 = tensorrt.slice %x[0, 0][2, 2][1, 1] : tensor<?x?xi32> to tensor<?x?xi32>
  return %0 : tensor<?x?xi32>
}
// CHECK-LABEL: func.func @slice_unknown_result
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][2, 2][1, 1] : tensor<?x?xi32> to tensor<?x?xi32>

// -----

// A zero stride repeats the input.
func.func @slice_tile(%x: tensor<1x4xf32>) -> tensor<16x4xf32> {
  %0 = tensorrt.slice %x[0, 0][16, 4][0, 1] : tensor<1x4xf32> to tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}
// CHECK-LABEL: func.func @slice_tile
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][16, 4][0, 1] : tensor<1x4xf32> to tensor<16x4xf32>

// -----

func.func @slice_fill(%x: tensor<128x128xf32>) -> tensor<130x130xf32> {
  %pad = tensorrt.constant dense<0.0> : tensor<1xf32>
  %0 = tensorrt.slice %x[-1, -1][130, 130][1, 1] fill(%pad : tensor<1xf32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<128x128xf32> to tensor<130x130xf32>
  return %0 : tensor<130x130xf32>
}
// CHECK-LABEL: func.func @slice_fill
//  CHECK-NEXT:   %[[PAD:.+]] = tensorrt.constant dense<0.000000e+00> : tensor<1xf32>
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-1, -1][130, 130][1, 1] fill(%[[PAD]] : tensor<1xf32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<128x128xf32> to tensor<130x130xf32>

// -----

func.func @slice_mode_default(%x: tensor<6xf32>) -> tensor<10xf32> {
  %0 = tensorrt.slice %x[-2][10][1] {mode = #tensorrt.slice_mode<kDEFAULT>} : tensor<6xf32> to tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @slice_mode_default
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][10][1] : tensor<6xf32> to tensor<10xf32>

// -----

func.func @slice_mode_wrap(%x: tensor<6xf32>) -> tensor<10xf32> {
  %0 = tensorrt.slice %x[-2][10][1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<6xf32> to tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @slice_mode_wrap
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][10][1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<6xf32> to tensor<10xf32>

// -----

func.func @slice_mode_clamp(%x: tensor<6xf32>) -> tensor<10xf32> {
  %0 = tensorrt.slice %x[-2][10][1] {mode = #tensorrt.slice_mode<kCLAMP>} : tensor<6xf32> to tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @slice_mode_clamp
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][10][1] {mode = #tensorrt.slice_mode<kCLAMP>} : tensor<6xf32> to tensor<10xf32>

// -----

func.func @slice_mode_reflect(%x: tensor<6xf32>) -> tensor<10xf32> {
  %0 = tensorrt.slice %x[-2][10][1] {mode = #tensorrt.slice_mode<kREFLECT>} : tensor<6xf32> to tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @slice_mode_reflect
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][10][1] {mode = #tensorrt.slice_mode<kREFLECT>} : tensor<6xf32> to tensor<10xf32>

// -----

func.func @slice_mode_fill(%x: tensor<6xf32>) -> tensor<10xf32> {
  %0 = tensorrt.slice %x[-2][10][1] {mode = #tensorrt.slice_mode<kFILL>} : tensor<6xf32> to tensor<10xf32>
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @slice_mode_fill
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][10][1] {mode = #tensorrt.slice_mode<kFILL>} : tensor<6xf32> to tensor<10xf32>

// -----

func.func @slice_scalar(%x: tensor<f32>) -> tensor<f32> {
  %0 = tensorrt.slice %x[][][] : tensor<f32> to tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @slice_scalar
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[][][] : tensor<f32> to tensor<f32>
