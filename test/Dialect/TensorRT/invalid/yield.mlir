// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.yield.

// -----

func.func @yield_in_function(%x: tensor<4xf32>) {
  // expected-error @below {{'tensorrt.yield' op expects parent op to be one of 'tensorrt.if, tensorrt.for, tensorrt.while, tensorrt.opaque_plugin'}}
  tensorrt.yield %x : tensor<4xf32>
}

// -----

func.func @yield_ends_while_condition(%i0: tensor<i32>) -> tensor<i32> {
  // expected-error @below {{'tensorrt.while' op expected the condition region to end in 'tensorrt.condition'}}
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }
  return %0 : tensor<i32>
}
