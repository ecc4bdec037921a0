// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.resize_cubic: static, output_shape and scales
// forms, every coordinate transformation and selector.

// -----

func.func @resize_cubic_static(%x: tensor<10x10xf32>) -> tensor<20x20xf32> {
  %0 = tensorrt.resize_cubic {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>,
    cubicCoeff = -0.75 : f32
  } %x : (tensor<10x10xf32>) -> tensor<20x20xf32>
  return %0 : tensor<20x20xf32>
}
// CHECK-LABEL: func.func @resize_cubic_static
//  CHECK-NEXT:   tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -7.500000e-01 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<10x10xf32>) -> tensor<20x20xf32>

// -----

func.func @resize_cubic_output_shape(%x: tensor<?x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.resize_cubic {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>,
    cubicCoeff = -0.75 : f32
  } %x, %s : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @resize_cubic_output_shape
//  CHECK-NEXT:   tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -7.500000e-01 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}}, %{{.+}} : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>

// -----

func.func @resize_cubic_align_corners(%x: tensor<1x3x8x8xf16>) -> tensor<1x3x5x11xf16> {
  %0 = tensorrt.resize_cubic {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>,
    cubicCoeff = -0.5 : f32
  } %x : (tensor<1x3x8x8xf16>) -> tensor<1x3x5x11xf16>
  return %0 : tensor<1x3x5x11xf16>
}
// CHECK-LABEL: func.func @resize_cubic_align_corners
//  CHECK-NEXT:   tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, cubicCoeff = -5.000000e-01 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}} : (tensor<1x3x8x8xf16>) -> tensor<1x3x5x11xf16>

// -----

// A scale below 1 shrinks: 9 * 0.5 rounds down to 4.
func.func @resize_cubic_asymmetric_scales(%x: tensor<?x9x4xi8>) -> tensor<?x4x12xi8> {
  %0 = tensorrt.resize_cubic {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    scales = array<f32: 1.0, 0.5, 3.0>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>,
    cubicCoeff = -1.0 : f32
  } %x : (tensor<?x9x4xi8>) -> tensor<?x4x12xi8>
  return %0 : tensor<?x4x12xi8>
}
// CHECK-LABEL: func.func @resize_cubic_asymmetric_scales
//  CHECK-NEXT:   tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, cubicCoeff = -1.000000e+00 : f32, scales = array<f32: 1.000000e+00, 5.000000e-01, 3.000000e+00>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<?x9x4xi8>) -> tensor<?x4x12xi8>

// -----

func.func @resize_cubic_output_shape_batch(%x: tensor<1x144x7x7xf32>, %s: tensor<4xi32>) -> tensor<?x?x?x?xf32> {
  %0 = tensorrt.resize_cubic {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>,
    cubicCoeff = -0.75 : f32
  } %x, %s : (tensor<1x144x7x7xf32>, tensor<4xi32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
// CHECK-LABEL: func.func @resize_cubic_output_shape_batch
//  CHECK-NEXT:   tensorrt.resize_cubic {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, cubicCoeff = -7.500000e-01 : f32, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}}, %{{.+}} : (tensor<1x144x7x7xf32>, tensor<4xi32>) -> tensor<?x?x?x?xf32>
