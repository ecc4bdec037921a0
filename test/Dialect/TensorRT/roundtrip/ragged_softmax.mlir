// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.ragged_softmax.

// -----

func.func @ragged_softmax(%x: tensor<1x3x5xf32>, %bounds: tensor<1x3x1xi32>) -> tensor<1x3x5xf32> {
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<1x3x5xf32>, tensor<1x3x1xi32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}
// CHECK-LABEL: func.func @ragged_softmax
//  CHECK-NEXT:   tensorrt.ragged_softmax ins(%{{.+}}, %{{.+}} : tensor<1x3x5xf32>, tensor<1x3x1xi32>) -> tensor<1x3x5xf32>

// -----

func.func @ragged_softmax_unknown(%x: tensor<?x?x?xf16>, %bounds: tensor<?x?x1xi32>) -> tensor<?x?x?xf16> {
  %0 = tensorrt.ragged_softmax ins(%x, %bounds : tensor<?x?x?xf16>, tensor<?x?x1xi32>) -> tensor<?x?x?xf16>
  return %0 : tensor<?x?x?xf16>
}
// CHECK-LABEL: func.func @ragged_softmax_unknown
//  CHECK-NEXT:   tensorrt.ragged_softmax ins(%{{.+}}, %{{.+}} : tensor<?x?x?xf16>, tensor<?x?x1xi32>) -> tensor<?x?x?xf16>
