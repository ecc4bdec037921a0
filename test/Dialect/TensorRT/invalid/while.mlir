// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.while and tensorrt.condition.

// -----

func.func @while_result_types(%i0: tensor<i32>, %go: tensor<i1>) -> tensor<f32> {
  // expected-error @below {{'tensorrt.while' op expected results of types (tensor<i32>) (the operand types), got (tensor<f32>)}}
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<f32> {
  ^bb0(%i: tensor<i32>):
    tensorrt.condition(%go : tensor<i1>) %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }
  return %0 : tensor<f32>
}

// -----

func.func @while_condition_arguments(%i0: tensor<i32>, %go: tensor<i1>) -> tensor<i32> {
  // expected-error @below {{'tensorrt.while' op expected condition region arguments of types (tensor<i32>) (the operand types), got (tensor<i32>, tensor<i32>)}}
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>, %j: tensor<i32>):
    tensorrt.condition(%go : tensor<i1>) %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @while_body_arguments(%i0: tensor<i32>, %go: tensor<i1>) -> tensor<i32> {
  // expected-error @below {{'tensorrt.while' op expected body region arguments of types (tensor<i32>) (the operand types), got (tensor<i64>)}}
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    tensorrt.condition(%go : tensor<i1>) %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i64>):
    tensorrt.yield %i : tensor<i64>
  }
  return %0 : tensor<i32>
}

// -----

func.func @while_condition_passes_wrong_values(%i0: tensor<i32>, %go: tensor<i1>) -> tensor<i32> {
  // expected-error @below {{'tensorrt.while' op expected 'tensorrt.condition' to pass values of types (tensor<i32>) (the operand types), got ()}}
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    tensorrt.condition(%go : tensor<i1>)
  }, {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @while_body_yields_wrong_values(%x0: tensor<4xf32>, %y: tensor<8xf32>, %go: tensor<i1>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.while' op expected the body to yield values of types (tensor<4xf32>) (the operand types), got (tensor<8xf32>)}}
  %0 = tensorrt.while (%x0 : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    tensorrt.condition(%go : tensor<i1>) %x : tensor<4xf32>
  }, {
  ^bb0(%x: tensor<4xf32>):
    tensorrt.yield %y : tensor<8xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @while_condition_region_yields(%i0: tensor<i32>) -> tensor<i32> {
  // expected-error @below {{'tensorrt.while' op expected the condition region to end in 'tensorrt.condition'}}
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @while_vector_condition(%i0: tensor<i32>, %go: tensor<2xi1>) -> tensor<i32> {
  %0 = tensorrt.while (%i0 : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    // expected-error @below {{'tensorrt.condition' op operand #0 must be 0D tensor of 1-bit signless integer values, but got 'tensor<2xi1>'}}
    tensorrt.condition(%go : tensor<2xi1>) %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    tensorrt.yield %i : tensor<i32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @condition_outside_while(%go: tensor<i1>) {
  // expected-error @below {{'tensorrt.condition' op expects parent op 'tensorrt.while'}}
  tensorrt.condition(%go : tensor<i1>)
}

// -----

func.func @while_i8_operand(%x0: tensor<4xui8>, %go: tensor<i1>) -> tensor<4xui8> {
  // expected-error @below {{'tensorrt.while' op operand #0 must be variadic of 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.while (%x0 : tensor<4xui8>) -> tensor<4xui8> {
  ^bb0(%x: tensor<4xui8>):
    tensorrt.condition(%go : tensor<i1>) %x : tensor<4xui8>
  }, {
  ^bb0(%x: tensor<4xui8>):
    tensorrt.yield %x : tensor<4xui8>
  }
  return %0 : tensor<4xui8>
}

// -----

func.func @while_contains_padding(%x0: tensor<1x1x4x4xf32>, %go: tensor<i1>) -> tensor<1x1x4x4xf32> {
  %0 = tensorrt.while (%x0 : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  ^bb0(%x: tensor<1x1x4x4xf32>):
    tensorrt.condition(%go : tensor<i1>) %x : tensor<1x1x4x4xf32>
  }, {
  ^bb0(%x: tensor<1x1x4x4xf32>):
    // expected-error @below {{'tensorrt.padding' op is not supported inside 'tensorrt.while' (TensorRT builds it only outside conditionals and loops)}}
    %p = tensorrt.padding {prePadding = array<i64: -1, -1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
    tensorrt.yield %p : tensor<1x1x4x4xf32>
  }
  return %0 : tensor<1x1x4x4xf32>
}
