// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.transpose.

// -----

func.func @transpose_not_perm(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.transpose' op expected permutation to be a permutation of 2 dimensions, got (d0, d1) -> (d0, d0)}}
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d0, d0)>} %x : tensor<2x3xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @transpose_wrong_rank(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @below {{'tensorrt.transpose' op expected permutation to be a permutation of 2 dimensions, got (d0, d1, d2) -> (d1, d0, d2)}}
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_wrong_result(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.transpose' op expected result type 'tensor<3x2xf32>' (inferred from the operands), got 'tensor<2x3xf32>'}}
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @transpose_element_type(%x: tensor<2x3xf32>) -> tensor<3x2xi32> {
  // expected-error @below {{'tensorrt.transpose' op expected result type 'tensor<3x2xf32>' (inferred from the operands), got 'tensor<3x2xi32>'}}
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// -----

func.func @transpose_not_affine_map(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @below {{custom op 'tensorrt.transpose' 'tensorrt.transpose' op attribute 'permutation' failed to satisfy constraint: AffineMap attribute}}
  %0 = tensorrt.transpose {permutation = array<i64: 1, 0>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
