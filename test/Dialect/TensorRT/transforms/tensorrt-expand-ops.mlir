// RUN: kiln-opt %s -split-input-file -tensorrt-expand-ops | FileCheck %s

// Extension ops become core TensorRT layers: shuffles, wrapping slices and
// top-k.

// -----

func.func @transpose(%x: tensor<3x5xf32>) -> tensor<5x3xf32> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<3x5xf32> to tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}
// CHECK-LABEL: func.func @transpose
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%arg0 : tensor<3x5xf32>) -> tensor<5x3xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @transpose_dynamic(%x: tensor<?x4x?xf16>) -> tensor<4x?x?xf16> {
  %0 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2) -> (d1, d2, d0)>} %x : tensor<?x4x?xf16> to tensor<4x?x?xf16>
  return %0 : tensor<4x?x?xf16>
}
// CHECK-LABEL: func.func @transpose_dynamic
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 1, 2, 0>, second_transpose = array<i64: 0, 1, 2>, zero_is_placeholder = false} ins(%arg0 : tensor<?x4x?xf16>) -> tensor<4x?x?xf16>

// -----

// i1 needs no detour through i32: Kiln's shuffle takes every element type.
func.func @reshape(%x: tensor<2x6xf32>, %y: tensor<?x6xi1>) -> (tensor<3x4xf32>, tensor<?x2x3xi1>) {
  %0 = tensorrt.reshape %x : tensor<2x6xf32> to tensor<3x4xf32>
  %1 = tensorrt.reshape %y : tensor<?x6xi1> to tensor<?x2x3xi1>
  return %0, %1 : tensor<3x4xf32>, tensor<?x2x3xi1>
}
// CHECK-LABEL: func.func @reshape
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 3, 4>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%arg0 : tensor<2x6xf32>) -> tensor<3x4xf32>
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: -1, 2, 3>, second_transpose = array<i64: 0, 1, 2>, zero_is_placeholder = false} ins(%arg1 : tensor<?x6xi1>) -> tensor<?x2x3xi1>

// -----

// The runtime shape becomes the dynamic reshape of the shuffle.
func.func @reshape_shape_operand(%x: tensor<?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.reshape %x shape(%s: tensor<2xi32>) : tensor<?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @reshape_shape_operand
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%arg0, %arg1 : tensor<?xf32>, tensor<2xi32>) -> tensor<?x?xf32>

// -----

// One unknown dimension: a plain reshape with -1.
func.func @expand_rank(%x: tensor<8x?xf32>) -> tensor<1x8x1x?xf32> {
  %0 = tensorrt.expand_rank %x : tensor<8x?xf32> to tensor<1x8x1x?xf32>
  return %0 : tensor<1x8x1x?xf32>
}
// CHECK-LABEL: func.func @expand_rank
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 1, 8, 1, -1>, second_transpose = array<i64: 0, 1, 2, 3>, zero_is_placeholder = false} ins(%arg0 : tensor<8x?xf32>) -> tensor<1x8x1x?xf32>

// -----

// Two unknown dimensions: copy them with placeholder zeros, append the unit
// dimensions and move them into place with the second transpose.
func.func @expand_rank_dynamic(%x: tensor<?x?xf32>) -> tensor<?x1x?x1xf32> {
  %0 = tensorrt.expand_rank %x : tensor<?x?xf32> to tensor<?x1x?x1xf32>
  return %0 : tensor<?x1x?x1xf32>
}
// CHECK-LABEL: func.func @expand_rank_dynamic
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1>, reshape = array<i64: 0, 0, 1, 1>, second_transpose = array<i64: 0, 2, 1, 3>} ins(%arg0 : tensor<?x?xf32>) -> tensor<?x1x?x1xf32>

// -----

func.func @collapse_rank(%x: tensor<1x8x1xf32>) -> tensor<8xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<1x8x1xf32> to tensor<8xf32>
  return %0 : tensor<8xf32>
}
// CHECK-LABEL: func.func @collapse_rank
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 8>, second_transpose = array<i64: 0>, zero_is_placeholder = false} ins(%arg0 : tensor<1x8x1xf32>) -> tensor<8xf32>

