// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// `x[i, j]`: two start indices. Each is clamped so that its slice fits,
// scaled by its operand stride and summed; the slice offsets are added as
// a constant and the flattened operand is gathered element by element.
// CHECK-LABEL: func.func @two_indices
//       CHECK:   %[[LO:.*]] = tensorrt.constant dense<0> : tensor<1x2xi32>
//       CHECK:   %[[HI:.*]] = tensorrt.constant dense<{{\[\[}}3, 4]]> : tensor<1x2xi32>
//       CHECK:   %[[C0:.*]] = tensorrt.element_wise <kMAX>(%arg1, %[[LO]]
//       CHECK:   %[[C1:.*]] = tensorrt.element_wise <kMIN>(%[[C0]], %[[HI]]
//       CHECK:   %[[STRIDES:.*]] = tensorrt.constant dense<{{\[\[}}30, 6]]> : tensor<1x2xi32>
//       CHECK:   %[[SCALED:.*]] = tensorrt.element_wise <kPROD>(%[[C1]], %[[STRIDES]]
//       CHECK:   %[[START:.*]] = tensorrt.reduce <kSUM> %[[SCALED]] {reduceAxes = array<i64: 1>} : tensor<3x2xi32> -> tensor<3xi32>
//       CHECK:   %[[START2:.*]] = tensorrt.reshape %[[START]] : tensor<3xi32> to tensor<3x1xi32>
//       CHECK:   %[[WINDOW:.*]] = tensorrt.constant dense<{{\[\[}}0, 1, 2, 3, 4, 5]]> : tensor<1x6xi32>
//       CHECK:   %[[OFF:.*]] = tensorrt.element_wise <kSUM>(%[[START2]], %[[WINDOW]] : tensor<3x1xi32>, tensor<1x6xi32>) -> tensor<3x6xi32>
//       CHECK:   %[[FLAT:.*]] = tensorrt.reshape %arg0 : tensor<4x5x6xf32> to tensor<120xf32>
//       CHECK:   %[[G:.*]] = tensorrt.gather {axis = 0 : i64} ins(%[[FLAT]], %[[OFF]] : tensor<120xf32>, tensor<3x6xi32>) -> tensor<3x6xf32>
//       CHECK:   return %[[G]]
func.func @two_indices(%x: tensor<4x5x6xf32>, %ids: tensor<3x2xi32>) -> tensor<3x6xf32> {
  %0 = "stablehlo.gather"(%x, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 6>}> : (tensor<4x5x6xf32>, tensor<3x2xi32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

// `x[i, 1:3]`: a slice smaller than the operand; the start index is clamped
// to [0, 4 - 2] so the whole slice stays inside.
// CHECK-LABEL: func.func @partial_slice
//       CHECK:   tensorrt.constant dense<{{\[\[}}5, 2]]> : tensor<1x2xi32>
//       CHECK:   tensorrt.constant dense<{{\[\[}}4, 1]]> : tensor<1x2xi32>
//       CHECK:   tensorrt.constant dense<{{\[\[}}0, 1]]> : tensor<1x2xi32>
//       CHECK:   tensorrt.gather {axis = 0 : i64} ins(%{{.*}}, %{{.*}} : tensor<24xf32>, tensor<3x2xi32>) -> tensor<3x2xf32>
func.func @partial_slice(%x: tensor<6x4xf32>, %ids: tensor<3x2xi32>) -> tensor<3x2xf32> {
  %0 = "stablehlo.gather"(%x, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2>}> : (tensor<6x4xf32>, tensor<3x2xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// `jnp.take_along_axis(x, ids, axis=1)`: dimension 0 is a batching
// dimension, walked in lockstep by the indices and the operand.
// CHECK-LABEL: func.func @take_along_axis
//       CHECK:   tensorrt.constant dense<4> : tensor<1x1x1xi32>
//       CHECK:   %[[START:.*]] = tensorrt.reshape %{{.*}} : tensor<3x4x1xi32> to tensor<3x4xi32>
//       CHECK:   %[[BATCH:.*]] = tensorrt.constant dense<{{\[\[}}0], [5], [10]]> : tensor<3x1xi32>
//       CHECK:   %[[OFF:.*]] = tensorrt.element_wise <kSUM>(%[[START]], %[[BATCH]] : tensor<3x4xi32>, tensor<3x1xi32>) -> tensor<3x4xi32>
//       CHECK:   tensorrt.gather {axis = 0 : i64} ins(%{{.*}}, %[[OFF]] : tensor<15xf32>, tensor<3x4xi32>) -> tensor<3x4xf32>
func.func @take_along_axis(%x: tensor<3x5xf32>, %ids: tensor<3x4x1xi32>) -> tensor<3x4xf32> {
  %0 = "stablehlo.gather"(%x, %ids) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<3x5xf32>, tensor<3x4x1xi32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Scalar start indices (index_vector_dim = rank) into a window of 2, with
// i64 indices: the offsets are computed in i64.
// CHECK-LABEL: func.func @scalar_indices_i64
//       CHECK:   tensorrt.reshape %arg1 : tensor<4xi64> to tensor<4x1xi64>
//       CHECK:   tensorrt.constant dense<2> : tensor<1x1xi64>
//       CHECK:   %[[OFF:.*]] = tensorrt.element_wise <kSUM>({{.*}} : tensor<4x1xi64>, tensor<1x2xi64>) -> tensor<4x2xi64>
//       CHECK:   tensorrt.gather {axis = 0 : i64} ins(%arg0, %[[OFF]] : tensor<4xf32>, tensor<4x2xi64>) -> tensor<4x2xf32>
func.func @scalar_indices_i64(%x: tensor<4xf32>, %ids: tensor<4xi64>) -> tensor<4x2xf32> {
  %0 = "stablehlo.gather"(%x, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 2>}> : (tensor<4xf32>, tensor<4xi64>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}
