// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// CHECK-LABEL: func.func @direct
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %arg0
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCOS>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kFLOOR>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCEIL>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kROUND>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kTAN>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSINH>}
func.func @direct(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.exponential %x : tensor<4xf32>
  %1 = stablehlo.log %0 : tensor<4xf32>
  %2 = stablehlo.abs %1 : tensor<4xf32>
  %3 = stablehlo.negate %2 : tensor<4xf32>
  %4 = stablehlo.sine %3 : tensor<4xf32>
  %5 = stablehlo.cosine %4 : tensor<4xf32>
  %6 = stablehlo.sqrt %5 : tensor<4xf32>
  %7 = stablehlo.floor %6 : tensor<4xf32>
  %8 = stablehlo.ceil %7 : tensor<4xf32>
  %9 = stablehlo.sign %8 : tensor<4xf32>
  %10 = stablehlo.round_nearest_even %9 : tensor<4xf32>
  %11 = stablehlo.tan %10 : tensor<4xf32>
  %12 = chlo.erf %11 : tensor<4xf32> -> tensor<4xf32>
  %13 = chlo.sinh %12 : tensor<4xf32> -> tensor<4xf32>
  return %13 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @activations
//       CHECK:   tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %arg0
//       CHECK:   tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>}
func.func @activations(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.tanh %x : tensor<4xf32>
  %1 = stablehlo.logistic %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @rsqrt
//       CHECK:   %[[S:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %arg0
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %[[S]]
func.func @rsqrt(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.rsqrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @log1p_expm1
//       CHECK:   %[[ONE:.*]] = tensorrt.constant dense<1.000000e+00> : tensor<1xf32>
//       CHECK:   %[[P:.*]] = tensorrt.element_wise <kSUM>(%arg0, %[[ONE]] : tensor<4xf32>, tensor<1xf32>)
//       CHECK:   %[[L:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %[[P]]
//       CHECK:   %[[E:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %[[L]]
//       CHECK:   tensorrt.element_wise <kSUB>(%[[E]],
func.func @log1p_expm1(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.log_plus_one %x : tensor<4xf32>
  %1 = stablehlo.exponential_minus_one %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @erfc_square
//       CHECK:   %[[ERF:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %arg0
//       CHECK:   %[[C:.*]] = tensorrt.element_wise <kSUB>(%{{.*}}, %[[ERF]]
//       CHECK:   tensorrt.element_wise <kPROD>(%[[C]], %[[C]]
func.func @erfc_square(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.erfc %x : tensor<4xf32> -> tensor<4xf32>
  %1 = chlo.square %0 : tensor<4xf32> -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Round half away from zero: sign(x) * floor(|x| + 0.5).
// CHECK-LABEL: func.func @round_afz
//       CHECK:   %[[A:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %arg0
//       CHECK:   %[[H:.*]] = tensorrt.element_wise <kSUM>(%[[A]],
//       CHECK:   %[[F:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kFLOOR>} %[[H]]
//       CHECK:   %[[S:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>} %arg0
//       CHECK:   tensorrt.element_wise <kPROD>(%[[S]], %[[F]]
func.func @round_afz(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.round_nearest_afz %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @not_is_finite
//       CHECK:   %[[D:.*]] = tensorrt.element_wise <kSUB>(%arg0, %arg0
//       CHECK:   %[[F:.*]] = tensorrt.element_wise <kEQUAL>(%[[D]],
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %[[F]]
func.func @not_is_finite(%x: tensor<4xf32>) -> tensor<4xi1> {
  %0 = stablehlo.is_finite %x : (tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.not %0 : tensor<4xi1>
  return %1 : tensor<4xi1>
}
