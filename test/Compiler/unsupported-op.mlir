// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// An op outside the supported set is named, with its location; every such op
// is reported, not only the first.
// CHECK: unsupported-op.mlir:[[# @LINE + 3]]:8: error: 'arith.addf' op is not supported by the Kiln compiler
// CHECK: unsupported-op.mlir:[[# @LINE + 3]]:8: error: 'arith.mulf' op is not supported by the Kiln compiler
func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %a, %b : tensor<4xf32>
  %1 = arith.mulf %0, %b : tensor<4xf32>
  return %1 : tensor<4xf32>
}
