// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.dequantize from each low-precision element type.

// -----

func.func @dequantize_per_tensor_i8(%q: tensor<4x?xi8>, %s: tensor<f32>) -> tensor<4x?xf32> {
  %0 = tensorrt.dequantize in(%q : tensor<4x?xi8>) scale(%s : tensor<f32>) -> tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @dequantize_per_tensor_i8
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<4x?xi8>) scale(%{{.+}} : tensor<f32>) -> tensor<4x?xf32>

// -----

// The scale may be wider than the result (f32 scale, f16 result).
func.func @dequantize_f8_to_f16(%q: tensor<10xf8E4M3FN>, %s: tensor<f32>) -> tensor<10xf16> {
  %0 = tensorrt.dequantize in(%q : tensor<10xf8E4M3FN>) scale(%s : tensor<f32>) -> tensor<10xf16>
  return %0 : tensor<10xf16>
}
// CHECK-LABEL: func.func @dequantize_f8_to_f16
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<10xf8E4M3FN>) scale(%{{.+}} : tensor<f32>) -> tensor<10xf16>

// -----

func.func @dequantize_per_channel(%q: tensor<32x20xi8>, %s: tensor<32xf32>) -> tensor<32x20xf32> {
  %0 = tensorrt.dequantize {axis = 0 : i32} in(%q : tensor<32x20xi8>) scale(%s : tensor<32xf32>) -> tensor<32x20xf32>
  return %0 : tensor<32x20xf32>
}
// CHECK-LABEL: func.func @dequantize_per_channel
//  CHECK-NEXT:   tensorrt.dequantize {axis = 0 : i32} in(%{{.+}} : tensor<32x20xi8>) scale(%{{.+}} : tensor<32xf32>) -> tensor<32x20xf32>

// -----

func.func @dequantize_per_channel_1d(%q: tensor<6xi8>, %s: tensor<6xbf16>) -> tensor<6xbf16> {
  %0 = tensorrt.dequantize {axis = 0 : i32} in(%q : tensor<6xi8>) scale(%s : tensor<6xbf16>) -> tensor<6xbf16>
  return %0 : tensor<6xbf16>
}
// CHECK-LABEL: func.func @dequantize_per_channel_1d
//  CHECK-NEXT:   tensorrt.dequantize {axis = 0 : i32} in(%{{.+}} : tensor<6xi8>) scale(%{{.+}} : tensor<6xbf16>) -> tensor<6xbf16>

// -----

func.func @dequantize_block_i4(%q: tensor<258x256xi4>, %s: tensor<2x256xf16>) -> tensor<258x256xf16> {
  %0 = tensorrt.dequantize in(%q : tensor<258x256xi4>) scale(%s : tensor<2x256xf16>) -> tensor<258x256xf16>
  return %0 : tensor<258x256xf16>
}
// CHECK-LABEL: func.func @dequantize_block_i4
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<258x256xi4>) scale(%{{.+}} : tensor<2x256xf16>) -> tensor<258x256xf16>

// -----

func.func @dequantize_block_f4(%q: tensor<10x80xf4E2M1FN>, %s: tensor<10x5xf32>) -> tensor<10x80xf32> {
  %0 = tensorrt.dequantize in(%q : tensor<10x80xf4E2M1FN>) scale(%s : tensor<10x5xf32>) -> tensor<10x80xf32>
  return %0 : tensor<10x80xf32>
}
// CHECK-LABEL: func.func @dequantize_block_f4
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<10x80xf4E2M1FN>) scale(%{{.+}} : tensor<10x5xf32>) -> tensor<10x80xf32>

// -----

func.func @dequantize_block_dynamic_batch(%q: tensor<?x64x32xi4>, %s: tensor<?x4x32xf32>) -> tensor<?x64x32xf32> {
  %0 = tensorrt.dequantize in(%q : tensor<?x64x32xi4>) scale(%s : tensor<?x4x32xf32>) -> tensor<?x64x32xf32>
  return %0 : tensor<?x64x32xf32>
}
// CHECK-LABEL: func.func @dequantize_block_dynamic_batch
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<?x64x32xi4>) scale(%{{.+}} : tensor<?x4x32xf32>) -> tensor<?x64x32xf32>

// -----

func.func @dequantize_quant_uniform(%q: tensor<16x16x!quant.uniform<i8:f16, 2.500000e-01>>, %s: tensor<f16>) -> tensor<16x16xf16> {
  %0 = tensorrt.dequantize in(%q : tensor<16x16x!quant.uniform<i8:f16, 2.500000e-01>>) scale(%s : tensor<f16>) -> tensor<16x16xf16>
  return %0 : tensor<16x16xf16>
}
// CHECK-LABEL: func.func @dequantize_quant_uniform
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<16x16x!quant.uniform<i8:f16, 2.500000e-01>>) scale(%{{.+}} : tensor<f16>) -> tensor<16x16xf16>
