// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.shape.

// -----

func.func @shape_wrong_length(%x: tensor<?x?x?xf32>) -> tensor<2xi32> {
  // expected-error @below {{'tensorrt.shape' op expected result type 'tensor<3xi32>' (inferred from the operands), got 'tensor<2xi32>'}}
  %0 = tensorrt.shape %x : tensor<?x?x?xf32> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @shape_scalar_length(%x: tensor<f32>) -> tensor<1xi32> {
  // expected-error @below {{'tensorrt.shape' op expected result type 'tensor<0xi32>' (inferred from the operands), got 'tensor<1xi32>'}}
  %0 = tensorrt.shape %x : tensor<f32> -> tensor<1xi32>
  return %0 : tensor<1xi32>
}

// -----

func.func @shape_i64_result(%x: tensor<4x4xf32>) -> tensor<2xi64> {
  // expected-error @below {{'tensorrt.shape' op result #0 must be 1D tensor of 32-bit signless integer values, but got 'tensor<2xi64>'}}
  %0 = tensorrt.shape %x : tensor<4x4xf32> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @shape_rank2_result(%x: tensor<4x4xf32>) -> tensor<1x2xi32> {
  // expected-error @below {{'tensorrt.shape' op result #0 must be 1D tensor of 32-bit signless integer values, but got 'tensor<1x2xi32>'}}
  %0 = tensorrt.shape %x : tensor<4x4xf32> -> tensor<1x2xi32>
  return %0 : tensor<1x2xi32>
}
