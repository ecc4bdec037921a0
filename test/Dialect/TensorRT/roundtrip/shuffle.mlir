// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.shuffle: transposes, static and dynamic reshapes, placeholders.

// -----

func.func @shuffle_transpose_reshape(%x: tensor<2x224x224x3xf32>) -> tensor<2x3x224x224xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 3, 1, 2>, reshape = array<i64: 2, 3, 224, 224>, second_transpose = array<i64: 0, 1, 2, 3>, zero_is_placeholder = true} ins(%x : tensor<2x224x224x3xf32>) -> tensor<2x3x224x224xf32>
  return %0 : tensor<2x3x224x224xf32>
}
// CHECK-LABEL: func.func @shuffle_transpose_reshape
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 3, 1, 2>, reshape = array<i64: 2, 3, 224, 224>, second_transpose = array<i64: 0, 1, 2, 3>} ins(%{{.+}} : tensor<2x224x224x3xf32>) -> tensor<2x3x224x224xf32>

// -----

func.func @shuffle_transposes_only(%x: tensor<3x5xf16>) -> tensor<3x5xf16> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 1, 0>} ins(%x : tensor<3x5xf16>) -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}
// CHECK-LABEL: func.func @shuffle_transposes_only
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 1, 0>} ins(%{{.+}} : tensor<3x5xf16>) -> tensor<3x5xf16>

// -----

func.func @shuffle_infer_minus_one(%x: tensor<3x4x6xf32>) -> tensor<3x24xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 3, -1>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<3x4x6xf32>) -> tensor<3x24xf32>
  return %0 : tensor<3x24xf32>
}
// CHECK-LABEL: func.func @shuffle_infer_minus_one
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 3, -1>, second_transpose = array<i64: 0, 1>} ins(%{{.+}} : tensor<3x4x6xf32>) -> tensor<3x24xf32>

// -----

// A 0 copies the dimension at its position.
func.func @shuffle_placeholder(%x: tensor<1x10x20x40xf32>) -> tensor<1x10x800xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2, 3>, reshape = array<i64: 0, 0, 800>, second_transpose = array<i64: 0, 1, 2>} ins(%x : tensor<1x10x20x40xf32>) -> tensor<1x10x800xf32>
  return %0 : tensor<1x10x800xf32>
}
// CHECK-LABEL: func.func @shuffle_placeholder
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2, 3>, reshape = array<i64: 0, 0, 800>, second_transpose = array<i64: 0, 1, 2>} ins(%{{.+}} : tensor<1x10x20x40xf32>) -> tensor<1x10x800xf32>

// -----

func.func @shuffle_dynamic_placeholder(%x: tensor<?x?x1xf32>) -> tensor<?x?xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 0, 0>, second_transpose = array<i64: 0, 1>} ins(%x : tensor<?x?x1xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @shuffle_dynamic_placeholder
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 1, 2>, reshape = array<i64: 0, 0>, second_transpose = array<i64: 0, 1>} ins(%{{.+}} : tensor<?x?x1xf32>) -> tensor<?x?xf32>

// -----

func.func @shuffle_zero_literal(%x: tensor<0xi32>) -> tensor<0x4xi32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64: 0, 4>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%x : tensor<0xi32>) -> tensor<0x4xi32>
  return %0 : tensor<0x4xi32>
}
// CHECK-LABEL: func.func @shuffle_zero_literal
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64: 0, 4>, second_transpose = array<i64: 0, 1>, zero_is_placeholder = false} ins(%{{.+}} : tensor<0xi32>) -> tensor<0x4xi32>

// -----

func.func @shuffle_dynamic_reshape(%x: tensor<?x8xf32>, %s: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 2, 1>} ins(%x, %s : tensor<?x8xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
// CHECK-LABEL: func.func @shuffle_dynamic_reshape
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 1, 0>, second_transpose = array<i64: 0, 2, 1>} ins(%{{.+}}, %{{.+}} : tensor<?x8xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>

// -----

func.func @shuffle_to_scalar(%x: tensor<1xf32>) -> tensor<f32> {
  %0 = tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64>, second_transpose = array<i64>} ins(%x : tensor<1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @shuffle_to_scalar
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0>, reshape = array<i64>, second_transpose = array<i64>} ins(%{{.+}} : tensor<1xf32>) -> tensor<f32>
