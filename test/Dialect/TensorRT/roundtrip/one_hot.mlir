// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.one_hot: positive and negative axes, constant depth.

// -----

func.func @one_hot_innermost(%indices: tensor<3xi32>, %values: tensor<2xi32>, %depth: tensor<i32>) -> tensor<3x?xi32> {
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}
// CHECK-LABEL: func.func @one_hot_innermost
//  CHECK-NEXT:   tensorrt.one_hot {axis = -1 : si64} ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<3xi32>, tensor<2xi32>, tensor<i32>) -> tensor<3x?xi32>

// -----

// axis = rank(indices) is the innermost position too.
func.func @one_hot_axis_rank(%indices: tensor<3x2xi32>, %values: tensor<2xf32>, %depth: tensor<i32>) -> tensor<3x2x?xf32> {
  %0 = tensorrt.one_hot {axis = 2 : si64} ins(%indices, %values, %depth : tensor<3x2xi32>, tensor<2xf32>, tensor<i32>) -> tensor<3x2x?xf32>
  return %0 : tensor<3x2x?xf32>
}
// CHECK-LABEL: func.func @one_hot_axis_rank
//  CHECK-NEXT:   tensorrt.one_hot {axis = 2 : si64} ins({{.+}}) -> tensor<3x2x?xf32>

// -----

func.func @one_hot_outermost(%indices: tensor<3xi32>, %values: tensor<2xf16>, %depth: tensor<i32>) -> tensor<?x3xf16> {
  %0 = tensorrt.one_hot {axis = 0 : si64} ins(%indices, %values, %depth : tensor<3xi32>, tensor<2xf16>, tensor<i32>) -> tensor<?x3xf16>
  return %0 : tensor<?x3xf16>
}
// CHECK-LABEL: func.func @one_hot_outermost
//  CHECK-NEXT:   tensorrt.one_hot {axis = 0 : si64} ins({{.+}}) -> tensor<?x3xf16>

// -----

// The most negative axis is the outermost position.
func.func @one_hot_most_negative(%indices: tensor<4x5xi32>, %values: tensor<2xbf16>, %depth: tensor<i32>) -> tensor<?x4x5xbf16> {
  %0 = tensorrt.one_hot {axis = -3 : si64} ins(%indices, %values, %depth : tensor<4x5xi32>, tensor<2xbf16>, tensor<i32>) -> tensor<?x4x5xbf16>
  return %0 : tensor<?x4x5xbf16>
}
// CHECK-LABEL: func.func @one_hot_most_negative
//  CHECK-NEXT:   tensorrt.one_hot {axis = -3 : si64} ins({{.+}}) -> tensor<?x4x5xbf16>

// -----

// A middle position, with the depth size known to the writer.
func.func @one_hot_middle(%indices: tensor<4x5xi32>, %values: tensor<2xi64>, %depth: tensor<i32>) -> tensor<4x10x5xi64> {
  %0 = tensorrt.one_hot {axis = 1 : si64} ins(%indices, %values, %depth : tensor<4x5xi32>, tensor<2xi64>, tensor<i32>) -> tensor<4x10x5xi64>
  return %0 : tensor<4x10x5xi64>
}
// CHECK-LABEL: func.func @one_hot_middle
//  CHECK-NEXT:   tensorrt.one_hot {axis = 1 : si64} ins({{.+}}) -> tensor<4x10x5xi64>

// -----

// A constant depth is part of the inferred type.
func.func @one_hot_constant_depth(%indices: tensor<?xi32>, %values: tensor<2xf32>) -> tensor<?x7xf32> {
  %depth = tensorrt.constant dense<7> : tensor<i32>
  %0 = tensorrt.one_hot {axis = -1 : si64} ins(%indices, %values, %depth : tensor<?xi32>, tensor<2xf32>, tensor<i32>) -> tensor<?x7xf32>
  return %0 : tensor<?x7xf32>
}
// CHECK-LABEL: func.func @one_hot_constant_depth
//  CHECK-NEXT:   tensorrt.constant dense<7> : tensor<i32>
//  CHECK-NEXT:   tensorrt.one_hot {axis = -1 : si64} ins({{.+}}) -> tensor<?x7xf32>

// -----

func.func @one_hot_scalar_index(%index: tensor<i32>, %values: tensor<2xi8>, %depth: tensor<i32>) -> tensor<?xi8> {
  %0 = tensorrt.one_hot {axis = 0 : si64} ins(%index, %values, %depth : tensor<i32>, tensor<2xi8>, tensor<i32>) -> tensor<?xi8>
  return %0 : tensor<?xi8>
}
// CHECK-LABEL: func.func @one_hot_scalar_index
//  CHECK-NEXT:   tensorrt.one_hot {axis = 0 : si64} ins({{.+}} : tensor<i32>, tensor<2xi8>, tensor<i32>) -> tensor<?xi8>
