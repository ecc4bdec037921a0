// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.convolution.

// -----

func.func @conv_stride_entries(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected stride to have 2 entries (one per spatial dim), got 4}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1, 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_post_padding_entries(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected post_padding to have 2 entries (one per spatial dim), got 1}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_dilation_entries(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected dilation to have 2 entries (one per spatial dim), got 3}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, dilation = array<i64: 1, 1, 1>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_zero_stride(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected stride entries to be at least 1, got [1, 0]}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 0>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_negative_padding(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x124x124xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected pre_padding entries to be at least 0, got [-1, -1]}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: -1, -1>, post_padding = array<i64: 0, 0>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x124x124xf32>
  return %0 : tensor<?x64x124x124xf32>
}

// -----

func.func @conv_zero_dilation(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected dilation entries to be at least 1, got [0, 1]}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, dilation = array<i64: 0, 1>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_no_kernel(%x: tensor<?x32x128x128xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected a kernel operand or a kernelStatic attribute, got neither}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x: tensor<?x32x128x128xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_two_kernels(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected a kernel operand or a kernelStatic attribute, got both}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, kernelStatic = dense<0.1> : tensor<64x32x3x3xf32>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_two_biases(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>, %b: tensor<64xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected a bias operand or a biasStatic attribute, got both}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, biasStatic = dense<0.1> : tensor<64xf32>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) bias(%b: tensor<64xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_bias_rank(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>, %b: tensor<1x64x1x1xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected bias of shape [64] (one value per output channel), got 'tensor<1x64x1x1xf32>'}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) bias(%b: tensor<1x64x1x1xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_static_bias_size(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected biasStatic of shape [64] (one value per output channel), got 'tensor<32xf32>'}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, biasStatic = dense<0.0> : tensor<32xf32>} in(%x: tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_static_kernel_type(%x: tensor<1x3x5x5xf32>) -> tensor<1x2x3x3xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected kernelStatic of element type 'f32' (the input's), got 'f16'}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>, kernelStatic = dense<1.0> : tensor<2x3x3x3xf16>} in(%x : tensor<1x3x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

func.func @conv_kernel_rank(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected kernel of rank 4 (the input rank), got 'tensor<2x3x3xf32>'}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>} in(%x : tensor<1x3x5x5xf32>) kernel(%w : tensor<2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

func.func @conv_input_rank(%x: tensor<3x5xf32>, %w: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected input of rank 3, 4 or 5 ([N, C] and 1 to 3 spatial dims), got rank 2}}
  %0 = tensorrt.convolution {stride = array<i64>, pre_padding = array<i64>, post_padding = array<i64>} in(%x : tensor<3x5xf32>) kernel(%w : tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @conv_groups_do_not_divide(%x: tensor<?x8x128x128xf32>, %w: tensor<64x1x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected num_groups (16) to divide the input channels (8)}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, num_groups = 16 : ui32} in(%x : tensor<?x8x128x128xf32>) kernel(%w : tensor<64x1x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @conv_groups_output_channels(%x: tensor<?x32x128x128xf32>, %w: tensor<48x1x1x1xf32>) -> tensor<?x48x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected num_groups (32) to divide the output channels (48, kernel dimension 0)}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>, num_groups = 32 : ui32} in(%x : tensor<?x32x128x128xf32>) kernel(%w : tensor<48x1x1x1xf32>) -> tensor<?x48x128x128xf32>
  return %0 : tensor<?x48x128x128xf32>
}

// -----

func.func @conv_grouped_kernel_channels(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x1x1xf32>) -> tensor<?x64x130x130xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected kernel dimension 1 to be 1 (input channels / num_groups = 32 / 32), got 32}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, num_groups = 32 : ui32} in(%x : tensor<?x32x128x128xf32>) kernel(%w : tensor<64x32x1x1xf32>) -> tensor<?x64x130x130xf32>
  return %0 : tensor<?x64x130x130xf32>
}

// -----

func.func @conv_kernel_channels(%x: tensor<?x32x128x128xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<?x32x128x128xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected kernel dimension 1 to be 32 (input channels / num_groups = 32 / 1), got 64}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x32x128x128xf32>) kernel(%w : tensor<32x64x3x3xf32>) -> tensor<?x32x128x128xf32>
  return %0 : tensor<?x32x128x128xf32>
}

// -----

func.func @conv_zero_groups(%x: tensor<?x32x8x8xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x6x6xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected num_groups to be at least 1, got 0}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>, num_groups = 0 : ui32} in(%x : tensor<?x32x8x8xf32>) kernel(%w : tensor<64x32x3x3xf32>) -> tensor<?x64x6x6xf32>
  return %0 : tensor<?x64x6x6xf32>
}

// -----

func.func @conv_window_larger_than_input(%x: tensor<1x3x2x2xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected padded input size 2 along spatial dim 0 to be at least the dilated kernel window 3}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>} in(%x : tensor<1x3x2x2xf32>) kernel(%w : tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32>
  return %0 : tensor<1x4x1x1xf32>
}

// -----

func.func @conv_wrong_result(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>, %b: tensor<64xf32>) -> tensor<?x64x129x129xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected result type 'tensor<?x64x64x64xf32>' (inferred from the operands), got 'tensor<?x64x129x129xf32>'}}
  %0 = tensorrt.convolution {stride = array<i64: 2, 2>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) bias(%b : tensor<64xf32>) -> tensor<?x64x129x129xf32>
  return %0 : tensor<?x64x129x129xf32>
}

// -----

func.func @conv_wrong_result_dilation(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x129x129xf32> {
  // expected-error @below {{'tensorrt.convolution' op expected result type 'tensor<?x64x64x128xf32>' (inferred from the operands), got 'tensor<?x64x129x129xf32>'}}
  %0 = tensorrt.convolution {stride = array<i64: 2, 1>, pre_padding = array<i64: 2, 4>, post_padding = array<i64: 1, 2>, dilation = array<i64: 2, 3>} in(%x : tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x129x129xf32>
  return %0 : tensor<?x64x129x129xf32>
}

// -----

func.func @conv_mixed_element_types(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf16>) -> tensor<1x2x3x3xf32> {
  // expected-error @below {{'tensorrt.convolution' op requires the same element type for all operands and results}}
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>} in(%x : tensor<1x3x5x5xf32>) kernel(%w : tensor<2x3x3x3xf16>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}
