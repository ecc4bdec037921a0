// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.padding.

// -----

func.func @padding_rank_too_small(%x: tensor<10x10xf32>) -> tensor<12x12xf32> {
  // expected-error @below {{'tensorrt.padding' op expected input of rank at least 4, got rank 2}}
  %0 = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<10x10xf32>) -> tensor<12x12xf32>
  return %0 : tensor<12x12xf32>
}

// -----

func.func @padding_pre_count(%x: tensor<1x2x10x10xf32>) -> tensor<1x2x12x12xf32> {
  // expected-error @below {{'tensorrt.padding' op expected prePadding to have 2 entries (one per padded innermost dimension), got 3}}
  %0 = tensorrt.padding {prePadding = array<i64: 0, 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<1x2x10x10xf32>) -> tensor<1x2x12x12xf32>
  return %0 : tensor<1x2x12x12xf32>
}

// -----

func.func @padding_post_count(%x: tensor<1x2x10x10xf32>) -> tensor<1x2x12x12xf32> {
  // expected-error @below {{'tensorrt.padding' op expected postPadding to have 2 entries (one per padded innermost dimension), got 1}}
  %0 = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: 1>} ins(%x : tensor<1x2x10x10xf32>) -> tensor<1x2x12x12xf32>
  return %0 : tensor<1x2x12x12xf32>
}

// -----

func.func @padding_crop_too_much(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x1x4xf32> {
  // expected-error @below {{'tensorrt.padding' op expected prePadding -5 to crop at most 4 elements from dimension 2}}
  %0 = tensorrt.padding {prePadding = array<i64: -5, 0>, postPadding = array<i64: 2, 0>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x1x4xf32>
  return %0 : tensor<1x1x1x4xf32>
}

// -----

func.func @padding_negative_size(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x4x0xf32> {
  // expected-error @below {{'tensorrt.padding' op expected a non-negative size for dimension 3, got 4 + -3 + -3 = -2}}
  %0 = tensorrt.padding {prePadding = array<i64: 0, -3>, postPadding = array<i64: 0, -3>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x4x0xf32>
  return %0 : tensor<1x1x4x0xf32>
}

// -----

func.func @padding_wrong_result(%x: tensor<1x1x10x10xf32>) -> tensor<1x1x12x10xf32> {
  // expected-error @below {{'tensorrt.padding' op expected result type 'tensor<1x1x12x12xf32>' (inferred from the operands), got 'tensor<1x1x12x10xf32>'}}
  %0 = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<1x1x10x10xf32>) -> tensor<1x1x12x10xf32>
  return %0 : tensor<1x1x12x10xf32>
}

// -----

// The outer dimensions are never padded.
func.func @padding_outer_changed(%x: tensor<?x3x10x10xf32>) -> tensor<?x4x12x12xf32> {
  // expected-error @below {{'tensorrt.padding' op expected result type 'tensor<?x3x12x12xf32>' (inferred from the operands), got 'tensor<?x4x12x12xf32>'}}
  %0 = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<?x3x10x10xf32>) -> tensor<?x4x12x12xf32>
  return %0 : tensor<?x4x12x12xf32>
}

// -----

func.func @padding_bf16(%x: tensor<1x1x4x4xbf16>) -> tensor<1x1x6x6xbf16> {
  // expected-error @below {{'tensorrt.padding' op operand #0 must be}}
  %0 = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<1x1x4x4xbf16>) -> tensor<1x1x6x6xbf16>
  return %0 : tensor<1x1x6x6xbf16>
}

// -----

func.func @padding_missing_post(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x5x5xf32> {
  // expected-error @below {{'tensorrt.padding' op requires attribute 'postPadding'}}
  %0 = tensorrt.padding {prePadding = array<i64: 1, 1>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}
