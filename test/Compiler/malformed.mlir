// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// The parser's diagnostic, with file:line:col, and exit status 1.
// CHECK: malformed.mlir:[[# @LINE + 2]]:{{[0-9]+}}: error:
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.element_wise <kSUM>(%a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
