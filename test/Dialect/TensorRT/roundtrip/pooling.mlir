// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.pooling: every pooling type, 1-D to 3-D windows,
// unknown sizes.

// -----

func.func @max_pool(%x: tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32> {
  %0 = tensorrt.pooling {
    poolingType = #tensorrt.pooling_type<kMAX>,
    windowSize = array<i64: 3, 3>,
    stride = array<i64: 2, 2>,
    prePadding = array<i64: 1, 1>,
    postPadding = array<i64: 1, 1>
  } ins(%x : tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32>
  return %0 : tensor<10x64x56x56xf32>
}
// CHECK-LABEL: func.func @max_pool
//  CHECK-NEXT:   tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, postPadding = array<i64: 1, 1>, prePadding = array<i64: 1, 1>, stride = array<i64: 2, 2>, windowSize = array<i64: 3, 3>} ins(%{{.+}} : tensor<10x64x112x112xf32>) -> tensor<10x64x56x56xf32>

// -----

func.func @average_pool(%x: tensor<1x3x8x8xf16>) -> tensor<1x3x4x4xf16> {
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kAVERAGE>, windowSize = array<i64: 2, 2>, stride = array<i64: 2, 2>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>, averageCountExcludesPadding = false} ins(%x : tensor<1x3x8x8xf16>) -> tensor<1x3x4x4xf16>
  return %0 : tensor<1x3x4x4xf16>
}
// CHECK-LABEL: func.func @average_pool
//  CHECK-NEXT:   tensorrt.pooling {averageCountExcludesPadding = false, poolingType = #tensorrt.pooling_type<kAVERAGE>, {{.*}}} ins(%{{.+}} : tensor<1x3x8x8xf16>) -> tensor<1x3x4x4xf16>

// -----

func.func @blend_pool(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x6x6xf32> {
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX_AVERAGE_BLEND>, windowSize = array<i64: 3, 3>, stride = array<i64: 1, 1>, prePadding = array<i64: 0, 0>, postPadding = array<i64: 0, 0>, blendFactor = 2.500000e-01 : f32, averageCountExcludesPadding = true} ins(%x : tensor<1x3x8x8xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}
// CHECK-LABEL: func.func @blend_pool
//  CHECK-NEXT:   tensorrt.pooling {averageCountExcludesPadding = true, blendFactor = 2.500000e-01 : f32, poolingType = #tensorrt.pooling_type<kMAX_AVERAGE_BLEND>, {{.*}}} ins(%{{.+}} : tensor<1x3x8x8xf32>) -> tensor<1x3x6x6xf32>

// -----

func.func @max_pool_unknown(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3, 3>, stride = array<i64: 2, 2>, prePadding = array<i64: 1, 1>, postPadding = array<i64: 1, 1>} ins(%x : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
// CHECK-LABEL: func.func @max_pool_unknown
//  CHECK-NEXT:   tensorrt.pooling {{.*}} ins(%{{.+}} : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>

// -----

func.func @max_pool_1d_i8(%x: tensor<2x4x9xi8>) -> tensor<2x4x4xi8> {
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, windowSize = array<i64: 3>, stride = array<i64: 2>, prePadding = array<i64: 0>, postPadding = array<i64: 0>} ins(%x : tensor<2x4x9xi8>) -> tensor<2x4x4xi8>
  return %0 : tensor<2x4x4xi8>
}
// CHECK-LABEL: func.func @max_pool_1d_i8
//  CHECK-NEXT:   tensorrt.pooling {{.*}} ins(%{{.+}} : tensor<2x4x9xi8>) -> tensor<2x4x4xi8>

// -----

func.func @average_pool_3d(%x: tensor<1x2x4x6x8xbf16>) -> tensor<1x2x2x3x4xbf16> {
  %0 = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kAVERAGE>, windowSize = array<i64: 2, 2, 2>, stride = array<i64: 2, 2, 2>, prePadding = array<i64: 0, 0, 0>, postPadding = array<i64: 0, 0, 0>, averageCountExcludesPadding = true} ins(%x : tensor<1x2x4x6x8xbf16>) -> tensor<1x2x2x3x4xbf16>
  return %0 : tensor<1x2x2x3x4xbf16>
}
// CHECK-LABEL: func.func @average_pool_3d
//  CHECK-NEXT:   tensorrt.pooling {{.*}} ins(%{{.+}} : tensor<1x2x4x6x8xbf16>) -> tensor<1x2x2x3x4xbf16>
