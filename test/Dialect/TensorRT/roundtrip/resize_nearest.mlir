// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.resize_nearest: static, output_shape and scales
// forms, every coordinate transformation, selector and rounding mode.

// -----

func.func @resize_nearest_static(%x: tensor<10x10xf32>) -> tensor<20x20xf32> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    nearestRounding = #tensorrt.resize_round_mode<kFLOOR>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x : (tensor<10x10xf32>) -> tensor<20x20xf32>
  return %0 : tensor<20x20xf32>
}
// CHECK-LABEL: func.func @resize_nearest_static
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<10x10xf32>) -> tensor<20x20xf32>

// -----

func.func @resize_nearest_output_shape(%x: tensor<?x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    nearestRounding = #tensorrt.resize_round_mode<kFLOOR>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x, %s : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @resize_nearest_output_shape
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}}, %{{.+}} : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>

// -----

// Scales multiply known sizes and round down; outer scales are 1.
func.func @resize_nearest_scales(%x: tensor<?x3x8x10xf16>) -> tensor<?x3x16x15xf16> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    nearestRounding = #tensorrt.resize_round_mode<kHALF_UP>,
    scales = array<f32: 1.0, 1.0, 2.0, 1.5>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>
  } %x : (tensor<?x3x8x10xf16>) -> tensor<?x3x16x15xf16>
  return %0 : tensor<?x3x16x15xf16>
}
// CHECK-LABEL: func.func @resize_nearest_scales
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, nearestRounding = #tensorrt.resize_round_mode<kHALF_UP>, scales = array<f32: 1.000000e+00, 1.000000e+00, 2.000000e+00, 1.500000e+00>, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}} : (tensor<?x3x8x10xf16>) -> tensor<?x3x16x15xf16>

// -----

func.func @resize_nearest_half_down(%x: tensor<1x4x4xi8>) -> tensor<1x7x7xi8> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>,
    nearestRounding = #tensorrt.resize_round_mode<kHALF_DOWN>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x : (tensor<1x4x4xi8>) -> tensor<1x7x7xi8>
  return %0 : tensor<1x7x7xi8>
}
// CHECK-LABEL: func.func @resize_nearest_half_down
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, nearestRounding = #tensorrt.resize_round_mode<kHALF_DOWN>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<1x4x4xi8>) -> tensor<1x7x7xi8>

// -----

// Three innermost dimensions, downsampling.
func.func @resize_nearest_ceil(%x: tensor<2x8x8x8xf32>) -> tensor<2x4x4x4xf32> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    nearestRounding = #tensorrt.resize_round_mode<kCEIL>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>
  } %x : (tensor<2x8x8x8xf32>) -> tensor<2x4x4x4xf32>
  return %0 : tensor<2x4x4x4xf32>
}
// CHECK-LABEL: func.func @resize_nearest_ceil
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, nearestRounding = #tensorrt.resize_round_mode<kCEIL>, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}} : (tensor<2x8x8x8xf32>) -> tensor<2x4x4x4xf32>

// -----

// Scales give sizes only where the input size is known.
func.func @resize_nearest_scales_dynamic(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    nearestRounding = #tensorrt.resize_round_mode<kFLOOR>,
    scales = array<f32: 2.0, 3.0>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @resize_nearest_scales_dynamic
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kFLOOR>, scales = array<f32: 2.000000e+00, 3.000000e+00>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<?x?xf32>) -> tensor<?x?xf32>

// -----

// Dimensions that are not resized keep their known sizes.
func.func @resize_nearest_output_shape_static_batch(%x: tensor<4x3x?x?xf32>, %s: tensor<4xi32>) -> tensor<4x3x?x?xf32> {
  %0 = tensorrt.resize_nearest {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    nearestRounding = #tensorrt.resize_round_mode<kHALF_UP>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x, %s : (tensor<4x3x?x?xf32>, tensor<4xi32>) -> tensor<4x3x?x?xf32>
  return %0 : tensor<4x3x?x?xf32>
}
// CHECK-LABEL: func.func @resize_nearest_output_shape_static_batch
//  CHECK-NEXT:   tensorrt.resize_nearest {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, nearestRounding = #tensorrt.resize_round_mode<kHALF_UP>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}}, %{{.+}} : (tensor<4x3x?x?xf32>, tensor<4xi32>) -> tensor<4x3x?x?xf32>
