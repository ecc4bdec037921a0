// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.opaque_plugin.

// -----

func.func @plugin_with_shapes(%x: tensor<?x4x?x?xf32>) -> tensor<41x?x?x16xf32> {
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "Pad", plugin_namespace = "", plugin_version = "0"}(%x) : (tensor<?x4x?x?xf32>) -> tensor<41x?x?x16xf32> {
  ^bb0(%d0: i64, %d1: i64, %d2: i64, %d3: i64):
    %c41 = arith.constant 41 : i64
    %c16 = arith.constant 16 : i64
    tensorrt.yield %c41, %d2, %d3, %c16 : i64, i64, i64, i64
  }
  return %0 : tensor<41x?x?x16xf32>
}
// CHECK-LABEL: func.func @plugin_with_shapes
//  CHECK-NEXT:   tensorrt.opaque_plugin {creator_params = {}, plugin_name = "Pad", plugin_namespace = "", plugin_version = "0"}(%{{.+}}) : (tensor<?x4x?x?xf32>) -> tensor<41x?x?x16xf32> {
//  CHECK-NEXT:   ^bb0(%{{.+}}: i64, %{{.+}}: i64, %{{.+}}: i64, %{{.+}}: i64):
//  CHECK-NEXT:     arith.constant 41 : i64
//  CHECK-NEXT:     arith.constant 16 : i64
//  CHECK-NEXT:     tensorrt.yield

// -----

func.func @plugin_without_shapes(%x: tensor<2x3xf16>, %y: tensor<3xi32>) -> (tensor<?x?xf16>, tensor<i1>) {
  %0:2 = tensorrt.opaque_plugin {creator_func = "getCreator", creator_params = {alpha = 5.000000e-01 : f32, axes = array<i64: 0, 1>, mode = "fast"}, dso_path = "libplugins.so", plugin_name = "Mix", plugin_namespace = "kiln", plugin_version = "2"}(%x, %y) : (tensor<2x3xf16>, tensor<3xi32>) -> (tensor<?x?xf16>, tensor<i1>)
  return %0#0, %0#1 : tensor<?x?xf16>, tensor<i1>
}
// CHECK-LABEL: func.func @plugin_without_shapes
//  CHECK-NEXT:   tensorrt.opaque_plugin {creator_func = "getCreator", creator_params = {alpha = 5.000000e-01 : f32, axes = array<i64: 0, 1>, mode = "fast"}, dso_path = "libplugins.so", plugin_name = "Mix", plugin_namespace = "kiln", plugin_version = "2"}(%{{.+}}, %{{.+}}) : (tensor<2x3xf16>, tensor<3xi32>) -> (tensor<?x?xf16>, tensor<i1>)
//  CHECK-NEXT:   return

// -----

func.func @plugin_no_inputs() -> tensor<4xf32> {
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "Source", plugin_namespace = "", plugin_version = "1"}() : () -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @plugin_no_inputs
//  CHECK-NEXT:   tensorrt.opaque_plugin {creator_params = {}, plugin_name = "Source", plugin_namespace = "", plugin_version = "1"}() : () -> tensor<4xf32>

// -----

// Shapes computed from inputs with arithmetic.
func.func @plugin_computed_shape(%x: tensor<?x8xf32>) -> tensor<?x16xf32> {
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "Widen", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x8xf32>) -> tensor<?x16xf32> {
  ^bb0(%d0: i64, %d1: i64):
    %c2 = arith.constant 2 : i64
    %w = arith.muli %d1, %c2 : i64
    tensorrt.yield %d0, %w : i64, i64
  }
  return %0 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @plugin_computed_shape
//       CHECK:     arith.muli
//  CHECK-NEXT:     tensorrt.yield
