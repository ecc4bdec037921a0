// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -verify-diagnostics

// Pointwise forms StableHLO does not define are refused up front, each kind
// once, naming the op and what is wrong with it.

func.func @main(%f: tensor<4xf32>, %i: tensor<4xi32>, %p: tensor<4xi1>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.and' is defined only on integer and i1 tensors}}
  %0 = stablehlo.and %f, %f : tensor<4xf32>
  // expected-error @+1 {{'stablehlo.not' is defined only on integer and i1 tensors}}
  %1 = stablehlo.not %0 : tensor<4xf32>
  // expected-error @+1 {{'stablehlo.shift_left' is defined only on integer tensors (i8, i32, i64), not on floats or i1}}
  %2 = stablehlo.shift_left %p, %p : tensor<4xi1>
  // expected-error @+1 {{'stablehlo.popcnt' is defined only on integer tensors (i8, i32, i64), not on floats or i1}}
  %3 = stablehlo.popcnt %1 : tensor<4xf32>
  // expected-error @+1 {{'stablehlo.count_leading_zeros' is defined only on integer tensors (i8, i32, i64), not on floats or i1}}
  %4 = stablehlo.count_leading_zeros %p : tensor<4xi1>
  // expected-error @+1 {{'stablehlo.exponential' is defined only on floating-point tensors}}
  %5 = stablehlo.exponential %i : tensor<4xi32>
  // expected-error @+1 {{'chlo.lgamma' is defined only on floating-point tensors}}
  %6 = chlo.lgamma %5 : tensor<4xi32> -> tensor<4xi32>
  // expected-error @+1 {{'stablehlo.cbrt' is defined only on floating-point tensors}}
  %7 = stablehlo.cbrt %6 : tensor<4xi32>
  // expected-error @+1 {{'stablehlo.subtract' is not defined on i1}}
  %8 = stablehlo.subtract %2, %4 : tensor<4xi1>
  // expected-error @+1 {{'stablehlo.remainder' is not defined on i1}}
  %9 = stablehlo.remainder %8, %8 : tensor<4xi1>
  // Only the first use of a kind is reported.
  // expected-error @+1 {{'stablehlo.shift_right_logical' is defined only on integer tensors (i8, i32, i64), not on floats or i1 (2 uses; this is the first)}}
  %10 = stablehlo.shift_right_logical %f, %f : tensor<4xf32>
  %11 = stablehlo.shift_right_logical %10, %f : tensor<4xf32>
  return %11 : tensor<4xf32>
}
