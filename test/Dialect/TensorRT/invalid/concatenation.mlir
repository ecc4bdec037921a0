// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.concatenation.

// -----

func.func @concat_axis_range(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // expected-error @below {{'tensorrt.concatenation' op expected axis to be in [0, 2), got 2}}
  %0 = tensorrt.concatenation {axis = 2 : i32} ins(%a, %b : tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_rank(%a: tensor<2x3xf32>, %b: tensor<2x3x1xf32>) -> tensor<2x6xf32> {
  // expected-error @below {{'tensorrt.concatenation' op expected input 1 to have rank 2, got 'tensor<2x3x1xf32>'}}
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x3xf32>, tensor<2x3x1xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_other_dim(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<2x6xf32> {
  // expected-error @below {{'tensorrt.concatenation' op expected dimension 0 of input 1 to be 2 (as in the inputs before it), got 4}}
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_wrong_result(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<2x8xf32> {
  // expected-error @below {{'tensorrt.concatenation' op expected result type 'tensor<2x7xf32>' (inferred from the operands), got 'tensor<2x8xf32>'}}
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @concat_element_type(%a: tensor<2x3xf32>, %b: tensor<2x3xf16>) -> tensor<2x6xf32> {
  // expected-error @below {{'tensorrt.concatenation' op requires the same element type for all operands and results}}
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<2x3xf32>, tensor<2x3xf16>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_no_inputs() -> tensor<2xf32> {
  // expected-error @below {{expected non-function type}}
  %0 = tensorrt.concatenation {axis = 0 : i32} ins( : ) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @concat_later_dim_mismatch(%a: tensor<?x3xf32>, %b: tensor<2x3xf32>, %c: tensor<5x3xf32>) -> tensor<?x9xf32> {
  // expected-error @below {{'tensorrt.concatenation' op expected dimension 0 of input 2 to be 2 (as in the inputs before it), got 5}}
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b, %c : tensor<?x3xf32>, tensor<2x3xf32>, tensor<5x3xf32>) -> tensor<?x9xf32>
  return %0 : tensor<?x9xf32>
}
