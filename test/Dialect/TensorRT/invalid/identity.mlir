// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.identity.

// -----

func.func @identity_shape(%x: tensor<4xf32>) -> tensor<2x2xf16> {
  // expected-error @below {{'tensorrt.identity' op all non-scalar operands/results must have the same shape and base type}}
  %0 = tensorrt.identity %x : tensor<4xf32> to tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}

// -----

func.func @identity_i64(%x: tensor<4xi64>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.identity' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit}}
  %0 = tensorrt.identity %x : tensor<4xi64> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @identity_f64_result(%x: tensor<4xf32>) -> tensor<4xf64> {
  // expected-error @below {{'tensorrt.identity' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit}}
  %0 = tensorrt.identity %x : tensor<4xf32> to tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @identity_rank9(%x: tensor<1x1x1x1x1x1x1x1x1xf32>) -> tensor<1x1x1x1x1x1x1x1x1xf16> {
  // expected-error @below {{'tensorrt.identity' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit}}
  %0 = tensorrt.identity %x : tensor<1x1x1x1x1x1x1x1x1xf32> to tensor<1x1x1x1x1x1x1x1x1xf16>
  return %0 : tensor<1x1x1x1x1x1x1x1x1xf16>
}
