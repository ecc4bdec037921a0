// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.select.

// -----

func.func @select_condition_type(%c: tensor<4xi32>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.select' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit signless integer values, but got 'tensor<4xi32>'}}
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4xi32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_element_types(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.select' op failed to verify that all of {thenInput, elseInput, result} have same element type}}
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4xi1>, tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_not_broadcastable(%c: tensor<3xi1>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.select' op expected dimension 0 of thenInput (4) to broadcast with size 3 of condition}}
  %0 = tensorrt.select ins(%c, %a, %b : tensor<3xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_rank(%c: tensor<4xi1>, %a: tensor<1x4xf32>, %b: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @below {{'tensorrt.select' op expected thenInput to have rank 1, got 2}}
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4xi1>, tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @select_result_shape(%c: tensor<4x1xi1>, %a: tensor<1x5xf32>, %b: tensor<1x5xf32>) -> tensor<4x4xf32> {
  // expected-error @below {{'tensorrt.select' op expected result type 'tensor<4x5xf32>' (inferred from the operands), got 'tensor<4x4xf32>'}}
  %0 = tensorrt.select ins(%c, %a, %b : tensor<4x1xi1>, tensor<1x5xf32>, tensor<1x5xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
