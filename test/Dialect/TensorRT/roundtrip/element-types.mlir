// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Every element type family TensorRT accepts, each on an op that takes it,
// and the rank limits 0 and 8.

// -----

func.func @bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = tensorrt.element_wise <kAND>(%a, %b : tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}
// CHECK-LABEL: func.func @bool
//  CHECK-NEXT:   tensorrt.element_wise <kAND>(%{{.+}}, %{{.+}} : tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>

// -----

func.func @int8(%a: tensor<4xi8>) -> tensor<4xf32> {
  %0 = tensorrt.cast %a : tensor<4xi8> to tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @int8
//  CHECK-NEXT:   tensorrt.cast %{{.+}} : tensor<4xi8> to tensor<4xf32>

// -----

func.func @int32_int64(%a: tensor<4xi32>, %b: tensor<4xi64>) -> (tensor<4xi32>, tensor<4xi64>) {
  %0 = tensorrt.element_wise <kSUM>(%a, %a : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = tensorrt.element_wise <kPROD>(%b, %b : tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0, %1 : tensor<4xi32>, tensor<4xi64>
}
// CHECK-LABEL: func.func @int32_int64
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%{{.+}}, %{{.+}} : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
//  CHECK-NEXT:   tensorrt.element_wise <kPROD>(%{{.+}}, %{{.+}} : tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>

// -----

func.func @floats(%a: tensor<4xf16>, %b: tensor<4xbf16>, %c: tensor<4xf32>) -> (tensor<4xf16>, tensor<4xbf16>, tensor<4xf32>) {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %a : tensor<4xf16>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %b : tensor<4xbf16>
  %2 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %c : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf16>, tensor<4xbf16>, tensor<4xf32>
}
// CHECK-LABEL: func.func @floats
//  CHECK-NEXT:   tensorrt.unary {{.*}} : tensor<4xf16>
//  CHECK-NEXT:   tensorrt.unary {{.*}} : tensor<4xbf16>
//  CHECK-NEXT:   tensorrt.unary {{.*}} : tensor<4xf32>

// -----

func.func @fp8(%a: tensor<2x4xf8E4M3FN>, %b: tensor<2x4xf8E4M3FN>) -> tensor<4x4xf8E4M3FN> {
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%a, %b : tensor<2x4xf8E4M3FN>, tensor<2x4xf8E4M3FN>) -> tensor<4x4xf8E4M3FN>
  return %0 : tensor<4x4xf8E4M3FN>
}
// CHECK-LABEL: func.func @fp8
//  CHECK-NEXT:   tensorrt.concatenation {axis = 0 : i32} ins(%{{.+}}, %{{.+}} : tensor<2x4xf8E4M3FN>, tensor<2x4xf8E4M3FN>) -> tensor<4x4xf8E4M3FN>

// -----

func.func @int4() -> tensor<2x2xi4> {
  %0 = tensorrt.constant dense<[[1, -2], [3, -8]]> : tensor<2x2xi4>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %0 : tensor<2x2xi4> to tensor<2x2xi4>
  return %1 : tensor<2x2xi4>
}
// CHECK-LABEL: func.func @int4
//  CHECK-NEXT:   tensorrt.constant dense<{{.+}}> : tensor<2x2xi4>
//  CHECK-NEXT:   tensorrt.transpose {{.*}} : tensor<2x2xi4> to tensor<2x2xi4>

// -----

func.func @fp4(%q: tensor<4x32xf4E2M1FN>, %s: tensor<4x2xf16>) -> tensor<4x32xf16> {
  %0 = tensorrt.dequantize in(%q : tensor<4x32xf4E2M1FN>) scale(%s : tensor<4x2xf16>) -> tensor<4x32xf16>
  return %0 : tensor<4x32xf16>
}
// CHECK-LABEL: func.func @fp4
//  CHECK-NEXT:   tensorrt.dequantize in(%{{.+}} : tensor<4x32xf4E2M1FN>) scale(%{{.+}} : tensor<4x2xf16>) -> tensor<4x32xf16>

// -----

func.func @quantized_int8(%a: tensor<6x!quant.uniform<i8:f32, 1.250000e-01>>) -> tensor<2x3x!quant.uniform<i8:f32, 1.250000e-01>> {
  %0 = tensorrt.reshape %a : tensor<6x!quant.uniform<i8:f32, 1.250000e-01>> to tensor<2x3x!quant.uniform<i8:f32, 1.250000e-01>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32, 1.250000e-01>>
}
// CHECK-LABEL: func.func @quantized_int8
//  CHECK-NEXT:   tensorrt.reshape %{{.+}} : tensor<6x!quant.uniform<i8:f32, 1.250000e-01>> to tensor<2x3x!quant.uniform<i8:f32, 1.250000e-01>>

// -----

func.func @quantized_int8_over_f16(%a: tensor<4x!quant.uniform<i8:f16, 5.000000e-01:0>>) -> tensor<1x4x!quant.uniform<i8:f16, 5.000000e-01>> {
  %0 = tensorrt.expand_rank %a : tensor<4x!quant.uniform<i8:f16, 5.000000e-01>> to tensor<1x4x!quant.uniform<i8:f16, 5.000000e-01>>
  return %0 : tensor<1x4x!quant.uniform<i8:f16, 5.000000e-01>>
}
// CHECK-LABEL: func.func @quantized_int8_over_f16
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<4x!quant.uniform<i8:f16, 5.000000e-01>> to tensor<1x4x!quant.uniform<i8:f16, 5.000000e-01>>

// -----

func.func @rank0_and_rank8(%a: tensor<f32>, %b: tensor<1x2x1x2x1x2x1x2xf32>) -> (tensor<f32>, tensor<1x2x1x2x1x2x1x2xf32>) {
  %0 = tensorrt.element_wise <kMAX>(%a, %a : tensor<f32>, tensor<f32>) -> tensor<f32>
  %1 = tensorrt.element_wise <kMIN>(%b, %b : tensor<1x2x1x2x1x2x1x2xf32>, tensor<1x2x1x2x1x2x1x2xf32>) -> tensor<1x2x1x2x1x2x1x2xf32>
  return %0, %1 : tensor<f32>, tensor<1x2x1x2x1x2x1x2xf32>
}
// CHECK-LABEL: func.func @rank0_and_rank8
//  CHECK-NEXT:   tensorrt.element_wise <kMAX>(%{{.+}}, %{{.+}} : tensor<f32>, tensor<f32>) -> tensor<f32>
//  CHECK-NEXT:   tensorrt.element_wise <kMIN>(%{{.+}}, %{{.+}} : tensor<1x2x1x2x1x2x1x2xf32>, tensor<1x2x1x2x1x2x1x2xf32>) -> tensor<1x2x1x2x1x2x1x2xf32>
