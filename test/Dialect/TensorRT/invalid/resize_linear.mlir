// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.resize_linear.

// -----

func.func @linear_outer_dim_resized(%x: tensor<2x2x2x2x2xf32>) -> tensor<2x4x4x4x4xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op expected result dimension 1 to be 2 (that of the input; only the 3 innermost dimensions may be resized), got 4}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x2x2xf32>) -> tensor<2x4x4x4x4xf32>
  return %0 : tensor<2x4x4x4x4xf32>
}

// -----

func.func @linear_scales_count(%x: tensor<2x2x2x2x2xf32>) -> tensor<2x2x4x4x4xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op expected 5 scales (one per input dimension), got 2}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, scales = array<f32: 2.0, 3.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x2x2xf32>) -> tensor<2x2x4x4x4xf32>
  return %0 : tensor<2x2x4x4x4xf32>
}

// -----

func.func @linear_unknown_size(%x: tensor<2x2x2x?x?xf32>) -> tensor<2x2x2x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op expected a scales attribute or an output_shape operand when resized result dimension 3 is unknown}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x?x?xf32>) -> tensor<2x2x2x?x?xf32>
  return %0 : tensor<2x2x2x?x?xf32>
}

// -----

func.func @linear_outer_scale(%x: tensor<2x2x2x3x3xf32>) -> tensor<2x4x4x9x9xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op expected scale 1 for dimension 1, got 2.000000e+00; only the 3 innermost dimensions may be resized}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, scales = array<f32: 1.0, 2.0, 2.0, 3.0, 3.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2x3x3xf32>) -> tensor<2x4x4x9x9xf32>
  return %0 : tensor<2x4x4x9x9xf32>
}

// -----

func.func @linear_scaled_size(%x: tensor<2x?xf32>) -> tensor<10x?xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op expected result dimension 0 to be 8 (input size times scale), got 10}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, scales = array<f32: 4.0, 5.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x?xf32>) -> tensor<10x?xf32>
  return %0 : tensor<10x?xf32>
}

// -----

// With output_shape only the resized sizes are unknown; the outermost is the input's.
func.func @linear_output_shape_outer(%x: tensor<2x3x4x4xf32>, %s: tensor<4xi32>) -> tensor<5x3x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op expected result dimension 0 to be 2 (that of the input; only the 3 innermost dimensions may be resized), got 5}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x, %s : (tensor<2x3x4x4xf32>, tensor<4xi32>) -> tensor<5x3x?x?xf32>
  return %0 : tensor<5x3x?x?xf32>
}

// -----

func.func @linear_output_shape_i64(%x: tensor<4x4xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op operand #1 must be 1-D statically shaped i32 tensor of 32-bit signless integer values, but got 'tensor<2xi64>'}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x, %s : (tensor<4x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @linear_missing_selector(%x: tensor<2x3xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{'tensorrt.resize_linear' op requires attribute 'selectorForSinglePixel'}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>} %x : (tensor<2x3xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @linear_unknown_transformation(%x: tensor<2x3xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{expected ::kiln::tensorrt::ResizeCoordinateTransformation to be one of: kALIGN_CORNERS, kASYMMETRIC, kHALF_PIXEL}}
  // expected-error @below {{failed to parse TensorRT_ResizeCoordinateTransformationAttr parameter 'value' which is to be a `::kiln::tensorrt::ResizeCoordinateTransformation`}}
  %0 = tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kTF_HALF_PIXEL>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}
