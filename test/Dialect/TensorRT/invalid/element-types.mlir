// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Element types and ranks TensorRT does not accept.

// -----

func.func @rank9(%a: tensor<1x1x1x1x1x1x1x1x1xf32>) -> tensor<1x1x1x1x1x1x1x1x1xf32> {
  // expected-error @below {{'tensorrt.element_wise' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.element_wise <kSUM>(%a, %a : tensor<1x1x1x1x1x1x1x1x1xf32>, tensor<1x1x1x1x1x1x1x1x1xf32>) -> tensor<1x1x1x1x1x1x1x1x1xf32>
  return %0 : tensor<1x1x1x1x1x1x1x1x1xf32>
}

// -----

func.func @float64(%a: tensor<4xf64>) -> tensor<4xf64> {
  // expected-error @below {{'tensorrt.unary' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %a : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @int16(%a: tensor<4xi16>) -> tensor<4xi16> {
  // expected-error @below {{'tensorrt.element_wise' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.element_wise <kSUM>(%a, %a : tensor<4xi16>, tensor<4xi16>) -> tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

func.func @int4_elementwise(%a: tensor<4xi4>) -> tensor<4xi4> {
  // expected-error @below {{'tensorrt.element_wise' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.element_wise <kSUM>(%a, %a : tensor<4xi4>, tensor<4xi4>) -> tensor<4xi4>
  return %0 : tensor<4xi4>
}

// -----

func.func @fp8_e5m2(%a: tensor<2xf8E5M2>) -> tensor<4xf8E5M2> {
  // expected-error @below {{'tensorrt.concatenation' op operand #0 must be variadic of 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%a, %a : tensor<2xf8E5M2>, tensor<2xf8E5M2>) -> tensor<4xf8E5M2>
  return %0 : tensor<4xf8E5M2>
}

// -----

func.func @fp4_reshape(%a: tensor<4xf4E2M1FN>) -> tensor<2x2xf4E2M1FN> {
  // expected-error @below {{'tensorrt.reshape' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.reshape %a : tensor<4xf4E2M1FN> to tensor<2x2xf4E2M1FN>
  return %0 : tensor<2x2xf4E2M1FN>
}

// -----

func.func @quantized_bf16_expressed(%a: tensor<4x!quant.uniform<i8:bf16, 1.0>>) -> tensor<2x2x!quant.uniform<i8:bf16, 1.0>> {
  // expected-error @below {{'tensorrt.reshape' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.reshape %a : tensor<4x!quant.uniform<i8:bf16, 1.0>> to tensor<2x2x!quant.uniform<i8:bf16, 1.0>>
  return %0 : tensor<2x2x!quant.uniform<i8:bf16, 1.0>>
}

// -----

func.func @quantized_nonzero_zero_point(%a: tensor<4x!quant.uniform<i8:f32, 1.0:5>>) -> tensor<2x2x!quant.uniform<i8:f32, 1.0:5>> {
  // expected-error @below {{'tensorrt.reshape' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.reshape %a : tensor<4x!quant.uniform<i8:f32, 1.0:5>> to tensor<2x2x!quant.uniform<i8:f32, 1.0:5>>
  return %0 : tensor<2x2x!quant.uniform<i8:f32, 1.0:5>>
}

// -----

func.func @quantized_unsigned(%a: tensor<4x!quant.uniform<u8:f32, 1.0>>) -> tensor<2x2x!quant.uniform<u8:f32, 1.0>> {
  // expected-error @below {{'tensorrt.reshape' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.reshape %a : tensor<4x!quant.uniform<u8:f32, 1.0>> to tensor<2x2x!quant.uniform<u8:f32, 1.0>>
  return %0 : tensor<2x2x!quant.uniform<u8:f32, 1.0>>
}

// -----

func.func @unranked(%a: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @below {{'tensorrt.unary' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = "tensorrt.unary"(%a) {unaryOperation = #tensorrt.unary_operation<kEXP>} : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
