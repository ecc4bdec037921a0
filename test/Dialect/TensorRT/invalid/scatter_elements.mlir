// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.scatter_elements. The result type is inferred while
// parsing, so operand errors are reported there.

// -----

func.func @scatter_elements_axis(%data: tensor<3x3xf32>, %indices: tensor<2x3xi32>, %updates: tensor<2x3xf32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.scatter_elements' op expected axis to be in [0, 2), got 2}}
  %0 = tensorrt.scatter_elements {axis = 2 : i64} data(%data : tensor<3x3xf32>) indices(%indices : tensor<2x3xi32>) updates(%updates : tensor<2x3xf32>)
  return %0 : tensor<3x3xf32>
}

// -----

func.func @scatter_elements_negative_axis(%data: tensor<3x3xf32>, %indices: tensor<2x3xi32>, %updates: tensor<2x3xf32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.scatter_elements' op expected axis to be in [0, 2), got -1}}
  %0 = tensorrt.scatter_elements {axis = -1 : i64} data(%data : tensor<3x3xf32>) indices(%indices : tensor<2x3xi32>) updates(%updates : tensor<2x3xf32>)
  return %0 : tensor<3x3xf32>
}

// -----

func.func @scatter_elements_updates_shape(%data: tensor<3x3xf32>, %indices: tensor<2x3xi32>, %updates: tensor<2x2xf32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.scatter_elements' op expected updates of shape 2x3 (that of indices), got 2x2}}
  %0 = tensorrt.scatter_elements data(%data : tensor<3x3xf32>) indices(%indices : tensor<2x3xi32>) updates(%updates : tensor<2x2xf32>)
  return %0 : tensor<3x3xf32>
}

// -----

func.func @scatter_elements_indices_too_large(%data: tensor<3x3xf32>, %indices: tensor<2x4xi32>, %updates: tensor<2x4xf32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.scatter_elements' op expected dimension 1 of indices (4) to be at most dimension 1 of data (3) since it is not the axis}}
  %0 = tensorrt.scatter_elements data(%data : tensor<3x3xf32>) indices(%indices : tensor<2x4xi32>) updates(%updates : tensor<2x4xf32>)
  return %0 : tensor<3x3xf32>
}

// -----

func.func @scatter_elements_rank(%data: tensor<3x3xf32>, %indices: tensor<3xi32>, %updates: tensor<3xf32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.scatter_elements' op expected indices of rank 2 (the data rank), got rank 1}}
  %0 = tensorrt.scatter_elements data(%data : tensor<3x3xf32>) indices(%indices : tensor<3xi32>) updates(%updates : tensor<3xf32>)
  return %0 : tensor<3x3xf32>
}

// -----

func.func @scatter_elements_scalar(%data: tensor<f32>, %indices: tensor<i32>, %updates: tensor<f32>) -> tensor<f32> {
  // expected-error @below {{'tensorrt.scatter_elements' op expected data of rank at least 1, got rank 0}}
  %0 = tensorrt.scatter_elements data(%data : tensor<f32>) indices(%indices : tensor<i32>) updates(%updates : tensor<f32>)
  return %0 : tensor<f32>
}

// -----

func.func @scatter_elements_element_types(%data: tensor<3x3xf32>, %indices: tensor<2x3xi32>, %updates: tensor<2x3xi32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.scatter_elements' op failed to verify that all of {data, updates} have same element type}}
  %0 = tensorrt.scatter_elements data(%data : tensor<3x3xf32>) indices(%indices : tensor<2x3xi32>) updates(%updates : tensor<2x3xi32>)
  return %0 : tensor<3x3xf32>
}
