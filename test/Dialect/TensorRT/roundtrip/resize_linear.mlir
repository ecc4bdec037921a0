// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.resize_linear: static, output_shape and scales
// forms, every coordinate transformation and selector.

// -----

func.func @resize_linear_static(%x: tensor<10x10xf32>) -> tensor<20x20xf32> {
  %0 = tensorrt.resize_linear {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>
  } %x : (tensor<10x10xf32>) -> tensor<20x20xf32>
  return %0 : tensor<20x20xf32>
}
// CHECK-LABEL: func.func @resize_linear_static
//  CHECK-NEXT:   tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}} : (tensor<10x10xf32>) -> tensor<20x20xf32>

// -----

func.func @resize_linear_output_shape(%x: tensor<?x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = tensorrt.resize_linear {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>
  } %x, %s : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @resize_linear_output_shape
//  CHECK-NEXT:   tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}}, %{{.+}} : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>

// -----

// Trilinear: the three innermost of five dimensions.
func.func @resize_linear_asymmetric(%x: tensor<2x3x4x5x6xf16>) -> tensor<2x3x8x10x12xf16> {
  %0 = tensorrt.resize_linear {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x : (tensor<2x3x4x5x6xf16>) -> tensor<2x3x8x10x12xf16>
  return %0 : tensor<2x3x8x10x12xf16>
}
// CHECK-LABEL: func.func @resize_linear_asymmetric
//  CHECK-NEXT:   tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<2x3x4x5x6xf16>) -> tensor<2x3x8x10x12xf16>

// -----

func.func @resize_linear_half_pixel_scales(%x: tensor<?x3x8x8xf16>) -> tensor<?x3x16x16xf16> {
  %0 = tensorrt.resize_linear {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    scales = array<f32: 1.0, 1.0, 2.0, 2.0>,
    selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>
  } %x : (tensor<?x3x8x8xf16>) -> tensor<?x3x16x16xf16>
  return %0 : tensor<?x3x16x16xf16>
}
// CHECK-LABEL: func.func @resize_linear_half_pixel_scales
//  CHECK-NEXT:   tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, scales = array<f32: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>, selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>} %{{.+}} : (tensor<?x3x8x8xf16>) -> tensor<?x3x16x16xf16>

// -----

func.func @resize_linear_rank1(%x: tensor<7xi8>) -> tensor<3xi8> {
  %0 = tensorrt.resize_linear {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>
  } %x : (tensor<7xi8>) -> tensor<3xi8>
  return %0 : tensor<3xi8>
}
// CHECK-LABEL: func.func @resize_linear_rank1
//  CHECK-NEXT:   tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}} : (tensor<7xi8>) -> tensor<3xi8>

// -----

// The result type states the resized sizes; the batch stays unknown.
func.func @resize_linear_dynamic_batch(%x: tensor<?x1x10x10xf32>) -> tensor<?x1x20x20xf32> {
  %0 = tensorrt.resize_linear {
    coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>,
    selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>
  } %x : (tensor<?x1x10x10xf32>) -> tensor<?x1x20x20xf32>
  return %0 : tensor<?x1x20x20xf32>
}
// CHECK-LABEL: func.func @resize_linear_dynamic_batch
//  CHECK-NEXT:   tensorrt.resize_linear {coordinateTransformation = #tensorrt.resize_coordinate_transformation<kALIGN_CORNERS>, selectorForSinglePixel = #tensorrt.resize_selector<kUPPER>} %{{.+}} : (tensor<?x1x10x10xf32>) -> tensor<?x1x20x20xf32>
