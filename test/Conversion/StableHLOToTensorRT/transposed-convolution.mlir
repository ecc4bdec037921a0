// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// `lax.conv_transpose` (NHWC, stride 2, SAME): the dilated input's
// convolution is a deconvolution with stride 2, pre = k - 1 - low = 0 and
// post = k - 1 - high = 1; the kernel is reversed and goes from
// [O, I, kh, kw] to [I, O, kh, kw].
// CHECK-LABEL: func.func @nhwc_same
//       CHECK:   %[[X:.*]] = tensorrt.transpose {{.*}}%arg0 : tensor<1x5x5x3xf32> to tensor<1x3x5x5xf32>
//       CHECK:   %[[W:.*]] = tensorrt.transpose {{.*}}%arg1 : tensor<3x3x3x4xf32> to tensor<4x3x3x3xf32>
//       CHECK:   %[[F:.*]] = tensorrt.slice %[[W]][0, 0, 2, 2][4, 3, 3, 3][1, 1, -1, -1] : tensor<4x3x3x3xf32> to tensor<4x3x3x3xf32>
//       CHECK:   %[[G:.*]] = tensorrt.reshape %[[F]] : tensor<4x3x3x3xf32> to tensor<1x4x3x3x3xf32>
//       CHECK:   %[[T:.*]] = tensorrt.transpose {{.*}}%[[G]] : tensor<1x4x3x3x3xf32> to tensor<1x3x4x3x3xf32>
//       CHECK:   %[[K:.*]] = tensorrt.reshape %[[T]] : tensor<1x3x4x3x3xf32> to tensor<3x4x3x3xf32>
//       CHECK:   %[[D:.*]] = tensorrt.deconvolution {dilation = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, pre_padding = array<i64: 0, 0>, stride = array<i64: 2, 2>} in(%[[X]] : tensor<1x3x5x5xf32>) kernelWeights(%[[K]] : tensor<3x4x3x3xf32>) -> tensor<1x4x10x10xf32>
//       CHECK:   tensorrt.transpose {{.*}}%[[D]] : tensor<1x4x10x10xf32> to tensor<1x10x10x4xf32>
func.func @nhwc_same(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>) -> tensor<1x10x10x4xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[2, 1], [2, 1]], lhs_dilate = [2, 2], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x10x10x4xf32>
  return %0 : tensor<1x10x10x4xf32>
}

// -----

