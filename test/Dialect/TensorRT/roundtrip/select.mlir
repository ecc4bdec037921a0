// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.select.

// -----

func.func @select_broadcast(%c: tensor<10x10xi1>, %a: tensor<1x10xf32>, %b: tensor<10x1xf32>) -> tensor<10x10xf32> {
  %0 = tensorrt.select ins(%c, %a, %b: tensor<10x10xi1>, tensor<1x10xf32>, tensor<10x1xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}
// CHECK-LABEL: func.func @select_broadcast
//  CHECK-NEXT:   tensorrt.select ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<10x10xi1>, tensor<1x10xf32>, tensor<10x1xf32>) -> tensor<10x10xf32>

// -----

func.func @select_dynamic(%c: tensor<1x10xi1>, %a: tensor<10x10xi32>, %b: tensor<?x?xi32>) -> tensor<10x10xi32> {
  %0 = tensorrt.select ins(%c, %a, %b : tensor<1x10xi1>, tensor<10x10xi32>, tensor<?x?xi32>) -> tensor<10x10xi32>
  return %0 : tensor<10x10xi32>
}
// CHECK-LABEL: func.func @select_dynamic
//  CHECK-NEXT:   tensorrt.select ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<1x10xi1>, tensor<10x10xi32>, tensor<?x?xi32>) -> tensor<10x10xi32>

// -----

func.func @select_bool(%c: tensor<4xi1>, %a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}
// CHECK-LABEL: func.func @select_bool
//  CHECK-NEXT:   tensorrt.select ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
