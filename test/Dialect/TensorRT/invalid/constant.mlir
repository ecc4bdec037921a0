// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.constant.

// -----

func.func @constant_f64() -> tensor<2xf64> {
  // expected-error @below {{'tensorrt.constant' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit}}
  %0 = tensorrt.constant dense<1.0> : tensor<2xf64>
  return %0 : tensor<2xf64>
}

// -----

func.func @constant_vector() -> vector<2xf32> {
  // expected-error @below {{'tensorrt.constant' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit}}
  %0 = tensorrt.constant dense<1.0> : vector<2xf32>
  return %0 : vector<2xf32>
}

// -----

func.func @constant_not_elements() -> tensor<2xf32> {
  // expected-error @below {{custom op 'tensorrt.constant' invalid kind of attribute specified}}
  %0 = tensorrt.constant 1.0 : f32
  return %0 : tensor<2xf32>
}

// -----

func.func @constant_shape_mismatch() -> tensor<2xf32> {
  // expected-error @below {{inferred shape of elements literal ([3]) does not match type ([2])}}
  %0 = tensorrt.constant dense<[1.0, 2.0, 3.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}
