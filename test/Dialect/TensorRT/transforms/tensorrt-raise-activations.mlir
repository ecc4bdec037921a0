// RUN: kiln-opt %s -split-input-file -tensorrt-raise-activations | FileCheck %s

// Activation functions written out as pointwise arithmetic become one
// `tensorrt.activation`, whatever the operand order, grouping or splat
// constant shape; near misses (wrong constants, extra uses, another input,
// a broadcast) are left alone.

// -----

// GELU, tanh form, as JAX writes it.
func.func @gelu_tanh(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %c0 = tensorrt.constant dense<4.471500e-02> : tensor<1x1xf32>
  %k = tensorrt.constant dense<0.797884583> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %x : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %1 = tensorrt.element_wise <kPROD>(%0, %x : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %2 = tensorrt.element_wise <kPROD>(%1, %c0 : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %3 = tensorrt.element_wise <kSUM>(%x, %2 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %4 = tensorrt.element_wise <kPROD>(%3, %k : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %5 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %4 : tensor<2x8xf32>
  %6 = tensorrt.element_wise <kSUM>(%5, %one : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %7 = tensorrt.element_wise <kPROD>(%6, %half : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %8 = tensorrt.element_wise <kPROD>(%x, %7 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %8 : tensor<2x8xf32>
}
// CHECK-LABEL: func.func @gelu_tanh
//  CHECK-SAME:     (%[[X:.+]]: tensor<2x8xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %[[X]] : tensor<2x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// GELU, tanh form, as torch-mlir writes it: pow(x, 3), sqrt(2/pi) computed
// as pow(2/pi, 0.5), operands in the other order, dynamic dimensions.
func.func @gelu_tanh_pow_commuted(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %three = tensorrt.constant dense<3.0> : tensor<1x1xf32>
  %c0 = tensorrt.constant dense<4.471500e-02> : tensor<1x1xf32>
  %twoOverPi = tensorrt.constant dense<0.636619772> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPOW>(%x, %three : tensor<?x16xf32>, tensor<1x1xf32>) -> tensor<?x16xf32>
  %1 = tensorrt.element_wise <kPROD>(%c0, %0 : tensor<1x1xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %x : tensor<?x16xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  %s = tensorrt.element_wise <kPOW>(%twoOverPi, %half : tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  %3 = tensorrt.element_wise <kPROD>(%s, %2 : tensor<1x1xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  %4 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %3 : tensor<?x16xf32>
  %5 = tensorrt.element_wise <kSUM>(%one, %4 : tensor<1x1xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  %6 = tensorrt.element_wise <kPROD>(%x, %half : tensor<?x16xf32>, tensor<1x1xf32>) -> tensor<?x16xf32>
  %7 = tensorrt.element_wise <kPROD>(%6, %5 : tensor<?x16xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  return %7 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @gelu_tanh_pow_commuted
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %arg0 : tensor<?x16xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// GELU, tanh form, through 0.5 * (1 + tanh(z)) = sigmoid(2z).
func.func @gelu_tanh_sigmoid_form(%x: tensor<8xf32>) -> tensor<8xf32> {
  %c0 = tensorrt.constant dense<4.471500e-02> : tensor<1xf32>
  %k = tensorrt.constant dense<1.59576912> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %x : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kPROD>(%0, %c0 : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kPROD>(%1, %x : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %3 = tensorrt.element_wise <kSUM>(%2, %x : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %4 = tensorrt.element_wise <kPROD>(%k, %3 : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %5 = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %4 : tensor<8xf32>
  %6 = tensorrt.element_wise <kPROD>(%5, %x : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %6 : tensor<8xf32>
}
// CHECK-LABEL: func.func @gelu_tanh_sigmoid_form
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %arg0
//  CHECK-NEXT:   return %[[R]]

// -----

// f16 constants carry f16 rounding (0.044715 is stored as 0.04471).
func.func @gelu_tanh_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %c0 = tensorrt.constant dense<4.471500e-02> : tensor<4xf16>
  %k = tensorrt.constant dense<0.797884583> : tensor<4xf16>
  %one = tensorrt.constant dense<1.0> : tensor<4xf16>
  %half = tensorrt.constant dense<0.5> : tensor<4xf16>
  %0 = tensorrt.element_wise <kPROD>(%x, %x : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = tensorrt.element_wise <kPROD>(%0, %x : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %2 = tensorrt.element_wise <kPROD>(%1, %c0 : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %3 = tensorrt.element_wise <kSUM>(%x, %2 : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %4 = tensorrt.element_wise <kPROD>(%3, %k : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %5 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %4 : tensor<4xf16>
  %6 = tensorrt.element_wise <kSUM>(%5, %one : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %7 = tensorrt.element_wise <kPROD>(%x, %6 : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %8 = tensorrt.element_wise <kPROD>(%7, %half : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %8 : tensor<4xf16>
}
// CHECK-LABEL: func.func @gelu_tanh_f16
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %arg0 : tensor<4xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// 0.05 is not GELU's cubic coefficient.
func.func @gelu_tanh_wrong_constant(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %c0 = tensorrt.constant dense<5.0e-02> : tensor<1x1xf32>
  %k = tensorrt.constant dense<0.797884583> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %x : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %1 = tensorrt.element_wise <kPROD>(%0, %x : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %2 = tensorrt.element_wise <kPROD>(%1, %c0 : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %3 = tensorrt.element_wise <kSUM>(%x, %2 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %4 = tensorrt.element_wise <kPROD>(%3, %k : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %5 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %4 : tensor<2x8xf32>
  %6 = tensorrt.element_wise <kSUM>(%5, %one : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %7 = tensorrt.element_wise <kPROD>(%6, %half : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %8 = tensorrt.element_wise <kPROD>(%x, %7 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %8 : tensor<2x8xf32>
}
// CHECK-LABEL: func.func @gelu_tanh_wrong_constant
//   CHECK-NOT:   kGELU
//       CHECK:   activation_type<kTANH>
//   CHECK-NOT:   kGELU

// -----

// x^3 is also returned, so the cube must stay and nothing is raised.
func.func @gelu_tanh_extra_use(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %c0 = tensorrt.constant dense<4.471500e-02> : tensor<1x1xf32>
  %k = tensorrt.constant dense<0.797884583> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %x : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %1 = tensorrt.element_wise <kPROD>(%0, %x : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %2 = tensorrt.element_wise <kPROD>(%1, %c0 : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %3 = tensorrt.element_wise <kSUM>(%x, %2 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %4 = tensorrt.element_wise <kPROD>(%3, %k : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %5 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %4 : tensor<2x8xf32>
  %6 = tensorrt.element_wise <kSUM>(%5, %one : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %7 = tensorrt.element_wise <kPROD>(%6, %half : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %8 = tensorrt.element_wise <kPROD>(%x, %7 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %8, %1 : tensor<2x8xf32>, tensor<2x8xf32>
}
// CHECK-LABEL: func.func @gelu_tanh_extra_use
//   CHECK-NOT:   kGELU
//       CHECK:   return

// -----

// GELU, erf form, with x / sqrt(2) multiplied by the reciprocal.
func.func @gelu_erf(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %r = tensorrt.constant dense<0.707106769> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %r : tensor<3x4xf32>, tensor<1x1xf32>) -> tensor<3x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %0 : tensor<3x4xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %one : tensor<3x4xf32>, tensor<1x1xf32>) -> tensor<3x4xf32>
  %3 = tensorrt.element_wise <kPROD>(%2, %half : tensor<3x4xf32>, tensor<1x1xf32>) -> tensor<3x4xf32>
  %4 = tensorrt.element_wise <kPROD>(%x, %3 : tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %4 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @gelu_erf
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_ERF>} %arg0 : tensor<3x4xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// GELU, erf form, dividing by sqrt(2) computed in the graph, halving x
// first and adding 1 on the left.
func.func @gelu_erf_div_sqrt(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %two = tensorrt.constant dense<2.0> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %s = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %two : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kDIV>(%x, %s : tensor<?x4xf32>, tensor<1x1xf32>) -> tensor<?x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %0 : tensor<?x4xf32>
  %2 = tensorrt.element_wise <kSUM>(%one, %1 : tensor<1x1xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  %3 = tensorrt.element_wise <kPROD>(%half, %x : tensor<1x1xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  %4 = tensorrt.element_wise <kPROD>(%2, %3 : tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  return %4 : tensor<?x4xf32>
}
// CHECK-LABEL: func.func @gelu_erf_div_sqrt
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_ERF>} %arg0 : tensor<?x4xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// JAX's exact GELU, 0.5 * x * erfc(-x / sqrt(2)), after erfc(z) became
// 1 - erf(z): erf is odd, so this is 0.5 * x * (1 + erf(x / sqrt(2))).
func.func @gelu_erfc_jax(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  %r = tensorrt.constant dense<0.707106769> : tensor<3x8xf32>
  %half = tensorrt.constant dense<5.000000e-01> : tensor<3x8xf32>
  %one = tensorrt.constant dense<1.000000e+00> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %half : tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<3x8xf32>
  %2 = tensorrt.element_wise <kPROD>(%1, %r : tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %2 : tensor<3x8xf32>
  %4 = tensorrt.element_wise <kSUB>(%one, %3 : tensor<1x1xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %5 = tensorrt.element_wise <kPROD>(%0, %4 : tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  return %5 : tensor<3x8xf32>
}
// CHECK-LABEL: func.func @gelu_erfc_jax
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_ERF>} %arg0 : tensor<3x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// 0.5 * x * (1 - erf(x / sqrt(2))) is x - GELU(x), not GELU.
func.func @gelu_erf_wrong_sign(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  %r = tensorrt.constant dense<0.707106769> : tensor<1x1xf32>
  %half = tensorrt.constant dense<5.000000e-01> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.000000e+00> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %half : tensor<3x8xf32>, tensor<1x1xf32>) -> tensor<3x8xf32>
  %2 = tensorrt.element_wise <kPROD>(%x, %r : tensor<3x8xf32>, tensor<1x1xf32>) -> tensor<3x8xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %2 : tensor<3x8xf32>
  %4 = tensorrt.element_wise <kSUB>(%one, %3 : tensor<1x1xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %5 = tensorrt.element_wise <kPROD>(%0, %4 : tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  return %5 : tensor<3x8xf32>
}
// CHECK-LABEL: func.func @gelu_erf_wrong_sign
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   unary_operation<kERF>
//   CHECK-NOT:   tensorrt.activation

// -----

// erf(x * 0.5) is not GELU.
func.func @gelu_erf_wrong_scale(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %half : tensor<3x4xf32>, tensor<1x1xf32>) -> tensor<3x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %0 : tensor<3x4xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %one : tensor<3x4xf32>, tensor<1x1xf32>) -> tensor<3x4xf32>
  %3 = tensorrt.element_wise <kPROD>(%2, %half : tensor<3x4xf32>, tensor<1x1xf32>) -> tensor<3x4xf32>
  %4 = tensorrt.element_wise <kPROD>(%x, %3 : tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %4 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @gelu_erf_wrong_scale
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   unary_operation<kERF>
//   CHECK-NOT:   tensorrt.activation

// -----

// GELU of a broadcast x: the half comes in as a larger tensor, so the
// result is not x's shape.
func.func @gelu_erf_broadcast(%x: tensor<1x4xf32>) -> tensor<3x4xf32> {
  %r = tensorrt.constant dense<0.707106769> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<3x4xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %r : tensor<1x4xf32>, tensor<1x1xf32>) -> tensor<1x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %0 : tensor<1x4xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %one : tensor<1x4xf32>, tensor<1x1xf32>) -> tensor<1x4xf32>
  %3 = tensorrt.element_wise <kPROD>(%2, %half : tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %4 = tensorrt.element_wise <kPROD>(%x, %3 : tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %4 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @gelu_erf_broadcast
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

func.func @sigmoid(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<4x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<4x4xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %one : tensor<4x4xf32>, tensor<1x1xf32>) -> tensor<4x4xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %2 : tensor<4x4xf32>
  return %3 : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @sigmoid
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %arg0 : tensor<4x4xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// 1 / (1 + exp(x * -1)) with a divide and the constant first.
func.func @sigmoid_div(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  %one = tensorrt.constant dense<1.0> : tensor<1xbf16>
  %m = tensorrt.constant dense<-1.0> : tensor<1xbf16>
  %0 = tensorrt.element_wise <kPROD>(%x, %m : tensor<4xbf16>, tensor<1xbf16>) -> tensor<4xbf16>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<4xbf16>
  %2 = tensorrt.element_wise <kSUM>(%one, %1 : tensor<1xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  %3 = tensorrt.element_wise <kDIV>(%one, %2 : tensor<1xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  return %3 : tensor<4xbf16>
}
// CHECK-LABEL: func.func @sigmoid_div
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %arg0 : tensor<4xbf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// exp(-x) is used again, so it must stay.
func.func @sigmoid_extra_use(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<4xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %one : tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %2 : tensor<4xf32>
  return %3, %1 : tensor<4xf32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @sigmoid_extra_use
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

// 1 / (1 + exp(x)) is sigmoid(-x), which has no activation form.
func.func @sigmoid_wrong_sign(%x: tensor<4xf32>) -> tensor<4xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<4xf32>
  %2 = tensorrt.element_wise <kSUM>(%1, %one : tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %2 : tensor<4xf32>
  return %3 : tensor<4xf32>
}
// CHECK-LABEL: func.func @sigmoid_wrong_sign
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

// SiLU: x / (1 + exp(-x)) becomes x * sigmoid(x).
func.func @silu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<2x3xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<2x3xf32>
  %2 = tensorrt.element_wise <kSUM>(%one, %1 : tensor<1x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tensorrt.element_wise <kDIV>(%x, %2 : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @silu
//  CHECK-SAME:     (%[[X:.+]]: tensor<2x3xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %[[X]] : tensor<2x3xf32>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.element_wise <kPROD>(%[[X]], %[[S]] : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// SiLU written as x times a written-out sigmoid, in the other order.
func.func @silu_times_sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<2x3xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<2x3xf32>
  %2 = tensorrt.element_wise <kSUM>(%one, %1 : tensor<1x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tensorrt.element_wise <kDIV>(%one, %2 : tensor<1x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = tensorrt.element_wise <kPROD>(%3, %x : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %4 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @silu_times_sigmoid
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %arg0
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.element_wise <kPROD>
//  CHECK-NEXT:   return %[[R]]

// -----

// x / (1 + exp(-y)) for another y is not SiLU; the sigmoid of y still is a
// sigmoid only when 1 / (...) stands alone, so nothing changes.
func.func @silu_other_input(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %y : tensor<2x3xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<2x3xf32>
  %2 = tensorrt.element_wise <kSUM>(%one, %1 : tensor<1x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tensorrt.element_wise <kDIV>(%x, %2 : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @silu_other_input
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

func.func @softplus(%x: tensor<8xf32>) -> tensor<8xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<8xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %one : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %2 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %1 : tensor<8xf32>
  return %2 : tensor<8xf32>
}
// CHECK-LABEL: func.func @softplus
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTPLUS>, alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32} %arg0 : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// torch.nn.Softplus(beta=2): log(1 + exp(2x)) / 2.
func.func @softplus_beta(%x: tensor<8xf32>) -> tensor<8xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %two = tensorrt.constant dense<2.0> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%two, %x : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<8xf32>
  %2 = tensorrt.element_wise <kSUM>(%one, %1 : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %2 : tensor<8xf32>
  %4 = tensorrt.element_wise <kDIV>(%3, %two : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %4 : tensor<8xf32>
}
// CHECK-LABEL: func.func @softplus_beta
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTPLUS>, alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32} %arg0 : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// log(2 + exp(x)) is not softplus.
func.func @softplus_wrong_constant(%x: tensor<8xf32>) -> tensor<8xf32> {
  %two = tensorrt.constant dense<2.0> : tensor<1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<8xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %two : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %2 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %1 : tensor<8xf32>
  return %2 : tensor<8xf32>
}
// CHECK-LABEL: func.func @softplus_wrong_constant
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

func.func @softsign(%x: tensor<8xf32>) -> tensor<8xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %x : tensor<8xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %one : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kDIV>(%x, %1 : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %2 : tensor<8xf32>
}
// CHECK-LABEL: func.func @softsign
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTSIGN>} %arg0 : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Hard sigmoid as Keras writes it: clamp(0.2 x + 0.5, 0, 1).
func.func @hard_sigmoid(%x: tensor<8xf32>) -> tensor<8xf32> {
  %a = tensorrt.constant dense<0.2> : tensor<1xf32>
  %b = tensorrt.constant dense<0.5> : tensor<1xf32>
  %zero = tensorrt.constant dense<0.0> : tensor<1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %a : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kSUM>(%b, %0 : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kMIN>(%one, %1 : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %3 = tensorrt.element_wise <kMAX>(%2, %zero : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %3 : tensor<8xf32>
}
// CHECK-LABEL: func.func @hard_sigmoid
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kHARD_SIGMOID>, alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32} %arg0 : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Hard sigmoid as PyTorch writes it: relu6(x + 3) / 6, the relu already
// raised.
func.func @hard_sigmoid_relu6(%x: tensor<8xf32>) -> tensor<8xf32> {
  %three = tensorrt.constant dense<3.0> : tensor<1xf32>
  %six = tensorrt.constant dense<6.0> : tensor<1xf32>
  %0 = tensorrt.element_wise <kSUM>(%x, %three : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %0 : tensor<8xf32>
  %2 = tensorrt.element_wise <kMIN>(%1, %six : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = tensorrt.element_wise <kDIV>(%2, %six : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %3 : tensor<8xf32>
}
// CHECK-LABEL: func.func @hard_sigmoid_relu6
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kHARD_SIGMOID>, alpha = 0.166666672 : f32, beta = 5.000000e-01 : f32} %arg0 : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// Hard swish: x * relu6(x + 3) / 6 becomes x * hard_sigmoid(x).
func.func @hard_swish(%x: tensor<8xf32>) -> tensor<8xf32> {
  %three = tensorrt.constant dense<3.0> : tensor<1xf32>
  %six = tensorrt.constant dense<6.0> : tensor<1xf32>
  %zero = tensorrt.constant dense<0.0> : tensor<1xf32>
  %0 = tensorrt.element_wise <kSUM>(%x, %three : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kMAX>(%0, %zero : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kMIN>(%1, %six : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = tensorrt.element_wise <kPROD>(%x, %2 : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %4 = tensorrt.element_wise <kDIV>(%3, %six : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %4 : tensor<8xf32>
}
// CHECK-LABEL: func.func @hard_swish
//  CHECK-SAME:     (%[[X:.+]]: tensor<8xf32>)
//  CHECK-NEXT:   %[[H:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kHARD_SIGMOID>, alpha = 0.166666672 : f32, beta = 5.000000e-01 : f32} %[[X]]
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.element_wise <kPROD>(%[[X]], %[[H]] :
//  CHECK-NEXT:   return %[[R]]

// -----

// Clamped to [0, 2]: not a hard sigmoid, but still a clip of 0.2x + 0.5.
func.func @hard_sigmoid_wrong_bound(%x: tensor<8xf32>) -> tensor<8xf32> {
  %a = tensorrt.constant dense<0.2> : tensor<1xf32>
  %b = tensorrt.constant dense<0.5> : tensor<1xf32>
  %zero = tensorrt.constant dense<0.0> : tensor<1xf32>
  %two = tensorrt.constant dense<2.0> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %a : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %b : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kMAX>(%1, %zero : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = tensorrt.element_wise <kMIN>(%2, %two : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %3 : tensor<8xf32>
}
// CHECK-LABEL: func.func @hard_sigmoid_wrong_bound
//   CHECK-NOT:   kHARD_SIGMOID
//       CHECK:   %[[Y:.+]] = tensorrt.element_wise <kSUM>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.000000e+00 : f32, beta = 2.000000e+00 : f32} %[[Y]]
//  CHECK-NEXT:   return %[[R]]

// -----

// 1.7159 * tanh(2/3 * x), LeCun's scaled tanh.
func.func @scaled_tanh(%x: tensor<8xf32>) -> tensor<8xf32> {
  %a = tensorrt.constant dense<1.7159> : tensor<1xf32>
  %b = tensorrt.constant dense<0.666666686> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%b, %x : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %0 : tensor<8xf32>
  %2 = tensorrt.element_wise <kPROD>(%1, %a : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %2 : tensor<8xf32>
}
// CHECK-LABEL: func.func @scaled_tanh
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSCALED_TANH>, alpha = 1.715900e+00 : f32, beta = 0.666666686 : f32} %arg0 : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @leaky_relu(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %a = tensorrt.constant dense<0.01> : tensor<1x1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %a : tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %1 = tensorrt.element_wise <kMAX>(%x, %0 : tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %1 : tensor<2x8xf32>
}
// CHECK-LABEL: func.func @leaky_relu
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>, alpha = 0.00999999977 : f32} %arg0 : tensor<2x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @leaky_relu_commuted(%x: tensor<2x8xf16>) -> tensor<2x8xf16> {
  %a = tensorrt.constant dense<0.2> : tensor<1x1xf16>
  %0 = tensorrt.element_wise <kPROD>(%a, %x : tensor<1x1xf16>, tensor<2x8xf16>) -> tensor<2x8xf16>
  %1 = tensorrt.element_wise <kMAX>(%0, %x : tensor<2x8xf16>, tensor<2x8xf16>) -> tensor<2x8xf16>
  return %1 : tensor<2x8xf16>
}
// CHECK-LABEL: func.func @leaky_relu_commuted
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>, alpha = 0.199951172 : f32} %arg0 : tensor<2x8xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// max(x, 1.5 x) is x for negative x: not a leaky relu.
func.func @leaky_relu_slope_above_one(%x: tensor<8xf32>) -> tensor<8xf32> {
  %a = tensorrt.constant dense<1.5> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%x, %a : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kMAX>(%x, %0 : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %1 : tensor<8xf32>
}
// CHECK-LABEL: func.func @leaky_relu_slope_above_one
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

func.func @leaky_relu_other_input(%x: tensor<8xf32>, %y: tensor<8xf32>) -> tensor<8xf32> {
  %a = tensorrt.constant dense<0.1> : tensor<1xf32>
  %0 = tensorrt.element_wise <kPROD>(%y, %a : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kMAX>(%x, %0 : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %1 : tensor<8xf32>
}
// CHECK-LABEL: func.func @leaky_relu_other_input
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   return

// -----

func.func @relu(%x: tensor<4x?xf32>, %i: tensor<6xi32>) -> (tensor<4x?xf32>, tensor<6xi32>) {
  %zero = tensorrt.constant dense<0.0> : tensor<1x1xf32>
  %izero = tensorrt.constant dense<0> : tensor<1xi32>
  %0 = tensorrt.element_wise <kMAX>(%zero, %x : tensor<1x1xf32>, tensor<4x?xf32>) -> tensor<4x?xf32>
  %1 = tensorrt.element_wise <kMAX>(%i, %izero : tensor<6xi32>, tensor<1xi32>) -> tensor<6xi32>
  return %0, %1 : tensor<4x?xf32>, tensor<6xi32>
}
// CHECK-LABEL: func.func @relu
//  CHECK-NEXT:   %[[A:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %arg0 : tensor<4x?xf32>
//  CHECK-NEXT:   %[[B:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %arg1 : tensor<6xi32>
//  CHECK-NEXT:   return %[[A]], %[[B]]

// -----

// max(x, 0) against a larger zero tensor broadcasts x: left alone.
func.func @relu_broadcast(%x: tensor<1x8xf32>) -> tensor<4x8xf32> {
  %zero = tensorrt.constant dense<0.0> : tensor<4x8xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %zero : tensor<1x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @relu_broadcast
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   tensorrt.element_wise <kMAX>

// -----

// ReLU6 and a symmetric clip.
func.func @clip(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %six = tensorrt.constant dense<6.0> : tensor<1xf32>
  %zero = tensorrt.constant dense<0.0> : tensor<1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1xf32>
  %mone = tensorrt.constant dense<-1.0> : tensor<1xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %zero : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %1 = tensorrt.element_wise <kMIN>(%six, %0 : tensor<1xf32>, tensor<8xf32>) -> tensor<8xf32>
  %2 = tensorrt.element_wise <kMIN>(%x, %one : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = tensorrt.element_wise <kMAX>(%2, %mone : tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  return %1, %3 : tensor<8xf32>, tensor<8xf32>
}
// CHECK-LABEL: func.func @clip
//   CHECK-DAG:   %[[A:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.000000e+00 : f32, beta = 6.000000e+00 : f32} %arg0
//   CHECK-DAG:   %[[B:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = -1.000000e+00 : f32, beta = 1.000000e+00 : f32} %arg0
//       CHECK:   return %[[A]], %[[B]]

// -----

func.func @max_zero_to_relu(%x: tensor<2x?xf16>) -> tensor<2x?xf16> {
  %zero = tensorrt.constant dense<0.0> : tensor<1x1xf16>
  %0 = tensorrt.element_wise <kMAX>(%x, %zero : tensor<2x?xf16>, tensor<1x1xf16>) -> tensor<2x?xf16>
  return %0 : tensor<2x?xf16>
}
// CHECK-LABEL: func.func @max_zero_to_relu
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x?xf16>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %[[X]] : tensor<2x?xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @no_relu_for_nonzero_bound(%x: tensor<8xf32>) -> tensor<8xf32> {
  %c = tensorrt.constant dense<0.5> : tensor<8xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %c : tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
// CHECK-LABEL: func.func @no_relu_for_nonzero_bound
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   tensorrt.element_wise <kMAX>

// -----

func.func @max_min_to_clip(%x: tensor<4xf16>) -> tensor<4xf16> {
  %lo = tensorrt.constant dense<2.0> : tensor<4xf16>
  %hi = tensorrt.constant dense<3.0> : tensor<4xf16>
  %0 = tensorrt.element_wise <kMIN>(%hi, %x : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = tensorrt.element_wise <kMAX>(%0, %lo : tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %1 : tensor<4xf16>
}
// CHECK-LABEL: func.func @max_min_to_clip
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 2.000000e+00 : f32, beta = 3.000000e+00 : f32}

// -----

// relu6: max(x, 0) becomes relu, then min(relu(x), 6) becomes clip.
func.func @relu6_to_clip(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = tensorrt.constant dense<0.0> : tensor<4xf32>
  %six = tensorrt.constant dense<6.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %zero : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tensorrt.element_wise <kMIN>(%0, %six : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @relu6_to_clip
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.000000e+00 : f32, beta = 6.000000e+00 : f32}
//  CHECK-NEXT:   return %[[R]]

// -----

// Bounds in the wrong order are not a clip.
func.func @no_clip_for_empty_range(%x: tensor<4xf32>) -> tensor<4xf32> {
  %lo = tensorrt.constant dense<5.0> : tensor<4xf32>
  %hi = tensorrt.constant dense<1.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %lo : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tensorrt.element_wise <kMIN>(%0, %hi : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_clip_for_empty_range
//   CHECK-NOT:   kCLIP
//       CHECK:   tensorrt.element_wise <kMAX>
//       CHECK:   tensorrt.element_wise <kMIN>

// -----

// The inner max has another user: clipping would compute it twice.
func.func @no_clip_when_inner_is_shared(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %lo = tensorrt.constant dense<-1.0> : tensor<4xf32>
  %hi = tensorrt.constant dense<1.0> : tensor<4xf32>
  %0 = tensorrt.element_wise <kMAX>(%x, %lo : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tensorrt.element_wise <kMIN>(%0, %hi : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @no_clip_when_inner_is_shared
//   CHECK-NOT:   kCLIP

// -----

// Integers have no clip activation.
func.func @no_clip_for_integers(%x: tensor<4xi32>) -> tensor<4xi32> {
  %lo = tensorrt.constant dense<1> : tensor<4xi32>
  %hi = tensorrt.constant dense<3> : tensor<4xi32>
  %0 = tensorrt.element_wise <kMAX>(%x, %lo : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = tensorrt.element_wise <kMIN>(%0, %hi : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %1 : tensor<4xi32>
}
// CHECK-LABEL: func.func @no_clip_for_integers
//   CHECK-NOT:   tensorrt.activation
//       CHECK:   tensorrt.element_wise <kMIN>
