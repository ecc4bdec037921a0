// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// `jnp.sort` on floats: JAX's comparator canonicalizes -0.0 and NaN and
// compares in TOTALORDER, so NaNs go last. A stable top_k sorts by value
// (NaN first), then a second stable pass moves the NaNs last.
// CHECK-LABEL: func.func @sort_nan_last
//       CHECK:   %[[V:.*]], %[[I:.*]] = tensorrt.top_k <kMIN> {axis = 0 : i64, k = 7 : i64} %arg0
//       CHECK:   %[[NUM:.*]] = tensorrt.element_wise <kEQUAL>(%[[V]], %[[V]] : tensor<7xf32>, tensor<7xf32>) -> tensor<7xi1>
//       CHECK:   %[[NUM32:.*]] = tensorrt.cast %[[NUM]] : tensor<7xi1> to tensor<7xi32>
//       CHECK:   %{{.*}}, %[[I2:.*]] = tensorrt.top_k <kMAX> {axis = 0 : i64, k = 7 : i64} %[[NUM32]]
//       CHECK:   %[[ORDER:.*]] = tensorrt.gather_elements {axis = 0 : i64} ins(%[[I]], %[[I2]] : tensor<7xi32>, tensor<7xi32>)
//       CHECK:   %[[R:.*]] = tensorrt.gather_elements {axis = 0 : i64} ins(%arg0, %[[ORDER]] : tensor<7xf32>, tensor<7xi32>)
//       CHECK:   return %[[R]]
func.func @sort_nan_last(%arg0: tensor<7xf32>) -> tensor<7xf32> {
  %0 = "stablehlo.sort"(%arg0) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%arg1: tensor<f32>, %arg2: tensor<f32>):
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1 = stablehlo.compare EQ, %arg1, %cst, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %2 = stablehlo.select %1, %cst_0, %arg1 : tensor<i1>, tensor<f32>
    %3 = stablehlo.compare NE, %arg1, %arg1, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %cst_1 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %4 = stablehlo.select %3, %cst_1, %2 : tensor<i1>, tensor<f32>
    %5 = stablehlo.compare EQ, %arg2, %cst, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %6 = stablehlo.select %5, %cst_0, %arg2 : tensor<i1>, tensor<f32>
    %7 = stablehlo.compare NE, %arg2, %arg2, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %8 = stablehlo.select %7, %cst_1, %6 : tensor<i1>, tensor<f32>
    %9 = stablehlo.compare LT, %4, %8, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %9 : tensor<i1>
  }) : (tensor<7xf32>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// -----

// Integers sorted in descending order along dimension 0 (GT): one top_k.
// CHECK-LABEL: func.func @sort_int_descending
//       CHECK:   %{{.*}}, %[[I:.*]] = tensorrt.top_k <kMAX> {axis = 0 : i64, k = 7 : i64} %arg0 : tensor<7x3xi32>
//       CHECK:   tensorrt.gather_elements {axis = 0 : i64} ins(%arg0, %[[I]] : tensor<7x3xi32>, tensor<7x3xi32>)
//   CHECK-NOT:   top_k
func.func @sort_int_descending(%arg0: tensor<7x3xi32>) -> tensor<7x3xi32> {
  %0 = "stablehlo.sort"(%arg0) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%arg1: tensor<i32>, %arg2: tensor<i32>):
    %1 = stablehlo.compare GT, %arg1, %arg2, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<7x3xi32>) -> tensor<7x3xi32>
  return %0 : tensor<7x3xi32>
}

// -----

// `jnp.lexsort((a, b))`: b is the first key, a the second, the iota the
// permutation. The second key is sorted first; the first key's pass reads
// its values in that order and composes the permutations.
// CHECK-LABEL: func.func @lexsort
//       CHECK:   %{{.*}}, %[[I:.*]] = tensorrt.top_k <kMIN> {axis = 0 : i64, k = 6 : i64} %arg0
//       CHECK:   %[[B:.*]] = tensorrt.gather_elements {axis = 0 : i64} ins(%arg1, %[[I]]
//       CHECK:   %{{.*}}, %[[I2:.*]] = tensorrt.top_k <kMIN> {axis = 0 : i64, k = 6 : i64} %[[B]]
//       CHECK:   %[[ORDER:.*]] = tensorrt.gather_elements {axis = 0 : i64} ins(%[[I]], %[[I2]]
//       CHECK:   return %[[ORDER]]
func.func @lexsort(%a: tensor<6xi32>, %b: tensor<6xi32>) -> tensor<6xi32> {
  %0 = stablehlo.iota dim = 0 : tensor<6xi32>
  %1:3 = "stablehlo.sort"(%b, %a, %0) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%arg2: tensor<i32>, %arg3: tensor<i32>, %arg4: tensor<i32>, %arg5: tensor<i32>, %arg6: tensor<i32>, %arg7: tensor<i32>):
    %10 = stablehlo.compare LT, %arg4, %arg5, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %11 = stablehlo.compare LT, %arg2, %arg3, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %12 = stablehlo.compare EQ, %arg2, %arg3, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %13 = stablehlo.and %12, %10 : tensor<i1>
    %14 = stablehlo.or %11, %13 : tensor<i1>
    stablehlo.return %14 : tensor<i1>
  }) : (tensor<6xi32>, tensor<6xi32>, tensor<6xi32>) -> (tensor<6xi32>, tensor<6xi32>, tensor<6xi32>)
  return %1#2 : tensor<6xi32>
}

// -----

// chlo.top_k on i32 keys.
// CHECK-LABEL: func.func @top_k_int
//       CHECK:   %[[V:.*]], %[[I:.*]] = tensorrt.top_k <kMAX> {axis = 1 : i64, k = 3 : i64} %arg0 : tensor<2x9xi32> -> tensor<2x3xi32>, tensor<2x3xi32>
//       CHECK:   return %[[V]], %[[I]]
func.func @top_k_int(%x: tensor<2x9xi32>) -> (tensor<2x3xi32>, tensor<2x3xi32>) {
  %values, %indices = chlo.top_k(%x, k = 3) : tensor<2x9xi32> -> (tensor<2x3xi32>, tensor<2x3xi32>)
  return %values, %indices : tensor<2x3xi32>, tensor<2x3xi32>
}
