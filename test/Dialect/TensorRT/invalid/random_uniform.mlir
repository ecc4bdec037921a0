// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.random_uniform.

// -----

func.func @random_uniform_bound_types(%low: tensor<f16>, %high: tensor<f32>, %shape: tensor<4xi32>) -> tensor<?x?x?x?xf16> {
  // expected-error @below {{'tensorrt.random_uniform' op expected high of element type 'f16' (the result's), got 'f32'}}
  %0 = tensorrt.random_uniform low(%low: tensor<f16>) high(%high: tensor<f32>) shape(%shape: tensor<4xi32>) -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}

// -----

func.func @random_uniform_result_type(%low: tensor<f16>, %high: tensor<f16>) -> tensor<2xf32> {
  // expected-error @below {{'tensorrt.random_uniform' op expected low of element type 'f32' (the result's), got 'f16'}}
  %0 = tensorrt.random_uniform low(%low: tensor<f16>) high(%high: tensor<f16>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @random_uniform_unknown_without_shape(%low: tensor<f16>, %high: tensor<f16>) -> tensor<?x4xf16> {
  // expected-error @below {{'tensorrt.random_uniform' op expected a shape operand for result type 'tensor<?x4xf16>' with unknown dimensions}}
  %0 = tensorrt.random_uniform low(%low: tensor<f16>) high(%high: tensor<f16>) -> tensor<?x4xf16>
  return %0 : tensor<?x4xf16>
}

// -----

func.func @random_uniform_only_low(%low: tensor<f32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.random_uniform' op expected low and high both as operands or neither, got only low}}
  %0 = tensorrt.random_uniform low(%low: tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @random_uniform_only_static_high() -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.random_uniform' op expected static_low and static_high both or neither, got only static_high}}
  %0 = tensorrt.random_uniform {static_high = 2.0} -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @random_uniform_static_and_dynamic(%low: tensor<f32>, %high: tensor<f32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.random_uniform' op expected low as an operand or as static_low, got both}}
  %0 = tensorrt.random_uniform {static_low = 0.0, static_high = 1.0} low(%low: tensor<f32>) high(%high: tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @random_uniform_empty_range() -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.random_uniform' op expected static_low (4.000000e+00) to be at most static_high (2.000000e+00)}}
  %0 = tensorrt.random_uniform {static_low = 4.0, static_high = 2.0} -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @random_uniform_rank_from_shape(%shape: tensor<3xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.random_uniform' op expected result of rank 3 (the length of the shape operand), got 'tensor<?x?xf32>'}}
  %0 = tensorrt.random_uniform shape(%shape: tensor<3xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
