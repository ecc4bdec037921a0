// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.for.

// -----

func.func @for_accumulate(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.for %i = %lb to %ub step %step init(%acc = %x) -> (tensor<4xf32>) {
    %s = tensorrt.element_wise <kSUM>(%acc, %x : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    tensorrt.yield %s : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @for_accumulate
//  CHECK-SAME:   (%[[LB:.+]]: tensor<i32>, %[[UB:.+]]: tensor<i32>, %[[STEP:.+]]: tensor<i32>, %[[X:.+]]: tensor<4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.for %{{.+}} = %[[LB]] to %[[UB]] step %[[STEP]] init(%[[ACC:.+]] = %[[X]]) -> (tensor<4xf32>) {
//  CHECK-NEXT:     %[[S:.+]] = tensorrt.element_wise <kSUM>(%[[ACC]], %[[X]]
//  CHECK-NEXT:     tensorrt.yield %[[S]] : tensor<4xf32>
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @for_two_carried_uses_iv(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<10xf16>, %n: tensor<i32>) -> (tensor<10xf16>, tensor<i32>) {
  %0:2 = tensorrt.for %i = %lb to %ub step %step init(%x = %a, %s = %n) -> (tensor<10xf16>, tensor<i32>) {
    %t = tensorrt.element_wise <kSUM>(%s, %i : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %x, %t : tensor<10xf16>, tensor<i32>
  }
  return %0#0, %0#1 : tensor<10xf16>, tensor<i32>
}
// CHECK-LABEL: func.func @for_two_carried_uses_iv
//       CHECK:   tensorrt.for %[[IV:.+]] = %{{.+}} to %{{.+}} step %{{.+}} init(%{{.+}} = %{{.+}}, %[[S:.+]] = %{{.+}}) -> (tensor<10xf16>, tensor<i32>) {
//  CHECK-NEXT:     tensorrt.element_wise <kSUM>(%[[S]], %[[IV]]

// -----

// Without carried values the loop has no results.
func.func @for_no_carried(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>) {
  tensorrt.for %i = %lb to %ub step %step init() -> () {
    tensorrt.yield
  }
  return
}
// CHECK-LABEL: func.func @for_no_carried
//       CHECK:   tensorrt.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} init() -> () {
//  CHECK-NEXT:     tensorrt.yield

// -----

// The single-type result list may be written without parentheses.
func.func @for_bare_result_type(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = tensorrt.for %i = %lb to %ub step %step init(%acc = %x) -> tensor<2xf32> {
    tensorrt.yield %acc : tensor<2xf32>
  }
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @for_bare_result_type
//       CHECK:   init(%{{.+}} = %{{.+}}) -> (tensor<2xf32>) {