// A reversed window needs no flip; padding beyond the kernel's reach
// (pre = 2 - 3 < 0) and a window stride of 2 become one fill slice after
// the deconvolution. Two groups: [O, I/G] = [4, 1] regroups to
// [I, O/G] = [2, 2].
// CHECK-LABEL: func.func @reversed_groups
//   CHECK-NOT:   -1]
//       CHECK:   %[[G:.*]] = tensorrt.reshape %arg1 : tensor<4x1x3xf32> to tensor<2x2x1x3xf32>
//       CHECK:   %[[T:.*]] = tensorrt.transpose {{.*}}%[[G]] : tensor<2x2x1x3xf32> to tensor<2x1x2x3xf32>
//       CHECK:   %[[K:.*]] = tensorrt.reshape %[[T]] : tensor<2x1x2x3xf32> to tensor<2x2x3xf32>
//       CHECK:   %[[D:.*]] = tensorrt.deconvolution {dilation = array<i64: 1>, num_groups = 2 : ui32, post_padding = array<i64: 1>, pre_padding = array<i64: 0>, stride = array<i64: 2>} in(%arg0 : tensor<1x2x5xf32>) kernelWeights(%[[K]] : tensor<2x2x3xf32>) -> tensor<1x4x10xf32>
//       CHECK:   %[[S:.*]] = tensorrt.slice %[[D]][0, 0, -1][1, 4, 6][1, 1, 2] {mode = #tensorrt.slice_mode<kFILL>} : tensor<1x4x10xf32> to tensor<1x4x6xf32>
//  CHECK-NEXT:   return %[[S]]
func.func @reversed_groups(%x: tensor<1x2x5xf32>, %w: tensor<4x1x3xf32>) -> tensor<1x4x6xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {stride = [2], pad = [[3, 1]], lhs_dilate = [2], rhs_dilate = [1], reverse = [true]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x2x5xf32>, tensor<4x1x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

// bf16 runs the deconvolution in f32.
// CHECK-LABEL: func.func @bf16
//       CHECK:   %[[X:.*]] = tensorrt.cast %arg0 : tensor<1x2x3xbf16> to tensor<1x2x3xf32>
//       CHECK:   tensorrt.cast %arg1 : tensor<2x2x2xbf16> to tensor<2x2x2xf32>
//       CHECK:   %[[D:.*]] = tensorrt.deconvolution {dilation = array<i64: 1>, post_padding = array<i64: 0>, pre_padding = array<i64: 0>, stride = array<i64: 2>} in(%[[X]] : tensor<1x2x3xf32>) kernelWeights(%{{.*}} : tensor<2x2x2xf32>) -> tensor<1x2x6xf32>
//       CHECK:   tensorrt.cast %[[D]] : tensor<1x2x6xf32> to tensor<1x2x6xbf16>
func.func @bf16(%x: tensor<1x2x3xbf16>, %w: tensor<2x2x2xbf16>) -> tensor<1x2x6xbf16> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {stride = [1], pad = [[1, 1]], lhs_dilate = [2], rhs_dilate = [1], reverse = [false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x2x3xbf16>, tensor<2x2x2xbf16>) -> tensor<1x2x6xbf16>
  return %0 : tensor<1x2x6xbf16>
}

// -----

// Without input dilation: a reversed window reverses the kernel, and
// negative padding crops the input before the convolution.
// CHECK-LABEL: func.func @reversed_cropped
//       CHECK:   %[[X:.*]] = tensorrt.slice %arg0[0, 0, 1][1, 2, 7][1, 1, 1] {mode = #tensorrt.slice_mode<kFILL>} : tensor<1x2x8xf32> to tensor<1x2x7xf32>
//       CHECK:   %[[W:.*]] = tensorrt.slice %arg1[0, 0, 2][3, 2, 3][1, 1, -1] : tensor<3x2x3xf32> to tensor<3x2x3xf32>
//       CHECK:   tensorrt.convolution {dilation = array<i64: 1>, post_padding = array<i64: 0>, pre_padding = array<i64: 0>, stride = array<i64: 1>} in(%[[X]] : tensor<1x2x7xf32>) kernel(%[[W]] : tensor<3x2x3xf32>) -> tensor<1x3x5xf32>
func.func @reversed_cropped(%x: tensor<1x2x8xf32>, %w: tensor<3x2x3xf32>) -> tensor<1x3x5xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {stride = [1], pad = [[-1, 0]], lhs_dilate = [1], rhs_dilate = [1], reverse = [true]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x2x8xf32>, tensor<3x2x3xf32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

// batch_group_count 2: the two halves of the batch become two feature
// groups of one batch half as large.
// CHECK-LABEL: func.func @batch_groups
//       CHECK:   %[[S:.*]] = tensorrt.reshape %arg0 : tensor<4x3x7xf32> to tensor<2x2x3x7xf32>
//       CHECK:   %[[T:.*]] = tensorrt.transpose {permutation = affine_map<(d0, d1, d2, d3) -> (d1, d0, d2, d3)>} %[[S]]
//       CHECK:   %[[X:.*]] = tensorrt.reshape %[[T]] : tensor<2x2x3x7xf32> to tensor<2x6x7xf32>
//       CHECK:   tensorrt.convolution {dilation = array<i64: 1>, num_groups = 2 : ui32, post_padding = array<i64: 0>, pre_padding = array<i64: 0>, stride = array<i64: 1>} in(%[[X]] : tensor<2x6x7xf32>) kernel(%arg1 : tensor<6x3x3xf32>) -> tensor<2x6x5xf32>
func.func @batch_groups(%x: tensor<4x3x7xf32>, %w: tensor<6x3x3xf32>) -> tensor<2x6x5xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {stride = [1], pad = [[0, 0]], lhs_dilate = [1], rhs_dilate = [1], reverse = [false]} {batch_group_count = 2 : i64, feature_group_count = 1 : i64} : (tensor<4x3x7xf32>, tensor<6x3x3xf32>) -> tensor<2x6x5xf32>
  return %0 : tensor<2x6x5xf32>
}
