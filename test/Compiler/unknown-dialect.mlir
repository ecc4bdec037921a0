// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// CHECK: unknown-dialect.mlir:[[# @LINE + 2]]:8: error: Dialect `mystery' not found for custom op 'mystery.op'
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = mystery.op %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
