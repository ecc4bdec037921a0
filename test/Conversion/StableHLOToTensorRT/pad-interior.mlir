// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// Interior padding: each padded dimension n becomes [n, 1], a fill slice
// widens it to [n, p + 1], and the merged n * (p + 1) is cut and edge
// padded by one more fill slice (here also cropping one column).
// CHECK-LABEL: func.func @interior
//       CHECK:   %[[S:.*]] = tensorrt.reshape %arg0 : tensor<3x4xf32> to tensor<3x1x4x1xf32>
//       CHECK:   %[[W:.*]] = tensorrt.slice %[[S]][0, 0, 0, 0][3, 2, 4, 3][1, 1, 1, 1] fill(%arg1 : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<3x1x4x1xf32> to tensor<3x2x4x3xf32>
//       CHECK:   %[[M:.*]] = tensorrt.reshape %[[W]] : tensor<3x2x4x3xf32> to tensor<6x12xf32>
//       CHECK:   %[[P:.*]] = tensorrt.slice %[[M]][-1, 0][8, 9][1, 1] fill(%arg1 : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<6x12xf32> to tensor<8x9xf32>
//  CHECK-NEXT:   return %[[P]]
func.func @interior(%x: tensor<3x4xf32>, %v: tensor<f32>) -> tensor<8x9xf32> {
  %0 = stablehlo.pad %x, %v, low = [1, 0], high = [2, -1], interior = [1, 2] : (tensor<3x4xf32>, tensor<f32>) -> tensor<8x9xf32>
  return %0 : tensor<8x9xf32>
}

// -----

// No padding at all is the operand.
// CHECK-LABEL: func.func @none
//  CHECK-NEXT:   return %arg0
func.func @none(%x: tensor<3x4xi32>, %v: tensor<i32>) -> tensor<3x4xi32> {
  %0 = stablehlo.pad %x, %v, low = [0, 0], high = [0, 0], interior = [0, 0] : (tensor<3x4xi32>, tensor<i32>) -> tensor<3x4xi32>
  return %0 : tensor<3x4xi32>
}
