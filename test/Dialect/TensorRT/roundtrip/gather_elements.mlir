// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.gather_elements.

// -----

func.func @gather_elements_inner(%data: tensor<10x20x30xf32>, %indices: tensor<10x20x10xi32>) -> tensor<10x20x10xf32> {
  %0 = tensorrt.gather_elements {axis = 2 : i64} ins(%data, %indices : tensor<10x20x30xf32>, tensor<10x20x10xi32>) -> tensor<10x20x10xf32>
  return %0 : tensor<10x20x10xf32>
}
// CHECK-LABEL: func.func @gather_elements_inner
//  CHECK-NEXT:   tensorrt.gather_elements {axis = 2 : i64} ins(%{{.+}}, %{{.+}} : tensor<10x20x30xf32>, tensor<10x20x10xi32>) -> tensor<10x20x10xf32>

// -----

// Along the axis indices may be longer than data (positions repeat); along
// other dimensions they may be shorter.
func.func @gather_elements_outer(%data: tensor<3x4xi64>, %indices: tensor<7x2xi64>) -> tensor<7x2xi64> {
  %0 = tensorrt.gather_elements {axis = 0 : i64} ins(%data, %indices : tensor<3x4xi64>, tensor<7x2xi64>) -> tensor<7x2xi64>
  return %0 : tensor<7x2xi64>
}
// CHECK-LABEL: func.func @gather_elements_outer
//  CHECK-NEXT:   tensorrt.gather_elements {axis = 0 : i64} ins({{.+}} : tensor<3x4xi64>, tensor<7x2xi64>) -> tensor<7x2xi64>

// -----

func.func @gather_elements_dynamic(%data: tensor<?x?xf16>, %indices: tensor<?x5xi32>) -> tensor<?x5xf16> {
  %0 = tensorrt.gather_elements {axis = 1 : i64} ins(%data, %indices : tensor<?x?xf16>, tensor<?x5xi32>) -> tensor<?x5xf16>
  return %0 : tensor<?x5xf16>
}
// CHECK-LABEL: func.func @gather_elements_dynamic
//  CHECK-NEXT:   tensorrt.gather_elements {axis = 1 : i64} ins({{.+}} : tensor<?x?xf16>, tensor<?x5xi32>) -> tensor<?x5xf16>

// -----

func.func @gather_elements_unknown_result(%data: tensor<2x20xf32>, %perm: tensor<2x20xi64>) -> tensor<?x?xf32> {
  %0 = tensorrt.gather_elements {axis = 1 : i64} ins(%data, %perm : tensor<2x20xf32>, tensor<2x20xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @gather_elements_unknown_result
//  CHECK-NEXT:   tensorrt.gather_elements {axis = 1 : i64} ins({{.+}}) -> tensor<?x?xf32>
