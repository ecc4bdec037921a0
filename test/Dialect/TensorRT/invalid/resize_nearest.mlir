// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.resize_nearest.

// -----

func.func @nearest_outer_dim_resized(%x: tensor<2x2x2x2x2xf32>) -> tensor<2x4x4x4x4xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected result dimension 1 to be 2 (that of the input; only the 3 innermost dimensions may be resized), got 4}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x2x2xf32>) -> tensor<2x4x4x4x4xf32>
  return %0 : tensor<2x4x4x4x4xf32>
}

// -----

func.func @nearest_scales_count(%x: tensor<2x2x2x2xf32>) -> tensor<2x4x4x4xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected 4 scales (one per input dimension), got 2}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 2.0, 3.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x2xf32>) -> tensor<2x4x4x4xf32>
  return %0 : tensor<2x4x4x4xf32>
}

// -----

func.func @nearest_outer_scale(%x: tensor<2x2x2x?x?xf32>) -> tensor<2x4x4x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected scale 1 for dimension 1, got 2.000000e+00; only the 3 innermost dimensions may be resized}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 1.0, 2.0, 2.0, 2.0, 2.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x?x?xf32>) -> tensor<2x4x4x?x?xf32>
  return %0 : tensor<2x4x4x?x?xf32>
}

// -----

func.func @nearest_zero_scale(%x: tensor<4x4xf32>) -> tensor<4x0xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected positive scales, got 0.000000e+00 for dimension 1}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 1.0, 0.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<4x4xf32>) -> tensor<4x0xf32>
  return %0 : tensor<4x0xf32>
}

// -----

func.func @nearest_negative_scale(%x: tensor<4x4xf32>) -> tensor<8x4xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected positive scales, got -2.000000e+00 for dimension 0}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: -2.0, 1.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<4x4xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// -----

// Without scales or output_shape the result type must give the resized sizes.
func.func @nearest_unknown_size(%x: tensor<2x2x2x?x?xf32>) -> tensor<2x2x2x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected a scales attribute or an output_shape operand when resized result dimension 3 is unknown}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x?x?xf32>) -> tensor<2x2x2x?x?xf32>
  return %0 : tensor<2x2x2x?x?xf32>
}

// -----

func.func @nearest_scaled_size(%x: tensor<2x2x2x?x?xf32>) -> tensor<2x2x2x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected result dimension 2 to be 4 (input size times scale), got 2}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 1.0, 1.0, 2.0, 2.0, 2.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x?x?xf32>) -> tensor<2x2x2x?x?xf32>
  return %0 : tensor<2x2x2x?x?xf32>
}

// -----

// Scaled sizes round down: 3 * 1.5 is 4 and 5 * 1.5 is 7.
func.func @nearest_scales_round_down(%x: tensor<3x5xf32>) -> tensor<4x8xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected result dimension 1 to be 7 (input size times scale), got 8}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 1.5, 1.5>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<3x5xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @nearest_both_sources(%x: tensor<4x4xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected either an output_shape operand or a scales attribute, got both}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 2.0, 2.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x, %s : (tensor<4x4xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @nearest_output_shape_length(%x: tensor<4x4xf32>, %s: tensor<3xi32>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected output_shape operand of length 2 (the input rank), got 'tensor<3xi32>'}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x, %s : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @nearest_element_type(%x: tensor<2x3xf32>) -> tensor<4x6xf16> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected result element type 'f32' (that of the input), got 'f16'}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 2.0, 2.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xf32>) -> tensor<4x6xf16>
  return %0 : tensor<4x6xf16>
}

// -----

func.func @nearest_result_rank(%x: tensor<2x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op expected result of rank 2 (the input rank), got rank 3}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @nearest_i32_input(%x: tensor<2x3xi32>) -> tensor<4x6xi32> {
  // expected-error @below {{'tensorrt.resize_nearest' op operand #0 must be}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xi32>) -> tensor<4x6xi32>
  return %0 : tensor<4x6xi32>
}

// -----

func.func @nearest_missing_rounding(%x: tensor<2x3xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{'tensorrt.resize_nearest' op requires attribute 'nearestRounding'}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @nearest_unknown_round_mode(%x: tensor<2x3xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{expected ::kiln::tensorrt::ResizeRoundMode to be one of: kHALF_UP, kHALF_DOWN, kFLOOR, kCEIL}}
  // expected-error @below {{failed to parse TensorRT_ResizeRoundModeAttr parameter 'value' which is to be a `::kiln::tensorrt::ResizeRoundMode`}}
  %0 = tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kNEAREST>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}
