// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// `lax.fori_loop`: the condition passes the loop values on, the body
// yields the next ones; calls in the body are inlined first.
// CHECK-LABEL: func.func @fori_loop
//       CHECK:   %[[R:.*]]:2 = tensorrt.while(%{{.*}}, %arg0 : tensor<i32>, tensor<4xf32>) -> tensor<i32>, tensor<4xf32> {
//       CHECK:   ^bb0(%[[I:.*]]: tensor<i32>, %[[V:.*]]: tensor<4xf32>):
//       CHECK:     %[[P:.*]] = tensorrt.element_wise <kLESS>(%[[I]], %{{.*}} : tensor<i32>, tensor<i32>) -> tensor<i1>
//       CHECK:     tensorrt.condition(%[[P]] : tensor<i1>) %[[I]], %[[V]] : tensor<i32>, tensor<4xf32>
//       CHECK:   }, {
//       CHECK:   ^bb0(%[[J:.*]]: tensor<i32>, %[[W:.*]]: tensor<4xf32>):
//       CHECK:     %[[M:.*]] = tensorrt.element_wise <kPROD>(%[[W]]
//       CHECK:     %[[N:.*]] = tensorrt.element_wise <kSUM>(%[[J]]
//       CHECK:     tensorrt.yield %[[N]], %[[M]] : tensor<i32>, tensor<4xf32>
//       CHECK:   return %[[R]]#1
func.func @fori_loop(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %c = stablehlo.constant dense<0> : tensor<i32>
  %0:2 = stablehlo.while(%iterArg = %c, %iterArg_0 = %arg0) : tensor<i32>, tensor<4xf32>
  cond {
    %c_1 = stablehlo.constant dense<3> : tensor<i32>
    %1 = stablehlo.compare LT, %iterArg, %c_1, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  } do {
    %1 = func.call @closed_call(%iterArg_0) : (tensor<4xf32>) -> tensor<4xf32>
    %c_1 = stablehlo.constant dense<1> : tensor<i32>
    %2 = stablehlo.add %iterArg, %c_1 : tensor<i32>
    stablehlo.return %2, %1 : tensor<i32>, tensor<4xf32>
  }
  return %0#1 : tensor<4xf32>
}
func.func private @closed_call(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.multiply %arg0, %arg0 : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// `lax.cond`: two-way case on (index == 0); branch 0 is the false branch
// of the Python `cond`.
// CHECK-LABEL: func.func @case2
//       CHECK:   %[[Z:.*]] = tensorrt.constant dense<0> : tensor<i32>
//       CHECK:   %[[P:.*]] = tensorrt.element_wise <kEQUAL>(%arg0, %[[Z]] : tensor<i32>, tensor<i32>) -> tensor<i1>
//       CHECK:   %[[R:.*]] = tensorrt.if(%[[P]] : tensor<i1>) -> tensor<4xf32> {
//       CHECK:     %[[S:.*]] = tensorrt.element_wise <kSUB>(%arg1, %arg1
//       CHECK:     tensorrt.yield %[[S]] : tensor<4xf32>
//       CHECK:   } else {
//       CHECK:     %[[A:.*]] = tensorrt.element_wise <kSUM>(%arg1, %arg1
//       CHECK:     tensorrt.yield %[[A]] : tensor<4xf32>
//       CHECK:   return %[[R]]
func.func @case2(%i: tensor<i32>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.case"(%i) ({
    %1 = stablehlo.subtract %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }, {
    %1 = stablehlo.add %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Three branches nest: the last one also runs for indices out of range.
// CHECK-LABEL: func.func @case3
//       CHECK:   %[[R:.*]] = tensorrt.if(%{{.*}} : tensor<i1>) -> tensor<4xf32> {
//       CHECK:     tensorrt.element_wise <kSUB>
//       CHECK:   } else {
//       CHECK:     %[[C1:.*]] = tensorrt.constant dense<1> : tensor<i32>
//       CHECK:     %[[P1:.*]] = tensorrt.element_wise <kEQUAL>(%arg0, %[[C1]]
//       CHECK:     %[[IN:.*]] = tensorrt.if(%[[P1]] : tensor<i1>) -> tensor<4xf32> {
//       CHECK:       tensorrt.element_wise <kSUM>
//       CHECK:     } else {
//       CHECK:       tensorrt.element_wise <kPROD>
//       CHECK:     tensorrt.yield %[[IN]] : tensor<4xf32>
//       CHECK:   return %[[R]]
func.func @case3(%i: tensor<i32>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.case"(%i) ({
    %1 = stablehlo.subtract %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }, {
    %1 = stablehlo.add %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }, {
    %1 = stablehlo.multiply %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @if
//       CHECK:   tensorrt.if(%arg0 : tensor<i1>) -> tensor<4xf32> {
//       CHECK:     tensorrt.yield %arg1 : tensor<4xf32>
//       CHECK:   } else {
//       CHECK:     tensorrt.element_wise <kSUM>
func.func @if(%p: tensor<i1>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<4xf32>
  }, {
    %1 = stablehlo.add %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A single branch always runs and is inlined.
// CHECK-LABEL: func.func @case1
//  CHECK-NEXT:   %[[A:.*]] = tensorrt.element_wise <kSUM>(%arg1, %arg1
//  CHECK-NEXT:   return %[[A]]
func.func @case1(%i: tensor<i32>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.case"(%i) ({
    %1 = stablehlo.add %x, %x : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
