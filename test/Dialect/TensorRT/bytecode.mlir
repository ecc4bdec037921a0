// RUN: kiln-opt %s -emit-bytecode | kiln-opt | FileCheck %s

// The dialect round-trips through MLIR bytecode.

func.func @bytecode(%a: tensor<2x16x32xf16>, %b: tensor<2x64x32xf16>) -> tensor<2x16x64xf16> {
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>} ins(%a, %b : tensor<2x16x32xf16>, tensor<2x64x32xf16>) -> tensor<2x16x64xf16>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.0 : f32, beta = 6.0 : f32} %0 : tensor<2x16x64xf16>
  return %1 : tensor<2x16x64xf16>
}
// CHECK-LABEL: func.func @bytecode
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kTRANSPOSE>}
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.000000e+00 : f32, beta = 6.000000e+00 : f32}
