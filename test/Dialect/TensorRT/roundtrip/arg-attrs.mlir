// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// tensorrt.* function argument and result attributes that verify.

// -----

func.func @profile_and_names(%x: tensor<?x4xf32> {tensorrt.dimension_names = {"0" = "batch"}, tensorrt.shape_profile = #tensorrt.shape_profile<min = [2, 4], opt = [4, 4], max = [6, 4]>}) -> tensor<?x4xf32> {
  return %x : tensor<?x4xf32>
}
// CHECK-LABEL: func.func @profile_and_names
//  CHECK-SAME:   tensorrt.dimension_names = {"0" = "batch"}
//  CHECK-SAME:   tensorrt.shape_profile = #tensorrt.shape_profile<min = [2, 4], opt = [4, 4], max = [6, 4]>

// -----

func.func private @empty_names(tensor<?x?xf32> {tensorrt.dimension_names = {}})
// CHECK-LABEL: func.func private @empty_names
//  CHECK-SAME:   tensorrt.dimension_names = {}

// -----

func.func private @host_shape_tensors(tensor<i32> {tensorrt.host_tensor, tensorrt.value_bounds = #tensorrt.shape_profile<min = [1], opt = [2], max = [3]>}, tensor<2xi64> {tensorrt.host_tensor, tensorrt.value_bounds = #tensorrt.shape_profile<min = [10, 10], opt = [20, 20], max = [30, 30]>}) -> (tensor<1xi32> {tensorrt.host_tensor})
// CHECK-LABEL: func.func private @host_shape_tensors
//  CHECK-SAME:   tensor<i32> {tensorrt.host_tensor, tensorrt.value_bounds = #tensorrt.shape_profile<min = [1], opt = [2], max = [3]>}
//  CHECK-SAME:   tensor<2xi64> {tensorrt.host_tensor, tensorrt.value_bounds = #tensorrt.shape_profile<min = [10, 10], opt = [20, 20], max = [30, 30]>}
//  CHECK-SAME:   -> (tensor<1xi32> {tensorrt.host_tensor})

// -----

// A static dimension is bounded by its own size; a scalar argument has an
// empty profile.
func.func private @static_profiles(tensor<8x?xf16> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [8, 1], opt = [8, 64], max = [8, 512]>}, tensor<f32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [], opt = [], max = []>})
// CHECK-LABEL: func.func private @static_profiles
//  CHECK-SAME:   #tensorrt.shape_profile<min = [8, 1], opt = [8, 64], max = [8, 512]>
//  CHECK-SAME:   #tensorrt.shape_profile<min = [], opt = [], max = []>

// -----

// Attributes for other tools under the tensorrt prefix are left alone.
func.func private @other_attrs(tensor<10xf32> {tensorrt.profile = #tensorrt.shape_profile<min = [10], opt = [10], max = [10]>})
// CHECK-LABEL: func.func private @other_attrs
//  CHECK-SAME:   tensorrt.profile = #tensorrt.shape_profile<min = [10], opt = [10], max = [10]>
