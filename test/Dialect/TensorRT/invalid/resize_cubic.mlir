// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.resize_cubic.

// -----

func.func @cubic_rank1(%x: tensor<2xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected input of rank at least 2 (it resizes the 2 innermost dimensions), got rank 1}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @cubic_third_innermost(%x: tensor<2x2x2xf32>) -> tensor<4x4x4xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected result dimension 0 to be 2 (that of the input; only the 2 innermost dimensions may be resized), got 4}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2xf32>) -> tensor<4x4x4xf32>
  return %0 : tensor<4x4x4xf32>
}

// -----

func.func @cubic_scales_count(%x: tensor<2x2x2xf32>) -> tensor<2x4x6xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected 3 scales (one per input dimension), got 5}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, scales = array<f32: 1.0, 1.0, 2.0, 3.0, 3.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x2xf32>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @cubic_unknown_size(%x: tensor<2x?x?xf32>) -> tensor<2x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected a scales attribute or an output_shape operand when resized result dimension 1 is unknown}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x?x?xf32>) -> tensor<2x?x?xf32>
  return %0 : tensor<2x?x?xf32>
}

// -----

func.func @cubic_scaled_size(%x: tensor<2x2x?xf32>) -> tensor<2x4x?xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected result dimension 1 to be 6 (input size times scale), got 4}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, scales = array<f32: 1.0, 3.0, 3.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x?xf32>) -> tensor<2x4x?xf32>
  return %0 : tensor<2x4x?xf32>
}

// -----

func.func @cubic_outer_scale(%x: tensor<2x2x3x?xf32>) -> tensor<2x4x6x?xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected scale 1 for dimension 1, got 2.000000e+00; only the 2 innermost dimensions may be resized}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, scales = array<f32: 1.0, 2.0, 2.0, 2.0>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x2x3x?xf32>) -> tensor<2x4x6x?xf32>
  return %0 : tensor<2x4x6x?xf32>
}

// -----

func.func @cubic_output_shape_length(%x: tensor<1x3x8x8xf32>, %s: tensor<2xi32>) -> tensor<1x3x?x?xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op expected output_shape operand of length 4 (the input rank), got 'tensor<2xi32>'}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x, %s : (tensor<1x3x8x8xf32>, tensor<2xi32>) -> tensor<1x3x?x?xf32>
  return %0 : tensor<1x3x?x?xf32>
}

// -----

func.func @cubic_missing_coeff(%x: tensor<2x3xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{'tensorrt.resize_cubic' op requires attribute 'cubicCoeff'}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %x : (tensor<2x3xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @cubic_unknown_selector(%x: tensor<2x3xf32>) -> tensor<4x6xf32> {
  // expected-error @below {{expected ::kiln::tensorrt::ResizeSelector to be one of: kFORMULA, kUPPER}}
  // expected-error @below {{failed to parse TensorRT_ResizeSelectorAttr parameter 'value' which is to be a `::kiln::tensorrt::ResizeSelector`}}
  %0 = tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -0.75 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kLOWER>} %x : (tensor<2x3xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}
