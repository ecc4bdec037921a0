// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.dynamic_quantize (NVFP4 data, f8 block scales).

// -----

func.func @dynamic_quantize_last_axis(%x: tensor<2x32xf32>, %d: tensor<f32>) -> (tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>) {
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
  return %q, %s : tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
}
// CHECK-LABEL: func.func @dynamic_quantize_last_axis
//  CHECK-NEXT:   tensorrt.dynamic_quantize {axis = 1 : i32} in(%{{.+}} : tensor<2x32xf32>) double_quant_scale(%{{.+}} : tensor<f32>) -> tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>

// -----

func.func @dynamic_quantize_second_last_axis(%x: tensor<3x48x8xf16>, %d: tensor<f16>) -> (tensor<3x48x8xf4E2M1FN>, tensor<3x3x8xf8E4M3FN>) {
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32, block_size = 16 : i32} in(%x : tensor<3x48x8xf16>) double_quant_scale(%d : tensor<f16>) -> tensor<3x48x8xf4E2M1FN>, tensor<3x3x8xf8E4M3FN>
  return %q, %s : tensor<3x48x8xf4E2M1FN>, tensor<3x3x8xf8E4M3FN>
}
// CHECK-LABEL: func.func @dynamic_quantize_second_last_axis
//  CHECK-NEXT:   tensorrt.dynamic_quantize {axis = 1 : i32} in(%{{.+}} : tensor<3x48x8xf16>) double_quant_scale(%{{.+}} : tensor<f16>) -> tensor<3x48x8xf4E2M1FN>, tensor<3x3x8xf8E4M3FN>

// -----

func.func @dynamic_quantize_dynamic_dims(%x: tensor<?x?xbf16>, %d: tensor<f32>) -> (tensor<?x?xf4E2M1FN>, tensor<?x?xf8E4M3FN>) {
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<?x?xbf16>) double_quant_scale(%d : tensor<f32>) -> tensor<?x?xf4E2M1FN>, tensor<?x?xf8E4M3FN>
  return %q, %s : tensor<?x?xf4E2M1FN>, tensor<?x?xf8E4M3FN>
}
// CHECK-LABEL: func.func @dynamic_quantize_dynamic_dims
//  CHECK-NEXT:   tensorrt.dynamic_quantize {axis = 1 : i32} in(%{{.+}} : tensor<?x?xbf16>) double_quant_scale(%{{.+}} : tensor<f32>) -> tensor<?x?xf4E2M1FN>, tensor<?x?xf8E4M3FN>
