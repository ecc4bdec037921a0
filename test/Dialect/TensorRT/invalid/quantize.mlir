// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.quantize.

// -----

func.func @quantize_axis_with_scalar_scale(%x: tensor<4x8xf32>, %s: tensor<f32>) -> tensor<4x8xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected a 1-D scale for per-channel quantization (axis is set), got a scale of rank 0}}
  %0 = tensorrt.quantize {axis = 0 : i32} in(%x : tensor<4x8xf32>) scale(%s : tensor<f32>) -> tensor<4x8xi8>
  return %0 : tensor<4x8xi8>
}

// -----

func.func @quantize_axis_too_large(%x: tensor<10x10xf32>, %s: tensor<10xf32>) -> tensor<10x10xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected axis to be in [0, 2), got 2}}
  %0 = tensorrt.quantize {axis = 2 : i32} in(%x : tensor<10x10xf32>) scale(%s : tensor<10xf32>) -> tensor<10x10xi8>
  return %0 : tensor<10x10xi8>
}

// -----

func.func @quantize_axis_negative(%x: tensor<10x10xf32>, %s: tensor<10xf32>) -> tensor<10x10xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected axis to be in [0, 2), got -1}}
  %0 = tensorrt.quantize {axis = -1 : i32} in(%x : tensor<10x10xf32>) scale(%s : tensor<10xf32>) -> tensor<10x10xi8>
  return %0 : tensor<10x10xi8>
}

// -----

func.func @quantize_channel_count(%x: tensor<10x10xf32>, %s: tensor<11xf32>) -> tensor<10x10xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected scale to have 10 entries (dimension 1 of input), got 11}}
  %0 = tensorrt.quantize {axis = 1 : i32} in(%x : tensor<10x10xf32>) scale(%s : tensor<11xf32>) -> tensor<10x10xi8>
  return %0 : tensor<10x10xi8>
}

// -----

func.func @quantize_vector_scale_without_axis(%x: tensor<10x10xf32>, %s: tensor<10xf32>) -> tensor<10x10xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected axis for a 1-D scale (per-channel quantization)}}
  %0 = tensorrt.quantize in(%x : tensor<10x10xf32>) scale(%s : tensor<10xf32>) -> tensor<10x10xi8>
  return %0 : tensor<10x10xi8>
}

// -----

func.func @quantize_scale_rank(%x: tensor<4x8xf32>, %s: tensor<1x4x8xf32>) -> tensor<4x8xi4> {
  // expected-error @below {{'tensorrt.quantize' op expected scale of rank 0 (per-tensor quantization) or 2 (block quantization), got rank 3}}
  %0 = tensorrt.quantize in(%x : tensor<4x8xf32>) scale(%s : tensor<1x4x8xf32>) -> tensor<4x8xi4>
  return %0 : tensor<4x8xi4>
}

// -----

func.func @quantize_block_to_i8(%x: tensor<10x10xf32>, %s: tensor<2x10xf32>) -> tensor<10x10xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected i4, f4E2M1FN or f8E4M3FN result for block quantization, got 'i8'}}
  %0 = tensorrt.quantize in(%x : tensor<10x10xf32>) scale(%s : tensor<2x10xf32>) -> tensor<10x10xi8>
  return %0 : tensor<10x10xi8>
}

// -----

func.func @quantize_block_two_dims(%x: tensor<16x16xf32>, %s: tensor<4x8xf32>) -> tensor<16x16xi4> {
  // expected-error @below {{'tensorrt.quantize' op expected block scale to differ from the input in at most one dimension, got scale 4x8 for input 16x16}}
  %0 = tensorrt.quantize in(%x : tensor<16x16xf32>) scale(%s : tensor<4x8xf32>) -> tensor<16x16xi4>
  return %0 : tensor<16x16xi4>
}

// -----

func.func @quantize_block_leading_dim(%x: tensor<4x16x16xf32>, %s: tensor<2x16x16xf32>) -> tensor<4x16x16xi4> {
  // expected-error @below {{'tensorrt.quantize' op expected the blocked dimension to be one of the last two, got dimension 0 of 3}}
  %0 = tensorrt.quantize in(%x : tensor<4x16x16xf32>) scale(%s : tensor<2x16x16xf32>) -> tensor<4x16x16xi4>
  return %0 : tensor<4x16x16xi4>
}

// -----

func.func @quantize_block_not_multiple(%x: tensor<10x8xf16>, %s: tensor<3x8xf16>) -> tensor<10x8xi4> {
  // expected-error @below {{'tensorrt.quantize' op expected input size 10 of blocked dimension 0 to be a multiple of the scale size 3}}
  %0 = tensorrt.quantize in(%x : tensor<10x8xf16>) scale(%s : tensor<3x8xf16>) -> tensor<10x8xi4>
  return %0 : tensor<10x8xi4>
}

// -----

func.func @quantize_result_shape(%x: tensor<10x10xf32>, %s: tensor<f32>) -> tensor<5x10xi8> {
  // expected-error @below {{'tensorrt.quantize' op expected result shape 10x10 (that of the input), got 5x10}}
  %0 = tensorrt.quantize in(%x : tensor<10x10xf32>) scale(%s : tensor<f32>) -> tensor<5x10xi8>
  return %0 : tensor<5x10xi8>
}

// -----

func.func @quantize_result_rank(%x: tensor<10x10xf32>, %s: tensor<f32>) -> tensor<100xi8> {
  // expected-error @below {{'tensorrt.quantize' op failed to verify that all of {input, result} have same rank}}
  %0 = tensorrt.quantize in(%x : tensor<10x10xf32>) scale(%s : tensor<f32>) -> tensor<100xi8>
  return %0 : tensor<100xi8>
}

// -----

func.func @quantize_integer_input(%x: tensor<4xi32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @below {{'tensorrt.quantize' op operand #0 must be 1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = tensorrt.quantize in(%x : tensor<4xi32>) scale(%s : tensor<f32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @quantize_scalar_input(%x: tensor<f32>, %s: tensor<f32>) -> tensor<i8> {
  // expected-error @below {{'tensorrt.quantize' op operand #0 must be 1D/2D/3D/4D/5D/6D/7D/8D tensor}}
  %0 = tensorrt.quantize in(%x : tensor<f32>) scale(%s : tensor<f32>) -> tensor<i8>
  return %0 : tensor<i8>
}

// -----

func.func @quantize_integer_scale(%x: tensor<4xf32>, %s: tensor<i32>) -> tensor<4xi8> {
  // expected-error @below {{'tensorrt.quantize' op operand #1 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<i32>'}}
  %0 = tensorrt.quantize in(%x : tensor<4xf32>) scale(%s : tensor<i32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @quantize_to_float(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf16> {
  // expected-error @below {{'tensorrt.quantize' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.quantize in(%x : tensor<4xf32>) scale(%s : tensor<f32>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @quantize_to_fp4(%x: tensor<4x32xf32>, %s: tensor<4x2xf32>) -> tensor<4x32xf4E2M1FN> {
  // expected-error @below {{'tensorrt.quantize' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.quantize in(%x : tensor<4x32xf32>) scale(%s : tensor<4x2xf32>) -> tensor<4x32xf4E2M1FN>
  return %0 : tensor<4x32xf4E2M1FN>
}

// -----

func.func @quantize_nonzero_zero_point(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4x!quant.uniform<i8:f32, 1.0:3>> {
  // expected-error @below {{'tensorrt.quantize' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.quantize in(%x : tensor<4xf32>) scale(%s : tensor<f32>) -> tensor<4x!quant.uniform<i8:f32, 1.0:3>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 1.0:3>>
}
