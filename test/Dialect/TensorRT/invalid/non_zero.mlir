// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.non_zero.

// -----

func.func @non_zero_wrong_rows(%x: tensor<3x7x9xf32>) -> tensor<2x?xi32> {
  // expected-error @below {{'tensorrt.non_zero' op expected result type 'tensor<3x?xi32>' (inferred from the operands), got 'tensor<2x?xi32>'}}
  %0 = tensorrt.non_zero %x : tensor<3x7x9xf32> -> tensor<2x?xi32>
  return %0 : tensor<2x?xi32>
}

// -----

func.func @non_zero_rank1_result(%x: tensor<8xf32>) -> tensor<?xi32> {
  // expected-error @below {{'tensorrt.non_zero' op expected result type 'tensor<1x?xi32>' (inferred from the operands), got 'tensor<?xi32>'}}
  %0 = tensorrt.non_zero %x : tensor<8xf32> -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// -----

func.func @non_zero_i64_result(%x: tensor<8xf32>) -> tensor<1x?xi64> {
  // expected-error @below {{'tensorrt.non_zero' op result #0 must be}}
  %0 = tensorrt.non_zero %x : tensor<8xf32> -> tensor<1x?xi64>
  return %0 : tensor<1x?xi64>
}

// -----

func.func @non_zero_i64_input(%x: tensor<8xi64>) -> tensor<1x?xi32> {
  // expected-error @below {{'tensorrt.non_zero' op operand #0 must be}}
  %0 = tensorrt.non_zero %x : tensor<8xi64> -> tensor<1x?xi32>
  return %0 : tensor<1x?xi32>
}
