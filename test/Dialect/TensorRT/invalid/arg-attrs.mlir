// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.* function argument and result attributes.

// -----

// expected-error @below {{'func.func' op expected tensorrt.shape_profile to be a #tensorrt.shape_profile, got [1, 2]}}
func.func private @profile_not_an_attr(tensor<?xf32> {tensorrt.shape_profile = [1, 2]})

// -----

// expected-error @below {{'func.func' op expected tensorrt.shape_profile only on ranked tensor arguments, got 'i32' for argument #0}}
func.func private @profile_on_scalar(i32 {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1], opt = [2], max = [3]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.shape_profile of argument #1 to have rank 2 (that of 'tensor<?x128xf32>'), got 1}}
func.func private @profile_rank(tensor<4xf32>, tensor<?x128xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1], opt = [8], max = [32]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.shape_profile of argument #0 to be 128 in static dimension 1, got min 128, opt 128, max 256}}
func.func private @profile_static_dim(tensor<?x128xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 128], opt = [8, 128], max = [32, 256]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.shape_profile of argument #0 to be 3 in static dimension 0, got min 1, opt 3, max 3}}
func.func @profile_static_dim_with_body(%x: tensor<3x?xf16> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 1], opt = [3, 4], max = [3, 8]>}) -> tensor<3x?xf16> {
  return %x : tensor<3x?xf16>
}

// -----

// expected-error @below {{'func.func' op expected tensorrt.value_bounds only on statically shaped 0-D or 1-D i32 or i64 tensor arguments, got 'tensor<2xf32>' for argument #0}}
func.func private @bounds_on_float(tensor<2xf32> {tensorrt.value_bounds = #tensorrt.shape_profile<min = [1, 1], opt = [2, 2], max = [3, 3]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.value_bounds only on statically shaped 0-D or 1-D i32 or i64 tensor arguments, got 'tensor<?xi32>' for argument #0}}
func.func private @bounds_on_dynamic(tensor<?xi32> {tensorrt.value_bounds = #tensorrt.shape_profile<min = [1], opt = [2], max = [3]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.value_bounds only on statically shaped 0-D or 1-D i32 or i64 tensor arguments, got 'tensor<2x2xi32>' for argument #0}}
func.func private @bounds_on_matrix(tensor<2x2xi32> {tensorrt.value_bounds = #tensorrt.shape_profile<min = [1, 1, 1, 1], opt = [2, 2, 2, 2], max = [3, 3, 3, 3]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.value_bounds of argument #0 to have 2 entries (one per element of 'tensor<2xi32>'), got 3}}
func.func private @bounds_count(tensor<2xi32> {tensorrt.value_bounds = #tensorrt.shape_profile<min = [1, 1, 1], opt = [2, 2, 2], max = [3, 3, 3]>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.value_bounds of argument #0 to have 1 entries (one per element of 'tensor<i64>'), got 0}}
func.func private @bounds_scalar_empty(tensor<i64> {tensorrt.value_bounds = #tensorrt.shape_profile<min = [], opt = [], max = []>})

// -----

// expected-error @below {{'func.func' op expected tensorrt.value_bounds to be a #tensorrt.shape_profile, got 5 : i64}}
func.func private @bounds_not_a_profile(tensor<i32> {tensorrt.value_bounds = 5})

// -----

// expected-error @below {{'func.func' op expected tensorrt.dimension_names to be a dictionary, got ["batch"]}}
func.func private @names_not_a_dict(tensor<?xf32> {tensorrt.dimension_names = ["batch"]})

// -----

// expected-error @below {{'func.func' op expected tensorrt.dimension_names of argument #0 to have dimension indices in [0, 2) as keys, got "batch"}}
func.func private @names_bad_key(tensor<?x?xf32> {tensorrt.dimension_names = {batch = "0"}})

// -----

// expected-error @below {{'func.func' op expected tensorrt.dimension_names of argument #0 to have dimension indices in [0, 2) as keys, got "2"}}
func.func private @names_key_out_of_range(tensor<?x?xf32> {tensorrt.dimension_names = {"2" = "extra"}})

// -----

// expected-error @below {{'func.func' op expected tensorrt.dimension_names of argument #0 to name dimension 0 with a string, got 1 : i64}}
func.func private @names_not_strings(tensor<?x?xf32> {tensorrt.dimension_names = {"0" = 1}})

// -----

// expected-error @below {{'func.func' op expected tensorrt.dimension_names only on ranked tensor arguments, got 'index' for argument #0}}
func.func private @names_on_index(index {tensorrt.dimension_names = {}})

// -----

// expected-error @below {{'func.func' op expected tensorrt.host_tensor to be a unit attribute, got true}}
func.func private @host_not_unit(tensor<2xi32> {tensorrt.host_tensor = true})

// -----

// expected-error @below {{'func.func' op expected tensorrt.host_tensor only on statically shaped 0-D or 1-D tensor arguments, got 'tensor<2x2xi32>' for argument #0}}
func.func private @host_on_matrix(tensor<2x2xi32> {tensorrt.host_tensor})

// -----

// expected-error @below {{'func.func' op expected tensorrt.host_tensor only on statically shaped 0-D or 1-D tensor arguments, got 'tensor<?xi32>' for argument #0}}
func.func private @host_on_dynamic(tensor<?xi32> {tensorrt.host_tensor})

// -----

// expected-error @below {{'func.func' op expected tensorrt.host_tensor only on statically shaped 0-D or 1-D tensor results, got 'tensor<4x4xf32>' for result #0}}
func.func private @host_result_matrix() -> (tensor<4x4xf32> {tensorrt.host_tensor})
