// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @broadcast_size(%x: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'stablehlo.broadcast_in_dim' op operand dimension 0 has size 3; expected 1 or 4 (result dimension 1)}}
  %0 = stablehlo.broadcast_in_dim %x, dims = [1] : (tensor<3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @broadcast_count(%x: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'stablehlo.broadcast_in_dim' op expected 1 broadcast dimensions (one per operand dimension), got 2}}
  %0 = stablehlo.broadcast_in_dim %x, dims = [0, 1] : (tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @transpose_not_permutation(%x: tensor<3x4xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'stablehlo.transpose' op expected dims to be a permutation of [0, rank)}}
  %0 = stablehlo.transpose %x, dims = [1, 1] : (tensor<3x4xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @slice_size(%x: tensor<8xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'stablehlo.slice' op result dimension 0 has size 3, expected 4}}
  %0 = stablehlo.slice %x [0:8:2] : (tensor<8xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @reshape_count(%x: tensor<8xf32>) -> tensor<3x3xf32> {
  // expected-error @+1 {{'stablehlo.reshape' op expected as many elements in the result (9) as in the operand (8)}}
  %0 = stablehlo.reshape %x : (tensor<8xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @dot_contracting_sizes(%a: tensor<3x4xf32>, %b: tensor<5x6xf32>) -> tensor<3x6xf32> {
  // expected-error @+1 {{'stablehlo.dot_general' op contracting dimensions 1 and 0 have sizes 4 and 5}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<3x4xf32>, tensor<5x6xf32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

func.func @iota_dim(%x: tensor<3xf32>) -> tensor<3xi32> {
  // expected-error @+1 {{'stablehlo.iota' op expected iota dimension in [0, 1), got 1}}
  %0 = stablehlo.iota dim = 1 : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

func.func @select_branches(%p: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.select' op expected both branches to have the result type 'tensor<4xf32>', got 'tensor<4xf32>' and 'tensor<4xf16>'}}
  %0 = stablehlo.select %p, %a, %b : (tensor<4xi1>, tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @binary_types(%a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.add' op requires the same type for all operands and results}}
  %0 = stablehlo.add %a, %b : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_function_type(%x: tensor<3x4xf32>, %i: tensor<f32>) -> tensor<3xf32> {
  // expected-error @+1 {{expected a function type with 2 inputs and 1 results, got '(tensor<3x4xf32>) -> tensor<3xf32>'}}
  %0 = stablehlo.reduce(%x init: %i) applies stablehlo.add across dimensions = [1] : (tensor<3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @unknown_op(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{custom op 'stablehlo.frobnicate' is unknown}}
  %0 = stablehlo.frobnicate %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
