// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.reshape: static, one unknown dimension, shape operand.

// -----

func.func @reshape_static(%x: tensor<100x10xf32>) -> tensor<1000xf32> {
  %0 = tensorrt.reshape %x : tensor<100x10xf32> to tensor<1000xf32>
  return %0 : tensor<1000xf32>
}
// CHECK-LABEL: func.func @reshape_static
//  CHECK-NEXT:   tensorrt.reshape %{{.+}} : tensor<100x10xf32> to tensor<1000xf32>

// -----

// Without a shape operand one unknown dimension is allowed.
func.func @reshape_one_unknown(%x: tensor<?xf16>) -> tensor<2x?xf16> {
  %0 = tensorrt.reshape %x : tensor<?xf16> to tensor<2x?xf16>
  return %0 : tensor<2x?xf16>
}
// CHECK-LABEL: func.func @reshape_one_unknown
//  CHECK-NEXT:   tensorrt.reshape %{{.+}} : tensor<?xf16> to tensor<2x?xf16>

// -----

func.func @reshape_shape_operand(%x: tensor<?x?xf32>, %s: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %0 = tensorrt.reshape %x shape(%s: tensor<3xi32>) : tensor<?x?xf32> to tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
// CHECK-LABEL: func.func @reshape_shape_operand
//  CHECK-NEXT:   tensorrt.reshape %[[X:.+]] shape(%{{.+}}: tensor<3xi32>) : tensor<?x?xf32> to tensor<?x?x?xf32>

// -----

func.func @reshape_to_scalar(%x: tensor<1x1xi64>) -> tensor<i64> {
  %0 = tensorrt.reshape %x : tensor<1x1xi64> to tensor<i64>
  return %0 : tensor<i64>
}
// CHECK-LABEL: func.func @reshape_to_scalar
//  CHECK-NEXT:   tensorrt.reshape %{{.+}} : tensor<1x1xi64> to tensor<i64>

// -----

func.func @reshape_f8(%x: tensor<4x4xf8E4M3FN>) -> tensor<16xf8E4M3FN> {
  %0 = tensorrt.reshape %x : tensor<4x4xf8E4M3FN> to tensor<16xf8E4M3FN>
  return %0 : tensor<16xf8E4M3FN>
}
// CHECK-LABEL: func.func @reshape_f8
//  CHECK-NEXT:   tensorrt.reshape %{{.+}} : tensor<4x4xf8E4M3FN> to tensor<16xf8E4M3FN>
