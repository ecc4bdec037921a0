// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of the `kiln` engine dialect: steps with every kind of kernel
// attribute, the placement attributes passes add, constants, regions and the
// engine's function and argument attributes.

// -----

func.func @step_attrs(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.step "element_wise"(%a, %b) {op = "kSUM"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = kiln.step "pooling"(%0) {k = 3 : i64, alpha = 0.5 : f64, window = array<i64: 2, 2>, scales = array<f64: 1.5>} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = kiln.step "copy"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}
// CHECK-LABEL: func.func @step_attrs
//  CHECK-NEXT:   %[[S:.+]] = kiln.step "element_wise"(%arg0, %arg1) {op = "kSUM"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
//  CHECK-NEXT:   %[[P:.+]] = kiln.step "pooling"(%[[S]]) {alpha = 5.000000e-01 : f64, k = 3 : i64, scales = array<f64: 1.500000e+00>, window = array<i64: 2, 2>} : (tensor<4xf32>) -> tensor<4xf32>
//  CHECK-NEXT:   kiln.step "copy"(%[[P]]) : (tensor<4xf32>) -> tensor<4xf32>

// -----

func.func @placed(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0:2 = kiln.step "top_k"(%a) {axis = 0 : i64, k = 4 : i64, op = "kMAX"} backend "reference" device "cpu" arena [0, 64] : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}
// CHECK-LABEL: func.func @placed
//  CHECK-NEXT:   kiln.step "top_k"(%arg0) {axis = 0 : i64, k = 4 : i64, op = "kMAX"} backend "reference" device "cpu" arena [0, 64] : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi32>)

// -----

func.func @constant() -> tensor<2xi32> {
  %c = kiln.constant dense<[7, 8]> : tensor<2xi32> at 64
  %d = kiln.constant dense<1.0> : tensor<f32>
  return %c : tensor<2xi32>
}
// CHECK-LABEL: func.func @constant
//  CHECK-NEXT:   kiln.constant dense<[7, 8]> : tensor<2xi32> at 64
//  CHECK-NEXT:   kiln.constant dense<1.000000e+00> : tensor<f32>{{$}}

// -----

func.func @regions(%c: tensor<i1>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.step "if"(%c) arena [0] region_args [array<i64>, array<i64>] : (tensor<i1>) -> tensor<4xf32> {
    kiln.yield %x : tensor<4xf32>
  }, {
    %n = kiln.step "unary"(%x) {op = "kNEG"} : (tensor<4xf32>) -> tensor<4xf32>
    kiln.yield %n : tensor<4xf32>
  }
  %1 = kiln.step "while"(%x) region_args [array<i64: 128>, array<i64: 192>] : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%v: tensor<4xf32>):
    kiln.yield %c, %v : tensor<i1>, tensor<4xf32>
  }, {
  ^bb0(%v: tensor<4xf32>):
    kiln.yield %v : tensor<4xf32>
  }
  kiln.step "assertion"(%c) {message = "c holds"} : (tensor<i1>) -> ()
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @regions
//       CHECK:   kiln.step "if"(%arg0) arena [0] region_args [array<i64>, array<i64>] : (tensor<i1>) -> tensor<4xf32> {
//  CHECK-NEXT:     kiln.yield %arg1 : tensor<4xf32>
//  CHECK-NEXT:   }, {
//  CHECK-NEXT:     kiln.step "unary"(%arg1) {op = "kNEG"}
//  CHECK-NEXT:     kiln.yield
//  CHECK-NEXT:   }
//       CHECK:   kiln.step "while"(%arg1) region_args [array<i64: 128>, array<i64: 192>]
//       CHECK:   ^bb0(%[[V:.+]]: tensor<4xf32>):
//  CHECK-NEXT:     kiln.yield %arg0, %[[V]] : tensor<i1>, tensor<4xf32>
//       CHECK:   kiln.step "assertion"(%arg0) {message = "c holds"} : (tensor<i1>) -> (){{$}}

// -----

func.func @engine(%x: tensor<?x8xf32> {kiln.name = "x", kiln.shape_profile = #kiln.shape_profile<min = [1, 8], opt = [4, 8], max = [16, 8]>}) -> tensor<?x8xf32> attributes {kiln.arena_size = 0 : i64, kiln.constants_size = 0 : i64} {
  return %x : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @engine(%arg0: tensor<?x8xf32> {kiln.name = "x", kiln.shape_profile = #kiln.shape_profile<min = [1, 8], opt = [4, 8], max = [16, 8]>}) -> tensor<?x8xf32> attributes {kiln.arena_size = 0 : i64, kiln.constants_size = 0 : i64}
