// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// The update is scattered at index tuples clamped start + position over the
// leading dimensions it does not cover whole (here 2 of 3: the last
// dimension comes along as a slice).
// CHECK-LABEL: func.func @kv_cache
//       CHECK:   %[[S0:.*]] = tensorrt.constant dense<0> : tensor<1xi32>
//       CHECK:   tensorrt.constant dense<5> : tensor<i32>
//       CHECK:   %[[S1:.*]] = tensorrt.reshape %{{.*}} : tensor<i32> to tensor<1xi32>
//       CHECK:   %[[S:.*]] = tensorrt.concatenation {axis = 0 : i32} ins(%[[S0]], %[[S1]] : tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
//       CHECK:   %[[R:.*]] = tensorrt.reshape %[[S]] : tensor<2xi32> to tensor<1x1x2xi32>
//       CHECK:   %[[GRID:.*]] = tensorrt.constant dense<{{\[\[\[0, 0\]\], \[\[1, 0\]\]\]}}> : tensor<2x1x2xi32>
//       CHECK:   %[[IDX:.*]] = tensorrt.element_wise <kSUM>(%[[GRID]], %[[R]] : tensor<2x1x2xi32>, tensor<1x1x2xi32>) -> tensor<2x1x2xi32>
//       CHECK:   %[[U:.*]] = tensorrt.scatter_nd data(%arg0 : tensor<2x6x4xf32>) indices(%[[IDX]] : tensor<2x1x2xi32>) updates(%arg1 : tensor<2x1x4xf32>)
//  CHECK-NEXT:   return %[[U]]
func.func @kv_cache(%cache: tensor<2x6x4xf32>, %u: tensor<2x1x4xf32>, %i: tensor<i32>, %z: tensor<i32>) -> tensor<2x6x4xf32> {
  %0 = stablehlo.dynamic_update_slice %cache, %u, %z, %i, %z : (tensor<2x6x4xf32>, tensor<2x1x4xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<2x6x4xf32>
  return %0 : tensor<2x6x4xf32>
}

// -----

// Booleans are scattered as i8.
// CHECK-LABEL: func.func @bool_rows
//       CHECK:   %[[IDX:.*]] = tensorrt.element_wise <kSUM>
//       CHECK:   %[[D:.*]] = tensorrt.cast %arg0 : tensor<5xi1> to tensor<5xi8>
//       CHECK:   %[[U:.*]] = tensorrt.cast %arg1 : tensor<2xi1> to tensor<2xi8>
//       CHECK:   %[[S:.*]] = tensorrt.scatter_nd data(%[[D]] : tensor<5xi8>) indices(%[[IDX]] : tensor<2x1xi32>) updates(%[[U]] : tensor<2xi8>)
//       CHECK:   tensorrt.cast %[[S]] : tensor<5xi8> to tensor<5xi1>
func.func @bool_rows(%x: tensor<5xi1>, %u: tensor<2xi1>, %i: tensor<i32>) -> tensor<5xi1> {
  %0 = stablehlo.dynamic_update_slice %x, %u, %i : (tensor<5xi1>, tensor<2xi1>, tensor<i32>) -> tensor<5xi1>
  return %0 : tensor<5xi1>
}

// -----

// An update as large as the operand replaces it.
// CHECK-LABEL: func.func @whole
//  CHECK-NEXT:   return %arg1
func.func @whole(%x: tensor<2x3xf32>, %u: tensor<2x3xf32>, %i: tensor<i32>) -> tensor<2x3xf32> {
  %0 = stablehlo.dynamic_update_slice %x, %u, %i, %i : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<i32>, tensor<i32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
