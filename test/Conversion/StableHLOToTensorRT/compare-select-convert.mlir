// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// CHECK-LABEL: func.func @directions
//       CHECK:   tensorrt.element_wise <kGREATER>(%arg0, %arg1
//       CHECK:   tensorrt.element_wise <kLESS>(%arg0, %arg1
//       CHECK:   tensorrt.element_wise <kEQUAL>(%arg0, %arg1
//       CHECK:   %[[EQ:.*]] = tensorrt.element_wise <kEQUAL>(%arg0, %arg1
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %[[EQ]]
//       CHECK:   %[[GT:.*]] = tensorrt.element_wise <kGREATER>(%arg0, %arg1
//       CHECK:   %[[EQ2:.*]] = tensorrt.element_wise <kEQUAL>(%arg0, %arg1
//       CHECK:   tensorrt.element_wise <kOR>(%[[GT]], %[[EQ2]]
//       CHECK:   %[[LT:.*]] = tensorrt.element_wise <kLESS>(%arg0, %arg1
//       CHECK:   %[[EQ3:.*]] = tensorrt.element_wise <kEQUAL>(%arg0, %arg1
//       CHECK:   tensorrt.element_wise <kOR>(%[[LT]], %[[EQ3]]
func.func @directions(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare GT, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.compare LT, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %3 = stablehlo.compare NE, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %4 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %5 = stablehlo.compare LE, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// Booleans: NE is xor, EQ its negation, orderings compare as i32.
// CHECK-LABEL: func.func @boolean_compare
//       CHECK:   tensorrt.element_wise <kXOR>(%arg0, %arg1
//       CHECK:   %[[X:.*]] = tensorrt.element_wise <kXOR>(%arg0, %arg1
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %[[X]]
//       CHECK:   %[[A:.*]] = tensorrt.cast %arg0 : tensor<4xi1> to tensor<4xi32>
//       CHECK:   %[[B:.*]] = tensorrt.cast %arg1 : tensor<4xi1> to tensor<4xi32>
//       CHECK:   tensorrt.element_wise <kGREATER>(%[[A]], %[[B]]
func.func @boolean_compare(%a: tensor<4xi1>, %b: tensor<4xi1>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare NE, %a, %b, UNSIGNED : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %1 = stablehlo.compare EQ, %a, %b, UNSIGNED : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %2 = stablehlo.compare GT, %a, %b, UNSIGNED : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @select
//       CHECK:   tensorrt.select ins(%arg0, %arg1, %arg2 : tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @select(%p: tensor<2x3xi1>, %a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.select %p, %a, %b : tensor<2x3xi1>, tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A scalar predicate gets unit dimensions and broadcasts.
// CHECK-LABEL: func.func @select_scalar_predicate
//       CHECK:   %[[P:.*]] = tensorrt.expand_rank %arg0 : tensor<i1> to tensor<1x1xi1>
//       CHECK:   tensorrt.select ins(%[[P]], %arg1, %arg2 : tensor<1x1xi1>, tensor<2x3xf32>, tensor<2x3xf32>)
func.func @select_scalar_predicate(%p: tensor<i1>, %a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.select %p, %a, %b : tensor<i1>, tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @convert
//       CHECK:   %[[I:.*]] = tensorrt.cast %arg0 : tensor<4xf32> to tensor<4xi32>
//       CHECK:   %[[B:.*]] = tensorrt.cast %[[I]] : tensor<4xi32> to tensor<4xi1>
//       CHECK:   return %[[B]], %arg0
func.func @convert(%x: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xf32>) {
  %0 = stablehlo.convert %x : (tensor<4xf32>) -> tensor<4xi32>
  %1 = stablehlo.convert %0 : (tensor<4xi32>) -> tensor<4xi1>
  %2 = stablehlo.convert %x : tensor<4xf32>
  return %1, %2 : tensor<4xi1>, tensor<4xf32>
}
