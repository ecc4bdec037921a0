// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// Embedding lookup (`table[ids]`): the index vector dimension is dropped,
// the indices are clamped into bounds and gathered along axis 0.
// CHECK-LABEL: func.func @embedding
//       CHECK:   %[[I:.*]] = tensorrt.reshape %arg1 : tensor<3x1xi32> to tensor<3xi32>
//       CHECK:   %[[LO:.*]] = tensorrt.element_wise <kMAX>(%[[I]]
//       CHECK:   %[[HI:.*]] = tensorrt.element_wise <kMIN>(%[[LO]]
//       CHECK:   %[[G:.*]] = tensorrt.gather {axis = 0 : i64} ins(%arg0, %[[HI]] : tensor<10x4xf32>, tensor<3xi32>) -> tensor<3x4xf32>
//  CHECK-NEXT:   return %[[G]]
func.func @embedding(%table: tensor<10x4xf32>, %ids: tensor<3x1xi32>) -> tensor<3x4xf32> {
  %0 = "stablehlo.gather"(%table, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// `jnp.take(x, ids, axis=1)` with 2-D indices: the batch dimensions land in
// front of the offset dimensions, so the gathered result is transposed.
// CHECK-LABEL: func.func @take_axis1
//       CHECK:   %[[G:.*]] = tensorrt.gather {axis = 1 : i64} ins(%arg0, %{{.*}} : tensor<2x5x3xf32>, tensor<4x6xi32>) -> tensor<2x4x6x3xf32>
//       CHECK:   tensorrt.transpose {{.*}}%[[G]] : tensor<2x4x6x3xf32> to tensor<4x6x2x3xf32>
func.func @take_axis1(%x: tensor<2x5x3xf32>, %ids: tensor<4x6xi32>) -> tensor<4x6x2x3xf32> {
  %0 = "stablehlo.gather"(%x, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3], collapsed_slice_dims = [1], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 2, 1, 3>}> : (tensor<2x5x3xf32>, tensor<4x6xi32>) -> tensor<4x6x2x3xf32>
  return %0 : tensor<4x6x2x3xf32>
}

