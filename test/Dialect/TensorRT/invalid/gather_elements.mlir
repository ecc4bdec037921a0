// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.gather_elements.

// -----

func.func @gather_elements_axis(%data: tensor<10x20xf32>, %indices: tensor<10x5xi32>) -> tensor<10x5xf32> {
  // expected-error @below {{'tensorrt.gather_elements' op expected axis to be in [0, 2), got 2}}
  %0 = tensorrt.gather_elements {axis = 2 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<10x5xi32>) -> tensor<10x5xf32>
  return %0 : tensor<10x5xf32>
}

// -----

func.func @gather_elements_indices_too_large(%data: tensor<10x20xf32>, %indices: tensor<12x5xi32>) -> tensor<12x5xf32> {
  // expected-error @below {{'tensorrt.gather_elements' op expected dimension 0 of indices (12) to be at most dimension 0 of data (10) since it is not the axis}}
  %0 = tensorrt.gather_elements {axis = 1 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<12x5xi32>) -> tensor<12x5xf32>
  return %0 : tensor<12x5xf32>
}

// -----

func.func @gather_elements_rank(%data: tensor<10x20xf32>, %indices: tensor<10xi32>) -> tensor<10xf32> {
  // expected-error @below {{'tensorrt.gather_elements' op failed to verify that all of {data, indices, result} have same rank}}
  %0 = tensorrt.gather_elements {axis = 0 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<10xi32>) -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

func.func @gather_elements_wrong_result(%data: tensor<10x20xf32>, %indices: tensor<10x5xi32>) -> tensor<10x20xf32> {
  // expected-error @below {{'tensorrt.gather_elements' op expected result type 'tensor<10x5xf32>' (inferred from the operands), got 'tensor<10x20xf32>'}}
  %0 = tensorrt.gather_elements {axis = 1 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<10x5xi32>) -> tensor<10x20xf32>
  return %0 : tensor<10x20xf32>
}

// -----

func.func @gather_elements_result_element_type(%data: tensor<10x20xf32>, %indices: tensor<10x5xi32>) -> tensor<10x5xi32> {
  // expected-error @below {{'tensorrt.gather_elements' op expected result type 'tensor<10x5xf32>' (inferred from the operands), got 'tensor<10x5xi32>'}}
  %0 = tensorrt.gather_elements {axis = 1 : i64} ins(%data, %indices : tensor<10x20xf32>, tensor<10x5xi32>) -> tensor<10x5xi32>
  return %0 : tensor<10x5xi32>
}
