// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.reshape.

// -----

func.func @reshape_volume(%x: tensor<10xf32>) -> tensor<3x3xf32> {
  // expected-error @below {{'tensorrt.reshape' op expected result with 10 elements (as the input), got 9}}
  %0 = tensorrt.reshape %x : tensor<10xf32> to tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @reshape_two_unknown(%x: tensor<?xf32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.reshape' op expected a shape operand for a result with 2 unknown dimensions}}
  %0 = tensorrt.reshape %x : tensor<?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @reshape_shape_length(%x: tensor<?xf32>, %s: tensor<3xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.reshape' op expected shape operand of length 2 (the result rank), got 3}}
  %0 = tensorrt.reshape %x shape(%s: tensor<3xi32>) : tensor<?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @reshape_shape_unknown_length(%x: tensor<?xf32>, %s: tensor<?xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.reshape' op expected shape operand of static length, got 'tensor<?xi32>'}}
  %0 = tensorrt.reshape %x shape(%s: tensor<?xi32>) : tensor<?xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @reshape_element_type(%x: tensor<4xf32>) -> tensor<2x2xf16> {
  // expected-error @below {{'tensorrt.reshape' op failed to verify that all of {input, result} have same element type}}
  %0 = tensorrt.reshape %x : tensor<4xf32> to tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}
