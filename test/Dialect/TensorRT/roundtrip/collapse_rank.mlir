// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.collapse_rank.

// -----

func.func @collapse_middle(%x: tensor<100x1x100xf32>) -> tensor<100x100xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<100x1x100xf32> to tensor<100x100xf32>
  return %0 : tensor<100x100xf32>
}
// CHECK-LABEL: func.func @collapse_middle
//  CHECK-NEXT:   tensorrt.collapse_rank %{{.+}} : tensor<100x1x100xf32> to tensor<100x100xf32>

// -----

func.func @collapse_some(%x: tensor<100x1x1x100xf32>) -> tensor<100x1x100xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<100x1x1x100xf32> to tensor<100x1x100xf32>
  return %0 : tensor<100x1x100xf32>
}
// CHECK-LABEL: func.func @collapse_some
//  CHECK-NEXT:   tensorrt.collapse_rank %{{.+}} : tensor<100x1x1x100xf32> to tensor<100x1x100xf32>

// -----

func.func @collapse_all(%x: tensor<1x1xf32>) -> tensor<f32> {
  %0 = tensorrt.collapse_rank %x : tensor<1x1xf32> to tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @collapse_all
//  CHECK-NEXT:   tensorrt.collapse_rank %{{.+}} : tensor<1x1xf32> to tensor<f32>

// -----

func.func @collapse_dynamic(%x: tensor<1x?x1x8xi64>) -> tensor<?x8xi64> {
  %0 = tensorrt.collapse_rank %x : tensor<1x?x1x8xi64> to tensor<?x8xi64>
  return %0 : tensor<?x8xi64>
}
// CHECK-LABEL: func.func @collapse_dynamic
//  CHECK-NEXT:   tensorrt.collapse_rank %{{.+}} : tensor<1x?x1x8xi64> to tensor<?x8xi64>

// -----

func.func @collapse_ambiguous(%x: tensor<1x1x4xf16>) -> tensor<1x4xf16> {
  %0 = tensorrt.collapse_rank %x : tensor<1x1x4xf16> to tensor<1x4xf16>
  return %0 : tensor<1x4xf16>
}
// CHECK-LABEL: func.func @collapse_ambiguous
//  CHECK-NEXT:   tensorrt.collapse_rank %{{.+}} : tensor<1x1x4xf16> to tensor<1x4xf16>
