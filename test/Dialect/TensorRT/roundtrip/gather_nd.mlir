// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.gather_nd: partial and full index tuples.

// -----

func.func @gather_nd_slices(%data: tensor<1x2x3x4xf32>, %indices: tensor<16x17x2xi32>) -> tensor<16x17x3x4xf32> {
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<1x2x3x4xf32>, tensor<16x17x2xi32>) -> tensor<16x17x3x4xf32>
  return %0 : tensor<16x17x3x4xf32>
}
// CHECK-LABEL: func.func @gather_nd_slices
//  CHECK-NEXT:   tensorrt.gather_nd data(%{{.+}}) indices(%{{.+}}) : (tensor<1x2x3x4xf32>, tensor<16x17x2xi32>) -> tensor<16x17x3x4xf32>

// -----

func.func @gather_nd_unknown_result(%data: tensor<1x2x3x4xf32>, %indices: tensor<16x17x2xi32>) -> tensor<?x?x?x?xf32> {
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<1x2x3x4xf32>, tensor<16x17x2xi32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
// CHECK-LABEL: func.func @gather_nd_unknown_result
//  CHECK-NEXT:   tensorrt.gather_nd data(%{{.+}}) indices(%{{.+}}) : (tensor<1x2x3x4xf32>, tensor<16x17x2xi32>) -> tensor<?x?x?x?xf32>

// -----

// Full tuples select single elements.
func.func @gather_nd_elements(%data: tensor<1x2x3x4xf32>, %indices: tensor<16x17x4xi32>) -> tensor<16x17xf32> {
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<1x2x3x4xf32>, tensor<16x17x4xi32>) -> tensor<16x17xf32>
  return %0 : tensor<16x17xf32>
}
// CHECK-LABEL: func.func @gather_nd_elements
//  CHECK-NEXT:   tensorrt.gather_nd data(%{{.+}}) indices(%{{.+}}) : (tensor<1x2x3x4xf32>, tensor<16x17x4xi32>) -> tensor<16x17xf32>

// -----

// One tuple, i64 indices, unknown data sizes.
func.func @gather_nd_single_tuple(%data: tensor<?x?x8xi32>, %indices: tensor<1xi64>) -> tensor<?x8xi32> {
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<?x?x8xi32>, tensor<1xi64>) -> tensor<?x8xi32>
  return %0 : tensor<?x8xi32>
}
// CHECK-LABEL: func.func @gather_nd_single_tuple
//  CHECK-NEXT:   tensorrt.gather_nd data(%{{.+}}) indices(%{{.+}}) : (tensor<?x?x8xi32>, tensor<1xi64>) -> tensor<?x8xi32>

// -----

func.func @gather_nd_dynamic_batch(%data: tensor<5x6xf16>, %indices: tensor<?x2xi32>) -> tensor<?xf16> {
  %0 = tensorrt.gather_nd data(%data) indices(%indices) : (tensor<5x6xf16>, tensor<?x2xi32>) -> tensor<?xf16>
  return %0 : tensor<?xf16>
}
// CHECK-LABEL: func.func @gather_nd_dynamic_batch
//  CHECK-NEXT:   tensorrt.gather_nd data(%{{.+}}) indices(%{{.+}}) : (tensor<5x6xf16>, tensor<?x2xi32>) -> tensor<?xf16>
