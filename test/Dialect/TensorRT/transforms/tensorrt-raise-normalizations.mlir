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
