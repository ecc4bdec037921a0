// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.scatter_elements with and without an axis.

// -----

func.func @scatter_elements_default_axis(%data: tensor<3x3xf32>, %indices: tensor<2x3xi32>, %updates: tensor<2x3xf32>) -> tensor<3x3xf32> {
  %0 = tensorrt.scatter_elements data(%data : tensor<3x3xf32>) indices(%indices : tensor<2x3xi32>) updates(%updates : tensor<2x3xf32>)
  return %0 : tensor<3x3xf32>
}
// CHECK-LABEL: func.func @scatter_elements_default_axis
//  CHECK-NEXT:   tensorrt.scatter_elements data(%{{.+}} : tensor<3x3xf32>) indices(%{{.+}} : tensor<2x3xi32>) updates(%{{.+}} : tensor<2x3xf32>)

// -----

func.func @scatter_elements_reference_layout(%arg0: tensor<3x3xf32>, %arg1: tensor<2x3xi32>, %arg2: tensor<2x3xf32>) -> tensor<3x3xf32> {
  %0 = tensorrt.scatter_elements
    data(%arg0: tensor<3x3xf32>)
    indices(%arg1: tensor<2x3xi32>)
    updates(%arg2: tensor<2x3xf32>)
  return %0: tensor<3x3xf32>
}
// CHECK-LABEL: func.func @scatter_elements_reference_layout
//  CHECK-NEXT:   tensorrt.scatter_elements data(%{{.+}} : tensor<3x3xf32>) indices(%{{.+}} : tensor<2x3xi32>) updates(%{{.+}} : tensor<2x3xf32>)

// -----

// Along the axis indices may be longer than data.
func.func @scatter_elements_axis(%data: tensor<4x2xi64>, %indices: tensor<4x5xi64>, %updates: tensor<4x5xi64>) -> tensor<4x2xi64> {
  %0 = tensorrt.scatter_elements {axis = 1 : i64} data(%data : tensor<4x2xi64>) indices(%indices : tensor<4x5xi64>) updates(%updates : tensor<4x5xi64>)
  return %0 : tensor<4x2xi64>
}
// CHECK-LABEL: func.func @scatter_elements_axis
//  CHECK-NEXT:   tensorrt.scatter_elements {axis = 1 : i64} data(%{{.+}} : tensor<4x2xi64>) indices(%{{.+}} : tensor<4x5xi64>) updates(%{{.+}} : tensor<4x5xi64>)

// -----

func.func @scatter_elements_dynamic(%data: tensor<?x?x8xbf16>, %indices: tensor<?x3x8xi32>, %updates: tensor<2x?x8xbf16>) -> tensor<?x?x8xbf16> {
  %0 = tensorrt.scatter_elements {axis = 2 : i64} data(%data : tensor<?x?x8xbf16>) indices(%indices : tensor<?x3x8xi32>) updates(%updates : tensor<2x?x8xbf16>)
  return %0 : tensor<?x?x8xbf16>
}
// CHECK-LABEL: func.func @scatter_elements_dynamic
//  CHECK-NEXT:   tensorrt.scatter_elements {axis = 2 : i64} data(%{{.+}} : tensor<?x?x8xbf16>) indices(%{{.+}} : tensor<?x3x8xi32>) updates(%{{.+}} : tensor<2x?x8xbf16>)
//  CHECK-NEXT:   return %{{.+}} : tensor<?x?x8xbf16>
