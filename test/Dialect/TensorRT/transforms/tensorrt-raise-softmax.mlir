// RUN: kiln-opt %s -split-input-file -tensorrt-raise-softmax | FileCheck %s

// exp(x - max(x)) / sum(exp(x - max(x))) over one axis becomes one
// `tensorrt.softmax`; other axes, a missing max, log-softmax and escaping
// intermediate values stay.

// -----

// JAX's form: reductions that drop the axis, reshaped back with
// expand_rank, and the max clamped below by -inf.
func.func @softmax_jax(%x: tensor<3x10xf32>) -> tensor<3x10xf32> {
  %ninf = tensorrt.constant dense<0xFF800000> : tensor<3xf32>
  %0 = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>} : tensor<3x10xf32> -> tensor<3xf32>
  %1 = tensorrt.element_wise <kMAX>(%0, %ninf : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %2 = tensorrt.expand_rank %1 : tensor<3xf32> to tensor<3x1xf32>
  %3 = tensorrt.element_wise <kSUB>(%x, %2 : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  %4 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %3 : tensor<3x10xf32>
  %5 = tensorrt.reduce <kSUM> %4 {reduceAxes = array<i64: 1>} : tensor<3x10xf32> -> tensor<3xf32>
  %6 = tensorrt.expand_rank %5 : tensor<3xf32> to tensor<3x1xf32>
  %7 = tensorrt.element_wise <kDIV>(%4, %6 : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  return %7 : tensor<3x10xf32>
}
// CHECK-LABEL: func.func @softmax_jax
//  CHECK-SAME:     (%[[X:.+]]: tensor<3x10xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.softmax {axis = 1 : i64} %[[X]] : tensor<3x10xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Kept dimensions, the -inf clamp after the reshape, and a product with
// the reciprocal of the sum; the softmax runs over the middle axis.
func.func @softmax_kept_reciprocal(%x: tensor<2x5x3xf16>) -> tensor<2x5x3xf16> {
  %ninf = tensorrt.constant dense<0xFC00> : tensor<1x1x1xf16>
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<2x5x3xf16> -> tensor<2x1x3xf16>
  %mc = tensorrt.element_wise <kMAX>(%ninf, %m : tensor<1x1x1xf16>, tensor<2x1x3xf16>) -> tensor<2x1x3xf16>
  %d = tensorrt.element_wise <kSUB>(%x, %mc : tensor<2x5x3xf16>, tensor<2x1x3xf16>) -> tensor<2x5x3xf16>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<2x5x3xf16>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<2x5x3xf16> -> tensor<2x1x3xf16>
  %r = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %s : tensor<2x1x3xf16>
  %p = tensorrt.element_wise <kPROD>(%r, %e : tensor<2x1x3xf16>, tensor<2x5x3xf16>) -> tensor<2x5x3xf16>
  return %p : tensor<2x5x3xf16>
}
// CHECK-LABEL: func.func @softmax_kept_reciprocal
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.softmax {axis = 1 : i64} %arg0 : tensor<2x5x3xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// The statistics reshaped back by a shuffle (as after expand-ops), over
// axis 0, with no -inf clamp.
func.func @softmax_shuffle_axis0(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 0>} : tensor<4x6xf32> -> tensor<6xf32>
  %mk = tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64: 1, 6>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%m : tensor<6xf32>) -> tensor<1x6xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %mk : tensor<4x6xf32>, tensor<1x6xf32>) -> tensor<4x6xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<4x6xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 0>} : tensor<4x6xf32> -> tensor<6xf32>
  %sk = tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64: 1, 6>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%s : tensor<6xf32>) -> tensor<1x6xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %sk : tensor<4x6xf32>, tensor<1x6xf32>) -> tensor<4x6xf32>
  return %q : tensor<4x6xf32>
}
// CHECK-LABEL: func.func @softmax_shuffle_axis0
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.softmax {axis = 0 : i64} %arg0 : tensor<4x6xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// The max over axis 0 and the sum over axis 1: not a softmax.
func.func @softmax_axes_differ(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 0>, keepDimensions = true} : tensor<4x4xf32> -> tensor<1x4xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x4xf32>, tensor<1x4xf32>) -> tensor<4x4xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<4x4xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x4xf32> -> tensor<4x1xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %s : tensor<4x4xf32>, tensor<4x1xf32>) -> tensor<4x4xf32>
  return %q : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @softmax_axes_differ
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// The sum over a row reshaped into a column ([4] to [1x4] instead of
// [4x1]) divides the wrong elements.
func.func @softmax_sum_reshaped_wrong(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<4x4xf32> -> tensor<4x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<4x4xf32>, tensor<4x1xf32>) -> tensor<4x4xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<4x4xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1>} : tensor<4x4xf32> -> tensor<4xf32>
  %sk = tensorrt.expand_rank %s : tensor<4xf32> to tensor<1x4xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %sk : tensor<4x4xf32>, tensor<1x4xf32>) -> tensor<4x4xf32>
  return %q : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @softmax_sum_reshaped_wrong
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// Without the max subtraction exp can overflow where softmax does not.
func.func @softmax_unshifted(%x: tensor<3x10xf32>) -> tensor<3x10xf32> {
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<3x10xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<3x10xf32> -> tensor<3x1xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %s : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  return %q : tensor<3x10xf32>
}
// CHECK-LABEL: func.func @softmax_unshifted
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// Shifted by the max of another tensor.
func.func @softmax_other_max(%x: tensor<3x10xf32>, %y: tensor<3x10xf32>) -> tensor<3x10xf32> {
  %m = tensorrt.reduce <kMAX> %y {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<3x10xf32> -> tensor<3x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<3x10xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<3x10xf32> -> tensor<3x1xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %s : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  return %q : tensor<3x10xf32>
}
// CHECK-LABEL: func.func @softmax_other_max
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// Over two axes at once: tensorrt.softmax takes one.
func.func @softmax_two_axes(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1, 2>, keepDimensions = true} : tensor<2x3x4xf32> -> tensor<2x1x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<2x3x4xf32>, tensor<2x1x1xf32>) -> tensor<2x3x4xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<2x3x4xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1, 2>, keepDimensions = true} : tensor<2x3x4xf32> -> tensor<2x1x1xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %s : tensor<2x3x4xf32>, tensor<2x1x1xf32>) -> tensor<2x3x4xf32>
  return %q : tensor<2x3x4xf32>
}
// CHECK-LABEL: func.func @softmax_two_axes
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// The exponentials are also returned, so they must stay.
func.func @softmax_exp_escapes(%x: tensor<3x10xf32>) -> (tensor<3x10xf32>, tensor<3x10xf32>) {
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<3x10xf32> -> tensor<3x1xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %m : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<3x10xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<3x10xf32> -> tensor<3x1xf32>
  %q = tensorrt.element_wise <kDIV>(%e, %s : tensor<3x10xf32>, tensor<3x1xf32>) -> tensor<3x10xf32>
  return %q, %e : tensor<3x10xf32>, tensor<3x10xf32>
}
// CHECK-LABEL: func.func @softmax_exp_escapes
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   tensorrt.element_wise <kDIV>

