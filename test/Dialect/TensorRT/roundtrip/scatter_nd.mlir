// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.scatter_nd. The result type is that of data and is
// not written.

// -----

func.func @scatter_nd_slices(%data: tensor<4x4x4xf32>, %indices: tensor<2x1xi32>, %updates: tensor<2x4x4xf32>) -> tensor<4x4x4xf32> {
  %0 = tensorrt.scatter_nd data(%data : tensor<4x4x4xf32>) indices(%indices : tensor<2x1xi32>) updates(%updates : tensor<2x4x4xf32>)
  return %0 : tensor<4x4x4xf32>
}
// CHECK-LABEL: func.func @scatter_nd_slices
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.scatter_nd data(%{{.+}} : tensor<4x4x4xf32>) indices(%{{.+}} : tensor<2x1xi32>) updates(%{{.+}} : tensor<2x4x4xf32>)
//  CHECK-NEXT:   return %[[R]] : tensor<4x4x4xf32>

// -----

// The reference spelling, with the type right after the colon and the
// operands on separate lines.
func.func @scatter_nd_reference_layout(%arg0: tensor<4x4x4xf32>, %arg1: tensor<2x1xi32>, %arg2: tensor<2x4x4xf32>) -> tensor<4x4x4xf32> {
  %0 = tensorrt.scatter_nd
    data(%arg0: tensor<4x4x4xf32>)
    indices(%arg1: tensor<2x1xi32>)
    updates(%arg2: tensor<2x4x4xf32>)
  return %0: tensor<4x4x4xf32>
}
// CHECK-LABEL: func.func @scatter_nd_reference_layout
//  CHECK-NEXT:   tensorrt.scatter_nd data(%{{.+}} : tensor<4x4x4xf32>) indices(%{{.+}} : tensor<2x1xi32>) updates(%{{.+}} : tensor<2x4x4xf32>)

// -----

// Full index tuples write single elements.
func.func @scatter_nd_elements(%data: tensor<5x6xi32>, %indices: tensor<3x2xi64>, %updates: tensor<3xi32>) -> tensor<5x6xi32> {
  %0 = tensorrt.scatter_nd data(%data : tensor<5x6xi32>) indices(%indices : tensor<3x2xi64>) updates(%updates : tensor<3xi32>)
  return %0 : tensor<5x6xi32>
}
// CHECK-LABEL: func.func @scatter_nd_elements
//  CHECK-NEXT:   tensorrt.scatter_nd data(%{{.+}} : tensor<5x6xi32>) indices(%{{.+}} : tensor<3x2xi64>) updates(%{{.+}} : tensor<3xi32>)

// -----

func.func @scatter_nd_dynamic(%data: tensor<?x8xf16>, %indices: tensor<?x?x1xi32>, %updates: tensor<?x?x8xf16>) -> tensor<?x8xf16> {
  %0 = tensorrt.scatter_nd data(%data : tensor<?x8xf16>) indices(%indices : tensor<?x?x1xi32>) updates(%updates : tensor<?x?x8xf16>)
  return %0 : tensor<?x8xf16>
}
// CHECK-LABEL: func.func @scatter_nd_dynamic
//  CHECK-NEXT:   tensorrt.scatter_nd data(%{{.+}} : tensor<?x8xf16>) indices(%{{.+}} : tensor<?x?x1xi32>) updates(%{{.+}} : tensor<?x?x8xf16>)
//  CHECK-NEXT:   return %{{.+}} : tensor<?x8xf16>
