// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// A run-time start is clamped into [0, 5 - 2] and the window is a gather
// along dimension 0; dimension 1 is taken whole, so its start is ignored.
// CHECK-LABEL: func.func @rows
//   CHECK-DAG:   %[[ZERO:.*]] = tensorrt.constant dense<0> : tensor<i32>
//   CHECK-DAG:   %[[HIGH:.*]] = tensorrt.constant dense<3> : tensor<i32>
//       CHECK:   %[[LO:.*]] = tensorrt.element_wise <kMAX>(%arg1, %[[ZERO]] :
//       CHECK:   %[[CL:.*]] = tensorrt.element_wise <kMIN>(%[[LO]], %[[HIGH]] :
//       CHECK:   %[[S:.*]] = tensorrt.reshape %[[CL]] : tensor<i32> to tensor<1xi32>
//       CHECK:   %[[IOTA:.*]] = tensorrt.constant dense<[0, 1]> : tensor<2xi32>
//       CHECK:   %[[IDX:.*]] = tensorrt.element_wise <kSUM>(%[[S]], %[[IOTA]] : tensor<1xi32>, tensor<2xi32>) -> tensor<2xi32>
//       CHECK:   %[[G:.*]] = tensorrt.gather {axis = 0 : i64} ins(%arg0, %[[IDX]] : tensor<5x6xf32>, tensor<2xi32>) -> tensor<2x6xf32>
//  CHECK-NEXT:   return %[[G]]
func.func @rows(%x: tensor<5x6xf32>, %i: tensor<i32>, %j: tensor<i32>) -> tensor<2x6xf32> {
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [2, 6] : (tensor<5x6xf32>, tensor<i32>, tensor<i32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// One gather per dimension that is not taken whole; a window of one is
// the clamped start itself. i64 starts are clamped before they become i32.
// CHECK-LABEL: func.func @both_dims
//       CHECK:   tensorrt.constant dense<2> : tensor<i64>
//       CHECK:   %[[C0:.*]] = tensorrt.cast %{{.*}} : tensor<i64> to tensor<i32>
//       CHECK:   %[[G0:.*]] = tensorrt.gather {axis = 0 : i64} ins(%arg0, %{{.*}} : tensor<5x6xf32>, tensor<3xi32>) -> tensor<3x6xf32>
//       CHECK:   tensorrt.constant dense<5> : tensor<i64>
//       CHECK:   %[[C1:.*]] = tensorrt.cast %{{.*}} : tensor<i64> to tensor<i32>
//       CHECK:   %[[S1:.*]] = tensorrt.reshape %[[C1]] : tensor<i32> to tensor<1xi32>
//       CHECK:   %[[G1:.*]] = tensorrt.gather {axis = 1 : i64} ins(%[[G0]], %[[S1]] : tensor<3x6xf32>, tensor<1xi32>) -> tensor<3x1xf32>
//  CHECK-NEXT:   return %[[G1]]
func.func @both_dims(%x: tensor<5x6xf32>, %i: tensor<i64>, %j: tensor<i64>) -> tensor<3x1xf32> {
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [3, 1] : (tensor<5x6xf32>, tensor<i64>, tensor<i64>) -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}

// -----

// CHECK-LABEL: func.func @whole
//  CHECK-NEXT:   return %arg0
func.func @whole(%x: tensor<5x6xi1>, %i: tensor<i32>, %j: tensor<i32>) -> tensor<5x6xi1> {
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [5, 6] : (tensor<5x6xi1>, tensor<i32>, tensor<i32>) -> tensor<5x6xi1>
  return %0 : tensor<5x6xi1>
}
