// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.while with its tensorrt.condition and tensorrt.yield
// terminators.

// -----

func.func @while_count_to_limit(%init: tensor<i32>, %limit: tensor<i32>, %one: tensor<i32>) -> tensor<i32> {
  %0 = tensorrt.while (%init : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%i, %limit : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    %next = tensorrt.element_wise <kSUM>(%i, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %next : tensor<i32>
  }
  return %0 : tensor<i32>
}
// CHECK-LABEL: func.func @while_count_to_limit
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.while(%{{.+}} : tensor<i32>) -> tensor<i32> {
//  CHECK-NEXT:   ^bb0(%[[I:.+]]: tensor<i32>):
//  CHECK-NEXT:     %[[GO:.+]] = tensorrt.element_wise <kLESS>
//  CHECK-NEXT:     tensorrt.condition(%[[GO]] : tensor<i1>) %[[I]] : tensor<i32>
//  CHECK-NEXT:   }, {
//  CHECK-NEXT:   ^bb0(%[[J:.+]]: tensor<i32>):
//  CHECK-NEXT:     %[[N:.+]] = tensorrt.element_wise <kSUM>(%[[J]]
//  CHECK-NEXT:     tensorrt.yield %[[N]] : tensor<i32>
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @while_two_carried(%i0: tensor<f32>, %acc0: tensor<2x3xf32>, %limit: tensor<f32>) -> (tensor<f32>, tensor<2x3xf32>) {
  %0:2 = tensorrt.while (%i0, %acc0 : tensor<f32>, tensor<2x3xf32>) -> tensor<f32>, tensor<2x3xf32> {
  ^bb0(%i: tensor<f32>, %acc: tensor<2x3xf32>):
    %go = tensorrt.element_wise <kLESS>(%i, %limit : tensor<f32>, tensor<f32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %i, %acc : tensor<f32>, tensor<2x3xf32>
  }, {
  ^bb0(%i: tensor<f32>, %acc: tensor<2x3xf32>):
    %twice = tensorrt.element_wise <kSUM>(%acc, %acc : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    tensorrt.yield %i, %twice : tensor<f32>, tensor<2x3xf32>
  }
  return %0#0, %0#1 : tensor<f32>, tensor<2x3xf32>
}
// CHECK-LABEL: func.func @while_two_carried
//       CHECK:   tensorrt.while(%{{.+}}, %{{.+}} : tensor<f32>, tensor<2x3xf32>) -> tensor<f32>, tensor<2x3xf32> {
//       CHECK:     tensorrt.condition(%{{.+}} : tensor<i1>) %{{.+}}, %{{.+}} : tensor<f32>, tensor<2x3xf32>
//       CHECK:     tensorrt.yield %{{.+}}, %{{.+}} : tensor<f32>, tensor<2x3xf32>
