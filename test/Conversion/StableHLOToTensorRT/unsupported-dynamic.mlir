// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -verify-diagnostics

// Forms of the dynamic-shape ops and custom_call that Kiln refuses, each
// with the op and what is wrong.

func.func @unknown_target(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.custom_call' with target @my_kernel has no conversion to `tensorrt` (Kiln converts @shape_assertion and the sharding targets)}}
  %0 = stablehlo.custom_call @my_kernel(%x) {backend_config = ""} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @assertion_with_result(%p: tensor<i1>) -> tensor<i1> {
  // expected-error @+1 {{'stablehlo.custom_call' @shape_assertion is supported only with a tensor<i1> condition first and no results}}
  %0 = stablehlo.custom_call @shape_assertion(%p) : (tensor<i1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// -----

func.func @unknown_rank_shape(%x: tensor<?xf32>, %shape: tensor<?xi32>) -> tensor<?x?xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_reshape' needs `output_shape` to be a 1-D tensor of known length, got tensor<?xi32>}}
  %0 = stablehlo.dynamic_reshape %x, %shape : (tensor<?xf32>, tensor<?xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @interior_padding(%x: tensor<?xf32>, %v: tensor<f32>, %low: tensor<1xi32>, %interior: tensor<1xi32>) -> tensor<?xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_pad' is supported only without interior padding (a constant all-zero `interior_padding`)}}
  %0 = stablehlo.dynamic_pad %x, %v, %low, %low, %interior : (tensor<?xf32>, tensor<f32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @gather_rows(%x: tensor<?x4xf32>, %ids: tensor<3x1xi32>, %sizes: tensor<2xi32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_gather' is supported only in the slice form (one start index vector, every operand dimension an offset dimension, none collapsed)}}
  %0 = "stablehlo.dynamic_gather"(%x, %ids, %sizes) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<?x4xf32>, tensor<3x1xi32>, tensor<2xi32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @bool_iota(%n: tensor<1xi32>) -> tensor<?xi1> {
  // expected-error @+1 {{'stablehlo.dynamic_iota' is supported only with float, i32 or i64 results, got i1}}
  %0 = stablehlo.dynamic_iota %n, dim = 0 : (tensor<1xi32>) -> tensor<?xi1>
  return %0 : tensor<?xi1>
}

// -----

func.func @batch_norm_int(%x: tensor<2x3xi32>, %p: tensor<3xi32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{'stablehlo.batch_norm_inference' is supported only on floats, got i32}}
  %0 = "stablehlo.batch_norm_inference"(%x, %p, %p, %p, %p) <{epsilon = 1.000000e-05 : f32, feature_index = 1 : i64}> : (tensor<2x3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @batch_norm_dynamic_features(%x: tensor<2x?xf32>, %p: tensor<?xf32>) -> tensor<2x?xf32> {
  // expected-error @+1 {{'stablehlo.batch_norm_inference' is supported only with a feature dimension of known size}}
  %0 = "stablehlo.batch_norm_inference"(%x, %p, %p, %p, %p) <{epsilon = 1.000000e-05 : f32, feature_index = 1 : i64}> : (tensor<2x?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}
