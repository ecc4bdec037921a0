// RUN: not kiln-opt %s -convert-stablehlo-to-tensorrt 2>&1 | FileCheck %s

// Every unsupported op kind is reported once, at its first use, before
// anything is converted.

func.func @main(%x: tensor<4xf32>, %i: tensor<4xi32>, %d: tensor<2xf64>, %n: tensor<4xi32>) -> tensor<4xf32> {
  %ok = stablehlo.add %x, %x : tensor<4xf32>
  %s = "stablehlo.sort"(%ok) <{dimension = 0 : i64, is_stable = true}> ({
  // CHECK: unsupported.mlir:[[@LINE-1]]:{{[0-9]+}}: error: 'stablehlo.sort' is supported only with a comparator that orders lexicographically by inputs compared with LT or GT {{.*}} (2 uses; this is the first)
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare  EQ, %a, %b,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  %t = "stablehlo.sort"(%s) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare  EQ, %a, %b,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %r:2 = stablehlo.reduce(%t init: %ninf), (%i init: %zero) across dimensions = [0] : (tensor<4xf32>, tensor<4xi32>, tensor<f32>, tensor<i32>) -> (tensor<f32>, tensor<i32>)
  // CHECK: unsupported.mlir:[[@LINE-1]]:{{[0-9]+}}: error: 'stablehlo.reduce' with several inputs is supported only in the argmax/argmin form
   reducer(%a: tensor<f32>, %b: tensor<f32>) (%c: tensor<i32>, %e: tensor<i32>)  {
    %gt = stablehlo.compare  GT, %a, %b,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v = stablehlo.select %gt, %a, %b : tensor<i1>, tensor<f32>
    %w = stablehlo.select %gt, %c, %e : tensor<i1>, tensor<i32>
    stablehlo.return %v, %w : tensor<f32>, tensor<i32>
  }
  %y = stablehlo.popcnt %t : tensor<4xf32>
  // CHECK: unsupported.mlir:[[@LINE-1]]:{{[0-9]+}}: error: 'stablehlo.popcnt' is defined only on integer tensors
  %dd = stablehlo.add %d, %d : tensor<2xf64>
  // CHECK: unsupported.mlir:[[@LINE-1]]:{{[0-9]+}}: error: 'stablehlo.add' uses element type f64, which the Kiln runtime does not support
  %bits = stablehlo.and %x, %x : tensor<4xf32>
  // CHECK: unsupported.mlir:[[@LINE-1]]:{{[0-9]+}}: error: 'stablehlo.and' is defined only on integer and i1 tensors
  return %y : tensor<4xf32>
}
// CHECK-NOT: error
