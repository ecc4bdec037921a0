// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.transpose.

// -----

func.func @transpose_swap(%x: tensor<10x20x30xf32>) -> tensor<20x10x30xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d0, d2)>} %x : tensor<10x20x30xf32> to tensor<20x10x30xf32>
  return %0 : tensor<20x10x30xf32>
}
//       CHECK: #[[$SWAP:.+]] = affine_map<(d0, d1, d2) -> (d1, d0, d2)>
// CHECK-LABEL: func.func @transpose_swap
//  CHECK-NEXT:   tensorrt.transpose {permutation = #[[$SWAP]]} %{{.+}} : tensor<10x20x30xf32> to tensor<20x10x30xf32>

// -----

func.func @transpose_rotate(%x: tensor<2x?x4xi32>) -> tensor<4x2x?xi32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} %x : tensor<2x?x4xi32> to tensor<4x2x?xi32>
  return %0 : tensor<4x2x?xi32>
}
//       CHECK: #[[$ROT:.+]] = affine_map<(d0, d1, d2) -> (d2, d0, d1)>
// CHECK-LABEL: func.func @transpose_rotate
//  CHECK-NEXT:   tensorrt.transpose {permutation = #[[$ROT]]} %{{.+}} : tensor<2x?x4xi32> to tensor<4x2x?xi32>

// -----

// A result with unknown sizes is compatible with the inferred static one.
func.func @transpose_dynamic_result(%x: tensor<3x5xf16>) -> tensor<?x?xf16> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<3x5xf16> to tensor<?x?xf16>
  return %0 : tensor<?x?xf16>
}
// CHECK-LABEL: func.func @transpose_dynamic_result
//  CHECK-NEXT:   tensorrt.transpose {{.*}} : tensor<3x5xf16> to tensor<?x?xf16>

// -----

func.func @transpose_identity_i1(%x: tensor<7xi1>) -> tensor<7xi1> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0) -> (d0)>} %x : tensor<7xi1> to tensor<7xi1>
  return %0 : tensor<7xi1>
}
// CHECK-LABEL: func.func @transpose_identity_i1
//  CHECK-NEXT:   tensorrt.transpose {{.*}} : tensor<7xi1> to tensor<7xi1>
