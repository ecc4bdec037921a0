// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.dequantize.

// -----

func.func @dequantize_axis_too_large(%q: tensor<10x10xi8>, %s: tensor<10xf32>) -> tensor<10x10xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected axis to be in [0, 2), got 3}}
  %0 = tensorrt.dequantize {axis = 3 : i32} in(%q : tensor<10x10xi8>) scale(%s : tensor<10xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}

// -----

func.func @dequantize_channel_count(%q: tensor<10x10xi8>, %s: tensor<11xf32>) -> tensor<10x10xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected scale to have 10 entries (dimension 0 of input), got 11}}
  %0 = tensorrt.dequantize {axis = 0 : i32} in(%q : tensor<10x10xi8>) scale(%s : tensor<11xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}

// -----

func.func @dequantize_vector_scale_without_axis(%q: tensor<10x10xi8>, %s: tensor<2xf32>) -> tensor<10x10xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected axis for a 1-D scale (per-channel dequantization)}}
  %0 = tensorrt.dequantize in(%q : tensor<10x10xi8>) scale(%s : tensor<2xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}

// -----

func.func @dequantize_axis_with_block_scale(%q: tensor<8x8xi4>, %s: tensor<2x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected a 1-D scale for per-channel dequantization (axis is set), got a scale of rank 2}}
  %0 = tensorrt.dequantize {axis = 0 : i32} in(%q : tensor<8x8xi4>) scale(%s : tensor<2x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

func.func @dequantize_scale_rank_1d_input(%q: tensor<8xi8>, %s: tensor<2x4xf32>) -> tensor<8xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected scale of rank 0 (per-tensor dequantization), got rank 2}}
  %0 = tensorrt.dequantize in(%q : tensor<8xi8>) scale(%s : tensor<2x4xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @dequantize_block_from_i8(%q: tensor<10x10xi8>, %s: tensor<2x10xf32>) -> tensor<10x10xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected i4, f4E2M1FN or f8E4M3FN input for block dequantization, got 'i8'}}
  %0 = tensorrt.dequantize in(%q : tensor<10x10xi8>) scale(%s : tensor<2x10xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}

// -----

func.func @dequantize_block_not_multiple(%q: tensor<4x30xf4E2M1FN>, %s: tensor<4x4xf32>) -> tensor<4x30xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected input size 30 of blocked dimension 1 to be a multiple of the scale size 4}}
  %0 = tensorrt.dequantize in(%q : tensor<4x30xf4E2M1FN>) scale(%s : tensor<4x4xf32>) -> tensor<4x30xf32>
  return %0 : tensor<4x30xf32>
}

// -----

func.func @dequantize_block_larger_scale(%q: tensor<4x8xi4>, %s: tensor<8x8xf32>) -> tensor<4x8xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected input size 4 of blocked dimension 0 to be a multiple of the scale size 8}}
  %0 = tensorrt.dequantize in(%q : tensor<4x8xi4>) scale(%s : tensor<8x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @dequantize_result_shape(%q: tensor<10x10xi8>, %s: tensor<f32>) -> tensor<10x5xf32> {
  // expected-error @below {{'tensorrt.dequantize' op expected result shape 10x10 (that of the input), got 10x5}}
  %0 = tensorrt.dequantize in(%q : tensor<10x10xi8>) scale(%s : tensor<f32>) -> tensor<10x5xf32>
  return %0 : tensor<10x5xf32>
}

// -----

func.func @dequantize_scalar_input(%q: tensor<i8>, %s: tensor<f16>) -> tensor<f16> {
  // expected-error @below {{'tensorrt.dequantize' op operand #0 must be 1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.dequantize in(%q : tensor<i8>) scale(%s : tensor<f16>) -> tensor<f16>
  return %0 : tensor<f16>
}

// -----

func.func @dequantize_float_input(%q: tensor<4xf16>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.dequantize' op operand #0 must be 1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.dequantize in(%q : tensor<4xf16>) scale(%s : tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @dequantize_to_integer(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xi32> {
  // expected-error @below {{'tensorrt.dequantize' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = tensorrt.dequantize in(%q : tensor<4xi8>) scale(%s : tensor<f32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @dequantize_unsigned_storage(%q: tensor<4x!quant.uniform<u8:f32, 1.0>>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.dequantize' op operand #0 must be 1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.dequantize in(%q : tensor<4x!quant.uniform<u8:f32, 1.0>>) scale(%s : tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @dequantize_f64_scale(%q: tensor<4xi8>, %s: tensor<f64>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.dequantize' op operand #1 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<f64>'}}
  %0 = tensorrt.dequantize in(%q : tensor<4xi8>) scale(%s : tensor<f64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
