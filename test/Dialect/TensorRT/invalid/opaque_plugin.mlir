// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.opaque_plugin.

// -----

func.func @plugin_creator_without_dso(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected dso_path when creator_func is given}}
  %0 = tensorrt.opaque_plugin {creator_func = "getCreator", creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @plugin_missing_name(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op requires attribute 'plugin_name'}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @plugin_argument_count(%x: tensor<?x4x?x?xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected 4 i64 shapes region arguments (one per input dimension), got [i64, i64, i64]}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x4x?x?xf32>) -> tensor<?x?x?x?xf32> {
  ^bb0(%a: i64, %b: i64, %c: i64):
    tensorrt.yield %a, %b, %c, %c : i64, i64, i64, i64
  }
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @plugin_argument_type(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected 2 i64 shapes region arguments (one per input dimension), got [i64, index]}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32> {
  ^bb0(%a: i64, %b: index):
    tensorrt.yield %a, %a : i64, i64
  }
  return %0 : tensor<?x4xf32>
}

// -----

func.func @plugin_yield_count(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected the shapes region to yield 2 i64 values (one per result dimension), got [i64]}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32> {
  ^bb0(%a: i64, %b: i64):
    tensorrt.yield %a : i64
  }
  return %0 : tensor<?x4xf32>
}

// -----

func.func @plugin_yield_type(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected the shapes region to yield 2 i64 values (one per result dimension), got [i64, i32]}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32> {
  ^bb0(%a: i64, %b: i64):
    %c = arith.trunci %b : i64 to i32
    tensorrt.yield %a, %c : i64, i32
  }
  return %0 : tensor<?x4xf32>
}

// -----

func.func @plugin_non_arith_op(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected only 'arith' ops before the 'tensorrt.yield' of the shapes region, found 'tensorrt.constant'}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32> {
  ^bb0(%a: i64, %b: i64):
    %c = tensorrt.constant dense<1> : tensor<i32>
    tensorrt.yield %a, %b : i64, i64
  }
  return %0 : tensor<?x4xf32>
}

// -----

func.func @plugin_constant_shape_disagrees(%x: tensor<?x4x?x?xf32>) -> tensor<41x?x?x16xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected dimension 0 of result #0 to be 42 (computed by the shapes region), got 41}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<?x4x?x?xf32>) -> tensor<41x?x?x16xf32> {
  ^bb0(%a: i64, %b: i64, %c: i64, %d: i64):
    %c42 = arith.constant 42 : i64
    tensorrt.yield %c42, %b, %c, %d : i64, i64, i64, i64
  }
  return %0 : tensor<41x?x?x16xf32>
}

// -----

func.func @plugin_two_blocks(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op expected the shapes region to have one block, got 2}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: i64):
    cf.br ^bb1
  ^bb1:
    tensorrt.yield %a : i64
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @plugin_unsigned_input(%x: tensor<4xui8>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.opaque_plugin' op operand #0 must be variadic of 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.opaque_plugin {creator_params = {}, plugin_name = "P", plugin_namespace = "", plugin_version = "1"}(%x) : (tensor<4xui8>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
