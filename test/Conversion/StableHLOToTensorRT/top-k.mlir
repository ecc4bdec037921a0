// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// CHECK-LABEL: func.func @top_k
//       CHECK:   %[[V:.*]], %[[I:.*]] = tensorrt.top_k <kMAX> {axis = 1 : i64, k = 2 : i64} %arg0 : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi32>
//       CHECK:   return %[[V]], %[[I]]
func.func @top_k(%x: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi32>) {
  %values, %indices = chlo.top_k(%x, k = 2) : tensor<3x5xf32> -> (tensor<3x2xf32>, tensor<3x2xi32>)
  return %values, %indices : tensor<3x2xf32>, tensor<3x2xi32>
}

// -----

// `jnp.argmax`: a two-input reduce of the values and an iota along the
// reduced dimension becomes top_k with k = 1 (the first of equal values).
// CHECK-LABEL: func.func @argmax
//       CHECK:   %[[V:.*]], %[[I:.*]] = tensorrt.top_k <kMAX> {axis = 1 : i64, k = 1 : i64} %arg0 : tensor<3x5xf32> -> tensor<3x1xf32>, tensor<3x1xi32>
//       CHECK:   %[[R:.*]] = tensorrt.reshape %[[I]] : tensor<3x1xi32> to tensor<3xi32>
//       CHECK:   return %[[R]]
func.func @argmax(%arg0: tensor<3x5xf32>) -> tensor<3xi32> {
  %0 = stablehlo.iota dim = 1 : tensor<3x5xi32>
  %cst = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %c = stablehlo.constant dense<0> : tensor<i32>
  %1:2 = stablehlo.reduce(%arg0 init: %cst), (%0 init: %c) across dimensions = [1] : (tensor<3x5xf32>, tensor<3x5xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
   reducer(%arg1: tensor<f32>, %arg3: tensor<f32>) (%arg2: tensor<i32>, %arg4: tensor<i32>)  {
    %2 = stablehlo.compare GT, %arg1, %arg3, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %3 = stablehlo.compare NE, %arg1, %arg1, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %4 = stablehlo.or %2, %3 : tensor<i1>
    %5 = stablehlo.compare EQ, %arg1, %arg3, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %6 = stablehlo.compare LT, %arg2, %arg4, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %7 = stablehlo.and %5, %6 : tensor<i1>
    %8 = stablehlo.or %4, %7 : tensor<i1>
    %9 = stablehlo.select %4, %arg1, %arg3 : tensor<i1>, tensor<f32>
    %10 = stablehlo.select %8, %arg2, %arg4 : tensor<i1>, tensor<i32>
    stablehlo.return %9, %10 : tensor<f32>, tensor<i32>
  }
  return %1#1 : tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @argmin_axis0
//       CHECK:   tensorrt.top_k <kMIN> {axis = 0 : i64, k = 1 : i64} %arg0 : tensor<4x2xf32> -> tensor<1x2xf32>, tensor<1x2xi32>
func.func @argmin_axis0(%arg0: tensor<4x2xf32>) -> tensor<2xi32> {
  %0 = stablehlo.iota dim = 0 : tensor<4x2xi32>
  %cst = stablehlo.constant dense<0x7F800000> : tensor<f32>
  %c = stablehlo.constant dense<0> : tensor<i32>
  %1:2 = stablehlo.reduce(%arg0 init: %cst), (%0 init: %c) across dimensions = [0] : (tensor<4x2xf32>, tensor<4x2xi32>, tensor<f32>, tensor<i32>) -> (tensor<2xf32>, tensor<2xi32>)
   reducer(%arg1: tensor<f32>, %arg3: tensor<f32>) (%arg2: tensor<i32>, %arg4: tensor<i32>)  {
    %2 = stablehlo.compare LT, %arg1, %arg3, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %3 = stablehlo.compare NE, %arg1, %arg1, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %4 = stablehlo.or %2, %3 : tensor<i1>
    %5 = stablehlo.compare EQ, %arg1, %arg3, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %6 = stablehlo.compare LT, %arg2, %arg4, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %7 = stablehlo.and %5, %6 : tensor<i1>
    %8 = stablehlo.or %4, %7 : tensor<i1>
    %9 = stablehlo.select %4, %arg1, %arg3 : tensor<i1>, tensor<f32>
    %10 = stablehlo.select %8, %arg2, %arg4 : tensor<i1>, tensor<i32>
    stablehlo.return %9, %10 : tensor<f32>, tensor<i32>
  }
  return %1#1 : tensor<2xi32>
}

// -----

// atan2 is composed: atan(y / x), moved by ±π when x < 0, 0 at the origin.
// CHECK-LABEL: func.func @atan2
//       CHECK:   %[[Q:.*]] = tensorrt.element_wise <kDIV>(%arg0, %arg1
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kATAN>} %[[Q]]
//       CHECK:   tensorrt.select
//       CHECK:   tensorrt.select
//       CHECK:   tensorrt.select
//   CHECK-NOT:   stablehlo
func.func @atan2(%y: tensor<5xf32>, %x: tensor<5xf32>) -> tensor<5xf32> {
  %0 = stablehlo.atan2 %y, %x : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// `jnp.argsort`: a sort by the first input is top_k over the whole
// dimension, then a stable pass that moves NaNs last (see sort.mlir); the
// iota that follows it is the permutation.
// CHECK-LABEL: func.func @argsort
//       CHECK:   %[[V:.*]], %[[I:.*]] = tensorrt.top_k <kMIN> {axis = 1 : i64, k = 7 : i64} %arg0 : tensor<3x7xf32> -> tensor<3x7xf32>, tensor<3x7xi32>
//       CHECK:   %{{.*}}, %[[I2:.*]] = tensorrt.top_k <kMAX> {axis = 1 : i64, k = 7 : i64}
//       CHECK:   %[[ORDER:.*]] = tensorrt.gather_elements {axis = 1 : i64} ins(%[[I]], %[[I2]]
//       CHECK:   return %[[ORDER]]
func.func @argsort(%arg0: tensor<3x7xf32>) -> tensor<3x7xi32> {
  %0 = stablehlo.iota dim = 1 : tensor<3x7xi32>
  %1:2 = "stablehlo.sort"(%arg0, %0) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%arg1: tensor<f32>, %arg2: tensor<f32>, %arg3: tensor<i32>, %arg4: tensor<i32>):
    %2 = stablehlo.compare LT, %arg1, %arg2, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %2 : tensor<i1>
  }) : (tensor<3x7xf32>, tensor<3x7xi32>) -> (tensor<3x7xf32>, tensor<3x7xi32>)
  return %1#1 : tensor<3x7xi32>
}

// -----

// Descending sort of keys with values: the values follow through
// gather_elements.
// CHECK-LABEL: func.func @sort_pairs
//       CHECK:   %[[V:.*]], %[[I:.*]] = tensorrt.top_k <kMAX> {axis = 0 : i64, k = 5 : i64} %arg0 : tensor<5xf32> -> tensor<5xf32>, tensor<5xi32>
//       CHECK:   %[[K:.*]] = tensorrt.gather_elements {axis = 0 : i64} ins(%arg0, %[[I]] : tensor<5xf32>, tensor<5xi32>) -> tensor<5xf32>
//       CHECK:   %[[G:.*]] = tensorrt.gather_elements {axis = 0 : i64} ins(%arg1, %[[I]] : tensor<5xf32>, tensor<5xi32>) -> tensor<5xf32>
//       CHECK:   return %[[K]], %[[G]]
func.func @sort_pairs(%k: tensor<5xf32>, %v: tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>) {
  %0:2 = "stablehlo.sort"(%k, %v) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>, %d: tensor<f32>):
    %1 = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<5xf32>, tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>)
  return %0#0, %0#1 : tensor<5xf32>, tensor<5xf32>
}
