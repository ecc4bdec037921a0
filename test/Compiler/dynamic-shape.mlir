// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// A dynamic argument needs a shape profile.
// CHECK: dynamic-shape.mlir:[[# @LINE + 1]]:17: error: argument 0 has dynamic shape 'tensor<?x4xf32>' but no 'tensorrt.shape_profile' attribute giving its min/opt/max shapes
func.func @main(%a: tensor<?x4xf32>) -> tensor<?x4xf32> {
  return %a : tensor<?x4xf32>
}
