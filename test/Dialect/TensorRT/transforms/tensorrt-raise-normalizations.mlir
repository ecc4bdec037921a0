// RUN: kiln-opt %s -split-input-file -tensorrt-raise-normalizations | FileCheck %s

// Layer and instance normalization written out as reductions and pointwise
// arithmetic become one `tensorrt.normalization`; RMSNorm and near misses
// (other axes, a wrong count, escaping intermediate values) stay.

// -----

// The textbook form: kAVG means, divide by sqrt(var + eps), gamma, beta.
func.func @layer_norm(%x: tensor<2x4x8xf32>, %g: tensor<1x1x8xf32>, %b: tensor<1x1x8xf32>) -> tensor<2x4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 2>, keepDimensions = true} : tensor<2x4x8xf32> -> tensor<2x4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<2x4x8xf32>, tensor<2x4x1xf32>) -> tensor<2x4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<2x4x8xf32>, tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 2>, keepDimensions = true} : tensor<2x4x8xf32> -> tensor<2x4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<2x4x1xf32>, tensor<1x1x1xf32>) -> tensor<2x4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<2x4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<2x4x8xf32>, tensor<2x4x1xf32>) -> tensor<2x4x8xf32>
  %y = tensorrt.element_wise <kPROD>(%n, %g : tensor<2x4x8xf32>, tensor<1x1x8xf32>) -> tensor<2x4x8xf32>
  %z = tensorrt.element_wise <kSUM>(%y, %b : tensor<2x4x8xf32>, tensor<1x1x8xf32>) -> tensor<2x4x8xf32>
  return %z : tensor<2x4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm
