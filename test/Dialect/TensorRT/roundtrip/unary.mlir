// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.unary: every operation on an element type it accepts.

// -----

func.func @unary_exp_f32(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @unary_exp_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %{{.+}} : tensor<?x8xf32>

// -----

func.func @unary_log_f16(%x: tensor<?x8xf16>) -> tensor<?x8xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %x : tensor<?x8xf16>
  return %0 : tensor<?x8xf16>
}
// CHECK-LABEL: func.func @unary_log_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %{{.+}} : tensor<?x8xf16>

// -----

func.func @unary_sqrt_bf16(%x: tensor<?x8xbf16>) -> tensor<?x8xbf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %x : tensor<?x8xbf16>
  return %0 : tensor<?x8xbf16>
}
// CHECK-LABEL: func.func @unary_sqrt_bf16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %{{.+}} : tensor<?x8xbf16>

// -----

func.func @unary_recip_f32(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %x : tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @unary_recip_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kRECIP>} %{{.+}} : tensor<?x8xf32>

// -----

func.func @unary_sin_f16(%x: tensor<?x8xf16>) -> tensor<?x8xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>} %x : tensor<?x8xf16>
  return %0 : tensor<?x8xf16>
}
// CHECK-LABEL: func.func @unary_sin_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>} %{{.+}} : tensor<?x8xf16>

// -----

func.func @unary_cos_bf16(%x: tensor<?x8xbf16>) -> tensor<?x8xbf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCOS>} %x : tensor<?x8xbf16>
  return %0 : tensor<?x8xbf16>
}
// CHECK-LABEL: func.func @unary_cos_bf16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCOS>} %{{.+}} : tensor<?x8xbf16>

// -----

func.func @unary_ceil_f32(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCEIL>} %x : tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @unary_ceil_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCEIL>} %{{.+}} : tensor<?x8xf32>

// -----

func.func @unary_floor_f16(%x: tensor<?x8xf16>) -> tensor<?x8xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kFLOOR>} %x : tensor<?x8xf16>
  return %0 : tensor<?x8xf16>
}
// CHECK-LABEL: func.func @unary_floor_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kFLOOR>} %{{.+}} : tensor<?x8xf16>

// -----

func.func @unary_erf_bf16(%x: tensor<?x8xbf16>) -> tensor<?x8xbf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %x : tensor<?x8xbf16>
  return %0 : tensor<?x8xbf16>
}
// CHECK-LABEL: func.func @unary_erf_bf16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %{{.+}} : tensor<?x8xbf16>

// -----

func.func @unary_round_f32(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kROUND>} %x : tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @unary_round_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kROUND>} %{{.+}} : tensor<?x8xf32>

// -----

func.func @unary_tan_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kTAN>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @unary_tan_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kTAN>} %{{.+}} : tensor<4xf32>

// -----

func.func @unary_sinh_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSINH>} %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}
// CHECK-LABEL: func.func @unary_sinh_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSINH>} %{{.+}} : tensor<4xf16>

// -----

func.func @unary_cosh_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCOSH>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @unary_cosh_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kCOSH>} %{{.+}} : tensor<4xf32>

// -----

func.func @unary_asin_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kASIN>} %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}
// CHECK-LABEL: func.func @unary_asin_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kASIN>} %{{.+}} : tensor<4xf16>

// -----

func.func @unary_acos_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kACOS>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @unary_acos_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kACOS>} %{{.+}} : tensor<4xf32>

// -----

func.func @unary_atan_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kATAN>} %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}
// CHECK-LABEL: func.func @unary_atan_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kATAN>} %{{.+}} : tensor<4xf16>

// -----

func.func @unary_asinh_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kASINH>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @unary_asinh_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kASINH>} %{{.+}} : tensor<4xf32>

// -----

func.func @unary_acosh_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kACOSH>} %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}
// CHECK-LABEL: func.func @unary_acosh_f16
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kACOSH>} %{{.+}} : tensor<4xf16>

// -----

func.func @unary_atanh_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kATANH>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @unary_atanh_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kATANH>} %{{.+}} : tensor<4xf32>

// -----

func.func @unary_abs_i32(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %x : tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
// CHECK-LABEL: func.func @unary_abs_i32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %{{.+}} : tensor<2x3xi32>

// -----

func.func @unary_neg_i64(%x: tensor<2x3xi64>) -> tensor<2x3xi64> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}
// CHECK-LABEL: func.func @unary_neg_i64
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %{{.+}} : tensor<2x3xi64>

// -----

func.func @unary_sign_i8(%x: tensor<2x3xi8>) -> tensor<2x3xi8> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>} %x : tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}
// CHECK-LABEL: func.func @unary_sign_i8
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>} %{{.+}} : tensor<2x3xi8>

// -----

func.func @unary_not_i1(%x: tensor<7xi1>) -> tensor<7xi1> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %x : tensor<7xi1>
  return %0 : tensor<7xi1>
}
// CHECK-LABEL: func.func @unary_not_i1
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %{{.+}} : tensor<7xi1>

// -----

func.func @unary_exp_f32(%x: tensor<f32>) -> tensor<f32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @unary_exp_f32
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %{{.+}} : tensor<f32>

// -----

// Symmetric quantized int8 counts as i8.
func.func @unary_quantized(%x: tensor<10x10x!quant.uniform<i8:f32, 1.0:0>>) -> tensor<10x10x!quant.uniform<i8:f32, 1.0:0>> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<10x10x!quant.uniform<i8:f32, 1.0:0>>
  return %0 : tensor<10x10x!quant.uniform<i8:f32, 1.0:0>>
}
// CHECK-LABEL: func.func @unary_quantized
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %{{.+}} : tensor<10x10x!quant.uniform<i8:f32, 1.000000e+00>>
