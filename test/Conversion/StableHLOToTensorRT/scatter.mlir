// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// `x.at[i].set(u)`: updates whose index is out of bounds go to a spare
// slot past the end, which is sliced off after the scatter_elements.
// CHECK-LABEL: func.func @set
//       CHECK:   %[[HI:.*]] = tensorrt.constant dense<5> : tensor<1x1xi32>
//       CHECK:   tensorrt.element_wise <kGREATER>(%arg1, %[[HI]]
//       CHECK:   tensorrt.element_wise <kLESS>(%arg1,
//       CHECK:   %[[FITS:.*]] = tensorrt.element_wise <kEQUAL>({{.*}} : tensor<4xi32>, tensor<1xi32>) -> tensor<4xi1>
//       CHECK:   %[[SPARE:.*]] = tensorrt.constant dense<6> : tensor<1xi32>
//       CHECK:   %[[T:.*]] = tensorrt.select ins(%[[FITS]], %{{.*}}, %[[SPARE]] : tensor<4xi1>, tensor<4xi32>, tensor<1xi32>) -> tensor<4xi32>
//       CHECK:   %[[PAD:.*]] = tensorrt.concatenation {axis = 0 : i32} ins(%arg0, %{{.*}} : tensor<6xf32>, tensor<1xf32>) -> tensor<7xf32>
//       CHECK:   %[[W:.*]] = tensorrt.scatter_elements {axis = 0 : i64} data(%[[PAD]] : tensor<7xf32>) indices(%[[T]] : tensor<4xi32>) updates(%arg2 : tensor<4xf32>)
//       CHECK:   %[[R:.*]] = tensorrt.slice %[[W]][0][6][1] : tensor<7xf32> to tensor<6xf32>
//       CHECK:   return %[[R]]
func.func @set(%x: tensor<6xf32>, %ids: tensor<4x1xi32>, %u: tensor<4xf32>) -> tensor<6xf32> {
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<6xf32>, tensor<4x1xi32>, tensor<4xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// `x.at[i].add(u)` on integers: the updates landing on each element are
// summed through a mask of offsets against positions, then added where at
// least one landed.
// CHECK-LABEL: func.func @add_int
//       CHECK:   %[[T:.*]] = tensorrt.select ins({{.*}}) -> tensor<3xi32>
//       CHECK:   %[[POS:.*]] = tensorrt.constant dense<{{\[\[}}0], [1], [2], [3], [4]]> : tensor<5x1xi32>
//       CHECK:   %[[TROW:.*]] = tensorrt.reshape %[[T]] : tensor<3xi32> to tensor<1x3xi32>
//       CHECK:   %[[MASK:.*]] = tensorrt.element_wise <kEQUAL>(%[[POS]], %[[TROW]] : tensor<5x1xi32>, tensor<1x3xi32>) -> tensor<5x3xi1>
//       CHECK:   %[[ID:.*]] = tensorrt.constant dense<0> : tensor<1x1xi32>
//       CHECK:   %[[U:.*]] = tensorrt.reshape %arg2 : tensor<3xi32> to tensor<1x3xi32>
//       CHECK:   %[[CHOSEN:.*]] = tensorrt.select ins(%[[MASK]], %[[U]], %[[ID]] : tensor<5x3xi1>, tensor<1x3xi32>, tensor<1x1xi32>) -> tensor<5x3xi32>
//       CHECK:   %[[SUM:.*]] = tensorrt.reduce <kSUM> %[[CHOSEN]] {reduceAxes = array<i64: 1>} : tensor<5x3xi32> -> tensor<5xi32>
//       CHECK:   tensorrt.scatter_elements {axis = 0 : i64} data(%{{.*}} : tensor<6xi32>) indices(%[[T]] : tensor<3xi32>)
//       CHECK:   %[[HIT:.*]] = tensorrt.element_wise <kEQUAL>({{.*}} : tensor<5xi32>, tensor<1xi32>) -> tensor<5xi1>
//       CHECK:   %[[NEW:.*]] = tensorrt.element_wise <kSUM>(%arg0, %[[SUM]] : tensor<5xi32>, tensor<5xi32>)
//       CHECK:   %[[R:.*]] = tensorrt.select ins(%[[HIT]], %[[NEW]], %arg0 : tensor<5xi1>, tensor<5xi32>, tensor<5xi32>)
//       CHECK:   return %[[R]]
func.func @add_int(%x: tensor<5xi32>, %ids: tensor<3x1xi32>, %u: tensor<3xi32>) -> tensor<5xi32> {
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %1 = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %1 : tensor<i32>
  }) : (tensor<5xi32>, tensor<3x1xi32>, tensor<3xi32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// -----

// `x.at[i, 1:3].min(u)`: a window of 2 along dimension 1 fits when its
// start is in [0, 2]; the identity of min is +inf.
// CHECK-LABEL: func.func @min_window
//       CHECK:   tensorrt.constant dense<{{\[\[}}5, 2]]> : tensor<1x2xi32>
//       CHECK:   tensorrt.reduce <kMIN> %{{.*}} {reduceAxes = array<i64: 1>} : tensor<3x2xi32> -> tensor<3xi32>
//       CHECK:   tensorrt.constant dense<0x7F800000> : tensor<1x1xf32>
//       CHECK:   tensorrt.reduce <kMIN> %{{.*}} {reduceAxes = array<i64: 1>} : tensor<24x6xf32> -> tensor<24xf32>
//       CHECK:   tensorrt.element_wise <kMIN>(%{{.*}}, %{{.*}} : tensor<24xf32>, tensor<24xf32>)
func.func @min_window(%x: tensor<6x4xf32>, %ids: tensor<3x2xi32>, %u: tensor<3x2xf32>) -> tensor<6x4xf32> {
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.minimum %b, %a : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x4xf32>, tensor<3x2xi32>, tensor<3x2xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// vmap of `x.at[i].mul(u)`: dimension 0 is a batching dimension.
// CHECK-LABEL: func.func @mul_batched
//       CHECK:   tensorrt.constant dense<{{\[\[}}0], [6]]> : tensor<2x1xi32>
//       CHECK:   tensorrt.constant dense<1.000000e+00> : tensor<1x1xf32>
//       CHECK:   tensorrt.reduce <kPROD> %{{.*}} {reduceAxes = array<i64: 1>} : tensor<12x10xf32> -> tensor<12xf32>
//       CHECK:   tensorrt.element_wise <kPROD>(%{{.*}}, %{{.*}} : tensor<12xf32>, tensor<12xf32>)
func.func @mul_batched(%x: tensor<2x6xf32>, %ids: tensor<2x5x1xi32>, %u: tensor<2x5xf32>) -> tensor<2x6xf32> {
  %0 = "stablehlo.scatter"(%x, %ids, %u) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>, unique_indices = false}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.multiply %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<2x6xf32>, tensor<2x5x1xi32>, tensor<2x5xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}