//  CHECK-SAME:     (%[[X:.+]]: tensor<2x4x8xf32>, %[[G:.+]]: tensor<1x1x8xf32>, %[[B:.+]]: tensor<1x1x8xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 2>, eps = 9.99999974E-6 : f32}(%[[X]] : tensor<2x4x8xf32>, %[[G]] : tensor<1x1x8xf32>, %[[B]] : tensor<1x1x8xf32>) -> tensor<2x4x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// rsqrt as the reciprocal of sqrt, everything commuted: b + g * (rs * d).
func.func @layer_norm_rsqrt_commuted(%x: tensor<?x16xf16>, %g: tensor<1x16xf16>, %b: tensor<1x16xf16>) -> tensor<?x16xf16> {
  %eps = tensorrt.constant dense<1.0e-06> : tensor<1x1xf16>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<?x16xf16> -> tensor<?x1xf16>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<?x16xf16>, tensor<?x1xf16>) -> tensor<?x16xf16>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<?x16xf16>, tensor<?x16xf16>) -> tensor<?x16xf16>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<?x16xf16> -> tensor<?x1xf16>
  %ve = tensorrt.element_wise <kSUM>(%eps, %v : tensor<1x1xf16>, tensor<?x1xf16>) -> tensor<?x1xf16>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<?x1xf16>
  %rs = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %s : tensor<?x1xf16>
  %n = tensorrt.element_wise <kPROD>(%rs, %d : tensor<?x1xf16>, tensor<?x16xf16>) -> tensor<?x16xf16>
  %y = tensorrt.element_wise <kPROD>(%g, %n : tensor<1x16xf16>, tensor<?x16xf16>) -> tensor<?x16xf16>
  %z = tensorrt.element_wise <kSUM>(%b, %y : tensor<1x16xf16>, tensor<?x16xf16>) -> tensor<?x16xf16>
  return %z : tensor<?x16xf16>
}
// CHECK-LABEL: func.func @layer_norm_rsqrt_commuted
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = {{.+}} : f32}(%arg0 : tensor<?x16xf16>, %arg1 : tensor<1x16xf16>, %arg2 : tensor<1x16xf16>) -> tensor<?x16xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// The form torch-mlir produces: the output uses a kAVG mean, the variance
// its own kSUM / N mean, and the variance is a kSUM / N too.
func.func @layer_norm_sum_over_count(%x: tensor<4x32xf32>, %g: tensor<1x32xf32>, %b: tensor<1x32xf32>) -> tensor<4x32xf32> {
  %n32 = tensorrt.constant dense<32.0> : tensor<1x1xf32>
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x32xf32> -> tensor<4x1xf32>
  %dm = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %sx = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x32xf32> -> tensor<4x1xf32>
  %m2 = tensorrt.element_wise <kDIV>(%sx, %n32 : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m2 : tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x32xf32>, tensor<4x32xf32>) -> tensor<4x32xf32>
  %sv = tensorrt.reduce <kSUM> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x32xf32> -> tensor<4x1xf32>
  %v = tensorrt.element_wise <kDIV>(%sv, %n32 : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %rs = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %s : tensor<4x1xf32>
  %n = tensorrt.element_wise <kPROD>(%dm, %rs : tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %y = tensorrt.element_wise <kPROD>(%n, %g : tensor<4x32xf32>, tensor<1x32xf32>) -> tensor<4x32xf32>
  %z = tensorrt.element_wise <kSUM>(%y, %b : tensor<4x32xf32>, tensor<1x32xf32>) -> tensor<4x32xf32>
  return %z : tensor<4x32xf32>
}
// CHECK-LABEL: func.func @layer_norm_sum_over_count
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = 9.99999974E-6 : f32}(%arg0 : tensor<4x32xf32>, %arg1 : tensor<1x32xf32>, %arg2 : tensor<1x32xf32>) -> tensor<4x32xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Over the last two axes, the variance through pow(d, 2), the inverse
// standard deviation through pow(w, -0.5), the mean as sum * (1/N).
func.func @layer_norm_two_axes_pow(%x: tensor<2x3x4xf32>, %g: tensor<1x3x4xf32>, %b: tensor<1x3x4xf32>) -> tensor<2x3x4xf32> {
  %inv12 = tensorrt.constant dense<0.0833333358> : tensor<1x1x1xf32>
  %two = tensorrt.constant dense<2.0> : tensor<1x1x1xf32>
  %mhalf = tensorrt.constant dense<-0.5> : tensor<1x1x1xf32>
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1x1xf32>
  %sx = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1, 2>, keepDimensions = true} : tensor<2x3x4xf32> -> tensor<2x1x1xf32>
  %m = tensorrt.element_wise <kPROD>(%sx, %inv12 : tensor<2x1x1xf32>, tensor<1x1x1xf32>) -> tensor<2x1x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<2x3x4xf32>, tensor<2x1x1xf32>) -> tensor<2x3x4xf32>
  %d2 = tensorrt.element_wise <kPOW>(%d, %two : tensor<2x3x4xf32>, tensor<1x1x1xf32>) -> tensor<2x3x4xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1, 2>, keepDimensions = true} : tensor<2x3x4xf32> -> tensor<2x1x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<2x1x1xf32>, tensor<1x1x1xf32>) -> tensor<2x1x1xf32>
  %rs = tensorrt.element_wise <kPOW>(%ve, %mhalf : tensor<2x1x1xf32>, tensor<1x1x1xf32>) -> tensor<2x1x1xf32>
  %n = tensorrt.element_wise <kPROD>(%d, %rs : tensor<2x3x4xf32>, tensor<2x1x1xf32>) -> tensor<2x3x4xf32>
  %y = tensorrt.element_wise <kPROD>(%n, %g : tensor<2x3x4xf32>, tensor<1x3x4xf32>) -> tensor<2x3x4xf32>
  %z = tensorrt.element_wise <kSUM>(%y, %b : tensor<2x3x4xf32>, tensor<1x3x4xf32>) -> tensor<2x3x4xf32>
  return %z : tensor<2x3x4xf32>
}
// CHECK-LABEL: func.func @layer_norm_two_axes_pow
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1, 2>, eps = 9.99999974E-6 : f32}(%arg0 : tensor<2x3x4xf32>, %arg1 : tensor<1x3x4xf32>, %arg2 : tensor<1x3x4xf32>) -> tensor<2x3x4xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Without gamma and beta the normalization gets constant ones and zeros.
func.func @layer_norm_no_affine(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_no_affine
//   CHECK-DAG:   %[[ONE:.+]] = tensorrt.constant dense<1.000000e+00> : tensor<1x1xf32>
//   CHECK-DAG:   %[[ZERO:.+]] = tensorrt.constant dense<0.000000e+00> : tensor<1x1xf32>
//       CHECK:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = 9.99999974E-6 : f32}(%arg0 : tensor<4x8xf32>, %[[ONE]] : tensor<1x1xf32>, %[[ZERO]] : tensor<1x1xf32>) -> tensor<4x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Instance normalization: NCHW, statistics over H and W, per-channel gamma
// and beta.
func.func @instance_norm(%x: tensor<2x3x4x5xf32>, %g: tensor<1x3x1x1xf32>, %b: tensor<1x3x1x1xf32>) -> tensor<2x3x4x5xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1x1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 2, 3>, keepDimensions = true} : tensor<2x3x4x5xf32> -> tensor<2x3x1x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<2x3x4x5xf32>, tensor<2x3x1x1xf32>) -> tensor<2x3x4x5xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<2x3x4x5xf32>, tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 2, 3>, keepDimensions = true} : tensor<2x3x4x5xf32> -> tensor<2x3x1x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<2x3x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<2x3x1x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<2x3x1x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<2x3x4x5xf32>, tensor<2x3x1x1xf32>) -> tensor<2x3x4x5xf32>
  %y = tensorrt.element_wise <kPROD>(%g, %n : tensor<1x3x1x1xf32>, tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32>
  %z = tensorrt.element_wise <kSUM>(%y, %b : tensor<2x3x4x5xf32>, tensor<1x3x1x1xf32>) -> tensor<2x3x4x5xf32>
  return %z : tensor<2x3x4x5xf32>
}
// CHECK-LABEL: func.func @instance_norm
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 2, 3>, eps = 9.99999974E-6 : f32}(%arg0 : tensor<2x3x4x5xf32>, %arg1 : tensor<1x3x1x1xf32>, %arg2 : tensor<1x3x1x1xf32>) -> tensor<2x3x4x5xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// The variance is taken over another axis than the mean.
func.func @layer_norm_mismatched_axes(%x: tensor<2x4x8xf32>) -> tensor<2x4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 2>, keepDimensions = true} : tensor<2x4x8xf32> -> tensor<2x4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<2x4x8xf32>, tensor<2x4x1xf32>) -> tensor<2x4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<2x4x8xf32>, tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<2x4x8xf32> -> tensor<2x1x8xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<2x1x8xf32>, tensor<1x1x1xf32>) -> tensor<2x1x8xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<2x1x8xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<2x4x8xf32>, tensor<2x1x8xf32>) -> tensor<2x4x8xf32>
  return %n : tensor<2x4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_mismatched_axes
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   return

