// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.random_normal.

// -----

func.func @random_normal_parameter_types(%mean: tensor<f16>, %std: tensor<f32>, %shape: tensor<4xi32>) -> tensor<?x?x?x?xf16> {
  // expected-error @below {{'tensorrt.random_normal' op expected std of element type 'f16' (the result's), got 'f32'}}
  %0 = tensorrt.random_normal mean(%mean: tensor<f16>) std(%std: tensor<f32>) shape(%shape: tensor<4xi32>) -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}

// -----

func.func @random_normal_unknown_without_shape(%mean: tensor<f16>, %std: tensor<f16>) -> tensor<?x?x?x?xf16> {
  // expected-error @below {{'tensorrt.random_normal' op expected a shape operand for result type 'tensor<?x?x?x?xf16>' with unknown dimensions}}
  %0 = tensorrt.random_normal mean(%mean: tensor<f16>) std(%std: tensor<f16>) -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}

// -----

func.func @random_normal_only_std(%std: tensor<f32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.random_normal' op expected mean and std both as operands or neither, got only std}}
  %0 = tensorrt.random_normal std(%std: tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @random_normal_negative_std() -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.random_normal' op expected static_std to be at least 0, got -1.000000e+00}}
  %0 = tensorrt.random_normal {static_mean = 0.0, static_std = -1.0} -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @random_normal_i32_result() -> tensor<4xi32> {
  // expected-error @below {{'tensorrt.random_normal' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit float or 16-bit float values, but got 'tensor<4xi32>'}}
  %0 = tensorrt.random_normal -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @random_normal_shape_i64(%shape: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.random_normal' op operand #0 must be 1D tensor of 32-bit signless integer values, but got 'tensor<2xi64>'}}
  %0 = tensorrt.random_normal shape(%shape: tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
