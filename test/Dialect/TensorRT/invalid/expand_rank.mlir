// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.expand_rank.

// -----

func.func @expand_lower_rank(%x: tensor<1x4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.expand_rank' op expected result rank of at least 2, got 1}}
  %0 = tensorrt.expand_rank %x : tensor<1x4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @expand_non_unit(%x: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error @below {{'tensorrt.expand_rank' op expected result shape to be 4 with unit dimensions inserted, got 2x4}}
  %0 = tensorrt.expand_rank %x : tensor<4xf32> to tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @expand_unknown_inserted(%x: tensor<4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.expand_rank' op expected result shape to be 4 with unit dimensions inserted, got ?x4}}
  %0 = tensorrt.expand_rank %x : tensor<4xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @expand_reordered(%x: tensor<3x4xf32>) -> tensor<4x1x3xf32> {
  // expected-error @below {{'tensorrt.expand_rank' op expected result shape to be 3x4 with unit dimensions inserted, got 4x1x3}}
  %0 = tensorrt.expand_rank %x : tensor<3x4xf32> to tensor<4x1x3xf32>
  return %0 : tensor<4x1x3xf32>
}

// -----

func.func @expand_element_type(%x: tensor<4xf32>) -> tensor<1x4xf16> {
  // expected-error @below {{'tensorrt.expand_rank' op requires the same element type for all operands and results}}
  %0 = tensorrt.expand_rank %x : tensor<4xf32> to tensor<1x4xf16>
  return %0 : tensor<1x4xf16>
}