// -----

// The mean is also returned, so its reduction must stay.
func.func @layer_norm_mean_escapes(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x1xf32>) {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n, %m : tensor<4x8xf32>, tensor<4x1xf32>
}
// CHECK-LABEL: func.func @layer_norm_mean_escapes
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   return

// -----

// A kSUM divided by 7 over 8 elements is not a mean.
func.func @layer_norm_wrong_count(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %seven = tensorrt.constant dense<7.0> : tensor<1x1xf32>
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %sv = tensorrt.reduce <kSUM> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %v = tensorrt.element_wise <kDIV>(%sv, %seven : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_wrong_count
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   return

// -----

// RMSNorm subtracts no mean: tensorrt.normalization cannot express it.
func.func @rms_norm(%x: tensor<4x8xf32>, %g: tensor<1x8xf32>) -> tensor<4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-06> : tensor<1x1xf32>
  %x2 = tensorrt.element_wise <kPROD>(%x, %x : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %ms = tensorrt.reduce <kAVG> %x2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%ms, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%x, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %y = tensorrt.element_wise <kPROD>(%n, %g : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @rms_norm
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   return

// -----

// The variance of the uncentered input, mean(x^2), is not a variance.
func.func @layer_norm_uncentered_variance(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %x2 = tensorrt.element_wise <kPROD>(%x, %x : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tensorrt.reduce <kAVG> %x2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_uncentered_variance
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   return

// -----

// Statistics over the batch dimension are not a layer normalization.
func.func @layer_norm_over_batch(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 0>, keepDimensions = true} : tensor<4x8xf32> -> tensor<1x8xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 0>, keepDimensions = true} : tensor<4x8xf32> -> tensor<1x8xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<1x8xf32>, tensor<1x1xf32>) -> tensor<1x8xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<1x8xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_over_batch
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   return

// -----

// A scaled gamma (2 * gamma) would need a multiplication of its own, so the
// normalization ends at the product with gamma and the doubling stays.
func.func @layer_norm_scaled_gamma(%x: tensor<4x8xf32>, %g: tensor<1x8xf32>) -> tensor<4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %two = tensorrt.constant dense<2.0> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %n = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %y = tensorrt.element_wise <kPROD>(%n, %g : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  %z = tensorrt.element_wise <kPROD>(%y, %two : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  return %z : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_scaled_gamma
//  CHECK-SAME:     (%[[X:.+]]: tensor<4x8xf32>, %[[G:.+]]: tensor<1x8xf32>)
//       CHECK:   %[[N:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = 9.99999974E-6 : f32}(%[[X]] : tensor<4x8xf32>, %[[G]] : tensor<1x8xf32>, %{{.+}} : tensor<1x1xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.element_wise <kPROD>(%[[N]], %{{.+}} : tensor<4x8xf32>, tensor<1x1xf32>)
//  CHECK-NEXT:   return %[[R]]

// -----

// JAX's form (jnp.mean, jnp.var, lax.rsqrt): statistics that drop the axis,
// eps and rsqrt on the small tensors, each reshaped back with expand_rank,
// and the mean computed twice.
func.func @layer_norm_jax(%x: tensor<4x16xf32>, %g: tensor<1x16xf32>, %b: tensor<1x16xf32>) -> tensor<4x16xf32> {
  %eps = tensorrt.constant dense<9.99999974E-6> : tensor<1xf32>
  %0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %1 = tensorrt.expand_rank %0 : tensor<4xf32> to tensor<4x1xf32>
  %2 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %3 = tensorrt.expand_rank %2 : tensor<4xf32> to tensor<4x1xf32>
  %4 = tensorrt.element_wise <kSUB>(%x, %3 : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  %5 = tensorrt.element_wise <kPROD>(%4, %4 : tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %6 = tensorrt.reduce <kAVG> %5 {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %7 = tensorrt.element_wise <kSUB>(%x, %1 : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  %8 = tensorrt.element_wise <kSUM>(%6, %eps : tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %9 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %8 : tensor<4xf32>
  %10 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %9 : tensor<4xf32>
  %11 = tensorrt.expand_rank %10 : tensor<4xf32> to tensor<4x1xf32>
  %12 = tensorrt.element_wise <kPROD>(%7, %11 : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  %13 = tensorrt.element_wise <kPROD>(%12, %g : tensor<4x16xf32>, tensor<1x16xf32>) -> tensor<4x16xf32>
  %14 = tensorrt.element_wise <kSUM>(%13, %b : tensor<4x16xf32>, tensor<1x16xf32>) -> tensor<4x16xf32>
  return %14 : tensor<4x16xf32>
}
// CHECK-LABEL: func.func @layer_norm_jax
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = 9.99999974E-6 : f32}(%arg0 : tensor<4x16xf32>, %arg1 : tensor<1x16xf32>, %arg2 : tensor<1x16xf32>) -> tensor<4x16xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Flax's LayerNorm (use_fast_variance): var = max(0, mean(x^2) - mean(x)^2)
// without the axis, one mean shared by the centering and the variance,
// expanded, eps added to the kept variance, rsqrt times the scale first.
func.func @layer_norm_flax_fast_variance(%x: tensor<2x3x8xf32>, %g: tensor<1x1x8xf32>, %b: tensor<1x1x8xf32>) -> tensor<2x3x8xf32> {
  %zero = tensorrt.constant dense<0.0> : tensor<1x1xf32>
  %eps = tensorrt.constant dense<1.0e-06> : tensor<1x1x1xf32>
  %mu = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 2>} : tensor<2x3x8xf32> -> tensor<2x3xf32>
  %xx = tensorrt.element_wise <kPROD>(%x, %x : tensor<2x3x8xf32>, tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  %mu2 = tensorrt.reduce <kAVG> %xx {reduceAxes = array<i64: 2>} : tensor<2x3x8xf32> -> tensor<2x3xf32>
  %musq = tensorrt.element_wise <kPROD>(%mu, %mu : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %diff = tensorrt.element_wise <kSUB>(%mu2, %musq : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %var = tensorrt.element_wise <kMAX>(%zero, %diff : tensor<1x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %meank = tensorrt.expand_rank %mu : tensor<2x3xf32> to tensor<2x3x1xf32>
  %vark = tensorrt.expand_rank %var : tensor<2x3xf32> to tensor<2x3x1xf32>
  %y = tensorrt.element_wise <kSUB>(%x, %meank : tensor<2x3x8xf32>, tensor<2x3x1xf32>) -> tensor<2x3x8xf32>
  %ve = tensorrt.element_wise <kSUM>(%vark, %eps : tensor<2x3x1xf32>, tensor<1x1x1xf32>) -> tensor<2x3x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<2x3x1xf32>
  %rs = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %s : tensor<2x3x1xf32>
  %mul = tensorrt.element_wise <kPROD>(%rs, %g : tensor<2x3x1xf32>, tensor<1x1x8xf32>) -> tensor<2x3x8xf32>
  %n = tensorrt.element_wise <kPROD>(%y, %mul : tensor<2x3x8xf32>, tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  %z = tensorrt.element_wise <kSUM>(%n, %b : tensor<2x3x8xf32>, tensor<1x1x8xf32>) -> tensor<2x3x8xf32>
  return %z : tensor<2x3x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_flax_fast_variance
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 2>, eps = 9.99999997E-7 : f32}(%arg0 : tensor<2x3x8xf32>, %arg1 : tensor<1x1x8xf32>, %arg2 : tensor<1x1x8xf32>) -> tensor<2x3x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// The same with the clamp already raised to a relu, and rsqrt as a power.
func.func @layer_norm_flax_relu_clamp(%x: tensor<2x6x32xf32>, %g: tensor<1x1x32xf32>, %b: tensor<1x1x32xf32>) -> tensor<2x6x32xf32> {
  %eps = tensorrt.constant dense<9.99999997E-7> : tensor<1x1xf32>
  %mhalf = tensorrt.constant dense<-0.5> : tensor<1x1xf32>
  %0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 2>} : tensor<2x6x32xf32> -> tensor<2x6xf32>
  %1 = tensorrt.element_wise <kPROD>(%x, %x : tensor<2x6x32xf32>, tensor<2x6x32xf32>) -> tensor<2x6x32xf32>
  %2 = tensorrt.reduce <kAVG> %1 {reduceAxes = array<i64: 2>} : tensor<2x6x32xf32> -> tensor<2x6xf32>
  %3 = tensorrt.element_wise <kPROD>(%0, %0 : tensor<2x6xf32>, tensor<2x6xf32>) -> tensor<2x6xf32>
  %4 = tensorrt.element_wise <kSUB>(%2, %3 : tensor<2x6xf32>, tensor<2x6xf32>) -> tensor<2x6xf32>
  %5 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %4 : tensor<2x6xf32>
  %6 = tensorrt.expand_rank %0 : tensor<2x6xf32> to tensor<2x6x1xf32>
  %7 = tensorrt.element_wise <kSUB>(%x, %6 : tensor<2x6x32xf32>, tensor<2x6x1xf32>) -> tensor<2x6x32xf32>
  %8 = tensorrt.element_wise <kSUM>(%5, %eps : tensor<2x6xf32>, tensor<1x1xf32>) -> tensor<2x6xf32>
  %9 = tensorrt.element_wise <kPOW>(%8, %mhalf : tensor<2x6xf32>, tensor<1x1xf32>) -> tensor<2x6xf32>
  %11 = tensorrt.expand_rank %9 : tensor<2x6xf32> to tensor<2x6x1xf32>
  %13 = tensorrt.element_wise <kPROD>(%11, %g : tensor<2x6x1xf32>, tensor<1x1x32xf32>) -> tensor<2x6x32xf32>
  %14 = tensorrt.element_wise <kPROD>(%7, %13 : tensor<2x6x32xf32>, tensor<2x6x32xf32>) -> tensor<2x6x32xf32>
  %16 = tensorrt.element_wise <kSUM>(%14, %b : tensor<2x6x32xf32>, tensor<1x1x32xf32>) -> tensor<2x6x32xf32>
  return %16 : tensor<2x6x32xf32>
}
// CHECK-LABEL: func.func @layer_norm_flax_relu_clamp
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 2>, eps = 9.99999997E-7 : f32}(%arg0 : tensor<2x6x32xf32>, %arg1 : tensor<1x1x32xf32>, %arg2 : tensor<1x1x32xf32>) -> tensor<2x6x32xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// The fast variance with kept dimensions, unclamped, mean(x^2) as a kSUM
// over the count and x^2 as a power.
func.func @layer_norm_fast_variance_kept(%x: tensor<4x8xf32>, %g: tensor<1x8xf32>, %b: tensor<1x8xf32>) -> tensor<4x8xf32> {
  %two = tensorrt.constant dense<2.0> : tensor<1x1xf32>
  %n = tensorrt.constant dense<8.0> : tensor<1x1xf32>
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %xx = tensorrt.element_wise <kPOW>(%x, %two : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %sxx = tensorrt.reduce <kSUM> %xx {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %m2 = tensorrt.element_wise <kDIV>(%sxx, %n : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %msq = tensorrt.element_wise <kPROD>(%m, %m : tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  %v = tensorrt.element_wise <kSUB>(%m2, %msq : tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %q = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %y = tensorrt.element_wise <kPROD>(%q, %g : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  %z = tensorrt.element_wise <kSUM>(%y, %b : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  return %z : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_fast_variance_kept
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = 9.99999974E-6 : f32}(%arg0 : tensor<4x8xf32>, %arg1 : tensor<1x8xf32>, %arg2 : tensor<1x8xf32>) -> tensor<4x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// mean(x^2) + mean(x)^2 is not a variance.
func.func @layer_norm_fast_variance_wrong_sign(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %xx = tensorrt.element_wise <kPROD>(%x, %x : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %m2 = tensorrt.reduce <kAVG> %xx {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x8xf32> -> tensor<4x1xf32>
  %msq = tensorrt.element_wise <kPROD>(%m, %m : tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  %v = tensorrt.element_wise <kSUM>(%m2, %msq : tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4x1xf32>, tensor<1x1xf32>) -> tensor<4x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %q = tensorrt.element_wise <kDIV>(%d, %s : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %q : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_fast_variance_wrong_sign
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   unary_operation<kSQRT>

// -----

// The squared mean is over another axis than the mean of the squares.
func.func @layer_norm_fast_variance_mismatched_axes(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1x1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<8x8xf32> -> tensor<8x1xf32>
  %m0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 0>, keepDimensions = true} : tensor<8x8xf32> -> tensor<1x8xf32>
  %xx = tensorrt.element_wise <kPROD>(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
  %m2 = tensorrt.reduce <kAVG> %xx {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<8x8xf32> -> tensor<8x1xf32>
  %msq = tensorrt.element_wise <kPROD>(%m0, %m0 : tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %v = tensorrt.element_wise <kSUB>(%m2, %msq : tensor<8x1xf32>, tensor<1x8xf32>) -> tensor<8x8xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<8x8xf32>, tensor<1x1xf32>) -> tensor<8x8xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<8x8xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<8x8xf32>, tensor<8x1xf32>) -> tensor<8x8xf32>
  %q = tensorrt.element_wise <kDIV>(%d, %s : tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
  return %q : tensor<8x8xf32>
}
// CHECK-LABEL: func.func @layer_norm_fast_variance_mismatched_axes
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   unary_operation<kSQRT>

// -----

// eps added after the square root, (x - m) / (sqrt(var) + eps), is another
// function.
func.func @layer_norm_eps_outside_sqrt(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1xf32>
  %0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %1 = tensorrt.expand_rank %0 : tensor<4xf32> to tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %1 : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %v : tensor<4xf32>
  %se = tensorrt.element_wise <kSUM>(%s, %eps : tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %r = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %se : tensor<4xf32>
  %rk = tensorrt.expand_rank %r : tensor<4xf32> to tensor<4x1xf32>
  %n = tensorrt.element_wise <kPROD>(%d, %rk : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  return %n : tensor<4x16xf32>
}
// CHECK-LABEL: func.func @layer_norm_eps_outside_sqrt
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   unary_operation<kSQRT>

// -----

// Scaling x rather than x - mean by the inverse standard deviation.
func.func @layer_norm_missing_centering(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1xf32>
  %0 = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %1 = tensorrt.expand_rank %0 : tensor<4xf32> to tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %1 : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>} : tensor<4x16xf32> -> tensor<4xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4xf32>
  %r = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %s : tensor<4xf32>
  %rk = tensorrt.expand_rank %r : tensor<4xf32> to tensor<4x1xf32>
  %n = tensorrt.element_wise <kPROD>(%x, %rk : tensor<4x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  return %n : tensor<4x16xf32>
}
// CHECK-LABEL: func.func @layer_norm_missing_centering
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   unary_operation<kSQRT>

// -----

// The per-row inverse standard deviation reshaped into a row ([4] to
// [1x4]) scales the wrong elements.
func.func @layer_norm_statistic_reshaped_wrong(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %eps = tensorrt.constant dense<1.0e-05> : tensor<1xf32>
  %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x4xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x4xf32>, tensor<4x1xf32>) -> tensor<4x4xf32>
  %d2 = tensorrt.element_wise <kPROD>(%d, %d : tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %v = tensorrt.reduce <kAVG> %d2 {reduceAxes = array<i64: 1>} : tensor<4x4xf32> -> tensor<4xf32>
  %ve = tensorrt.element_wise <kSUM>(%v, %eps : tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %ve : tensor<4xf32>
  %r = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %s : tensor<4xf32>
  %rk = tensorrt.expand_rank %r : tensor<4xf32> to tensor<1x4xf32>
  %n = tensorrt.element_wise <kPROD>(%d, %rk : tensor<4x4xf32>, tensor<1x4xf32>) -> tensor<4x4xf32>
  return %n : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @layer_norm_statistic_reshaped_wrong
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   unary_operation<kSQRT>

// -----

// JAX's f16 layer norm: jnp.mean and jnp.var widen x to f32 and round the
// statistics back to f16. The normalization computes them at least as
// precisely.
func.func @layer_norm_f16_widened_statistics(%x: tensor<4x32xf16>, %g: tensor<1x32xf16>, %b: tensor<1x32xf16>) -> tensor<4x32xf16> {
  %eps = tensorrt.constant dense<1.001360e-05> : tensor<1xf16>
  %0 = tensorrt.cast %x : tensor<4x32xf16> to tensor<4x32xf32>
  %1 = tensorrt.reduce <kAVG> %0 {reduceAxes = array<i64: 1>} : tensor<4x32xf32> -> tensor<4xf32>
  %2 = tensorrt.cast %1 : tensor<4xf32> to tensor<4xf16>
  %3 = tensorrt.expand_rank %2 : tensor<4xf16> to tensor<4x1xf16>
  %4 = tensorrt.cast %x : tensor<4x32xf16> to tensor<4x32xf32>
  %5 = tensorrt.reduce <kAVG> %4 {reduceAxes = array<i64: 1>} : tensor<4x32xf32> -> tensor<4xf32>
  %6 = tensorrt.expand_rank %5 : tensor<4xf32> to tensor<4x1xf32>
  %7 = tensorrt.element_wise <kSUB>(%4, %6 : tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %8 = tensorrt.element_wise <kPROD>(%7, %7 : tensor<4x32xf32>, tensor<4x32xf32>) -> tensor<4x32xf32>
  %9 = tensorrt.reduce <kAVG> %8 {reduceAxes = array<i64: 1>} : tensor<4x32xf32> -> tensor<4xf32>
  %10 = tensorrt.cast %9 : tensor<4xf32> to tensor<4xf16>
  %11 = tensorrt.element_wise <kSUB>(%x, %3 : tensor<4x32xf16>, tensor<4x1xf16>) -> tensor<4x32xf16>
  %12 = tensorrt.element_wise <kSUM>(%10, %eps : tensor<4xf16>, tensor<1xf16>) -> tensor<4xf16>
  %13 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %12 : tensor<4xf16>
  %14 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %13 : tensor<4xf16>
  %15 = tensorrt.expand_rank %14 : tensor<4xf16> to tensor<4x1xf16>
  %16 = tensorrt.element_wise <kPROD>(%11, %15 : tensor<4x32xf16>, tensor<4x1xf16>) -> tensor<4x32xf16>
  %18 = tensorrt.element_wise <kPROD>(%16, %g : tensor<4x32xf16>, tensor<1x32xf16>) -> tensor<4x32xf16>
  %20 = tensorrt.element_wise <kSUM>(%18, %b : tensor<4x32xf16>, tensor<1x32xf16>) -> tensor<4x32xf16>
  return %20 : tensor<4x32xf16>
}
// CHECK-LABEL: func.func @layer_norm_f16_widened_statistics
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.normalization {axis = array<i64: 1>, eps = {{.+}} : f32}(%arg0 : tensor<4x32xf16>, %arg1 : tensor<1x32xf16>, %arg2 : tensor<1x32xf16>) -> tensor<4x32xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// The statistics of a different tensor (y, widened) do not normalize x.
func.func @layer_norm_f16_other_tensor(%x: tensor<4x32xf16>, %y: tensor<4x32xf16>) -> tensor<4x32xf16> {
  %eps = tensorrt.constant dense<1.001360e-05> : tensor<1xf16>
  %0 = tensorrt.cast %y : tensor<4x32xf16> to tensor<4x32xf32>
  %1 = tensorrt.reduce <kAVG> %0 {reduceAxes = array<i64: 1>} : tensor<4x32xf32> -> tensor<4xf32>
  %2 = tensorrt.cast %1 : tensor<4xf32> to tensor<4xf16>
  %3 = tensorrt.expand_rank %2 : tensor<4xf16> to tensor<4x1xf16>
  %4 = tensorrt.cast %x : tensor<4x32xf16> to tensor<4x32xf32>
  %5 = tensorrt.reduce <kAVG> %4 {reduceAxes = array<i64: 1>} : tensor<4x32xf32> -> tensor<4xf32>
  %6 = tensorrt.expand_rank %5 : tensor<4xf32> to tensor<4x1xf32>
  %7 = tensorrt.element_wise <kSUB>(%4, %6 : tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %8 = tensorrt.element_wise <kPROD>(%7, %7 : tensor<4x32xf32>, tensor<4x32xf32>) -> tensor<4x32xf32>
  %9 = tensorrt.reduce <kAVG> %8 {reduceAxes = array<i64: 1>} : tensor<4x32xf32> -> tensor<4xf32>
  %10 = tensorrt.cast %9 : tensor<4xf32> to tensor<4xf16>
  %11 = tensorrt.element_wise <kSUB>(%x, %3 : tensor<4x32xf16>, tensor<4x1xf16>) -> tensor<4x32xf16>
  %12 = tensorrt.element_wise <kSUM>(%10, %eps : tensor<4xf16>, tensor<1xf16>) -> tensor<4xf16>
  %13 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %12 : tensor<4xf16>
  %14 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %13 : tensor<4xf16>
  %15 = tensorrt.expand_rank %14 : tensor<4xf16> to tensor<4x1xf16>
  %16 = tensorrt.element_wise <kPROD>(%11, %15 : tensor<4x32xf16>, tensor<4x1xf16>) -> tensor<4x32xf16>
  return %16 : tensor<4x32xf16>
}
// CHECK-LABEL: func.func @layer_norm_f16_other_tensor
//   CHECK-NOT:   tensorrt.normalization
//       CHECK:   unary_operation<kSQRT>
