// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim_out_of_range(%x: tensor<?x4xf32>) -> tensor<i32> {
  // expected-error @+1 {{'stablehlo.get_dimension_size' op expected dim in [0, 2), got 2}}
  %0 = stablehlo.get_dimension_size %x, dim = 2 : (tensor<?x4xf32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

func.func @shape_length(%x: tensor<f32>, %s: tensor<3xi32>) -> tensor<?x8xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_broadcast_in_dim' op expected output_dimensions to have 2 entries (the result rank), got 3}}
  %0 = stablehlo.dynamic_broadcast_in_dim %x, %s, dims = [] : (tensor<f32>, tensor<3xi32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

func.func @broadcast_size(%x: tensor<3xf32>, %s: tensor<2xi32>) -> tensor<?x8xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_broadcast_in_dim' op operand dimension 0 has size 3; expected 1 or 8 (result dimension 1)}}
  %0 = stablehlo.dynamic_broadcast_in_dim %x, %s, dims = [1] : (tensor<3xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

func.func @reshape_shape_rank(%x: tensor<?xf32>, %s: tensor<2x1xi32>) -> tensor<?x1xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_reshape' op expected output_shape to be 1-D, got 'tensor<2x1xi32>'}}
  %0 = stablehlo.dynamic_reshape %x, %s : (tensor<?xf32>, tensor<2x1xi32>) -> tensor<?x1xf32>
  return %0 : tensor<?x1xf32>
}

// -----

func.func @iota_dim(%s: tensor<1xi32>) -> tensor<?xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_iota' op expected iota dimension in [0, 1), got 1}}
  %0 = stablehlo.dynamic_iota %s, dim = 1 : (tensor<1xi32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @batch_norm_params(%x: tensor<2x3xf32>, %p: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'stablehlo.batch_norm_inference' op expected scale, offset, mean and variance to have 3 elements (operand dimension 1), got 'tensor<4xf32>'}}
  %0 = "stablehlo.batch_norm_inference"(%x, %p, %p, %p, %p) <{epsilon = 1.000000e-05 : f32, feature_index = 1 : i64}> : (tensor<2x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
