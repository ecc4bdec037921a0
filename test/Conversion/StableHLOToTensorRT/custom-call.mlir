// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file | FileCheck %s

// custom_call @shape_assertion (jax.export's check of symbolic shapes)
// becomes a run-time `tensorrt.assertion` on its condition; the message
// keeps JAX's text, with `?` for the values it cannot print.

// CHECK-LABEL: func.func @shape_assertion
//       CHECK:   %[[EQ:.*]] = tensorrt.element_wise <kEQUAL>
//       CHECK:   tensorrt.assertion {message = "Found inconsistency between dimension size args[1].shape[0] (= ?) and the specification 'n' (= ?)."} ins(%[[EQ]] : tensor<i1>)
//       CHECK:   return %arg0
func.func @shape_assertion(%x: tensor<?x3xf32>, %y: tensor<?x?xf32>) -> tensor<?x3xf32> {
  %0 = stablehlo.get_dimension_size %x, dim = 0 : (tensor<?x3xf32>) -> tensor<i32>
  %1 = stablehlo.get_dimension_size %y, dim = 1 : (tensor<?x?xf32>) -> tensor<i32>
  %2 = stablehlo.compare EQ, %0, %1, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
  stablehlo.custom_call @shape_assertion(%2, %0, %1) {api_version = 2 : i32, error_message = "Found inconsistency between dimension size args[1].shape[0] (= {0}) and the specification 'n' (= {1}).", has_side_effect = true} : (tensor<i1>, tensor<i32>, tensor<i32>) -> ()
  return %x : tensor<?x3xf32>
}
