// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Shape profiles bound the dynamic dimensions of function arguments.

// -----

func.func @profiled(%x: tensor<?x128xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 128], opt = [8, 128], max = [32, 128]>}) -> tensor<?x128xf32> {
  return %x : tensor<?x128xf32>
}
// CHECK-LABEL: func.func @profiled
//  CHECK-SAME:   tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 128], opt = [8, 128], max = [32, 128]>

// -----

func.func private @scalar_profile() attributes {p = #tensorrt.shape_profile<min = [], opt = [], max = []>}
// CHECK-LABEL: func.func private @scalar_profile
//  CHECK-SAME:   p = #tensorrt.shape_profile<min = [], opt = [], max = []>
