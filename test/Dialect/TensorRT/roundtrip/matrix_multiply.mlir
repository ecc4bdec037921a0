// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.matrix_multiply: every operand reading, batching, vectors.

// -----

func.func @matmul_nn(%a: tensor<10x20xf32>, %b: tensor<20x30xf32>) -> tensor<10x30xf32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<10x20xf32>, tensor<20x30xf32>) -> tensor<10x30xf32>
  return %0 : tensor<10x30xf32>
}
// CHECK-LABEL: func.func @matmul_nn
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<10x20xf32>, tensor<20x30xf32>) -> tensor<10x30xf32>

// -----

func.func @matmul_tn(%a: tensor<20x10xf32>, %b: tensor<20x30xf32>) -> tensor<10x30xf32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<20x10xf32>, tensor<20x30xf32>) -> tensor<10x30xf32>
  return %0 : tensor<10x30xf32>
}
// CHECK-LABEL: func.func @matmul_tn
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<20x10xf32>, tensor<20x30xf32>) -> tensor<10x30xf32>

// -----

func.func @matmul_nt(%a: tensor<2x16x32xf16>, %b: tensor<2x64x32xf16>) -> tensor<2x16x64xf16> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%a, %b : tensor<2x16x32xf16>, tensor<2x64x32xf16>) -> tensor<2x16x64xf16>
  return %0 : tensor<2x16x64xf16>
}
// CHECK-LABEL: func.func @matmul_nt
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%{{.+}}, %{{.+}} : tensor<2x16x32xf16>, tensor<2x64x32xf16>) -> tensor<2x16x64xf16>

// -----

func.func @matmul_tt(%a: tensor<32x16xbf16>, %b: tensor<64x32xbf16>) -> tensor<16x64xbf16> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%a, %b : tensor<32x16xbf16>, tensor<64x32xbf16>) -> tensor<16x64xbf16>
  return %0 : tensor<16x64xbf16>
}
// CHECK-LABEL: func.func @matmul_tt
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%{{.+}}, %{{.+}} : tensor<32x16xbf16>, tensor<64x32xbf16>) -> tensor<16x64xbf16>

// -----

func.func @matmul_vv(%a: tensor<10xf32>, %b: tensor<10xf32>) -> tensor<f32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kVECTOR>} ins(%a, %b : tensor<10xf32>, tensor<10xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @matmul_vv
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kVECTOR>} ins(%{{.+}}, %{{.+}} : tensor<10xf32>, tensor<10xf32>) -> tensor<f32>

// -----

func.func @matmul_vn(%a: tensor<1x64xf32>, %b: tensor<10x64x128xf32>) -> tensor<10x128xf32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<1x64xf32>, tensor<10x64x128xf32>) -> tensor<10x128xf32>
  return %0 : tensor<10x128xf32>
}
// CHECK-LABEL: func.func @matmul_vn
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<1x64xf32>, tensor<10x64x128xf32>) -> tensor<10x128xf32>

// -----

func.func @matmul_nv(%a: tensor<8x4x16xf32>, %b: tensor<8x16xf32>) -> tensor<8x4xf32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kVECTOR>} ins(%a, %b : tensor<8x4x16xf32>, tensor<8x16xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}
// CHECK-LABEL: func.func @matmul_nv
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kVECTOR>} ins(%{{.+}}, %{{.+}} : tensor<8x4x16xf32>, tensor<8x16xf32>) -> tensor<8x4xf32>

// -----

func.func @matmul_batch_broadcast(%a: tensor<1x3x4x5xf32>, %b: tensor<6x1x5x7xf32>) -> tensor<6x3x4x7xf32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<1x3x4x5xf32>, tensor<6x1x5x7xf32>) -> tensor<6x3x4x7xf32>
  return %0 : tensor<6x3x4x7xf32>
}
// CHECK-LABEL: func.func @matmul_batch_broadcast
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<1x3x4x5xf32>, tensor<6x1x5x7xf32>) -> tensor<6x3x4x7xf32>

// -----

func.func @matmul_dynamic(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @matmul_dynamic
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>

// -----

func.func @matmul_dynamic_batch(%a: tensor<?x128x64xf16>, %b: tensor<?x64x32xf16>) -> tensor<?x128x32xf16> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<?x128x64xf16>, tensor<?x64x32xf16>) -> tensor<?x128x32xf16>
  return %0 : tensor<?x128x32xf16>
}
// CHECK-LABEL: func.func @matmul_dynamic_batch
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<?x128x64xf16>, tensor<?x64x32xf16>) -> tensor<?x128x32xf16>
