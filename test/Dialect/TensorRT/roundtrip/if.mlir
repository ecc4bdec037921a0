// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.if and its tensorrt.yield terminators.

// -----

func.func @if_select_branch(%c: tensor<i1>, %a: tensor<10xf32>, %b: tensor<10xf32>) -> tensor<10xf32> {
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<10xf32> {
    %s = tensorrt.element_wise <kSUM>(%a, %b : tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    tensorrt.yield %s : tensor<10xf32>
  } else {
    tensorrt.yield %b : tensor<10xf32>
  }
  return %0 : tensor<10xf32>
}
// CHECK-LABEL: func.func @if_select_branch
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.if(%{{.+}} : tensor<i1>) -> tensor<10xf32> {
//  CHECK-NEXT:     %[[S:.+]] = tensorrt.element_wise <kSUM>
//  CHECK-NEXT:     tensorrt.yield %[[S]] : tensor<10xf32>
//  CHECK-NEXT:   } else {
//  CHECK-NEXT:     tensorrt.yield %{{.+}} : tensor<10xf32>
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @if_two_results(%c: tensor<i1>, %a: tensor<4xf16>, %i: tensor<i32>) -> (tensor<4xf16>, tensor<i32>) {
  %0:2 = tensorrt.if (%c : tensor<i1>) -> tensor<4xf16>, tensor<i32> {
    tensorrt.yield %a, %i : tensor<4xf16>, tensor<i32>
  } else {
    tensorrt.yield %a, %i : tensor<4xf16>, tensor<i32>
  }
  return %0#0, %0#1 : tensor<4xf16>, tensor<i32>
}
// CHECK-LABEL: func.func @if_two_results
//       CHECK:   tensorrt.if(%{{.+}} : tensor<i1>) -> tensor<4xf16>, tensor<i32> {
//       CHECK:     tensorrt.yield %{{.+}}, %{{.+}} : tensor<4xf16>, tensor<i32>
//       CHECK:   } else {

// -----

// One branch knows a size the other does not; the result may state it.
func.func @if_refines_shape(%c: tensor<i1>, %a: tensor<?x4xf32>, %b: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<3x4xf32> {
    tensorrt.yield %a : tensor<?x4xf32>
  } else {
    tensorrt.yield %b : tensor<3x4xf32>
  }
  return %0 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @if_refines_shape
//       CHECK:   tensorrt.if(%{{.+}} : tensor<i1>) -> tensor<3x4xf32>
