// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// cbrt is sign(x)·|x|^(1/3); the sign keeps ±0.
// CHECK-LABEL: func.func @cbrt
//       CHECK:   %[[A:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %arg0
//       CHECK:   %[[THIRD:.*]] = tensorrt.constant dense<0.333333343> : tensor<1xf32>
//       CHECK:   %[[R:.*]] = tensorrt.element_wise <kPOW>(%[[A]], %[[THIRD]]
//       CHECK:   %[[S:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>} %arg0
//       CHECK:   %[[Z:.*]] = tensorrt.element_wise <kEQUAL>(%arg0,
//       CHECK:   %[[SZ:.*]] = tensorrt.select ins(%[[Z]], %arg0, %[[S]] :
//       CHECK:   tensorrt.element_wise <kPROD>(%[[SZ]], %[[R]]
func.func @cbrt(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.cbrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// f16 and bf16 are computed in f32 and rounded once.
// CHECK-LABEL: func.func @cbrt_f16
//       CHECK:   %[[W:.*]] = tensorrt.cast %arg0 : tensor<4xf16> to tensor<4xf32>
//       CHECK:   tensorrt.element_wise <kPOW>(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<1xf32>)
//       CHECK:   %[[R:.*]] = tensorrt.element_wise <kPROD>
//       CHECK:   tensorrt.cast %[[R]] : tensor<4xf32> to tensor<4xf16>
func.func @cbrt_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = stablehlo.cbrt %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// erf_inv: Giles' polynomials in w = -log((1 - x)(1 + x)), the central one
// for w < 5; ±1 gives ±inf.
// CHECK-LABEL: func.func @erf_inv
//       CHECK:   %[[L:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>}
//       CHECK:   %[[W:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %[[L]]
//       CHECK:   tensorrt.constant dense<2.500000e+00>
//       CHECK:   tensorrt.constant dense<1.50140941> : tensor<1xf32>
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %[[W]]
//       CHECK:   tensorrt.constant dense<2.83297682> : tensor<1xf32>
//       CHECK:   %[[FIVE:.*]] = tensorrt.constant dense<5.000000e+00>
//       CHECK:   %[[C:.*]] = tensorrt.element_wise <kLESS>(%[[W]], %[[FIVE]]
//       CHECK:   %[[P:.*]] = tensorrt.select ins(%[[C]],
//       CHECK:   %[[R:.*]] = tensorrt.element_wise <kPROD>(%[[P]], %arg0
//       CHECK:   %[[INF:.*]] = tensorrt.constant dense<0x7F800000> : tensor<1xf32>
//       CHECK:   %[[I:.*]] = tensorrt.element_wise <kPROD>(%arg0, %[[INF]]
//       CHECK:   tensorrt.select ins(%{{.*}}, %[[I]], %[[R]] :
func.func @erf_inv(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.erf_inv %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// lgamma: the Lanczos sum (g = 7, 9 terms) with the reflection below ½.
// CHECK-LABEL: func.func @lgamma
//       CHECK:   %[[HALF:.*]] = tensorrt.constant dense<5.000000e-01> : tensor<1xf32>
//       CHECK:   %[[REFLECT:.*]] = tensorrt.element_wise <kLESS>(%arg0, %[[HALF]]
//       CHECK:   tensorrt.constant dense<676.520386> : tensor<1xf32>
//       CHECK:   tensorrt.constant dense<1.50563267E-7> : tensor<1xf32>
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>}
//       CHECK:   %[[R:.*]] = tensorrt.select ins(%[[REFLECT]],
//       CHECK:   %[[INF:.*]] = tensorrt.constant dense<0x7F800000>
//       CHECK:   %[[ISINF:.*]] = tensorrt.element_wise <kEQUAL>(%{{.*}}, %[[INF]]
//       CHECK:   tensorrt.select ins(%[[ISINF]], %{{.*}}, %[[R]] :
func.func @lgamma(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.lgamma %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// digamma: the derivative of the Lanczos form, ψ(1 - x) - π·cot(πx) below
// ½, NaN at the poles.
// CHECK-LABEL: func.func @digamma
//       CHECK:   %[[REFLECT:.*]] = tensorrt.element_wise <kLESS>(%arg0,
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCOS>}
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>}
//       CHECK:   %[[R:.*]] = tensorrt.select ins(%[[REFLECT]],
//       CHECK:   %[[POLE:.*]] = tensorrt.element_wise <kAND>
//       CHECK:   %[[NAN:.*]] = tensorrt.constant dense<0x7FC00000>
//       CHECK:   tensorrt.select ins(%[[POLE]], %[[NAN]], %[[R]] :
func.func @digamma(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.digamma %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @infinities
//       CHECK:   %[[A:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %arg0
//       CHECK:   %[[INF:.*]] = tensorrt.constant dense<0x7F800000> : tensor<1xf32>
//       CHECK:   tensorrt.element_wise <kEQUAL>(%[[A]], %[[INF]]
//       CHECK:   %[[PINF:.*]] = tensorrt.constant dense<0x7F800000> : tensor<1xf32>
//       CHECK:   tensorrt.element_wise <kEQUAL>(%arg0, %[[PINF]]
//       CHECK:   %[[NINF:.*]] = tensorrt.constant dense<0xFF800000> : tensor<1xf32>
//       CHECK:   tensorrt.element_wise <kEQUAL>(%arg0, %[[NINF]]
func.func @infinities(%x: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = chlo.is_inf %x : tensor<4xf32> -> tensor<4xi1>
  %1 = chlo.is_pos_inf %x : tensor<4xf32> -> tensor<4xi1>
  %2 = chlo.is_neg_inf %x : tensor<4xf32> -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// TensorRT's trigonometric and hyperbolic layers take f16 and f32: bf16 goes
// through f32.
// CHECK-LABEL: func.func @bf16_tan
//       CHECK:   %[[W:.*]] = tensorrt.cast %arg0 : tensor<4xbf16> to tensor<4xf32>
//       CHECK:   %[[T:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kTAN>} %[[W]] : tensor<4xf32>
//       CHECK:   tensorrt.cast %[[T]] : tensor<4xf32> to tensor<4xbf16>
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %{{.*}} : tensor<4xbf16>
func.func @bf16_tan(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = stablehlo.tan %x : tensor<4xbf16>
  %1 = stablehlo.exponential %0 : tensor<4xbf16>
  return %1 : tensor<4xbf16>
}
