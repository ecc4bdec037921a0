// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s
// RUN: kiln-opt %s -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// NCHW with OIHW filters needs no transposes.
// ROUNDTRIP-LABEL: func.func @nchw
//       ROUNDTRIP:   stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [1, 1], pad = {{\[\[1, 1\], \[1, 1\]\]}}, lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
// CHECK-LABEL: func.func @nchw
//       CHECK:   %[[C:.*]] = tensorrt.convolution {dilation = array<i64: 1, 1>, post_padding = array<i64: 1, 1>, pre_padding = array<i64: 1, 1>, stride = array<i64: 1, 1>} in(%arg0 : tensor<1x3x8x8xf32>) kernel(%arg1 : tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
//  CHECK-NEXT:   return %[[C]]
func.func @nchw(%arg0: tensor<1x3x8x8xf32>, %arg1: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// NHWC with HWIO filters, stride 2, dilation 2 and 2 groups: transposes in
// and out.
// ROUNDTRIP-LABEL: func.func @nhwc
//       ROUNDTRIP:   dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], rhs_dilate = [2, 2]}
// CHECK-LABEL: func.func @nhwc
//       CHECK:   %[[X:.*]] = tensorrt.transpose {{.*}}%arg0 : tensor<2x9x9x4xf32> to tensor<2x4x9x9xf32>
//       CHECK:   %[[W:.*]] = tensorrt.transpose {{.*}}%arg1 : tensor<3x3x2x6xf32> to tensor<6x2x3x3xf32>
//       CHECK:   %[[C:.*]] = tensorrt.convolution {dilation = array<i64: 2, 2>, num_groups = 2 : ui32, post_padding = array<i64: 0, 0>, pre_padding = array<i64: 0, 0>, stride = array<i64: 2, 2>} in(%[[X]] : tensor<2x4x9x9xf32>) kernel(%[[W]] : tensor<6x2x3x3xf32>) -> tensor<2x6x3x3xf32>
//       CHECK:   tensorrt.transpose {{.*}}%[[C]] : tensor<2x6x3x3xf32> to tensor<2x3x3x6xf32>
func.func @nhwc(%x: tensor<2x9x9x4xf32>, %w: tensor<3x3x2x6xf32>) -> tensor<2x3x3x6xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x9x9x4xf32>, tensor<3x3x2x6xf32>) -> tensor<2x3x3x6xf32>
  return %0 : tensor<2x3x3x6xf32>
}
