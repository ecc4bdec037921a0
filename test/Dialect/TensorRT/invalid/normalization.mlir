// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.normalization.

// -----

func.func @norm_axis_out_of_range(%x: tensor<1x3x100x100xf16>, %s: tensor<1x3x1x1xf16>, %b: tensor<1x3x1x1xf16>) -> tensor<1x3x100x100xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected normalization axes in [0, 4), got 5}}
  %0 = tensorrt.normalization {axis = array<i64: 5>} (%x: tensor<1x3x100x100xf16>, %s: tensor<1x3x1x1xf16>, %b: tensor<1x3x1x1xf16>) -> tensor<1x3x100x100xf16>
  return %0 : tensor<1x3x100x100xf16>
}

// -----

func.func @norm_no_axis(%x: tensor<2x8xf32>, %s: tensor<1x8xf32>, %b: tensor<1x8xf32>) -> tensor<2x8xf32> {
  // expected-error @below {{'tensorrt.normalization' op expected at least one normalization axis}}
  %0 = tensorrt.normalization {axis = array<i64>} (%x: tensor<2x8xf32>, %s: tensor<1x8xf32>, %b: tensor<1x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @norm_axis_unsorted(%x: tensor<2x3x4xf32>, %s: tensor<1x3x4xf32>, %b: tensor<1x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error @below {{'tensorrt.normalization' op attribute 'axis' failed to satisfy constraint}}
  %0 = tensorrt.normalization {axis = array<i64: 2, 1>} (%x: tensor<2x3x4xf32>, %s: tensor<1x3x4xf32>, %b: tensor<1x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @norm_scale_rank(%x: tensor<4x16x64xf32>, %s: tensor<64xf32>, %b: tensor<1x1x64xf32>) -> tensor<4x16x64xf32> {
  // expected-error @below {{'tensorrt.normalization' op expected scale of rank 3 (the input rank), got rank 1}}
  %0 = tensorrt.normalization {axis = array<i64: 2>} (%x: tensor<4x16x64xf32>, %s: tensor<64xf32>, %b: tensor<1x1x64xf32>) -> tensor<4x16x64xf32>
  return %0 : tensor<4x16x64xf32>
}

// -----

func.func @norm_bias_not_broadcastable(%x: tensor<4x16x64xf32>, %s: tensor<1x1x64xf32>, %b: tensor<1x1x32xf32>) -> tensor<4x16x64xf32> {
  // expected-error @below {{'tensorrt.normalization' op expected bias to broadcast to the input shape 4x16x64, got 1x1x32}}
  %0 = tensorrt.normalization {axis = array<i64: 2>} (%x: tensor<4x16x64xf32>, %s: tensor<1x1x64xf32>, %b: tensor<1x1x32xf32>) -> tensor<4x16x64xf32>
  return %0 : tensor<4x16x64xf32>
}

// -----

func.func @norm_mixed_element_types(%x: tensor<4x16x64xf32>, %s: tensor<1x1x64xf16>, %b: tensor<1x1x64xf32>) -> tensor<4x16x64xf32> {
  // expected-error @below {{'tensorrt.normalization' op failed to verify that all of {input, scale, bias} have same element type}}
  %0 = tensorrt.normalization {axis = array<i64: 2>} (%x: tensor<4x16x64xf32>, %s: tensor<1x1x64xf16>, %b: tensor<1x1x64xf32>) -> tensor<4x16x64xf32>
  return %0 : tensor<4x16x64xf32>
}

// -----

func.func @norm_result_type(%x: tensor<4x16x64xf32>, %s: tensor<1x1x64xf32>, %b: tensor<1x1x64xf32>) -> tensor<4x16x64xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected result type 'tensor<4x16x64xf32>' (inferred from the operands), got 'tensor<4x16x64xf16>'}}
  %0 = tensorrt.normalization {axis = array<i64: 2>} (%x: tensor<4x16x64xf32>, %s: tensor<1x1x64xf32>, %b: tensor<1x1x64xf32>) -> tensor<4x16x64xf16>
  return %0 : tensor<4x16x64xf16>
}

// -----

func.func @batch_norm_wrong_scale(%x: tensor<2x3x2x2xf16>, %s: tensor<1x3x1x2xf16>, %b: tensor<1x3x1x1xf16>) -> tensor<2x3x2x2xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected scale of shape [1, C, 1, ...] for batch normalization (axis = [0]), got 1x3x1x2}}
  %0 = tensorrt.normalization {axis = array<i64: 0>} (%x: tensor<2x3x2x2xf16>, %s: tensor<1x3x1x2xf16>, %b: tensor<1x3x1x1xf16>) -> tensor<2x3x2x2xf16>
  return %0 : tensor<2x3x2x2xf16>
}

