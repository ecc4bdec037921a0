// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// An identity initial value is dropped.
// CHECK-LABEL: func.func @sum
//       CHECK:   %[[R:.*]] = tensorrt.reduce <kSUM> %arg0 {reduceAxes = array<i64: 1>} : tensor<3x4xf32> -> tensor<3xf32>
//  CHECK-NEXT:   return %[[R]]
func.func @sum(%x: tensor<3x4xf32>) -> tensor<3xf32> {
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %0 = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<3x4xf32>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @max_min_prod
//       CHECK:   tensorrt.reduce <kMAX> %arg0 {reduceAxes = array<i64: 0, 2>} : tensor<3x4x5xf32> -> tensor<4xf32>
//       CHECK:   tensorrt.reduce <kMIN> %arg0 {reduceAxes = array<i64: 0, 1, 2>} : tensor<3x4x5xf32> -> tensor<f32>
//       CHECK:   tensorrt.reduce <kPROD> %arg0 {reduceAxes = array<i64: 1>} : tensor<3x4x5xf32> -> tensor<3x5xf32>
func.func @max_min_prod(%x: tensor<3x4x5xf32>) -> (tensor<4xf32>, tensor<f32>, tensor<3x5xf32>) {
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %inf = stablehlo.constant dense<0x7F800000> : tensor<f32>
  %one = stablehlo.constant dense<1.000000e+00> : tensor<f32>
  %0 = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [2, 0] : (tensor<3x4x5xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = stablehlo.reduce(%x init: %inf) applies stablehlo.minimum across dimensions = [0, 1, 2] : (tensor<3x4x5xf32>, tensor<f32>) -> tensor<f32>
  %2 = stablehlo.reduce(%x init: %one) applies stablehlo.multiply across dimensions = [1] : (tensor<3x4x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<f32>, tensor<3x5xf32>
}

// -----

// Any other initial value is combined with the result.
// CHECK-LABEL: func.func @sum_with_init
//       CHECK:   %[[R:.*]] = tensorrt.reduce <kSUM> %arg0 {reduceAxes = array<i64: 0>} : tensor<3x4xf32> -> tensor<4xf32>
//       CHECK:   %[[I:.*]] = tensorrt.expand_rank %arg1 : tensor<f32> to tensor<1xf32>
//       CHECK:   tensorrt.element_wise <kSUM>(%[[R]], %[[I]] : tensor<4xf32>, tensor<1xf32>)
func.func @sum_with_init(%x: tensor<3x4xf32>, %init: tensor<f32>) -> tensor<4xf32> {
  %0 = stablehlo.reduce(%x init: %init) applies stablehlo.add across dimensions = [0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Boolean and/or reduce as i32 min/max.
// CHECK-LABEL: func.func @any_all
//       CHECK:   %[[A:.*]] = tensorrt.cast %arg0 : tensor<3x4xi1> to tensor<3x4xi32>
//       CHECK:   %[[M:.*]] = tensorrt.reduce <kMAX> %[[A]] {reduceAxes = array<i64: 0>} : tensor<3x4xi32> -> tensor<4xi32>
//       CHECK:   tensorrt.cast %[[M]] : tensor<4xi32> to tensor<4xi1>
//       CHECK:   tensorrt.reduce <kMIN> %{{.*}} {reduceAxes = array<i64: 0, 1>} : tensor<3x4xi32> -> tensor<i32>
func.func @any_all(%p: tensor<3x4xi1>) -> (tensor<4xi1>, tensor<i1>) {
  %false = stablehlo.constant dense<false> : tensor<i1>
  %true = stablehlo.constant dense<true> : tensor<i1>
  %0 = stablehlo.reduce(%p init: %false) applies stablehlo.or across dimensions = [0] : (tensor<3x4xi1>, tensor<i1>) -> tensor<4xi1>
  %1 = stablehlo.reduce(%p init: %true) applies stablehlo.and across dimensions = [0, 1] : (tensor<3x4xi1>, tensor<i1>) -> tensor<i1>
  return %0, %1 : tensor<4xi1>, tensor<i1>
}

// -----

// Integer maximum starts from the smallest i32.
// CHECK-LABEL: func.func @int_max
//       CHECK:   %[[R:.*]] = tensorrt.reduce <kMAX> %arg0 {reduceAxes = array<i64: 1>} : tensor<2x3xi32> -> tensor<2xi32>
//  CHECK-NEXT:   return %[[R]]
func.func @int_max(%x: tensor<2x3xi32>) -> tensor<2xi32> {
  %min = stablehlo.constant dense<-2147483648> : tensor<i32>
  %0 = stablehlo.reduce(%x init: %min) applies stablehlo.maximum across dimensions = [1] : (tensor<2x3xi32>, tensor<i32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}
