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


// -----

// `x.at[ids].add(u)`: rows of u are summed into x through a one-hot
// product, so duplicate indices add up and out-of-range ones drop.
// CHECK-LABEL: func.func @scatter_add_rows
//       CHECK:   %[[IOTA:.*]] = tensorrt.constant dense<{{\[\[}}0, 1, 2, 3, 4, 5]]> : tensor<1x6xi32>
//       CHECK:   %[[EQ:.*]] = tensorrt.element_wise <kEQUAL>(%arg1, %[[IOTA]] : tensor<4x1xi32>, tensor<1x6xi32>) -> tensor<4x6xi1>
//       CHECK:   %[[OH:.*]] = tensorrt.cast %[[EQ]] : tensor<4x6xi1> to tensor<4x6xf32>
//       CHECK:   %[[S:.*]] = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%[[OH]], %arg2 : tensor<4x6xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
//       CHECK:   tensorrt.element_wise <kSUM>(%arg0, %[[S]] : tensor<6x3xf32>, tensor<6x3xf32>)
func.func @scatter_add_rows(%x: tensor<6x3xf32>, %ids: tensor<4x1xi32>, %u: tensor<4x3xf32>) -> tensor<6x3xf32> {
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x3xf32>, tensor<4x1xi32>, tensor<4x3xf32>) -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}
