// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.ragged_softmax.

// -----

func.func @ragged_softmax_float_bounds(%x: tensor<1x3x5xf32>, %bounds: tensor<1x3x1xf32>) -> tensor<1x3x5xf32> {
  // expected-error @below {{'tensorrt.ragged_softmax' op operand #1 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit signless integer values, but got 'tensor<1x3x1xf32>'}}
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<1x3x5xf32>, tensor<1x3x1xf32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

func.func @ragged_softmax_rank4(%x: tensor<1x3x3x5xf32>, %bounds: tensor<1x3x3x1xi32>) -> tensor<1x3x3x5xf32> {
  // expected-error @below {{'tensorrt.ragged_softmax' op expected input of rank 3 ([batch, sequences, length]), got rank 4}}
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<1x3x3x5xf32>, tensor<1x3x3x1xi32>) -> tensor<1x3x3x5xf32>
  return %0 : tensor<1x3x3x5xf32>
}

// -----

func.func @ragged_softmax_bounds_rank(%x: tensor<1x3x5xf32>, %bounds: tensor<3x1xi32>) -> tensor<1x3x5xf32> {
  // expected-error @below {{'tensorrt.ragged_softmax' op expected bounds of rank 3 ([batch, sequences, 1]), got rank 2}}
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<1x3x5xf32>, tensor<3x1xi32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

func.func @ragged_softmax_bounds_shape(%x: tensor<1x3x5xf32>, %bounds: tensor<1x4x1xi32>) -> tensor<1x3x5xf32> {
  // expected-error @below {{'tensorrt.ragged_softmax' op expected bounds of shape 1x3x1 (one length per sequence), got 1x4x1}}
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<1x3x5xf32>, tensor<1x4x1xi32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

func.func @ragged_softmax_result_type(%x: tensor<1x3x5xf32>, %bounds: tensor<1x3x1xi32>) -> tensor<1x3x5xf16> {
  // expected-error @below {{'tensorrt.ragged_softmax' op expected result type 'tensor<1x3x5xf32>' (inferred from the operands), got 'tensor<1x3x5xf16>'}}
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<1x3x5xf32>, tensor<1x3x1xi32>) -> tensor<1x3x5xf16>
  return %0 : tensor<1x3x5xf16>
}
