// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.top_k.

// -----

func.func @top_k_axis_too_large(%x: tensor<?x?xf32>) -> (tensor<?x1xf32>, tensor<?x1xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected axis to be in [0, 2), got 2}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 1 : i64, axis = 2 : i64} %x : tensor<?x?xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  return %0, %1 : tensor<?x1xf32>, tensor<?x1xi32>
}

// -----

func.func @top_k_axis_negative(%x: tensor<?x?xf32>) -> (tensor<?x1xf32>, tensor<?x1xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected axis to be in [0, 2), got -1}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 1 : i64, axis = -1 : i64} %x : tensor<?x?xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  return %0, %1 : tensor<?x1xf32>, tensor<?x1xi32>
}

// -----

func.func @top_k_rank_zero(%x: tensor<f32>) -> (tensor<f32>, tensor<i32>) {
  // expected-error @below {{'tensorrt.top_k' op expected axis to be in [0, 0), got 0}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 1 : i64, axis = 0 : i64} %x : tensor<f32> -> tensor<f32>, tensor<i32>
  return %0, %1 : tensor<f32>, tensor<i32>
}

// -----

func.func @top_k_k_zero(%x: tensor<4x10xf32>) -> (tensor<4x0xf32>, tensor<4x0xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected k to be in [1, 3840], got 0}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 0 : i64, axis = 1 : i64} %x : tensor<4x10xf32> -> tensor<4x0xf32>, tensor<4x0xi32>
  return %0, %1 : tensor<4x0xf32>, tensor<4x0xi32>
}

// -----

func.func @top_k_k_too_large_for_tensorrt(%x: tensor<4x?xf32>) -> (tensor<4x4000xf32>, tensor<4x4000xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected k to be in [1, 3840], got 4000}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 4000 : i64, axis = 1 : i64} %x : tensor<4x?xf32> -> tensor<4x4000xf32>, tensor<4x4000xi32>
  return %0, %1 : tensor<4x4000xf32>, tensor<4x4000xi32>
}

// -----

func.func @top_k_k_exceeds_dim(%x: tensor<?x10xf32>) -> (tensor<?x11xf32>, tensor<?x11xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected k (11) to be at most the size of dimension 1 (10)}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 11 : i64, axis = 1 : i64} %x : tensor<?x10xf32> -> tensor<?x11xf32>, tensor<?x11xi32>
  return %0, %1 : tensor<?x11xf32>, tensor<?x11xi32>
}

// -----

func.func @top_k_wrong_result_shape(%x: tensor<10x5xf32>) -> (tensor<9x1xf32>, tensor<9x1xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected result types 'tensor<10x1xf32>', 'tensor<10x1xi32>' (inferred from the operands), got 'tensor<9x1xf32>', 'tensor<9x1xi32>'}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 1 : i64, axis = 1 : i64} %x : tensor<10x5xf32> -> tensor<9x1xf32>, tensor<9x1xi32>
  return %0, %1 : tensor<9x1xf32>, tensor<9x1xi32>
}

// -----

func.func @top_k_rank_reduced(%x: tensor<?x?xf32>) -> (tensor<?xf32>, tensor<?xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected result types 'tensor<?x1xf32>', 'tensor<?x1xi32>' (inferred from the operands), got 'tensor<?xf32>', 'tensor<?xi32>'}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 1 : i64, axis = 1 : i64} %x : tensor<?x?xf32> -> tensor<?xf32>, tensor<?xi32>
  return %0, %1 : tensor<?xf32>, tensor<?xi32>
}

// -----

func.func @top_k_values_element_type(%x: tensor<4x8xf32>) -> (tensor<4x2xf16>, tensor<4x2xi32>) {
  // expected-error @below {{'tensorrt.top_k' op expected result types 'tensor<4x2xf32>', 'tensor<4x2xi32>' (inferred from the operands), got 'tensor<4x2xf16>', 'tensor<4x2xi32>'}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 2 : i64, axis = 1 : i64} %x : tensor<4x8xf32> -> tensor<4x2xf16>, tensor<4x2xi32>
  return %0, %1 : tensor<4x2xf16>, tensor<4x2xi32>
}

// -----

func.func @top_k_indices_i64(%x: tensor<4x8xf32>) -> (tensor<4x2xf32>, tensor<4x2xi64>) {
  // expected-error @below {{'tensorrt.top_k' op result #1 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit signless integer values, but got 'tensor<4x2xi64>'}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 2 : i64, axis = 1 : i64} %x : tensor<4x8xf32> -> tensor<4x2xf32>, tensor<4x2xi64>
  return %0, %1 : tensor<4x2xf32>, tensor<4x2xi64>
}

// -----

func.func @top_k_bool_input(%x: tensor<4x8xi1>) -> (tensor<4x2xi1>, tensor<4x2xi32>) {
  // expected-error @below {{'tensorrt.top_k' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit signless integer or 64-bit signless integer or 16-bit float or bfloat16 type or 32-bit float values, but got 'tensor<4x8xi1>'}}
  %0, %1 = tensorrt.top_k <kMAX> {k = 2 : i64, axis = 1 : i64} %x : tensor<4x8xi1> -> tensor<4x2xi1>, tensor<4x2xi32>
  return %0, %1 : tensor<4x2xi1>, tensor<4x2xi32>
}
