// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.unary.

// -----

func.func @unary_sin_i32(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @below {{'tensorrt.unary' op expected element type of kSIN to be one of f16, bf16, f32, got 'i32'}}
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>} %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @unary_not_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.unary' op expected element type of kNOT to be one of i1, got 'f32'}}
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @unary_tan_bf16(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  // expected-error @below {{'tensorrt.unary' op expected element type of kTAN to be one of f16, f32, got 'bf16'}}
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kTAN>} %x : tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

func.func @unary_abs_bool(%x: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error @below {{'tensorrt.unary' op expected element type of kABS to be one of i8, i32, i64, f16, bf16, f32, got 'i1'}}
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %x : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @unary_missing_operation(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.unary' op requires attribute 'unaryOperation'}}
  %0 = tensorrt.unary %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @unary_wrong_attr_kind(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{custom op 'tensorrt.unary' 'tensorrt.unary' op attribute 'unaryOperation' failed to satisfy constraint: unary pointwise operation}}
  %0 = tensorrt.unary {unaryOperation = #tensorrt.activation_type<kRELU>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
