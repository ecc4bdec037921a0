// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Generic canonicalization over tensorrt ops: dead ops go away, constants
// are uniqued and materialized through the dialect.

// -----

func.func @drop_dead(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %a : tensor<4xf32>
  %1 = tensorrt.softmax {axis = 0 : i64} %a : tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @drop_dead
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.softmax
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @unique_constants(%a: tensor<2xf32>) -> tensor<2xf32> {
  %0 = tensorrt.constant dense<2.0> : tensor<2xf32>
  %1 = tensorrt.element_wise <kPROD>(%a, %0 : tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = tensorrt.constant dense<2.0> : tensor<2xf32>
  %3 = tensorrt.element_wise <kSUM>(%1, %2 : tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %3 : tensor<2xf32>
}
// CHECK-LABEL: func.func @unique_constants
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<2.000000e+00> : tensor<2xf32>
//  CHECK-NEXT:   %[[P:.+]] = tensorrt.element_wise <kPROD>(%{{.+}}, %[[C]] :
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%[[P]], %[[C]] :
