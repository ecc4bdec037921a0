// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// `jnp.cumsum`: a full-length window padded in front is an average pooling
// (padding counted) times the window size.
// CHECK-LABEL: func.func @cumsum
//       CHECK:   %[[X:.*]] = tensorrt.reshape %arg0 : tensor<6xf32> to tensor<1x1x6xf32>
//       CHECK:   %[[P:.*]] = tensorrt.pooling {averageCountExcludesPadding = false, poolingType = #tensorrt.pooling_type<kAVERAGE>, postPadding = array<i64: 0>, prePadding = array<i64: 5>, stride = array<i64: 1>, windowSize = array<i64: 6>} ins(%[[X]] : tensor<1x1x6xf32>) -> tensor<1x1x6xf32>
//       CHECK:   %[[N:.*]] = tensorrt.constant dense<6.000000e+00> : tensor<1x1x1xf32>
//       CHECK:   %[[S:.*]] = tensorrt.element_wise <kPROD>(%[[P]], %[[N]]
//       CHECK:   tensorrt.reshape %[[S]] : tensor<1x1x6xf32> to tensor<6xf32>
func.func @cumsum(%arg0: tensor<6xf32>) -> tensor<6xf32> {
  %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<f32>
  %1 = "stablehlo.reduce_window"(%arg0, %0) <{base_dilations = array<i64: 1>, padding = dense<[[5, 0]]> : tensor<1x2xi64>, window_dilations = array<i64: 1>, window_dimensions = array<i64: 6>, window_strides = array<i64: 1>}> ({
  ^bb0(%arg1: tensor<f32>, %arg2: tensor<f32>):
    %2 = stablehlo.add %arg1, %arg2 : tensor<f32>
    stablehlo.return %2 : tensor<f32>
  }) : (tensor<6xf32>, tensor<f32>) -> tensor<6xf32>
  return %1 : tensor<6xf32>
}

// -----

// NHWC max pooling: H and W become the spatial dimensions after N and C.
// CHECK-LABEL: func.func @max_pool_nhwc
//       CHECK:   %[[T:.*]] = tensorrt.transpose {{.*}}%arg0 : tensor<2x8x8x3xf32> to tensor<2x3x8x8xf32>
//       CHECK:   %[[X:.*]] = tensorrt.reshape %[[T]] : tensor<2x3x8x8xf32> to tensor<1x6x8x8xf32>
//       CHECK:   %[[P:.*]] = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, postPadding = array<i64: 0, 0>, prePadding = array<i64: 0, 0>, stride = array<i64: 2, 2>, windowSize = array<i64: 2, 2>} ins(%[[X]] : tensor<1x6x8x8xf32>) -> tensor<1x6x4x4xf32>
//       CHECK:   %[[R:.*]] = tensorrt.reshape %[[P]] : tensor<1x6x4x4xf32> to tensor<2x3x4x4xf32>
//       CHECK:   tensorrt.transpose {{.*}}%[[R]] : tensor<2x3x4x4xf32> to tensor<2x4x4x3xf32>
func.func @max_pool_nhwc(%x: tensor<2x8x8x3xf32>) -> tensor<2x4x4x3xf32> {
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %ninf) <{window_dimensions = array<i64: 1, 2, 2, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<2x8x8x3xf32>, tensor<f32>) -> tensor<2x4x4x3xf32>
  return %0 : tensor<2x4x4x3xf32>
}
