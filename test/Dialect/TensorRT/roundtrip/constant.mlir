// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.constant.

// -----

func.func @constant_splat_f32() -> tensor<2x3xf32> {
  %0 = tensorrt.constant dense<1.0> : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: func.func @constant_splat_f32
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<1.000000e+00> : tensor<2x3xf32>

// -----

func.func @constant_values_i32() -> tensor<3xi32> {
  %0 = tensorrt.constant dense<[1, 2, 3]> : tensor<3xi32>
  return %0 : tensor<3xi32>
}
// CHECK-LABEL: func.func @constant_values_i32
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<[1, 2, 3]> : tensor<3xi32>

// -----

func.func @constant_scalar_f16() -> tensor<f16> {
  %0 = tensorrt.constant dense<0.5> : tensor<f16>
  return %0 : tensor<f16>
}
// CHECK-LABEL: func.func @constant_scalar_f16
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<5.000000e-01> : tensor<f16>

// -----

func.func @constant_bool() -> tensor<2xi1> {
  %0 = tensorrt.constant dense<[true, false]> : tensor<2xi1>
  return %0 : tensor<2xi1>
}
// CHECK-LABEL: func.func @constant_bool
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<[true, false]> : tensor<2xi1>

// -----

func.func @constant_i64() -> tensor<1xi64> {
  %0 = tensorrt.constant dense<7> : tensor<1xi64>
  return %0 : tensor<1xi64>
}
// CHECK-LABEL: func.func @constant_i64
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<7> : tensor<1xi64>

// -----

func.func @constant_bf16() -> tensor<4xbf16> {
  %0 = tensorrt.constant dense<2.0> : tensor<4xbf16>
  return %0 : tensor<4xbf16>
}
// CHECK-LABEL: func.func @constant_bf16
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<2.000000e+00> : tensor<4xbf16>

// -----

func.func @constant_i8() -> tensor<2x2xi8> {
  %0 = tensorrt.constant dense<-3> : tensor<2x2xi8>
  return %0 : tensor<2x2xi8>
}
// CHECK-LABEL: func.func @constant_i8
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<-3> : tensor<2x2xi8>

// -----

func.func @constant_i4() -> tensor<8xi4> {
  %0 = tensorrt.constant dense<1> : tensor<8xi4>
  return %0 : tensor<8xi4>
}
// CHECK-LABEL: func.func @constant_i4
//  CHECK-NEXT:   %{{.+}} = tensorrt.constant dense<1> : tensor<8xi4>

// -----

// Constants get a readable name from their element type.
func.func @constant_name() -> tensor<2xf32> {
  %0 = tensorrt.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @constant_name
//  CHECK-NEXT:   %cst_f32 = tensorrt.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
