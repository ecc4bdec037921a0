// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding and canonicalization of tensorrt.broadcast.

func.func @broadcast_to_same_type(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<4x8xf32> to tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @broadcast_to_same_type
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x8xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

// Same type, but the dimensions are swapped.
func.func @no_fold_permuting_broadcast(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<1, 0> : tensor<4x4xf32> to tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @no_fold_permuting_broadcast
//       CHECK:   tensorrt.broadcast %{{.+}} broadcast_dims<1, 0>

// -----

func.func @fold_broadcast_constant() -> tensor<2x3xi32> {
  %c = tensorrt.constant dense<[10, 20]> : tensor<2xi32>
  %0 = tensorrt.broadcast %c broadcast_dims<0> : tensor<2xi32> to tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
// CHECK-LABEL: func.func @fold_broadcast_constant
//  CHECK-NEXT:   tensorrt.constant dense<{{\[}}[10, 10, 10], [20, 20, 20]]> : tensor<2x3xi32>

// -----

func.func @fold_broadcast_splat_of_any_size() -> tensor<128x128xf32> {
  %c = tensorrt.constant dense<1.5> : tensor<1xf32>
  %0 = tensorrt.broadcast %c broadcast_dims<1> : tensor<1xf32> to tensor<128x128xf32>
  return %0 : tensor<128x128xf32>
}
// CHECK-LABEL: func.func @fold_broadcast_splat_of_any_size
//  CHECK-NEXT:   tensorrt.constant dense<1.500000e+00> : tensor<128x128xf32>

// -----

func.func @broadcasts_compose(%x: tensor<1x8xf32>) -> tensor<2x4x8xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
  %1 = tensorrt.broadcast %0 broadcast_dims<1, 2> : tensor<4x8xf32> to tensor<2x4x8xf32>
  return %1 : tensor<2x4x8xf32>
}
// CHECK-LABEL: func.func @broadcasts_compose
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x8xf32>)
//  CHECK-NEXT:   %[[B:.+]] = tensorrt.broadcast %[[X]] broadcast_dims<1, 2> : tensor<1x8xf32> to tensor<2x4x8xf32>
//  CHECK-NEXT:   return %[[B]]

// -----

func.func @broadcast_without_repeat_is_expand_rank(%x: tensor<8xf32>) -> tensor<1x8x1xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xf32> to tensor<1x8x1xf32>
  return %0 : tensor<1x8x1xf32>
}
// CHECK-LABEL: func.func @broadcast_without_repeat_is_expand_rank
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xf32>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.expand_rank %[[X]] : tensor<8xf32> to tensor<1x8x1xf32>
//  CHECK-NEXT:   return %[[E]]

// -----

func.func @no_expand_rank_when_repeating(%x: tensor<8xf32>) -> tensor<3x8xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xf32> to tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}
// CHECK-LABEL: func.func @no_expand_rank_when_repeating
//       CHECK:   tensorrt.broadcast

// -----

func.func @broadcast_static_result_drops_shape(%x: tensor<1x8xf32>, %s: tensor<2xi32>) -> tensor<4x8xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> shape(%s : tensor<2xi32>) : tensor<1x8xf32> to tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @broadcast_static_result_drops_shape
//  CHECK-NEXT:   tensorrt.broadcast %{{.+}} broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>

// -----

func.func @broadcast_constant_shape_refines_type(%x: tensor<1x8xf32>, %y: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %s = tensorrt.constant dense<[4, 8]> : tensor<2xi32>
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> shape(%s : tensor<2xi32>) : tensor<1x8xf32> to tensor<?x?xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %y : tensor<?x?xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @broadcast_constant_shape_refines_type
//       CHECK:   %[[B:.+]] = tensorrt.broadcast %{{.+}} broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
//       CHECK:   tensorrt.element_wise <kSUM>(%[[B]], %{{.+}} : tensor<4x8xf32>, tensor<4x8xf32>)
