// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// CHECK: dynamic-shape.mlir:[[# @LINE + 1]]:17: error: dynamic shapes are not supported yet: got 'tensor<?x4xf32>'
func.func @main(%a: tensor<?x4xf32>) -> tensor<?x4xf32> {
  return %a : tensor<?x4xf32>
}
