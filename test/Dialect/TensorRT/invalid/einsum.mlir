// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.einsum.

// -----

func.func @einsum_three_inputs(%a: tensor<?xf32>, %b: tensor<?xf32>, %c: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected 1 or 2 inputs, got 3}}
  %0 = tensorrt.einsum {equation = "i,i,i->i"} ins(%a, %b, %c : tensor<?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @einsum_upper_case(%a: tensor<?x?x128x64xf32>, %b: tensor<64x256xf32>) -> tensor<?x?x128x256xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected only lower-case letters, ',', ' ' and '->' in equation "ABcd,de->ABce", got 'A'}}
  %0 = tensorrt.einsum {equation = "ABcd,de->ABce"} ins(%a, %b : tensor<?x?x128x64xf32>, tensor<64x256xf32>) -> tensor<?x?x128x256xf32>
  return %0 : tensor<?x?x128x256xf32>
}

// -----

func.func @einsum_ellipsis(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected an equation without ellipses (TensorRT does not support them), got "...i,...i->i"}}
  %0 = tensorrt.einsum {equation = "...i,...i->i"} ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @einsum_two_arrows(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected at most one '->' in equation "i->i->i"}}
  %0 = tensorrt.einsum {equation = "i->i->i"} ins(%a : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @einsum_broken_arrow(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected only lower-case letters, ',', ' ' and '->' in equation "i-i", got '-'}}
  %0 = tensorrt.einsum {equation = "i-i"} ins(%a : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @einsum_comma_in_result(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected a single result term after '->' in equation "i,i->i,i"}}
  %0 = tensorrt.einsum {equation = "i,i->i,i"} ins(%a, %b : tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @einsum_digit_in_result(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected only lower-case letters in the result term of equation "i->1", got '1'}}
  %0 = tensorrt.einsum {equation = "i->1"} ins(%a : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @einsum_missing_term(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected one equation term per input (2), got 1 in "i->i"}}
  %0 = tensorrt.einsum {equation = "i->i"} ins(%a, %b : tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @einsum_term_rank(%a: tensor<5x4x7xf32>, %b: tensor<5x7x9xf32>) -> tensor<5x4x9xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected term "ij" of input 0 to label its 3 dimensions, got 2 labels}}
  %0 = tensorrt.einsum {equation = "ij,bjk -> bik"} ins(%a, %b : tensor<5x4x7xf32>, tensor<5x7x9xf32>) -> tensor<5x4x9xf32>
  return %0 : tensor<5x4x9xf32>
}

// -----

func.func @einsum_mismatched_sizes(%a: tensor<4x7xf32>, %b: tensor<8x9xf32>) -> tensor<4x9xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected dimensions labeled 'j' to have equal sizes or size 1, got 7 and 8}}
  %0 = tensorrt.einsum {equation = "ij,jk"} ins(%a, %b : tensor<4x7xf32>, tensor<8x9xf32>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

func.func @einsum_diagonal_not_square(%a: tensor<4x5xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected dimensions labeled 'i' in input 0 to have equal sizes, got 4 and 5}}
  %0 = tensorrt.einsum {equation = "ii->i"} ins(%a : tensor<4x5xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @einsum_unknown_result_letter(%a: tensor<5x4x7xf32>, %b: tensor<5x7x9xf32>) -> tensor<5x4x9xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected result letter 'z' to label an input dimension in "bij,bjk -> zik"}}
  %0 = tensorrt.einsum {equation = "bij,bjk -> zik"} ins(%a, %b : tensor<5x4x7xf32>, tensor<5x7x9xf32>) -> tensor<5x4x9xf32>
  return %0 : tensor<5x4x9xf32>
}

// -----

func.func @einsum_repeated_result_letter(%a: tensor<4x7xf32>, %b: tensor<7x9xf32>) -> tensor<7x7xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected letter 'j' at most once in the result term of "ij,jk->jj"}}
  %0 = tensorrt.einsum {equation = "ij,jk->jj"} ins(%a, %b : tensor<4x7xf32>, tensor<7x9xf32>) -> tensor<7x7xf32>
  return %0 : tensor<7x7xf32>
}

// -----

func.func @einsum_mixed_element_types(%a: tensor<4x7xf32>, %b: tensor<7x9xf16>) -> tensor<4x9xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected inputs of one element type, got 'f32' and 'f16'}}
  %0 = tensorrt.einsum {equation = "ij,jk->ik"} ins(%a, %b : tensor<4x7xf32>, tensor<7x9xf16>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

func.func @einsum_wrong_transpose(%a: tensor<4x7x8x9xf32>) -> tensor<7x4x8x9xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected result type 'tensor<7x4x9x8xf32>' (inferred from the operands), got 'tensor<7x4x8x9xf32>'}}
  %0 = tensorrt.einsum {equation = "ijkl->jilk"} ins(%a: tensor<4x7x8x9xf32>) -> tensor<7x4x8x9xf32>
  return %0 : tensor<7x4x8x9xf32>
}

// -----

func.func @einsum_implicit_trace(%a: tensor<5x5xf32>) -> tensor<5xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected result type 'tensor<f32>' (inferred from the operands), got 'tensor<5xf32>'}}
  %0 = tensorrt.einsum {equation = "ii"} ins(%a : tensor<5x5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @einsum_implicit_order(%a: tensor<4x7xf32>, %b: tensor<7x9xf32>) -> tensor<4x9xf32> {
  // expected-error @below {{'tensorrt.einsum' op expected result type 'tensor<9x4xf32>' (inferred from the operands), got 'tensor<4x9xf32>'}}
  %0 = tensorrt.einsum {equation = "zj,jl"} ins(%a, %b : tensor<4x7xf32>, tensor<7x9xf32>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

func.func @einsum_no_inputs() -> tensor<f32> {
  // expected-error @below {{'tensorrt.einsum' op expected 1 or 2 inputs, got 0}}
  %0 = "tensorrt.einsum"() <{equation = "->"}> : () -> tensor<f32>
  return %0 : tensor<f32>
}
