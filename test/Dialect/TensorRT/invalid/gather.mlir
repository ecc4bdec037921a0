// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.gather.

// -----

func.func @gather_axis_too_large(%data: tensor<10x20xf32>, %indices: tensor<5xi32>) -> tensor<10x5xf32> {
  // expected-error @below {{'tensorrt.gather' op expected axis to be in [0, 2), got 2}}
  %0 = tensorrt.gather {axis = 2 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<5xi32>) -> tensor<10x5xf32>
  return %0 : tensor<10x5xf32>
}

// -----

func.func @gather_negative_axis(%data: tensor<10x20xf32>, %indices: tensor<5xi32>) -> tensor<10x5xf32> {
  // expected-error @below {{'tensorrt.gather' op expected axis to be in [0, 2), got -1}}
  %0 = tensorrt.gather {axis = -1 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<5xi32>) -> tensor<10x5xf32>
  return %0 : tensor<10x5xf32>
}

// -----

func.func @gather_broadcast_dims_2(%data: tensor<4x4x10xf32>, %indices: tensor<4x4x3xi32>) -> tensor<4x4x3xf32> {
  // expected-error @below {{'tensorrt.gather' op expected numBroadcastDims to be 0 or 1, got 2}}
  %0 = tensorrt.gather {axis = 2 : i64, numBroadcastDims = 2 : i64} ins(%data, %indices : tensor<4x4x10xf32>, tensor<4x4x3xi32>) -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}

// -----

func.func @gather_broadcast_dims_above_axis(%data: tensor<4x10xf32>, %indices: tensor<4x3xi32>) -> tensor<4x3x10xf32> {
  // expected-error @below {{'tensorrt.gather' op expected numBroadcastDims (1) to be at most axis (0)}}
  %0 = tensorrt.gather {axis = 0 : i64, numBroadcastDims = 1 : i64} ins(%data, %indices : tensor<4x10xf32>, tensor<4x3xi32>) -> tensor<4x3x10xf32>
  return %0 : tensor<4x3x10xf32>
}

// -----

func.func @gather_broadcast_mismatch(%data: tensor<4x10xf32>, %indices: tensor<3x2xi32>) -> tensor<4x2xf32> {
  // expected-error @below {{'tensorrt.gather' op expected dimension 0 of data (4) and of indices (3) to broadcast, since numBroadcastDims is 1}}
  %0 = tensorrt.gather {axis = 1 : i64, numBroadcastDims = 1 : i64} ins(%data, %indices : tensor<4x10xf32>, tensor<3x2xi32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @gather_broadcast_scalar_indices(%data: tensor<4x10xf32>, %index: tensor<i32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.gather' op expected indices of rank at least 1 (numBroadcastDims), got rank 0}}
  %0 = tensorrt.gather {axis = 1 : i64, numBroadcastDims = 1 : i64} ins(%data, %index : tensor<4x10xf32>, tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @gather_result_rank_too_large(%data: tensor<2x2x2x2x2xf32>, %indices: tensor<2x2x2x2x2xi32>) -> tensor<2x2x2x2x2x2x2x2xf32> {
  // expected-error @below {{'tensorrt.gather' op expected a result of rank at most 8, got rank 9}}
  %0 = tensorrt.gather {axis = 0 : i64} ins(%data, %indices : tensor<2x2x2x2x2xf32>, tensor<2x2x2x2x2xi32>) -> tensor<2x2x2x2x2x2x2x2xf32>
  return %0 : tensor<2x2x2x2x2x2x2x2xf32>
}

// -----

func.func @gather_wrong_result(%data: tensor<10x20x30xf32>, %indices: tensor<5xi32>) -> tensor<10x20x5xf32> {
  // expected-error @below {{'tensorrt.gather' op expected result type 'tensor<10x5x30xf32>' (inferred from the operands), got 'tensor<10x20x5xf32>'}}
  %0 = tensorrt.gather {axis = 1 : i64} ins(%data, %indices : tensor<10x20x30xf32>, tensor<5xi32>) -> tensor<10x20x5xf32>
  return %0 : tensor<10x20x5xf32>
}

// -----

func.func @gather_float_indices(%data: tensor<10x20xf32>, %indices: tensor<5xf32>) -> tensor<10x5xf32> {
  // expected-error @below {{'tensorrt.gather' op operand #1 must be}}
  %0 = tensorrt.gather {axis = 1 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<5xf32>) -> tensor<10x5xf32>
  return %0 : tensor<10x5xf32>
}

// -----

func.func @gather_result_element_type(%data: tensor<10x20xf32>, %indices: tensor<5xi32>) -> tensor<10x5xf16> {
  // expected-error @below {{'tensorrt.gather' op failed to verify that all of {data, result} have same element type}}
  %0 = tensorrt.gather {axis = 1 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<5xi32>) -> tensor<10x5xf16>
  return %0 : tensor<10x5xf16>
}

// -----

func.func @gather_missing_axis(%data: tensor<10x20xf32>, %indices: tensor<5xi32>) -> tensor<5x20xf32> {
  // expected-error @below {{'tensorrt.gather' op requires attribute 'axis'}}
  %0 = tensorrt.gather ins(%data, %indices : tensor<10x20xf32>, tensor<5xi32>) -> tensor<5x20xf32>
  return %0 : tensor<5x20xf32>
}
