// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.if.

// -----

func.func @if_vector_condition(%c: tensor<2xi1>, %a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.if' op operand #0 must be 0D tensor of 1-bit signless integer values, but got 'tensor<2xi1>'}}
  %0 = tensorrt.if (%c : tensor<2xi1>) -> tensor<4xf32> {
    tensorrt.yield %a : tensor<4xf32>
  } else {
    tensorrt.yield %a : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @if_yield_counts_differ(%c: tensor<i1>, %a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.if' op expected both regions to yield the same number of values, got 1 and 2}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {
    tensorrt.yield %a : tensor<4xf32>
  } else {
    tensorrt.yield %a, %a : tensor<4xf32>, tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @if_yield_element_types_differ(%c: tensor<i1>, %a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.if' op expected both regions to yield compatible tensor types for value #0, got 'tensor<4xf32>' and 'tensor<4xf16>'}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {
    tensorrt.yield %a : tensor<4xf32>
  } else {
    tensorrt.yield %b : tensor<4xf16>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @if_yield_shapes_differ(%c: tensor<i1>, %a: tensor<4xf32>, %b: tensor<5xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.if' op expected both regions to yield compatible tensor types for value #0, got 'tensor<4xf32>' and 'tensor<5xf32>'}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {
    tensorrt.yield %a : tensor<4xf32>
  } else {
    tensorrt.yield %b : tensor<5xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @if_result_type(%c: tensor<i1>, %a: tensor<10xf32>) -> tensor<20xf32> {
  // expected-error @below {{'tensorrt.if' op expected result #0 of type 'tensor<10xf32>' (yielded by the regions), got 'tensor<20xf32>'}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<20xf32> {
    tensorrt.yield %a : tensor<10xf32>
  } else {
    tensorrt.yield %a : tensor<10xf32>
  }
  return %0 : tensor<20xf32>
}

// -----

func.func @if_result_count(%c: tensor<i1>, %a: tensor<10xf32>) -> (tensor<10xf32>, tensor<10xf32>) {
  // expected-error @below {{'tensorrt.if' op expected 1 results (one per yielded value), got 2}}
  %0:2 = tensorrt.if (%c : tensor<i1>) -> tensor<10xf32>, tensor<10xf32> {
    tensorrt.yield %a : tensor<10xf32>
  } else {
    tensorrt.yield %a : tensor<10xf32>
  }
  return %0#0, %0#1 : tensor<10xf32>, tensor<10xf32>
}

// -----

func.func @if_region_arguments(%c: tensor<i1>, %a: tensor<10xf32>) -> tensor<10xf32> {
  // expected-error @below {{'tensorrt.if' op region #0 should have no arguments}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<10xf32> {
  ^bb0(%x: tensor<10xf32>):
    tensorrt.yield %x : tensor<10xf32>
  } else {
    tensorrt.yield %a : tensor<10xf32>
  }
  return %0 : tensor<10xf32>
}

// -----

func.func @if_i8_result(%c: tensor<i1>, %a: tensor<4xi8>) -> tensor<4xi8> {
  // expected-error @below {{'tensorrt.if' op result #0 must be variadic of 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of 1-bit signless integer or 32-bit signless integer or 16-bit float or bfloat16 type or 32-bit float values, but got 'tensor<4xi8>'}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<4xi8> {
    tensorrt.yield %a : tensor<4xi8>
  } else {
    tensorrt.yield %a : tensor<4xi8>
  }
  return %0 : tensor<4xi8>
}

// -----

func.func @if_missing_yield(%c: tensor<i1>, %a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.if' op expected the false region to end in 'tensorrt.yield'}}
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {
    tensorrt.yield %a : tensor<4xf32>
  } else {
    %b = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %a : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @if_contains_padding(%c: tensor<i1>, %x: tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32> {
  %0 = tensorrt.if (%c : tensor<i1>) -> tensor<1x1x6x6xf32> {
    // expected-error @below {{'tensorrt.padding' op is not supported inside 'tensorrt.if' (TensorRT builds it only outside conditionals and loops)}}
    %p = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
    tensorrt.yield %p : tensor<1x1x6x6xf32>
  } else {
    %p = tensorrt.padding {prePadding = array<i64: 2, 2>, postPadding = array<i64: 0, 0>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
    tensorrt.yield %p : tensor<1x1x6x6xf32>
  }
  return %0 : tensor<1x1x6x6xf32>
}
