// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.gather_nd.

// -----

func.func @gather_nd_scalar_indices(%data: tensor<4x5xf32>, %indices: tensor<i32>) -> tensor<5xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected indices of rank at least 1 (the last dimension holds index tuples), got rank 0}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<4x5xf32>, tensor<i32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @gather_nd_scalar_data(%data: tensor<f32>, %indices: tensor<3x1xi32>) -> tensor<3xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected data of rank at least 1, got rank 0}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<f32>, tensor<3x1xi32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @gather_nd_dynamic_tuple(%data: tensor<4x5xf32>, %indices: tensor<3x?xi32>) -> tensor<3x?xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected the last dimension of indices (the index tuple size) to be static, got 'tensor<3x?xi32>'}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<4x5xf32>, tensor<3x?xi32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @gather_nd_tuple_too_long(%data: tensor<4x5xf32>, %indices: tensor<3x3xi32>) -> tensor<3xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected index tuples of size in [1, 2] (the data rank), got 3}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<4x5xf32>, tensor<3x3xi32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @gather_nd_empty_tuple(%data: tensor<4x5xf32>, %indices: tensor<3x0xi32>) -> tensor<3x4x5xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected index tuples of size in [1, 2] (the data rank), got 0}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<4x5xf32>, tensor<3x0xi32>) -> tensor<3x4x5xf32>
  return %0 : tensor<3x4x5xf32>
}

// -----

func.func @gather_nd_wrong_result(%data: tensor<1x2x3x4xf32>, %indices: tensor<16x17x2xi32>) -> tensor<16x17x4xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected result type 'tensor<16x17x3x4xf32>' (inferred from the operands), got 'tensor<16x17x4xf32>'}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<1x2x3x4xf32>, tensor<16x17x2xi32>) -> tensor<16x17x4xf32>
  return %0 : tensor<16x17x4xf32>
}

// -----

func.func @gather_nd_result_rank_too_large(%data: tensor<2x2x2x2x2xf32>, %indices: tensor<2x2x2x2x2x1xi32>) -> tensor<2x2x2x2x2x2x2x2xf32> {
  // expected-error @below {{'tensorrt.gather_nd' op expected a result of rank at most 8, got rank 9}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<2x2x2x2x2xf32>, tensor<2x2x2x2x2x1xi32>) -> tensor<2x2x2x2x2x2x2x2xf32>
  return %0 : tensor<2x2x2x2x2x2x2x2xf32>
}

// -----

func.func @gather_nd_result_element_type(%data: tensor<4x5xf32>, %indices: tensor<3x1xi32>) -> tensor<3x5xi32> {
  // expected-error @below {{'tensorrt.gather_nd' op failed to verify that all of {data, result} have same element type}}
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<4x5xf32>, tensor<3x1xi32>) -> tensor<3x5xi32>
  return %0 : tensor<3x5xi32>
}
