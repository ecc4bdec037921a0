// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// CHECK: error: element type 'f64' is not supported by the Kiln runtime (supported: f32, f16, bf16, i32, i64, i8, i1)
func.func @main(%a: tensor<4xf64>) -> tensor<4xf64> {
  return %a : tensor<4xf64>
}
