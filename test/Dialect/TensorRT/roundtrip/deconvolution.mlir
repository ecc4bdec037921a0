// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.deconvolution: 1-D, 2-D and 3-D, weights as
// operands or attributes, groups, stride, padding and dilation.

// -----

func.func @deconv2d_bias(%x: tensor<?x32x128x128xf32>, %w: tensor<32x64x3x3xf32>, %b: tensor<64xf32>) -> tensor<?x64x128x128xf32> {
  %0 = tensorrt.deconvolution {
    stride = array<i64: 1, 1>,
    pre_padding = array<i64: 1, 1>,
    post_padding = array<i64: 1, 1>
  } in(%x : tensor<?x32x128x128xf32>) kernelWeights(%w: tensor<32x64x3x3xf32>) biasWeights(%b : tensor<64xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}
// CHECK-LABEL: func.func @deconv2d_bias
//  CHECK-NEXT:   tensorrt.deconvolution {post_padding = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, stride = array<i64: 1, 1>} in(%{{.+}} : tensor<?x32x128x128xf32>) kernelWeights(%{{.+}} : tensor<32x64x3x3xf32>) biasWeights(%{{.+}} : tensor<64xf32>) -> tensor<?x64x128x128xf32>

// -----

func.func @deconv1d_strided(%x: tensor<1x4x5xf16>, %w: tensor<4x2x3xf16>) -> tensor<1x2x11xf16> {
  %0 = tensorrt.deconvolution {stride = array<i64: 2>, pre_padding = array<i64: 0>, post_padding = array<i64: 0>} in(%x : tensor<1x4x5xf16>) kernelWeights(%w : tensor<4x2x3xf16>) -> tensor<1x2x11xf16>
  return %0 : tensor<1x2x11xf16>
}
// CHECK-LABEL: func.func @deconv1d_strided
//  CHECK-NEXT:   tensorrt.deconvolution {post_padding = array<i64: 0>, pre_padding = array<i64: 0>, stride = array<i64: 2>} in(%{{.+}} : tensor<1x4x5xf16>) kernelWeights(%{{.+}} : tensor<4x2x3xf16>) -> tensor<1x2x11xf16>

// -----

func.func @deconv3d(%x: tensor<1x2x4x4x4xf32>, %w: tensor<2x3x2x2x2xf32>) -> tensor<1x3x8x8x8xf32> {
  %0 = tensorrt.deconvolution {stride = array<i64: 2, 2, 2>, pre_padding = array<i64: 0, 0, 0>, post_padding = array<i64: 0, 0, 0>} in(%x : tensor<1x2x4x4x4xf32>) kernelWeights(%w : tensor<2x3x2x2x2xf32>) -> tensor<1x3x8x8x8xf32>
  return %0 : tensor<1x3x8x8x8xf32>
}
// CHECK-LABEL: func.func @deconv3d
//  CHECK-NEXT:   tensorrt.deconvolution {{.*}} in(%{{.+}} : tensor<1x2x4x4x4xf32>) kernelWeights(%{{.+}} : tensor<2x3x2x2x2xf32>) -> tensor<1x3x8x8x8xf32>

// -----

func.func @deconv_groups(%x: tensor<?x?x128x128xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<?x192x128x128xf32> {
  %0 = tensorrt.deconvolution {num_groups = 3 : ui32, stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x?x128x128xf32>) kernelWeights(%w: tensor<32x64x3x3xf32>) -> tensor<?x192x128x128xf32>
  return %0 : tensor<?x192x128x128xf32>
}
// CHECK-LABEL: func.func @deconv_groups
//  CHECK-NEXT:   tensorrt.deconvolution {num_groups = 3 : ui32, {{.*}}} in(%{{.+}} : tensor<?x?x128x128xf32>) kernelWeights(%{{.+}} : tensor<32x64x3x3xf32>) -> tensor<?x192x128x128xf32>

// -----

func.func @deconv_static_weights(%x: tensor<1x4x5x5xf16>) -> tensor<1x2x7x7xf16> {
  %0 = tensorrt.deconvolution {
    stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>,
    kernelWeightsStatic = dense<1.0> : tensor<4x2x3x3xf16>,
    biasWeightsStatic = dense<0.0> : tensor<2xf16>
  } in(%x : tensor<1x4x5x5xf16>) -> tensor<1x2x7x7xf16>
  return %0 : tensor<1x2x7x7xf16>
}
// CHECK-LABEL: func.func @deconv_static_weights
//  CHECK-NEXT:   tensorrt.deconvolution {biasWeightsStatic = dense<0.000000e+00> : tensor<2xf16>, kernelWeightsStatic = dense<1.000000e+00> : tensor<4x2x3x3xf16>, {{.*}}} in(%{{.+}} : tensor<1x4x5x5xf16>) -> tensor<1x2x7x7xf16>

// -----

func.func @deconv_stride_padding_dilation(%x: tensor<4x4x5x5xf32>, %w: tensor<4x4x3x3xf32>, %b: tensor<4xf32>) -> tensor<4x4x21x23xf32> {
  %0 = tensorrt.deconvolution {
    stride = array<i64: 3, 3>, pre_padding = array<i64: 2, 1>, post_padding = array<i64: 2, 1>,
    dilation = array<i64: 6, 6>, num_groups = 1 : ui32
  } in(%x : tensor<4x4x5x5xf32>) kernelWeights(%w: tensor<4x4x3x3xf32>) biasWeights(%b : tensor<4xf32>) -> tensor<4x4x21x23xf32>
  return %0 : tensor<4x4x21x23xf32>
}
// CHECK-LABEL: func.func @deconv_stride_padding_dilation
//  CHECK-NEXT:   tensorrt.deconvolution {dilation = array<i64: 6, 6>, {{.*}}} in(%{{.+}} : tensor<4x4x5x5xf32>) kernelWeights(%{{.+}} : tensor<4x4x3x3xf32>) biasWeights(%{{.+}} : tensor<4xf32>) -> tensor<4x4x21x23xf32>
