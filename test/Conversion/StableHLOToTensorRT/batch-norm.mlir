// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// batch_norm_inference: (x - mean) * (scale / sqrt(variance + epsilon)) +
// offset, the factor computed on the 1-D parameters, each parameter
// reshaped to broadcast along the feature dimension.

// CHECK-LABEL: func.func @batch_norm_inference
//       CHECK:   %[[EPS:.*]] = tensorrt.constant dense<1.000000e-03> : tensor<1xf32>
//       CHECK:   %[[VE:.*]] = tensorrt.element_wise <kSUM>(%arg4, %[[EPS]] : tensor<3xf32>, tensor<1xf32>)
//       CHECK:   %[[SD:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %[[VE]]
//       CHECK:   %[[F:.*]] = tensorrt.element_wise <kDIV>(%arg1, %[[SD]] : tensor<3xf32>, tensor<3xf32>)
//       CHECK:   %[[M:.*]] = tensorrt.reshape %arg3 : tensor<3xf32> to tensor<1x3x1xf32>
//       CHECK:   %[[C:.*]] = tensorrt.element_wise <kSUB>(%arg0, %[[M]] : tensor<?x3x4xf32>, tensor<1x3x1xf32>)
//       CHECK:   %[[FR:.*]] = tensorrt.reshape %[[F]] : tensor<3xf32> to tensor<1x3x1xf32>
//       CHECK:   %[[S:.*]] = tensorrt.element_wise <kPROD>(%[[C]], %[[FR]] : tensor<?x3x4xf32>, tensor<1x3x1xf32>)
//       CHECK:   %[[O:.*]] = tensorrt.reshape %arg2 : tensor<3xf32> to tensor<1x3x1xf32>
//       CHECK:   %[[R:.*]] = tensorrt.element_wise <kSUM>(%[[S]], %[[O]] : tensor<?x3x4xf32>, tensor<1x3x1xf32>)
//       CHECK:   return %[[R]]
func.func @batch_norm_inference(%x: tensor<?x3x4xf32>, %scale: tensor<3xf32>, %offset: tensor<3xf32>, %mean: tensor<3xf32>, %var: tensor<3xf32>) -> tensor<?x3x4xf32> {
  %0 = "stablehlo.batch_norm_inference"(%x, %scale, %offset, %mean, %var) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<?x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<?x3x4xf32>
  return %0 : tensor<?x3x4xf32>
}

// -----

// The feature dimension last (NHWC).
// CHECK-LABEL: func.func @batch_norm_last
//       CHECK:   tensorrt.reshape %arg3 : tensor<5xf16> to tensor<1x1x5xf16>
//       CHECK:   tensorrt.element_wise <kSUB>(%arg0, %{{.*}} : tensor<2x2x5xf16>, tensor<1x1x5xf16>)
func.func @batch_norm_last(%x: tensor<2x2x5xf16>, %scale: tensor<5xf16>, %offset: tensor<5xf16>, %mean: tensor<5xf16>, %var: tensor<5xf16>) -> tensor<2x2x5xf16> {
  %0 = "stablehlo.batch_norm_inference"(%x, %scale, %offset, %mean, %var) <{epsilon = 1.000000e-05 : f32, feature_index = 2 : i64}> : (tensor<2x2x5xf16>, tensor<5xf16>, tensor<5xf16>, tensor<5xf16>, tensor<5xf16>) -> tensor<2x2x5xf16>
  return %0 : tensor<2x2x5xf16>
}
