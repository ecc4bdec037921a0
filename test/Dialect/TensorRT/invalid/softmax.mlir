// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.softmax.

// -----

func.func @softmax_axis_too_large(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.softmax' op expected axis to be in [0, 2), got 2}}
  %0 = tensorrt.softmax {axis = 2 : i64} %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @softmax_axis_negative(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.softmax' op expected axis to be in [0, 2), got -1}}
  %0 = tensorrt.softmax {axis = -1 : i64} %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @softmax_int(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  // expected-error @below {{'tensorrt.softmax' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 16-bit}}
  %0 = tensorrt.softmax {axis = 1 : i64} %x : tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @softmax_scalar(%x: tensor<f32>) -> tensor<f32> {
  // expected-error @below {{'tensorrt.softmax' op expected axis to be in [0, 0), got 0}}
  %0 = tensorrt.softmax {axis = 0 : i64} %x : tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @softmax_missing_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.softmax' op requires attribute 'axis'}}
  %0 = tensorrt.softmax %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
