// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.deconvolution.

// -----

func.func @deconv_no_kernel(%x: tensor<?x32x128x128xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected a kernelWeights operand or a kernelWeightsStatic attribute, got neither}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x32x128x128xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @deconv_two_kernels(%x: tensor<?x32x128x128xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected a kernelWeights operand or a kernelWeightsStatic attribute, got both}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, kernelWeightsStatic = dense<0.1> : tensor<32x64x3x3xf32>} in(%x : tensor<?x32x128x128xf32>) kernelWeights(%w : tensor<32x64x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @deconv_bias_rank(%x: tensor<?x32x128x128xf32>, %w: tensor<32x64x3x3xf32>, %b: tensor<1x64x1x1xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected biasWeights of shape [64] (one value per output channel), got 'tensor<1x64x1x1xf32>'}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x32x128x128xf32>) kernelWeights(%w : tensor<32x64x3x3xf32>) biasWeights(%b : tensor<1x64x1x1xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @deconv_groups_do_not_divide(%x: tensor<?x8x128x128xf32>, %w: tensor<8x64x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected num_groups (16) to divide the input channels (8)}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, num_groups = 16 : ui32} in(%x : tensor<?x8x128x128xf32>) kernelWeights(%w : tensor<8x64x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @deconv_kernel_input_channels(%x: tensor<?x16x128x128xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected kernel dimension 0 to be 16 (the input channels), got 32}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x16x128x128xf32>) kernelWeights(%w : tensor<32x64x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @deconv_dilation_entries(%x: tensor<?x32x128x128xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<?x64x128x128xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected dilation to have 2 entries (one per spatial dim), got 3}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, dilation = array<i64: 1, 1, 1>} in(%x : tensor<?x32x128x128xf32>) kernelWeights(%w : tensor<32x64x3x3xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}

// -----

func.func @deconv_padding_removes_output(%x: tensor<1x1x1x1xf32>, %w: tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected a positive output size along spatial dim 0, got -1 (padding 2 removes the whole output)}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<1x1x1x1xf32>) kernelWeights(%w : tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}

// -----

func.func @deconv_wrong_result_stride(%x: tensor<?x32x128x128xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<?x64x129x129xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected result type 'tensor<?x64x255x255xf32>' (inferred from the operands), got 'tensor<?x64x129x129xf32>'}}
  %0 = tensorrt.deconvolution {stride = array<i64: 2, 2>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x32x128x128xf32>) kernelWeights(%w : tensor<32x64x3x3xf32>) -> tensor<?x64x129x129xf32>
  return %0 : tensor<?x64x129x129xf32>
}

// -----

func.func @deconv_wrong_result_groups(%x: tensor<?x32x128x128xf32>, %w: tensor<32x2x1x1xf32>) -> tensor<?x2x126x126xf32> {
  // expected-error @below {{'tensorrt.deconvolution' op expected result type 'tensor<?x64x126x126xf32>' (inferred from the operands), got 'tensor<?x2x126x126xf32>'}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, num_groups = 32 : ui32} in(%x : tensor<?x32x128x128xf32>) kernelWeights(%w : tensor<32x2x1x1xf32>) -> tensor<?x2x126x126xf32>
  return %0 : tensor<?x2x126x126xf32>
}

// -----

func.func @deconv_bf16(%x: tensor<1x4x5x5xbf16>, %w: tensor<4x2x3x3xbf16>) -> tensor<1x2x7x7xbf16> {
  // expected-error @below {{'tensorrt.deconvolution' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of TensorRT int8 element or 16-bit float or 32-bit float values, but got 'tensor<1x4x5x5xbf16>'}}
  %0 = tensorrt.deconvolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>} in(%x : tensor<1x4x5x5xbf16>) kernelWeights(%w : tensor<4x2x3x3xbf16>) -> tensor<1x2x7x7xbf16>
  return %0 : tensor<1x2x7x7xbf16>
}
