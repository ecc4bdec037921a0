// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.cast.

// -----

func.func @cast_shape(%x: tensor<4xf32>) -> tensor<5xf16> {
  // expected-error @below {{'tensorrt.cast' op all non-scalar operands/results must have the same shape and base type}}
  %0 = tensorrt.cast %x : tensor<4xf32> to tensor<5xf16>
  return %0 : tensor<5xf16>
}

// -----

func.func @cast_rank(%x: tensor<4xf32>) -> tensor<4x1xf16> {
  // expected-error @below {{'tensorrt.cast' op all non-scalar operands/results must have the same shape and base type}}
  %0 = tensorrt.cast %x : tensor<4xf32> to tensor<4x1xf16>
  return %0 : tensor<4x1xf16>
}

// -----

func.func @cast_f64(%x: tensor<4xf32>) -> tensor<4xf64> {
  // expected-error @below {{'tensorrt.cast' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit signless}}
  %0 = tensorrt.cast %x : tensor<4xf32> to tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @cast_f8(%x: tensor<4xf8E4M3FN>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.cast' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit signless}}
  %0 = tensorrt.cast %x : tensor<4xf8E4M3FN> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @cast_unranked(%x: tensor<*xf32>) -> tensor<*xf16> {
  // expected-error @below {{custom op 'tensorrt.cast' invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %0 = tensorrt.cast %x : tensor<*xf32> to tensor<*xf16>
  return %0 : tensor<*xf16>
}
