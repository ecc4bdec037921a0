// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// CHECK-LABEL: func.func @binary
//       CHECK:   %[[S:.*]] = tensorrt.element_wise <kSUM>(%arg0, %arg1 :
//       CHECK:   %[[D:.*]] = tensorrt.element_wise <kSUB>(%[[S]], %arg1 :
//       CHECK:   %[[M:.*]] = tensorrt.element_wise <kPROD>(%[[D]], %arg0 :
//       CHECK:   %[[Q:.*]] = tensorrt.element_wise <kDIV>(%[[M]], %arg1 :
//       CHECK:   %[[X:.*]] = tensorrt.element_wise <kMAX>(%[[Q]], %arg0 :
//       CHECK:   %[[N:.*]] = tensorrt.element_wise <kMIN>(%[[X]], %arg1 :
//       CHECK:   tensorrt.element_wise <kPOW>(%[[N]], %arg0 :
//   CHECK-NOT:   stablehlo
func.func @binary(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.add %a, %b : tensor<4xf32>
  %1 = stablehlo.subtract %0, %b : tensor<4xf32>
  %2 = stablehlo.multiply %1, %a : tensor<4xf32>
  %3 = stablehlo.divide %2, %b : tensor<4xf32>
  %4 = stablehlo.maximum %3, %a : tensor<4xf32>
  %5 = stablehlo.minimum %4, %b : tensor<4xf32>
  %6 = stablehlo.power %5, %a : tensor<4xf32>
  return %6 : tensor<4xf32>
}

// -----

// On i1, add and maximum are `or`, multiply and minimum are `and`.
// CHECK-LABEL: func.func @booleans
//       CHECK:   tensorrt.element_wise <kOR>(%arg0, %arg1
//       CHECK:   tensorrt.element_wise <kAND>
//       CHECK:   tensorrt.element_wise <kXOR>
//       CHECK:   tensorrt.element_wise <kAND>
//       CHECK:   tensorrt.element_wise <kOR>
func.func @booleans(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = stablehlo.add %a, %b : tensor<4xi1>
  %1 = stablehlo.multiply %0, %b : tensor<4xi1>
  %2 = stablehlo.xor %1, %a : tensor<4xi1>
  %3 = stablehlo.and %2, %b : tensor<4xi1>
  %4 = stablehlo.or %3, %a : tensor<4xi1>
  return %4 : tensor<4xi1>
}

// -----

// remainder is a - b * trunc(a / b); trunc picks ceil below zero.
// CHECK-LABEL: func.func @remainder
//       CHECK:   %[[Q:.*]] = tensorrt.element_wise <kDIV>(%arg0, %arg1
//       CHECK:   %[[NEG:.*]] = tensorrt.element_wise <kLESS>(%[[Q]],
//       CHECK:   %[[C:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCEIL>} %[[Q]]
//       CHECK:   %[[F:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kFLOOR>} %[[Q]]
//       CHECK:   %[[T:.*]] = tensorrt.select ins(%[[NEG]], %[[C]], %[[F]]
//       CHECK:   %[[P:.*]] = tensorrt.element_wise <kPROD>(%arg1, %[[T]]
//       CHECK:   tensorrt.element_wise <kSUB>(%arg0, %[[P]]
func.func @remainder(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.remainder %a, %b : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Integer remainder uses the truncating division directly.
// CHECK-LABEL: func.func @remainder_int
//       CHECK:   %[[Q:.*]] = tensorrt.element_wise <kDIV>(%arg0, %arg1
//   CHECK-NOT:   tensorrt.select
//       CHECK:   %[[P:.*]] = tensorrt.element_wise <kPROD>(%arg1, %[[Q]]
//       CHECK:   tensorrt.element_wise <kSUB>(%arg0, %[[P]]
func.func @remainder_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.remainder %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @clamp_scalar_bounds
//       CHECK:   %[[LO:.*]] = tensorrt.expand_rank %arg0 : tensor<f32> to tensor<1x1xf32>
//       CHECK:   %[[HI:.*]] = tensorrt.expand_rank %arg2 : tensor<f32> to tensor<1x1xf32>
//       CHECK:   %[[R:.*]] = tensorrt.element_wise <kMAX>(%arg1, %[[LO]] : tensor<2x3xf32>, tensor<1x1xf32>)
//       CHECK:   tensorrt.element_wise <kMIN>(%[[R]], %[[HI]] : tensor<2x3xf32>, tensor<1x1xf32>)
func.func @clamp_scalar_bounds(%lo: tensor<f32>, %x: tensor<2x3xf32>, %hi: tensor<f32>) -> tensor<2x3xf32> {
  %0 = stablehlo.clamp %lo, %x, %hi : (tensor<f32>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
