// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.assertion.

// -----

func.func @assertion_matrix(%c: tensor<1x3xi1>) {
  // expected-error @below {{'tensorrt.assertion' op operand #0 must be 0D/1D tensor of 1-bit signless integer values, but got 'tensor<1x3xi1>'}}
  tensorrt.assertion {message = "bad"} ins(%c : tensor<1x3xi1>)
  return
}

// -----

func.func @assertion_integer(%c: tensor<3xi32>) {
  // expected-error @below {{'tensorrt.assertion' op operand #0 must be 0D/1D tensor of 1-bit signless integer values, but got 'tensor<3xi32>'}}
  tensorrt.assertion {message = "bad"} ins(%c : tensor<3xi32>)
  return
}

// -----

func.func @assertion_no_message(%c: tensor<i1>) {
  // expected-error @below {{'tensorrt.assertion' op requires attribute 'message'}}
  tensorrt.assertion ins(%c : tensor<i1>)
  return
}