// -----

// JAX's log_softmax, (x - m) - log(sum(exp(x - m))), is left as written:
// log(softmax(x)) is -inf where exp(x - m) underflows.
func.func @log_softmax(%x: tensor<5x3xf32>) -> tensor<5x3xf32> {
  %m = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 0>} : tensor<5x3xf32> -> tensor<3xf32>
  %mk = tensorrt.expand_rank %m : tensor<3xf32> to tensor<1x3xf32>
  %d = tensorrt.element_wise <kSUB>(%x, %mk : tensor<5x3xf32>, tensor<1x3xf32>) -> tensor<5x3xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %d : tensor<5x3xf32>
  %s = tensorrt.reduce <kSUM> %e {reduceAxes = array<i64: 0>} : tensor<5x3xf32> -> tensor<3xf32>
  %l = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %s : tensor<3xf32>
  %lk = tensorrt.expand_rank %l : tensor<3xf32> to tensor<1x3xf32>
  %r = tensorrt.element_wise <kSUB>(%d, %lk : tensor<5x3xf32>, tensor<1x3xf32>) -> tensor<5x3xf32>
  return %r : tensor<5x3xf32>
}
// CHECK-LABEL: func.func @log_softmax
//   CHECK-NOT:   tensorrt.softmax
//       CHECK:   unary_operation<kLOG>
