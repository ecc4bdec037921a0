// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.dynamic_quantize.

// -----

func.func @dynamic_quantize_block_size(%x: tensor<2x32xf32>, %d: tensor<f32>) -> (tensor<2x32xf4E2M1FN>, tensor<2x1xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op expected block_size 16, got 32}}
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32, block_size = 32 : i32} in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x32xf4E2M1FN>, tensor<2x1xf8E4M3FN>
  return %q, %s : tensor<2x32xf4E2M1FN>, tensor<2x1xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_leading_axis(%x: tensor<32x16x16xf32>, %d: tensor<f32>) -> (tensor<32x16x16xf4E2M1FN>, tensor<2x16x16xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op expected axis to be one of the last two dimensions (in [1, 3)), got 0}}
  %q, %s = tensorrt.dynamic_quantize {axis = 0 : i32} in(%x : tensor<32x16x16xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<32x16x16xf4E2M1FN>, tensor<2x16x16xf8E4M3FN>
  return %q, %s : tensor<32x16x16xf4E2M1FN>, tensor<2x16x16xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_axis_out_of_range(%x: tensor<2x32xf32>, %d: tensor<f32>) -> (tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op expected axis to be one of the last two dimensions (in [0, 2)), got 2}}
  %q, %s = tensorrt.dynamic_quantize {axis = 2 : i32} in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
  return %q, %s : tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_not_multiple(%x: tensor<2x24xf32>, %d: tensor<f32>) -> (tensor<2x24xf4E2M1FN>, tensor<2x1xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op expected dimension 1 of input (size 24) to be a multiple of the block size 16}}
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<2x24xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x24xf4E2M1FN>, tensor<2x1xf8E4M3FN>
  return %q, %s : tensor<2x24xf4E2M1FN>, tensor<2x1xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_scales_shape(%x: tensor<2x16x16x32xf32>, %d: tensor<f32>) -> (tensor<2x16x16x32xf4E2M1FN>, tensor<2x16x1x32xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op expected scales shape 2x16x16x2 (the input's with dimension 3 divided by the block size), got 2x16x1x32}}
  %q, %s = tensorrt.dynamic_quantize {axis = 3 : i32} in(%x : tensor<2x16x16x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x16x16x32xf4E2M1FN>, tensor<2x16x1x32xf8E4M3FN>
  return %q, %s : tensor<2x16x16x32xf4E2M1FN>, tensor<2x16x1x32xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_result_shape(%x: tensor<2x32xf32>, %d: tensor<f32>) -> (tensor<4x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op expected result shape 2x32 (that of the input), got 4x32}}
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<4x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
  return %q, %s : tensor<4x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_vector_double_scale(%x: tensor<2x32xf32>, %d: tensor<1xf32>) -> (tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op operand #1 must be 0D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1xf32>'}}
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<1xf32>) -> tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
  return %q, %s : tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_to_f8(%x: tensor<2x32xf32>, %d: tensor<f32>) -> (tensor<2x32xf8E4M3FN>, tensor<2x2xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of f4E2M1FN type values, but got 'tensor<2x32xf8E4M3FN>'}}
  %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32} in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x32xf8E4M3FN>, tensor<2x2xf8E4M3FN>
  return %q, %s : tensor<2x32xf8E4M3FN>, tensor<2x2xf8E4M3FN>
}

// -----

func.func @dynamic_quantize_missing_axis(%x: tensor<2x32xf32>, %d: tensor<f32>) -> (tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>) {
  // expected-error @below {{'tensorrt.dynamic_quantize' op requires attribute 'axis'}}
  %q, %s = tensorrt.dynamic_quantize in(%x : tensor<2x32xf32>) double_quant_scale(%d : tensor<f32>) -> tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
  return %q, %s : tensor<2x32xf4E2M1FN>, tensor<2x2xf8E4M3FN>
}
