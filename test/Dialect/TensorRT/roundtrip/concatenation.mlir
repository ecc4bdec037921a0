// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.concatenation.

// -----

func.func @concat_axis0(%a: tensor<1x10xf32>, %b: tensor<3x10xf32>) -> tensor<4x10xf32> {
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%a, %b : tensor<1x10xf32>, tensor<3x10xf32>) -> tensor<4x10xf32>
  return %0 : tensor<4x10xf32>
}
// CHECK-LABEL: func.func @concat_axis0
//  CHECK-NEXT:   tensorrt.concatenation {axis = 0 : i32} ins(%{{.+}}, %{{.+}} : tensor<1x10xf32>, tensor<3x10xf32>) -> tensor<4x10xf32>

// -----

func.func @concat_three_dynamic(%a: tensor<?x10xf32>, %b: tensor<3x10xf32>, %c: tensor<?x10xf32>) -> tensor<10x10xf32> {
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%a, %b, %c : tensor<?x10xf32>, tensor<3x10xf32>, tensor<?x10xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}
// CHECK-LABEL: func.func @concat_three_dynamic
//  CHECK-NEXT:   tensorrt.concatenation {axis = 0 : i32} ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<?x10xf32>, tensor<3x10xf32>, tensor<?x10xf32>) -> tensor<10x10xf32>

// -----

func.func @concat_inner_axis(%a: tensor<?x?x768xf16>, %b: tensor<?x?x?xf16>) -> tensor<?x?x768xf16> {
  %0 = tensorrt.concatenation {axis = 1 : i32} ins(%a, %b : tensor<?x?x768xf16>, tensor<?x?x?xf16>) -> tensor<?x?x768xf16>
  return %0 : tensor<?x?x768xf16>
}
// CHECK-LABEL: func.func @concat_inner_axis
//  CHECK-NEXT:   tensorrt.concatenation {axis = 1 : i32} ins(%{{.+}}, %{{.+}} : tensor<?x?x768xf16>, tensor<?x?x?xf16>) -> tensor<?x?x768xf16>

// -----

func.func @concat_single_i1(%a: tensor<5xi1>) -> tensor<5xi1> {
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%a : tensor<5xi1>) -> tensor<5xi1>
  return %0 : tensor<5xi1>
}
// CHECK-LABEL: func.func @concat_single_i1
//  CHECK-NEXT:   tensorrt.concatenation {axis = 0 : i32} ins(%{{.+}} : tensor<5xi1>) -> tensor<5xi1>
