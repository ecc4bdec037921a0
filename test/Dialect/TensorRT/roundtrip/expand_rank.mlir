// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.expand_rank.

// -----

func.func @expand_leading(%x: tensor<100x100xf32>) -> tensor<1x1x1x100x100xf32> {
  %0 = tensorrt.expand_rank %x : tensor<100x100xf32> to tensor<1x1x1x100x100xf32>
  return %0 : tensor<1x1x1x100x100xf32>
}
// CHECK-LABEL: func.func @expand_leading
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<100x100xf32> to tensor<1x1x1x100x100xf32>

// -----

func.func @expand_trailing(%x: tensor<100xf32>) -> tensor<100x1xf32> {
  %0 = tensorrt.expand_rank %x : tensor<100xf32> to tensor<100x1xf32>
  return %0 : tensor<100x1xf32>
}
// CHECK-LABEL: func.func @expand_trailing
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<100xf32> to tensor<100x1xf32>

// -----

func.func @expand_middle(%x: tensor<100x10xf32>) -> tensor<100x1x10xf32> {
  %0 = tensorrt.expand_rank %x : tensor<100x10xf32> to tensor<100x1x10xf32>
  return %0 : tensor<100x1x10xf32>
}
// CHECK-LABEL: func.func @expand_middle
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<100x10xf32> to tensor<100x1x10xf32>

// -----

func.func @expand_dynamic(%x: tensor<?x8xi32>) -> tensor<1x?x1x8xi32> {
  %0 = tensorrt.expand_rank %x : tensor<?x8xi32> to tensor<1x?x1x8xi32>
  return %0 : tensor<1x?x1x8xi32>
}
// CHECK-LABEL: func.func @expand_dynamic
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<?x8xi32> to tensor<1x?x1x8xi32>

// -----

func.func @expand_scalar(%x: tensor<f16>) -> tensor<1x1xf16> {
  %0 = tensorrt.expand_rank %x : tensor<f16> to tensor<1x1xf16>
  return %0 : tensor<1x1xf16>
}
// CHECK-LABEL: func.func @expand_scalar
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<f16> to tensor<1x1xf16>

// -----

func.func @expand_same(%x: tensor<4x1xf32>) -> tensor<4x1xf32> {
  %0 = tensorrt.expand_rank %x : tensor<4x1xf32> to tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}
// CHECK-LABEL: func.func @expand_same
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<4x1xf32> to tensor<4x1xf32>
