// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.element_wise.

// -----

func.func @ew_logical_on_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  // expected-error @below {{'tensorrt.element_wise' op expected i1 inputs for kAND, got 'f32'}}
  %0 = tensorrt.element_wise <kAND>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @ew_arith_on_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error @below {{'tensorrt.element_wise' op expected non-i1 inputs for kSUM, got 'i1'}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @ew_compare_on_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error @below {{'tensorrt.element_wise' op expected non-i1 inputs for kEQUAL, got 'i1'}}
  %0 = tensorrt.element_wise <kEQUAL>(%a, %b : tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @ew_pow_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @below {{'tensorrt.element_wise' op expected kPOW inputs that are not i32, got 'i32'}}
  %0 = tensorrt.element_wise <kPOW>(%a, %b : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @ew_compare_result_not_bool(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.element_wise' op expected i1 result for kLESS, got 'f32'}}
  %0 = tensorrt.element_wise <kLESS>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @ew_result_element_type(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error @below {{'tensorrt.element_wise' op expected result element type 'f32' for kSUM, got 'f16'}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @ew_not_broadcastable(%a: tensor<4x3xf32>, %b: tensor<4x5xf32>) -> tensor<4x5xf32> {
  // expected-error @below {{'tensorrt.element_wise' op expected dimension 1 of input2 (5) to broadcast with size 3 of input1}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4x3xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @ew_rank_mismatch(%a: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> {
  // expected-error @below {{'tensorrt.element_wise' op failed to verify that all of {input1, input2, result} have same rank}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @ew_element_type_mismatch(%a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.element_wise' op requires the same element type for all operands}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @ew_wrong_result_shape(%a: tensor<4x1xf32>, %b: tensor<1x5xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{'tensorrt.element_wise' op expected result type 'tensor<4x5xf32>' (inferred from the operands), got 'tensor<4x6xf32>'}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4x1xf32>, tensor<1x5xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @ew_f64(%a: tensor<4xf64>, %b: tensor<4xf64>) -> tensor<4xf64> {
  // expected-error @below {{'tensorrt.element_wise' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit}}
  %0 = tensorrt.element_wise <kSUM>(%a, %b : tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @ew_unknown_operation(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{custom op 'tensorrt.element_wise' expected ::kiln::tensorrt::ElementWiseOperation to be}}
  // expected-error @below {{custom op 'tensorrt.element_wise' failed to parse TensorRT_ElementWiseOperationAttr}}
  %0 = tensorrt.element_wise <kADD>(%a, %b : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
