// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.parametric_relu.

// -----

func.func @prelu_same_shape(%x: tensor<2x10xf32>, %slope: tensor<2x10xf32>) -> tensor<2x10xf32> {
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<2x10xf32>, tensor<2x10xf32>) -> tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}
// CHECK-LABEL: func.func @prelu_same_shape
//  CHECK-NEXT:   tensorrt.parametric_relu ins(%{{.+}}, %{{.+}} : tensor<2x10xf32>, tensor<2x10xf32>) -> tensor<2x10xf32>

// -----

func.func @prelu_broadcast_slope(%x: tensor<2x10xf16>, %slope: tensor<1x1xf16>) -> tensor<2x10xf16> {
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<2x10xf16>, tensor<1x1xf16>) -> tensor<2x10xf16>
  return %0 : tensor<2x10xf16>
}
// CHECK-LABEL: func.func @prelu_broadcast_slope
//  CHECK-NEXT:   tensorrt.parametric_relu ins(%{{.+}}, %{{.+}} : tensor<2x10xf16>, tensor<1x1xf16>) -> tensor<2x10xf16>

// -----

func.func @prelu_unknown(%x: tensor<?x?xbf16>, %slope: tensor<?x?xbf16>) -> tensor<?x?xbf16> {
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<?x?xbf16>, tensor<?x?xbf16>) -> tensor<?x?xbf16>
  return %0 : tensor<?x?xbf16>
}
// CHECK-LABEL: func.func @prelu_unknown
//  CHECK-NEXT:   tensorrt.parametric_relu ins(%{{.+}}, %{{.+}} : tensor<?x?xbf16>, tensor<?x?xbf16>) -> tensor<?x?xbf16>