// -----

// Two unknown dimensions: move the unit dimensions last, then keep the
// others with placeholder zeros.
func.func @collapse_rank_dynamic(%x: tensor<1x?x1x?xi32>) -> tensor<?x?xi32> {
  %0 = tensorrt.collapse_rank %x : tensor<1x?x1x?xi32> to tensor<?x?xi32>
  return %0 : tensor<?x?xi32>
}
// CHECK-LABEL: func.func @collapse_rank_dynamic
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 1, 3, 0, 2>, reshape = array<i64: 0, 0>, second_transpose = array<i64: 0, 1>} ins(%arg0 : tensor<1x?x1x?xi32>) -> tensor<?x?xi32>

// -----

// Same rank: a wrapping slice of the result size repeats the size-1 dimension.
func.func @broadcast(%x: tensor<4x1xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<4x1xf32> to tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @broadcast
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.slice %arg0[0, 0][4, 8][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<4x1xf32> to tensor<4x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// New leading dimensions: expand the rank first (itself a shuffle).
func.func @broadcast_new_dims(%x: tensor<8xf32>) -> tensor<2x4x8xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<2> : tensor<8xf32> to tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}
// CHECK-LABEL: func.func @broadcast_new_dims
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64: 1, 1, 8>, second_transpose = array<i64: 0, 1, 2>, zero_is_placeholder = false} ins(%arg0 : tensor<8xf32>) -> tensor<1x1x8xf32>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.slice %[[E]][0, 0, 0][2, 4, 8][1, 1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<1x1x8xf32> to tensor<2x4x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// broadcast_dims <1, 0> also transposes: transpose first.
func.func @broadcast_permuted(%x: tensor<3x1xf32>) -> tensor<5x3xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<1, 0> : tensor<3x1xf32> to tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}
// CHECK-LABEL: func.func @broadcast_permuted
//  CHECK-NEXT:   %[[T:.+]] = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%arg0 : tensor<3x1xf32>) -> tensor<1x3xf32>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.slice %[[T]][0, 0][5, 3][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<1x3xf32> to tensor<5x3xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// The runtime result shape becomes the size of the slice.
func.func @broadcast_dynamic(%x: tensor<1x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.broadcast %x broadcast_dims<0, 1> shape(%s : tensor<2xi32>) : tensor<1x?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @broadcast_dynamic
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.slice %arg0[0, 0][%arg1: tensor<2xi32>][1, 1] {mode = #tensorrt.slice_mode<kWRAP>} : tensor<1x?xf32> to tensor<?x?xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// argmin and argmax lower to the engine's top_k kernel directly (as top_k
// with k = 1); the pass leaves them alone.
func.func @argmin_argmax_stay(%x: tensor<?x10xf32>, %y: tensor<7xi32>) -> (tensor<?x1xf32>, tensor<?x1xi32>, tensor<1xi32>, tensor<1xi32>) {
  %v, %i = tensorrt.argmax {axis = 1 : i64} %x : tensor<?x10xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
  %w, %j = tensorrt.argmin {axis = 0 : i64} %y : tensor<7xi32> -> tensor<1xi32>, tensor<1xi32>
  return %v, %i, %w, %j : tensor<?x1xf32>, tensor<?x1xi32>, tensor<1xi32>, tensor<1xi32>
}
// CHECK-LABEL: func.func @argmin_argmax_stay
//  CHECK-NEXT:   tensorrt.argmax
//  CHECK-NEXT:   tensorrt.argmin
//   CHECK-NOT:   tensorrt.top_k

// -----

// Core layers are left as they are.
func.func @core_ops_stay(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, reshape = array<i64: 3, 2>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
// CHECK-LABEL: func.func @core_ops_stay
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 1, 0>, reshape = array<i64: 3, 2>, second_transpose = array<i64: 0, 1>} ins(%arg0 : tensor<2x3xf32>) -> tensor<3x2xf32>
//  CHECK-NEXT:   return
