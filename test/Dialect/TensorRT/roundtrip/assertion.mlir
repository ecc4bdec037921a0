// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s
// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Round trip of tensorrt.assertion.

// -----

func.func @assertion_vector(%c: tensor<3xi1>) {
  tensorrt.assertion {message = "some rows differ"} ins(%c : tensor<3xi1>)
  return
}
// CHECK-LABEL: func.func @assertion_vector
//  CHECK-NEXT:   tensorrt.assertion {message = "some rows differ"} ins(%{{.+}} : tensor<3xi1>)

// -----

func.func @assertion_scalar(%c: tensor<i1>) {
  tensorrt.assertion {message = ""} ins(%c : tensor<i1>)
  return
}
// CHECK-LABEL: func.func @assertion_scalar
//  CHECK-NEXT:   tensorrt.assertion {message = ""} ins(%{{.+}} : tensor<i1>)

// -----

// The assertion has no results but is not dead code.
func.func @assertion_survives_canonicalize(%c: tensor<?xi1>) {
  tensorrt.assertion {message = "kept"} ins(%c : tensor<?xi1>)
  return
}
// CHECK-LABEL: func.func @assertion_survives_canonicalize
//  CHECK-NEXT:   tensorrt.assertion {message = "kept"}
