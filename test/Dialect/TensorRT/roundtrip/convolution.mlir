// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.convolution: 1-D, 2-D and 3-D, kernel and bias as
// operands or attributes, groups, dilation and unknown sizes.

// -----

func.func @conv2d_bias(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>, %b: tensor<64xf32>) -> tensor<?x64x128x128xf32> {
  %0 = tensorrt.convolution {
    stride = array<i64: 1, 1>,
    pre_padding = array<i64: 1, 1>,
    post_padding = array<i64: 1, 1>
  } in(%x : tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) bias(%b : tensor<64xf32>) -> tensor<?x64x128x128xf32>
  return %0 : tensor<?x64x128x128xf32>
}
// CHECK-LABEL: func.func @conv2d_bias
//  CHECK-NEXT:   tensorrt.convolution {post_padding = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, stride = array<i64: 1, 1>} in(%{{.+}} : tensor<?x32x128x128xf32>) kernel(%{{.+}} : tensor<64x32x3x3xf32>) bias(%{{.+}} : tensor<64xf32>) -> tensor<?x64x128x128xf32>

// -----

func.func @conv1d(%x: tensor<1x4x10xf16>, %w: tensor<8x4x3xf16>) -> tensor<1x8x8xf16> {
  %0 = tensorrt.convolution {stride = array<i64: 1>, pre_padding = array<i64: 0>, post_padding = array<i64: 0>} in(%x : tensor<1x4x10xf16>) kernel(%w : tensor<8x4x3xf16>) -> tensor<1x8x8xf16>
  return %0 : tensor<1x8x8xf16>
}
// CHECK-LABEL: func.func @conv1d
//  CHECK-NEXT:   tensorrt.convolution {post_padding = array<i64: 0>, pre_padding = array<i64: 0>, stride = array<i64: 1>} in(%{{.+}} : tensor<1x4x10xf16>) kernel(%{{.+}} : tensor<8x4x3xf16>) -> tensor<1x8x8xf16>

// -----

func.func @conv3d_strided(%x: tensor<1x2x8x8x8xbf16>, %w: tensor<4x2x3x3x3xbf16>) -> tensor<1x4x4x4x4xbf16> {
  %0 = tensorrt.convolution {stride = array<i64: 2, 2, 2>, pre_padding = array<i64: 1, 1, 1>, post_padding = array<i64: 1, 1, 1>} in(%x : tensor<1x2x8x8x8xbf16>) kernel(%w : tensor<4x2x3x3x3xbf16>) -> tensor<1x4x4x4x4xbf16>
  return %0 : tensor<1x4x4x4x4xbf16>
}
// CHECK-LABEL: func.func @conv3d_strided
//  CHECK-NEXT:   tensorrt.convolution {{.*}} in(%{{.+}} : tensor<1x2x8x8x8xbf16>) kernel(%{{.+}} : tensor<4x2x3x3x3xbf16>) -> tensor<1x4x4x4x4xbf16>

// -----

func.func @conv_static_weights(%x: tensor<1x3x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %0 = tensorrt.convolution {
    stride = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, post_padding = array<i64: 0, 0>,
    kernelStatic = dense<1.0> : tensor<2x3x3x3xf32>,
    biasStatic = dense<0.5> : tensor<2xf32>
  } in(%x : tensor<1x3x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}
// CHECK-LABEL: func.func @conv_static_weights
//  CHECK-NEXT:   tensorrt.convolution {biasStatic = dense<5.000000e-01> : tensor<2xf32>, kernelStatic = dense<1.000000e+00> : tensor<2x3x3x3xf32>, {{.*}}} in(%{{.+}} : tensor<1x3x5x5xf32>) -> tensor<1x2x3x3xf32>

// -----

func.func @conv_depthwise(%x: tensor<?x32x128x128xf32>, %w: tensor<64x1x1x1xf32>, %b: tensor<64xf32>) -> tensor<?x64x130x130xf32> {
  %0 = tensorrt.convolution {
    stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>,
    dilation = array<i64: 1, 1>, num_groups = 32 : ui32
  } in(%x : tensor<?x32x128x128xf32>) kernel(%w: tensor<64x1x1x1xf32>) bias(%b : tensor<64xf32>) -> tensor<?x64x130x130xf32>
  return %0 : tensor<?x64x130x130xf32>
}
// CHECK-LABEL: func.func @conv_depthwise
//  CHECK-NEXT:   tensorrt.convolution {dilation = array<i64: 1, 1>, num_groups = 32 : ui32, {{.*}}} in(%{{.+}} : tensor<?x32x128x128xf32>) kernel(%{{.+}} : tensor<64x1x1x1xf32>) bias(%{{.+}} : tensor<64xf32>) -> tensor<?x64x130x130xf32>

// -----

func.func @conv_stride_dilation_padding(%x: tensor<?x32x128x128xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<?x64x66x66xf32> {
  %0 = tensorrt.convolution {
    stride = array<i64: 2, 2>, pre_padding = array<i64: 4, 4>, post_padding = array<i64: 4, 4>,
    dilation = array<i64: 2, 2>
  } in(%x : tensor<?x32x128x128xf32>) kernel(%w: tensor<64x32x3x3xf32>) -> tensor<?x64x66x66xf32>
  return %0 : tensor<?x64x66x66xf32>
}
// CHECK-LABEL: func.func @conv_stride_dilation_padding
//  CHECK-NEXT:   tensorrt.convolution {dilation = array<i64: 2, 2>, {{.*}}} in(%{{.+}} : tensor<?x32x128x128xf32>) kernel(%{{.+}} : tensor<64x32x3x3xf32>) -> tensor<?x64x66x66xf32>

// -----

// Unknown kernel sizes: the output channels come from the bias.
func.func @conv_all_unknown(%x: tensor<?x?x?x?xf32>, %w: tensor<?x?x?x?xf32>, %b: tensor<4xf32>) -> tensor<?x4x?x?xf32> {
  %0 = tensorrt.convolution {stride = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, post_padding = array<i64: 1, 1>} in(%x : tensor<?x?x?x?xf32>) kernel(%w: tensor<?x?x?x?xf32>) bias(%b: tensor<4xf32>) -> tensor<?x4x?x?xf32>
  return %0 : tensor<?x4x?x?xf32>
}
// CHECK-LABEL: func.func @conv_all_unknown
//  CHECK-NEXT:   tensorrt.convolution {{.*}} in(%{{.+}} : tensor<?x?x?x?xf32>) kernel(%{{.+}} : tensor<?x?x?x?xf32>) bias(%{{.+}} : tensor<4xf32>) -> tensor<?x4x?x?xf32>
