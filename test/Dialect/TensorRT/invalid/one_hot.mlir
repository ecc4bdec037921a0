// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.one_hot.

// -----

func.func @one_hot_axis_too_large(%indices: tensor<3xi32>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<3x?xi32> {
  // expected-error @below {{'tensorrt.one_hot' op expected axis to be in [-2, 1] for indices of rank 1, got 2}}
  %0 = tensorrt.one_hot {axis = 2 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}

// -----

func.func @one_hot_axis_too_negative(%indices: tensor<3x4xi32>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<?x3x4xi32> {
  // expected-error @below {{'tensorrt.one_hot' op expected axis to be in [-3, 2] for indices of rank 2, got -4}}
  %0 = tensorrt.one_hot {axis = -4 : si64} ins(%indices, %values, %depth : tensor<3x4xi32>, tensor<2xi32>, tensor<i32>) -> tensor<?x3x4xi32>
  return %0 : tensor<?x3x4xi32>
}

// -----

func.func @one_hot_values_rank(%indices: tensor<3xi32>, %values: tensor<2x2xi32>, %depth: tensor<i32>) -> tensor<3x?xi32> {
  // expected-error @below {{'tensorrt.one_hot' op expected values to be a 1-d tensor of 2 elements (off, on), got 'tensor<2x2xi32>'}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2x2xi32>, tensor<i32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}

// -----

func.func @one_hot_values_count(%indices: tensor<3xi32>, %values: tensor<3xf32>, %depth: tensor<i32>) -> tensor<3x?xf32> {
  // expected-error @below {{'tensorrt.one_hot' op expected values to be a 1-d tensor of 2 elements (off, on), got 'tensor<3xf32>'}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<3xf32>, tensor<i32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @one_hot_depth_rank(%indices: tensor<3xi32>, %values: tensor<2xi32>, %depth: tensor<1xi32>) -> tensor<3x?xi32> {
  // expected-error @below {{'tensorrt.one_hot' op expected depth to be a rank-0 tensor, got 'tensor<1xi32>'}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xi32>, tensor<1xi32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}

// -----

func.func @one_hot_zero_depth(%indices: tensor<3xi32>, %values: tensor<2xi32>) -> tensor<3x?xi32> {
  %depth = tensorrt.constant dense<0> : tensor<i32>
  // expected-error @below {{'tensorrt.one_hot' op expected a positive depth, got 0}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}

// -----

func.func @one_hot_constant_depth_mismatch(%indices: tensor<3xi32>, %values: tensor<2xi32>) -> tensor<3x4xi32> {
  %depth = tensorrt.constant dense<5> : tensor<i32>
  // expected-error @below {{'tensorrt.one_hot' op expected result type 'tensor<3x5xi32>' (inferred from the operands), got 'tensor<3x4xi32>'}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x4xi32>
  return %0 : tensor<3x4xi32>
}

// -----

func.func @one_hot_indices_rank_8(%indices: tensor<1x1x1x1x1x1x1x2xi32>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<1x1x1x1x1x1x1x2xi32> {
  // expected-error @below {{'tensorrt.one_hot' op expected indices of rank at most 7 (the result has one more dimension), got rank 8}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<1x1x1x1x1x1x1x2xi32>, tensor<2xi32>, tensor<i32>) -> tensor<1x1x1x1x1x1x1x2xi32>
  return %0 : tensor<1x1x1x1x1x1x1x2xi32>
}

// -----

func.func @one_hot_result_element_type(%indices: tensor<3xi32>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<3x?xf32> {
  // expected-error @below {{'tensorrt.one_hot' op failed to verify that all of {values, result} have same element type}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @one_hot_wrong_position(%indices: tensor<3x4xi32>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<3x4x?xi32> {
  // expected-error @below {{'tensorrt.one_hot' op expected result type 'tensor<?x3x4xi32>' (inferred from the operands), got 'tensor<3x4x?xi32>'}}
  %0 = tensorrt.one_hot {axis = 0 : si64} ins(%indices, %values, %depth : tensor<3x4xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x4x?xi32>
  return %0 : tensor<3x4x?xi32>
}

// -----

func.func @one_hot_i64_indices(%indices: tensor<3xi64>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<3x?xi32> {
  // expected-error @below {{'tensorrt.one_hot' op operand #0 must be}}
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi64>, tensor<2xi32>, tensor<i32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}
