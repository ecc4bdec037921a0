// RUN: kiln-opt %s -split-input-file -cse | FileCheck %s

// tensorrt ops have no side effects, so identical ops are merged.

// -----

func.func @merge_identical(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @merge_identical
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.element_wise <kSUM>
//  CHECK-NEXT:   return %[[S]], %[[S]]

// -----

func.func @keep_different_attributes(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tensorrt.element_wise <kSUB>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @keep_different_attributes
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>
//  CHECK-NEXT:   tensorrt.element_wise <kSUB>

// -----

func.func @merge_constants() -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = tensorrt.constant dense<1.0> : tensor<2xf32>
  %1 = tensorrt.constant dense<1.0> : tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}
// CHECK-LABEL: func.func @merge_constants
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<1.000000e+00> : tensor<2xf32>
//  CHECK-NEXT:   return %[[C]], %[[C]]
