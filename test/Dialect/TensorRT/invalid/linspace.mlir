// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.linspace.

// -----

func.func @linspace_rank2_static_step(%shape: tensor<2xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.linspace' op expected a step operand (one step per dimension) for a result of rank 2, got static_step}}
  %0 = tensorrt.linspace [0.0][%shape : tensor<2xi32>][1.0] : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @linspace_mixed_start_step(%shape: tensor<2xi32>, %step: tensor<2xf32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.linspace' op expected start and step both as operands or neither, got only step}}
  %0 = tensorrt.linspace [0.0][%shape : tensor<2xi32>][%step : tensor<2xf32>] : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @linspace_step_element_type(%start: tensor<f32>, %shape: tensor<2xi32>, %step: tensor<2xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.linspace' op expected step of element type 'f32' (the result's), got 'i32'}}
  %0 = tensorrt.linspace [%start : tensor<f32>][%shape : tensor<2xi32>][%step : tensor<2xi32>] : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @linspace_start_element_type() -> tensor<1024x1024xf32> {
  %start = tensorrt.constant dense<0> : tensor<i32>
  %step = tensorrt.constant dense<[1.0, 1.0]> : tensor<2xf32>
  // expected-error @below {{'tensorrt.linspace' op expected start of element type 'f32' (the result's), got 'i32'}}
  %0 = tensorrt.linspace [%start : tensor<i32>][static][%step : tensor<2xf32>] : tensor<1024x1024xf32>
  return %0 : tensor<1024x1024xf32>
}

// -----

func.func @linspace_rank_from_shape(%start: tensor<i32>, %shape: tensor<2xi32>, %step: tensor<2xi32>) -> tensor<?x?x?xi32> {
  // expected-error @below {{'tensorrt.linspace' op expected result of rank 2 (the length of the shape operand), got 'tensor<?x?x?xi32>'}}
  %0 = tensorrt.linspace [%start : tensor<i32>][%shape : tensor<2xi32>][%step : tensor<2xi32>] : tensor<?x?x?xi32>
  return %0 : tensor<?x?x?xi32>
}

// -----

func.func @linspace_step_length(%start: tensor<i32>, %shape: tensor<2xi32>, %step: tensor<3xi32>) -> tensor<?x?xi32> {
  // expected-error @below {{'tensorrt.linspace' op expected step of length 2 (the result rank), got 3}}
  %0 = tensorrt.linspace [%start : tensor<i32>][%shape : tensor<2xi32>][%step : tensor<3xi32>] : tensor<?x?xi32>
  return %0 : tensor<?x?xi32>
}

// -----

func.func @linspace_unknown_without_shape(%start: tensor<i32>, %step: tensor<4xi32>) -> tensor<1x2x?x4xi32> {
  // expected-error @below {{'tensorrt.linspace' op expected a shape operand for result type 'tensor<1x2x?x4xi32>' with unknown dimensions}}
  %0 = tensorrt.linspace [%start : tensor<i32>][static][%step : tensor<4xi32>] : tensor<1x2x?x4xi32>
  return %0 : tensor<1x2x?x4xi32>
}

// -----

func.func @linspace_shape_unknown_length(%shape: tensor<?xi32>) -> tensor<?xf32> {
  // expected-error @below {{'tensorrt.linspace' op expected a shape operand of static length, got 'tensor<?xi32>'}}
  %0 = tensorrt.linspace [0.0][%shape : tensor<?xi32>][1.0] : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @linspace_no_start() -> tensor<8xf32> {
  // expected-error @below {{'tensorrt.linspace' op expected start as an operand or as static_start, got neither}}
  %0 = "tensorrt.linspace"() <{operandSegmentSizes = array<i32: 0, 0, 0>, static_step = 1.0}> : () -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @linspace_f16_result() -> tensor<8xf16> {
  // expected-error @below {{'tensorrt.linspace' op result #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 32-bit signless integer or 64-bit signless integer or 32-bit float values, but got 'tensor<8xf16>'}}
  %0 = tensorrt.linspace [0.0][static][1.0] : tensor<8xf16>
  return %0 : tensor<8xf16>
}
