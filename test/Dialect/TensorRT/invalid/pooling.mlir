// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.pooling.

// -----

func.func @pool_stride_entries(%x: tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected stride to have 2 entries (one per spatial dim), got 4}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 2, 2, 2, 2>, prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32>
  return %0 : tensor<10x64x56x56xf32>
}

// -----

func.func @pool_window_entries(%x: tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected windowSize to have 2 entries (one per spatial dim), got 3}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3, 3>, stride = array<i64: 2, 2>, prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32>
  return %0 : tensor<10x64x56x56xf32>
}

// -----

func.func @pool_padding_entries(%x: tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected postPadding to have 2 entries (one per spatial dim), got 0}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 2, 2>, prePadding = array<i64: 1, 1>, postPadding = array<i64>} ins(%x : tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32>
  return %0 : tensor<10x64x56x56xf32>
}

// -----

func.func @pool_zero_window(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected windowSize entries to be at least 1, got [0, 1]}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 0, 1>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @pool_negative_padding(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected prePadding entries to be at least 0, got [-1, 0]}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 1, 1>, stride = array<i64: 1, 1>, prePadding = array<i64: -1, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

func.func @pool_input_rank(%x: tensor<10x64xf32>) -> tensor<10x64xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected input of rank 3, 4 or 5 ([N, C] and 1 to 3 spatial dims), got rank 2}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64>, stride = array<i64>, prePadding = array<i64>, postPadding = array<i64>} ins(%x : tensor<10x64xf32>) -> tensor<10x64xf32>
  return %0 : tensor<10x64xf32>
}

// -----

func.func @pool_result_rank(%x: tensor<10x1x3x3xf32>) -> tensor<10x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected result type 'tensor<10x1x1x1xf32>' (inferred from the operands), got 'tensor<10x1xf32>'}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<10x1x3x3xf32>) -> tensor<10x1xf32>
  return %0 : tensor<10x1xf32>
}

// -----

func.func @average_pool_without_count_mode(%x: tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected averageCountExcludesPadding for kAVERAGE, which averages}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kAVERAGE>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32>
  return %0 : tensor<10x1x1x1xf32>
}

// -----

func.func @max_pool_with_count_mode(%x: tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected no averageCountExcludesPadding for kMAX, which does not average}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>, averageCountExcludesPadding = true} ins(%x : tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32>
  return %0 : tensor<10x1x1x1xf32>
}

// -----

func.func @blend_pool_without_factor(%x: tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected a blendFactor for kMAX_AVERAGE_BLEND}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX_AVERAGE_BLEND>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>, averageCountExcludesPadding = true} ins(%x : tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32>
  return %0 : tensor<10x1x1x1xf32>
}

// -----

func.func @average_pool_with_factor(%x: tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected no blendFactor for kAVERAGE, which does not blend}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kAVERAGE>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>, blendFactor = 0.5 : f32, averageCountExcludesPadding = true} ins(%x : tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32>
  return %0 : tensor<10x1x1x1xf32>
}

// -----

func.func @blend_factor_out_of_range(%x: tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected blendFactor in [0, 1], got 1.500000e+00}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX_AVERAGE_BLEND>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>, blendFactor = 1.5 : f32, averageCountExcludesPadding = true} ins(%x : tensor<10x1x3x3xf32>) -> tensor<10x1x1x1xf32>
  return %0 : tensor<10x1x1x1xf32>
}

// -----

func.func @pool_window_larger_than_input(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected padded input size 2 along spatial dim 0 to be at least the window size 3}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}

// -----

func.func @pool_wrong_result(%x: tensor<10x64x112x112xf32>) -> tensor<10x64x57x57xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected result type 'tensor<10x64x56x56xf32>' (inferred from the operands), got 'tensor<10x64x57x57xf32>'}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 2, 2>, prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<10x64x112x112xf32>) -> tensor<10x64x57x57xf32>
  return %0 : tensor<10x64x57x57xf32>
}

// -----

func.func @pool_wrong_result_unknown_input(%x: tensor<?x64x?x112xf32>) -> tensor<10x64x57x57xf32> {
  // expected-error @below {{'tensorrt.pooling' op expected result type 'tensor<?x64x?x110xf32>' (inferred from the operands), got 'tensor<10x64x57x57xf32>'}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<?x64x?x112xf32>) -> tensor<10x64x57x57xf32>
  return %0 : tensor<10x64x57x57xf32>
}

// -----

func.func @pool_element_type(%x: tensor<10x1x3x3xf16>) -> tensor<10x1x1x1xf32> {
  // expected-error @below {{'tensorrt.pooling' op requires the same element type for all operands and results}}
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>} ins(%x : tensor<10x1x3x3xf16>) -> tensor<10x1x1x1xf32>
  return %0 : tensor<10x1x1x1xf32>
}
