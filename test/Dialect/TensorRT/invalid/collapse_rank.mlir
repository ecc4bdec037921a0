// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.collapse_rank.

// -----

func.func @collapse_higher_rank(%x: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error @below {{'tensorrt.collapse_rank' op expected result rank of at most 1, got 2}}
  %0 = tensorrt.collapse_rank %x : tensor<4xf32> to tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @collapse_non_unit(%x: tensor<2x4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.collapse_rank' op expected result shape to be 2x4 with some unit dimensions removed, got 4}}
  %0 = tensorrt.collapse_rank %x : tensor<2x4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @collapse_unknown_dropped(%x: tensor<?x4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.collapse_rank' op expected result shape to be ?x4 with some unit dimensions removed, got 4}}
  %0 = tensorrt.collapse_rank %x : tensor<?x4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @collapse_merge(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.collapse_rank' op expected result shape to be 2x3 with some unit dimensions removed, got 6}}
  %0 = tensorrt.collapse_rank %x : tensor<2x3xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}
