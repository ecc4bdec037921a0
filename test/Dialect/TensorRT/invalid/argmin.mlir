// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.argmin.

// -----

func.func @argmin_axis_negative(%x: tensor<?x10xf32>) -> (tensor<?x1xf32>, tensor<?x1xi32>) {
  // expected-error @below {{'tensorrt.argmin' op expected axis to be in [0, 2), got -1}}
  %0, %1 = tensorrt.argmin {axis = -1 : i64} %x : tensor<?x10xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  return %0, %1 : tensor<?x1xf32>, tensor<?x1xi32>
}

// -----

func.func @argmin_axis_too_large(%x: tensor<?x10xf32>) -> (tensor<?x1xf32>, tensor<?x1xi32>) {
  // expected-error @below {{'tensorrt.argmin' op expected axis to be in [0, 2), got 2}}
  %0, %1 = tensorrt.argmin {axis = 2 : i64} %x : tensor<?x10xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  return %0, %1 : tensor<?x1xf32>, tensor<?x1xi32>
}

// -----

func.func @argmin_empty_axis(%x: tensor<3x0xf32>) -> (tensor<3x1xf32>, tensor<3x1xi32>) {
  // expected-error @below {{'tensorrt.argmin' op expected k (1) to be at most the size of dimension 1 (0)}}
  %0, %1 = tensorrt.argmin {axis = 1 : i64} %x : tensor<3x0xf32> -> tensor<3x1xf32>, tensor<3x1xi32>
  return %0, %1 : tensor<3x1xf32>, tensor<3x1xi32>
}

// -----

func.func @argmin_wrong_result(%x: tensor<8x10xf32>) -> (tensor<9x1xf32>, tensor<9x1xi32>) {
  // expected-error @below {{'tensorrt.argmin' op expected result types 'tensor<8x1xf32>', 'tensor<8x1xi32>' (inferred from the operands), got 'tensor<9x1xf32>', 'tensor<9x1xi32>'}}
  %0, %1 = tensorrt.argmin {axis = 1 : i64} %x : tensor<8x10xf32> -> tensor<9x1xf32>, tensor<9x1xi32>
  return %0, %1 : tensor<9x1xf32>, tensor<9x1xi32>
}

// -----

func.func @argmin_rank_reduced(%x: tensor<8x10xf32>) -> (tensor<8xf32>, tensor<8xi32>) {
  // expected-error @below {{'tensorrt.argmin' op expected result types 'tensor<8x1xf32>', 'tensor<8x1xi32>' (inferred from the operands), got 'tensor<8xf32>', 'tensor<8xi32>'}}
  %0, %1 = tensorrt.argmin {axis = 1 : i64} %x : tensor<8x10xf32> -> tensor<8xf32>, tensor<8xi32>
  return %0, %1 : tensor<8xf32>, tensor<8xi32>
}

// -----

func.func @argmin_i8_input(%x: tensor<8x10xi8>) -> (tensor<8x1xi8>, tensor<8x1xi32>) {
  // expected-error @below {{'tensorrt.argmin' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit signless integer or 64-bit signless integer or 16-bit float or bfloat16 type or 32-bit float values, but got 'tensor<8x10xi8>'}}
  %0, %1 = tensorrt.argmin {axis = 1 : i64} %x : tensor<8x10xi8> -> tensor<8x1xi8>, tensor<8x1xi32>
  return %0, %1 : tensor<8x1xi8>, tensor<8x1xi32>
}
