// RUN: kiln-opt %s -split-input-file -tensorrt-simplify | FileCheck %s
// RUN: kiln-opt %s -split-input-file '-tensorrt-simplify=expand-ops=false' | FileCheck %s --check-prefix=KEEP

// The whole simplification pipeline on small graphs of the kind frontends
// emit. With expand-ops=false (what kiln-compile uses: Kiln's kernels take
// the extension ops as they are) the bias keeps its expand_rank instead of
// becoming a shuffle.

// Layout shuffling around pointwise work disappears, the bias broadcast is
// absorbed (its rank expansion ends as a shuffle, a core layer), and
// max(x, 0) becomes relu.
func.func @layout_noise_and_relu(%x: tensor<4x8xf32>, %bias: tensor<8xf32>) -> tensor<4x8xf32> {
  %zero = tensorrt.constant dense<0.0> : tensor<4x8xf32>
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<4x8xf32> to tensor<8x4xf32>
  %u = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %t : tensor<8x4xf32> to tensor<4x8xf32>
  %b = tensorrt.broadcast %bias broadcast_dims<1> : tensor<8xf32> to tensor<4x8xf32>
  %s = tensorrt.element_wise <kSUM>(%u, %b : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %f = tensorrt.reshape %s : tensor<4x8xf32> to tensor<32xf32>
  %z = tensorrt.reshape %zero : tensor<4x8xf32> to tensor<32xf32>
  %m = tensorrt.element_wise <kMAX>(%f, %z : tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
  %r = tensorrt.reshape %m : tensor<32xf32> to tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @layout_noise_and_relu
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x8xf32>, %[[BIAS:.+]]: tensor<8xf32>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.shuffle {{.+}} ins(%[[BIAS]] : tensor<8xf32>) -> tensor<1x8xf32>
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.element_wise <kSUM>(%[[X]], %[[E]] : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %[[S]] : tensor<4x8xf32>
//  CHECK-NEXT:   return %[[R]]
// KEEP-LABEL: func.func @layout_noise_and_relu
//  KEEP-NEXT:   %[[E:.+]] = tensorrt.expand_rank %{{.+}} : tensor<8xf32> to tensor<1x8xf32>
//  KEEP-NEXT:   tensorrt.element_wise <kSUM>
//  KEEP-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>}
//  KEEP-NEXT:   return

// -----

// A transposed weight feeding a matrix multiply through a cast.
func.func @transposed_weight(%a: tensor<2x16xf16>, %w: tensor<32x16xf32>) -> tensor<2x32xf16> {
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %w : tensor<32x16xf32> to tensor<16x32xf32>
  %c = tensorrt.cast %t : tensor<16x32xf32> to tensor<16x32xf16>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %c : tensor<2x16xf16>, tensor<16x32xf16>) -> tensor<2x32xf16>
  return %0 : tensor<2x32xf16>
}
// CHECK-LABEL: func.func @transposed_weight
//  CHECK-SAME:   (%[[A:.+]]: tensor<2x16xf16>, %[[W:.+]]: tensor<32x16xf32>)
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.cast %[[W]] : tensor<32x16xf32> to tensor<32x16xf16>
//  CHECK-NEXT:   %[[M:.+]] = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%[[A]], %[[C]] : tensor<2x16xf16>, tensor<32x16xf16>) -> tensor<2x32xf16>
//  CHECK-NEXT:   return %[[M]]

// -----

// Shape arithmetic on constants folds away, mean is raised, CSE merges the
// duplicate.
func.func @mean_and_shapes(%x: tensor<2x8xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xi32>) {
  %s = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x8xf32> -> tensor<2xf32>
  %n = tensorrt.constant dense<8.0> : tensor<1xf32>
  %m = tensorrt.element_wise <kDIV>(%s, %n : tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
  %s2 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x8xf32> -> tensor<2xf32>
  %m2 = tensorrt.element_wise <kDIV>(%s2, %n : tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
  %shape = tensorrt.constant dense<[2, 8]> : tensor<2xi32>
  %two = tensorrt.constant dense<2> : tensor<2xi32>
  %half = tensorrt.element_wise <kFLOOR_DIV>(%shape, %two : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %m, %m2, %half : tensor<2xf32>, tensor<2xf32>, tensor<2xi32>
}
// CHECK-LABEL: func.func @mean_and_shapes
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x8xf32>)
//   CHECK-DAG:   %[[H:.+]] = tensorrt.constant dense<[1, 4]> : tensor<2xi32>
//   CHECK-DAG:   %[[M:.+]] = tensorrt.reduce <kAVG> %[[X]] {reduceAxes = array<i64: 1>} : tensor<2x8xf32> -> tensor<2xf32>
//       CHECK:   return %[[M]], %[[M]], %[[H]]

// -----

// A sigmoid written out on a transposed value: the transposes cancel once
// they have moved past the arithmetic, which is then one activation.
func.func @transposed_sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %x : tensor<2x3xf32> to tensor<3x2xf32>
  %n = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %t : tensor<3x2xf32>
  %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %n : tensor<3x2xf32>
  %d = tensorrt.element_wise <kSUM>(%e, %one : tensor<3x2xf32>, tensor<1x1xf32>) -> tensor<3x2xf32>
  %s = tensorrt.element_wise <kDIV>(%one, %d : tensor<1x1xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  %u = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %s : tensor<3x2xf32> to tensor<2x3xf32>
  return %u : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @transposed_sigmoid
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %[[X]] : tensor<2x3xf32>
//  CHECK-NEXT:   return %[[S]]
