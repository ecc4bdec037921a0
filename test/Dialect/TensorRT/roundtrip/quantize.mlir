// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.quantize: per-tensor, per-channel and block scales
// into each low-precision element type.

// -----

func.func @quantize_per_tensor_i8(%x: tensor<4x?xf32>, %s: tensor<f32>) -> tensor<4x?xi8> {
  %0 = tensorrt.quantize in(%x : tensor<4x?xf32>) scale(%s : tensor<f32>) -> tensor<4x?xi8>
  return %0 : tensor<4x?xi8>
}
// CHECK-LABEL: func.func @quantize_per_tensor_i8
//  CHECK-NEXT:   tensorrt.quantize in(%{{.+}} : tensor<4x?xf32>) scale(%{{.+}} : tensor<f32>) -> tensor<4x?xi8>

// -----

func.func @quantize_per_channel_f8(%x: tensor<8x16xf16>, %s: tensor<16xf16>) -> tensor<8x16xf8E4M3FN> {
  %0 = tensorrt.quantize {axis = 1 : i32} in(%x : tensor<8x16xf16>) scale(%s : tensor<16xf16>) -> tensor<8x16xf8E4M3FN>
  return %0 : tensor<8x16xf8E4M3FN>
}
// CHECK-LABEL: func.func @quantize_per_channel_f8
//  CHECK-NEXT:   tensorrt.quantize {axis = 1 : i32} in(%{{.+}} : tensor<8x16xf16>) scale(%{{.+}} : tensor<16xf16>) -> tensor<8x16xf8E4M3FN>

// -----

func.func @quantize_per_channel_dynamic_axis(%x: tensor<?x?xf32>, %s: tensor<4xf32>) -> tensor<?x?xi8> {
  %0 = tensorrt.quantize {axis = 0 : i32} in(%x : tensor<?x?xf32>) scale(%s : tensor<4xf32>) -> tensor<?x?xi8>
  return %0 : tensor<?x?xi8>
}
// CHECK-LABEL: func.func @quantize_per_channel_dynamic_axis
//  CHECK-NEXT:   tensorrt.quantize {axis = 0 : i32} in(%{{.+}} : tensor<?x?xf32>) scale(%{{.+}} : tensor<4xf32>) -> tensor<?x?xi8>

// -----

func.func @quantize_block_i4_rows(%w: tensor<64x32xbf16>, %s: tensor<4x32xbf16>) -> tensor<64x32xi4> {
  %0 = tensorrt.quantize in(%w : tensor<64x32xbf16>) scale(%s : tensor<4x32xbf16>) -> tensor<64x32xi4>
  return %0 : tensor<64x32xi4>
}
// CHECK-LABEL: func.func @quantize_block_i4_rows
//  CHECK-NEXT:   tensorrt.quantize in(%{{.+}} : tensor<64x32xbf16>) scale(%{{.+}} : tensor<4x32xbf16>) -> tensor<64x32xi4>

// -----

func.func @quantize_block_f8_last_dim(%w: tensor<2x8x64xf32>, %s: tensor<2x8x4xf32>) -> tensor<2x8x64xf8E4M3FN> {
  %0 = tensorrt.quantize in(%w : tensor<2x8x64xf32>) scale(%s : tensor<2x8x4xf32>) -> tensor<2x8x64xf8E4M3FN>
  return %0 : tensor<2x8x64xf8E4M3FN>
}
// CHECK-LABEL: func.func @quantize_block_f8_last_dim
//  CHECK-NEXT:   tensorrt.quantize in(%{{.+}} : tensor<2x8x64xf32>) scale(%{{.+}} : tensor<2x8x4xf32>) -> tensor<2x8x64xf8E4M3FN>

// -----

func.func @quantize_to_quant_uniform(%x: tensor<16x16xf32>, %s: tensor<f32>) -> tensor<16x16x!quant.uniform<i8:f32, 5.000000e-01>> {
  %0 = tensorrt.quantize in(%x : tensor<16x16xf32>) scale(%s : tensor<f32>) -> tensor<16x16x!quant.uniform<i8:f32, 5.000000e-01>>
  return %0 : tensor<16x16x!quant.uniform<i8:f32, 5.000000e-01>>
}
// CHECK-LABEL: func.func @quantize_to_quant_uniform
//  CHECK-NEXT:   tensorrt.quantize in(%{{.+}} : tensor<16x16xf32>) scale(%{{.+}} : tensor<f32>) -> tensor<16x16x!quant.uniform<i8:f32, 5.000000e-01>>

// -----

// A more precise result than the input is accepted.
func.func @quantize_refined_result(%x: tensor<?x8xf32>, %s: tensor<f32>) -> tensor<3x8xi8> {
  %0 = tensorrt.quantize in(%x : tensor<?x8xf32>) scale(%s : tensor<f32>) -> tensor<3x8xi8>
  return %0 : tensor<3x8xi8>
}
// CHECK-LABEL: func.func @quantize_refined_result
//  CHECK-NEXT:   tensorrt.quantize in(%{{.+}} : tensor<?x8xf32>) scale(%{{.+}} : tensor<f32>) -> tensor<3x8xi8>

// -----

func.func @quantize_generic_form(%x: tensor<4xf32>, %s: tensor<4xf32>) -> tensor<4xi8> {
  %0 = "tensorrt.quantize"(%x, %s) <{axis = 0 : i32}> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}
// CHECK-LABEL: func.func @quantize_generic_form
//  CHECK-NEXT:   tensorrt.quantize {axis = 0 : i32} in(%{{.+}} : tensor<4xf32>) scale(%{{.+}} : tensor<4xf32>) -> tensor<4xi8>
