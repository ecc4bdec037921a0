// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s --check-prefix=AMBIGUOUS
// RUN: kiln-compile %s --entry second --print-plan | FileCheck %s --check-prefix=SECOND
// RUN: not kiln-compile %s --entry nope -o %t.kiln 2>&1 | FileCheck %s --check-prefix=MISSING

// AMBIGUOUS: error: found 2 public functions and none named 'main'; choose one with the entry-point option: 'first' 'second'
// SECOND: step unary ({{.*}}) op=kABS
// MISSING: error: no function named 'nope' to compile
func.func @first(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @second(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
