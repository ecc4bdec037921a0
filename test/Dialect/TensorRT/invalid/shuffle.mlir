// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.shuffle.

// -----

func.func @shuffle_first_not_perm(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected first_transpose to be a permutation of 2 dimensions, got [0, 0]}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 0>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @shuffle_first_wrong_length(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected first_transpose to be a permutation of 2 dimensions, got [0, 1, 2]}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @shuffle_second_wrong_length(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected second_transpose to be a permutation of 1 dimensions, got [0, 1]}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 6>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @shuffle_two_minus_one(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected at most one -1 in reshape, got [-1, -1]}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: -1, -1>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

func.func @shuffle_zero_and_minus_one(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected reshape without both 0 and -1 when zero_is_placeholder is false, got [0, -1]}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 0, -1>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%x : tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// -----

func.func @shuffle_volume(%x: tensor<2x3x4xf32>) -> tensor<2x13xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected reshape to keep 24 elements, got 26}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 2, 13>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3x4xf32>) -> tensor<2x13xf32>
  return %0 : tensor<2x13xf32>
}

// -----

func.func @shuffle_placeholder_out_of_range(%x: tensor<30x20xf32>) -> tensor<600x1xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected reshape placeholder 0 at position 2 to name a dimension of the 2-d transposed input}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 600, 1, 0>, second_transpose = array<i64: 0, 1, 2>} ins(%x : tensor<30x20xf32>) -> tensor<600x1xf32>
  return %0 : tensor<600x1xf32>
}

// -----

func.func @shuffle_result_shape(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected result shape 3x2, got 2x3}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @shuffle_result_element_type(%x: tensor<2x3xf32>) -> tensor<2x3xf16> {
  // expected-error @below {{'tensorrt.shuffle' op expected result element type 'f32', got 'f16'}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

func.func @shuffle_indivisible(%x: tensor<2x3x4xf32>) -> tensor<5x?xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected reshape to keep 24 elements, but they do not divide into [5, -1]}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 5, -1>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3x4xf32>) -> tensor<5x?xf32>
  return %0 : tensor<5x?xf32>
}

// -----

func.func @shuffle_both_reshapes(%x: tensor<2x3xf32>, %s: tensor<1xi32>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.shuffle' op expected either a static reshape or a dynamic_reshape operand, got both}}
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 6>, second_transpose = array<i64: 0>} ins(%x, %s : tensor<2x3xf32>, tensor<1xi32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}