// -----

func.func @group_norm_groups_do_not_divide(%x: tensor<1x24x100x100xf16>, %s: tensor<1x5x1x1xf16>, %b: tensor<1x5x1x1xf16>) -> tensor<1x24x100x100xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected num_groups (5) to divide the number of channels (24)}}
  %0 = tensorrt.normalization {axis = array<i64: 2, 3>, num_groups = 5 : i32} (%x: tensor<1x24x100x100xf16>, %s: tensor<1x5x1x1xf16>, %b: tensor<1x5x1x1xf16>) -> tensor<1x24x100x100xf16>
  return %0 : tensor<1x24x100x100xf16>
}

// -----

func.func @group_norm_wrong_axis(%x: tensor<2x24x2x2xf16>, %s: tensor<1x4x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected axis to be every dimension after the channel dimension ([2, ..., 3]) for num_groups = 4, got [2]}}
  %0 = tensorrt.normalization {axis = array<i64: 2>, num_groups = 4 : i32} (%x: tensor<2x24x2x2xf16>, %s: tensor<1x4x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16>
  return %0 : tensor<2x24x2x2xf16>
}

// -----

func.func @group_norm_per_channel_scale(%x: tensor<2x24x2x2xf16>, %s: tensor<1x24x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected scale of shape [1, 4, 1, ...] (one value per group) for num_groups = 4, got 1x24x1x1}}
  %0 = tensorrt.normalization {axis = array<i64: 2, 3>, num_groups = 4 : i32} (%x: tensor<2x24x2x2xf16>, %s: tensor<1x24x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16>
  return %0 : tensor<2x24x2x2xf16>
}

// -----

func.func @group_norm_zero_groups(%x: tensor<2x24x2x2xf16>, %s: tensor<1x4x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected num_groups to be at least 1, got 0}}
  %0 = tensorrt.normalization {axis = array<i64: 2, 3>, num_groups = 0 : i32} (%x: tensor<2x24x2x2xf16>, %s: tensor<1x4x1x1xf16>, %b: tensor<1x4x1x1xf16>) -> tensor<2x24x2x2xf16>
  return %0 : tensor<2x24x2x2xf16>
}

// -----

func.func @instance_norm_partial_axes(%x: tensor<2x3x2x2x2xf16>, %s: tensor<1x3x1x1x1xf16>, %b: tensor<1x3x1x1x1xf16>) -> tensor<2x3x2x2x2xf16> {
  // expected-error @below {{'tensorrt.normalization' op expected axis [2, ..., 4] for instance normalization (per-channel scale and bias over several axes), got [2, 3]}}
  %0 = tensorrt.normalization {axis = array<i64: 2, 3>} (%x: tensor<2x3x2x2x2xf16>, %s: tensor<1x3x1x1x1xf16>, %b: tensor<1x3x1x1x1xf16>) -> tensor<2x3x2x2x2xf16>
  return %0 : tensor<2x3x2x2x2xf16>
}

// -----

func.func @norm_integer_input(%x: tensor<2x8xi32>, %s: tensor<1x8xi32>, %b: tensor<1x8xi32>) -> tensor<2x8xi32> {
  // expected-error @below {{'tensorrt.normalization' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 16-bit float or bfloat16 type or 32-bit float values, but got 'tensor<2x8xi32>'}}
  %0 = tensorrt.normalization {axis = array<i64: 1>} (%x: tensor<2x8xi32>, %s: tensor<1x8xi32>, %b: tensor<1x8xi32>) -> tensor<2x8xi32>
  return %0 : tensor<2x8xi32>
}
