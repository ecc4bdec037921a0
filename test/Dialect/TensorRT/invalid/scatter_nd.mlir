// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.scatter_nd. The result type is inferred while parsing, so
// operand errors are reported there.

// -----

func.func @scatter_nd_updates_shape(%data: tensor<4x4x4xf32>, %indices: tensor<2x1xi32>, %updates: tensor<2x4x3xf32>) -> tensor<4x4x4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op expected updates of shape 2x4x4 (indices without the last dimension, then the data dimensions an index tuple does not address), got 2x4x3}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4x4xf32>) indices(%indices : tensor<2x1xi32>) updates(%updates : tensor<2x4x3xf32>)
  return %0 : tensor<4x4x4xf32>
}

// -----

func.func @scatter_nd_updates_rank(%data: tensor<4x4x4xf32>, %indices: tensor<2x2xi32>, %updates: tensor<2x4x4xf32>) -> tensor<4x4x4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op expected updates of shape 2x4 (indices without the last dimension, then the data dimensions an index tuple does not address), got 2x4x4}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4x4xf32>) indices(%indices : tensor<2x2xi32>) updates(%updates : tensor<2x4x4xf32>)
  return %0 : tensor<4x4x4xf32>
}

// -----

func.func @scatter_nd_updates_batch(%data: tensor<4x4xf32>, %indices: tensor<3x1xi32>, %updates: tensor<2x4xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op expected updates of shape 3x4 (indices without the last dimension, then the data dimensions an index tuple does not address), got 2x4}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4xf32>) indices(%indices : tensor<3x1xi32>) updates(%updates : tensor<2x4xf32>)
  return %0 : tensor<4x4xf32>
}

// -----

func.func @scatter_nd_tuple_too_long(%data: tensor<4x4xf32>, %indices: tensor<2x3xi32>, %updates: tensor<2xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op expected index tuples of size in [1, 2] (the data rank), got 3}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4xf32>) indices(%indices : tensor<2x3xi32>) updates(%updates : tensor<2xf32>)
  return %0 : tensor<4x4xf32>
}

// -----

func.func @scatter_nd_dynamic_tuple(%data: tensor<4x4xf32>, %indices: tensor<2x?xi32>, %updates: tensor<2xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op expected the last dimension of indices (the index tuple size) to be static, got 'tensor<2x?xi32>'}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4xf32>) indices(%indices : tensor<2x?xi32>) updates(%updates : tensor<2xf32>)
  return %0 : tensor<4x4xf32>
}

// -----

func.func @scatter_nd_scalar_indices(%data: tensor<4xf32>, %indices: tensor<i32>, %updates: tensor<f32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op expected indices of rank at least 1 (the last dimension holds index tuples), got rank 0}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4xf32>) indices(%indices : tensor<i32>) updates(%updates : tensor<f32>)
  return %0 : tensor<4xf32>
}

// -----

func.func @scatter_nd_element_types(%data: tensor<4x4xf32>, %indices: tensor<2x1xi32>, %updates: tensor<2x4xf16>) -> tensor<4x4xf32> {
  // expected-error @below {{'tensorrt.scatter_nd' op failed to verify that all of {data, updates} have same element type}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4xf32>) indices(%indices : tensor<2x1xi32>) updates(%updates : tensor<2x4xf16>)
  return %0 : tensor<4x4xf32>
}

// -----

func.func @scatter_nd_bool_data(%data: tensor<4xi1>, %indices: tensor<2x1xi32>, %updates: tensor<2xi1>) -> tensor<4xi1> {
  // expected-error @below {{'tensorrt.scatter_nd' op operand #0 must be}}
  %0 = tensorrt.scatter_nd data(%data : tensor<4xi1>) indices(%indices : tensor<2x1xi32>) updates(%updates : tensor<2xi1>)
  return %0 : tensor<4xi1>
}
