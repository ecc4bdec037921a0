// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.slice beyond roundtrip/slice.mlir: each parameter
// given alone as an operand, the modes combined with operand parameters, and
// the fill operand in its other forms.

// -----

func.func @slice_dynamic_start(%x: tensor<8x8xf32>, %start: tensor<2xi32>) -> tensor<4x4xf32> {
  %0 = tensorrt.slice %x[%start: tensor<2xi32>][4, 4][1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @slice_dynamic_start
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[%{{.+}}: tensor<2xi32>][4, 4][1, 1] : tensor<8x8xf32> to tensor<4x4xf32>

// -----

func.func @slice_dynamic_stride(%x: tensor<8x8xf32>, %stride: tensor<2xi32>) -> tensor<4x4xf32> {
  %0 = tensorrt.slice %x[0, 0][4, 4][%stride: tensor<2xi32>] : tensor<8x8xf32> to tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @slice_dynamic_stride
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][4, 4][%{{.+}}: tensor<2xi32>] : tensor<8x8xf32> to tensor<4x4xf32>

// -----

// Start and stride at run time, size fixed.
func.func @slice_dynamic_start_stride(%x: tensor<?x?x?xf16>, %start: tensor<3xi32>, %stride: tensor<3xi32>) -> tensor<1x2x3xf16> {
  %0 = tensorrt.slice %x[%start: tensor<3xi32>][1, 2, 3][%stride: tensor<3xi32>] : tensor<?x?x?xf16> to tensor<1x2x3xf16>
  return %0 : tensor<1x2x3xf16>
}
// CHECK-LABEL: func.func @slice_dynamic_start_stride
//  CHECK-NEXT:   tensorrt.slice %[[X:arg0]][%[[START:arg1]]: tensor<3xi32>][1, 2, 3][%[[STRIDE:arg2]]: tensor<3xi32>] : tensor<?x?x?xf16> to tensor<1x2x3xf16>

// -----

// Size at run time with a known result: the written type refines `?x?`.
func.func @slice_dynamic_size_stride(%x: tensor<?x?xi32>, %size: tensor<2xi32>, %stride: tensor<2xi32>) -> tensor<2x2xi32> {
  %0 = tensorrt.slice %x[0, 0][%size: tensor<2xi32>][%stride: tensor<2xi32>] : tensor<?x?xi32> to tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}
// CHECK-LABEL: func.func @slice_dynamic_size_stride
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][%{{.+}}: tensor<2xi32>][%{{.+}}: tensor<2xi32>] : tensor<?x?xi32> to tensor<2x2xi32>

// -----

// A negative stride reads backwards.
func.func @slice_reverse(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tensorrt.slice %x[7][8][-1] : tensor<8xf32> to tensor<8xf32>
  return %0 : tensor<8xf32>
}
// CHECK-LABEL: func.func @slice_reverse
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[7][8][-1] : tensor<8xf32> to tensor<8xf32>

// -----

func.func @slice_wrap_dynamic_start(%x: tensor<6x6xf32>, %start: tensor<2xi32>) -> tensor<10x10xf32> {
  %0 = tensorrt.slice %x[%start: tensor<2xi32>][10, 10][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<6x6xf32> to tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}
// CHECK-LABEL: func.func @slice_wrap_dynamic_start
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[%{{.+}}: tensor<2xi32>][10, 10][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<6x6xf32> to tensor<10x10xf32>

// -----

func.func @slice_clamp_dynamic_size(%x: tensor<6xi32>, %size: tensor<1xi32>) -> tensor<?xi32> {
  %0 = tensorrt.slice %x[-2][%size: tensor<1xi32>][1] {mode = #tensorrt.slice_mode<kCLAMP>} : tensor<6xi32> to tensor<?xi32>
  return %0 : tensor<?xi32>
}
// CHECK-LABEL: func.func @slice_clamp_dynamic_size
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][%{{.+}}: tensor<1xi32>][1] {mode = #tensorrt.slice_mode<kCLAMP>} : tensor<6xi32> to tensor<?xi32>

// -----

func.func @slice_reflect_dynamic_stride(%x: tensor<?x5xf16>, %stride: tensor<2xi32>) -> tensor<4x9xf16> {
  %0 = tensorrt.slice %x[0, -2][4, 9][%stride: tensor<2xi32>] {mode = #tensorrt.slice_mode<kREFLECT>} : tensor<?x5xf16> to tensor<4x9xf16>
  return %0 : tensor<4x9xf16>
}
// CHECK-LABEL: func.func @slice_reflect_dynamic_stride
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, -2][4, 9][%{{.+}}: tensor<2xi32>] {mode = #tensorrt.slice_mode<kREFLECT>} : tensor<?x5xf16> to tensor<4x9xf16>

// -----

// kFILL with every parameter at run time and the fill value a function
// argument of rank 0.
func.func @slice_fill_all_dynamic(%x: tensor<?x?xf32>, %start: tensor<2xi32>, %size: tensor<2xi32>, %stride: tensor<2xi32>, %pad: tensor<f32>) -> tensor<?x?xf32> {
  %0 = tensorrt.slice %x[%start: tensor<2xi32>][%size: tensor<2xi32>][%stride: tensor<2xi32>] fill(%pad : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<?x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @slice_fill_all_dynamic
//  CHECK-NEXT:   tensorrt.slice %[[X:arg0]][%[[START:arg1]]: tensor<2xi32>][%[[SIZE:arg2]]: tensor<2xi32>][%[[STRIDE:arg3]]: tensor<2xi32>] fill(%[[PAD:arg4]] : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<?x?xf32> to tensor<?x?xf32>

// -----

// An integer fill value of shape 1x1.
func.func @slice_fill_integer(%x: tensor<3x3xi32>) -> tensor<5x5xi32> {
  %pad = tensorrt.constant dense<-1> : tensor<1x1xi32>
  %0 = tensorrt.slice %x[-1, -1][5, 5][1, 1] fill(%pad : tensor<1x1xi32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<3x3xi32> to tensor<5x5xi32>
  return %0 : tensor<5x5xi32>
}
// CHECK-LABEL: func.func @slice_fill_integer
//  CHECK-NEXT:   %[[PAD:.+]] = tensorrt.constant dense<-1> : tensor<1x1xi32>
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-1, -1][5, 5][1, 1] fill(%[[PAD]] : tensor<1x1xi32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<3x3xi32> to tensor<5x5xi32>

// -----

// bf16 is accepted in the two modes that never invent values.
func.func @slice_bf16_modes(%x: tensor<6xbf16>) -> (tensor<4xbf16>, tensor<10xbf16>) {
  %0 = tensorrt.slice %x[1][4][1] {mode = #tensorrt.slice_mode<kDEFAULT>} : tensor<6xbf16> to tensor<4xbf16>
  %1 = tensorrt.slice %x[-2][10][1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<6xbf16> to tensor<10xbf16>
  return %0, %1 : tensor<4xbf16>, tensor<10xbf16>
}
// CHECK-LABEL: func.func @slice_bf16_modes
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[1][4][1] : tensor<6xbf16> to tensor<4xbf16>
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-2][10][1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<6xbf16> to tensor<10xbf16>

// -----

// The spelling of the MLIR-TensorRT tests: a space before the first bracket.
func.func @slice_reference_spelling(%arg0: tensor<?x?xf32>, %arg1: tensor<2xi32>) -> tensor<2x2xf32> {
  %0 = tensorrt.slice %arg0 [0, 0][%arg1: tensor<2xi32>][1, 1] : tensor<?x?xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
// CHECK-LABEL: func.func @slice_reference_spelling
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[0, 0][%{{.+}}: tensor<2xi32>][1, 1] : tensor<?x?xf32> to tensor<2x2xf32>

// -----

// The generic form names every attribute and the operand segment sizes.
func.func @slice_generic(%x: tensor<8xf32>, %start: tensor<1xi32>) -> tensor<4xf32> {
  %0 = "tensorrt.slice"(%x, %start) <{mode = #tensorrt.slice_mode<kCLAMP>, operandSegmentSizes = array<i32: 1, 0, 1, 0, 0>, static_size = array<i32: 4>, static_stride = array<i32: 2>}> : (tensor<8xf32>, tensor<1xi32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @slice_generic
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[%{{.+}}: tensor<1xi32>][4][2] {mode = #tensorrt.slice_mode<kCLAMP>} : tensor<8xf32> to tensor<4xf32>
