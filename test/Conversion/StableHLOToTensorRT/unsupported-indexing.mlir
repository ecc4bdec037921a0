// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -verify-diagnostics

// Forms of gather, scatter and sort that Kiln still refuses, each with the
// reason the up-front check gives.

func.func @sort_by_equality(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.sort' is supported only with a comparator that orders lexicographically by inputs compared with LT or GT}}
  %s = "stablehlo.sort"(%x) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}

// -----

func.func @sort_by_transformed_key(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.sort' is supported only with a comparator that orders lexicographically}}
  %s = "stablehlo.sort"(%x) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %na = stablehlo.abs %a : tensor<f32>
    %nb = stablehlo.abs %b : tensor<f32>
    %lt = stablehlo.compare LT, %na, %nb, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}

// -----

func.func @sort_too_long(%x: tensor<2x4000xi32>) -> tensor<2x4000xi32> {
  // expected-error @+1 {{'stablehlo.sort' sorts 4000 elements along dimension 1; at most 3840 are supported (the limit of tensorrt.top_k)}}
  %s = "stablehlo.sort"(%x) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %lt = stablehlo.compare LT, %a, %b, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<2x4000xi32>) -> tensor<2x4000xi32>
  return %s : tensor<2x4000xi32>
}

// -----

func.func @scatter_subtract(%x: tensor<6xf32>, %ids: tensor<4x1xi32>, %u: tensor<4xf32>) -> tensor<6xf32> {
  // expected-error @+1 {{'stablehlo.scatter' is supported only with an update computation that replaces (returns the update) or combines the two values with add, multiply, minimum or maximum}}
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.subtract %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6xf32>, tensor<4x1xi32>, tensor<4xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @scatter_bool(%x: tensor<6xi1>, %ids: tensor<4x1xi32>, %u: tensor<4xi1>) -> tensor<6xi1> {
  // expected-error @+1 {{'stablehlo.scatter' is not supported on i1 operands}}
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<i1>, %b: tensor<i1>):
    stablehlo.return %b : tensor<i1>
  }) : (tensor<6xi1>, tensor<4x1xi32>, tensor<4xi1>) -> tensor<6xi1>
  return %0 : tensor<6xi1>
}

// -----

func.func @scatter_max_huge(%x: tensor<65536xf32>, %ids: tensor<512x1xi32>, %u: tensor<512xf32>) -> tensor<65536xf32> {
  // expected-error @+1 {{'stablehlo.scatter' combines updates through a mask of 65536 operand x 512 update elements = 33554432 elements, more than the 16777216 supported}}
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<65536xf32>, tensor<512x1xi32>, tensor<512xf32>) -> tensor<65536xf32>
  return %0 : tensor<65536xf32>
}

// -----

func.func @gather_dynamic(%x: tensor<?x4xf32>, %ids: tensor<3x1xi32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{'stablehlo.gather' is supported only with static shapes}}
  %0 = "stablehlo.gather"(%x, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>}> : (tensor<?x4xf32>, tensor<3x1xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
