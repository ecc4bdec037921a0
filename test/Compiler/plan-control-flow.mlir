// RUN: kiln-compile %s --print-plan | FileCheck %s

// Each region of a control-flow op is printed under its step: the buffers
// of its block arguments, its steps indented, then the buffers it yields
// (for `while`, the condition region yields the i1 flag first).
// Buffers used inside a region stay live for the whole parent step, so the
// region buffers of one step get pairwise distinct arena offsets.
// The constants 1 and 0 are %3 and %4 (canonicalization gathers constants at
// the top of the function).
// CHECK:      buffer %3 : i32 constant
// CHECK-NEXT: buffer %4 : i32 constant
// CHECK-NEXT: buffer %5 : 4xf32 arena @0
// CHECK-NEXT: buffer %6 : 4xf32 arena @64
// CHECK-NEXT: buffer %7 : 4xf32 arena @128
// CHECK:      step if (%0) -> (%5)
// CHECK-NEXT:   region 0 () {
// CHECK-NEXT:     step element_wise (%1, %1) -> (%6) op=kSUM
// CHECK-NEXT:   } yield (%6)
// CHECK-NEXT:   region 1 () {
// CHECK-NEXT:     step unary (%1) -> (%7) op=kNEG
// CHECK-NEXT:   } yield (%7)
// CHECK-NEXT: step while (%4) -> (%8)
// CHECK-NEXT:   region 0 (%9) {
// CHECK-NEXT:     step element_wise (%9, %2) -> (%10) op=kLESS
// CHECK-NEXT:   } yield (%10, %9)
// CHECK-NEXT:   region 1 (%11) {
// CHECK-NEXT:     step element_wise (%11, %3) -> (%12) op=kSUM
// CHECK-NEXT:   } yield (%12)
// CHECK-NEXT: step for (%4, %2, %3, %1) -> (%13)
// CHECK-NEXT:   region 0 (%14, %15) {
// CHECK-NEXT:     step element_wise (%15, %1) -> (%16) op=kSUM
// CHECK-NEXT:   } yield (%16)
// CHECK-NEXT: step element_wise (%4, %2) -> (%17) op=kLESS
// CHECK-NEXT: step assertion (%17) -> () message=n must be positive
func.func @main(%c: tensor<i1>, %a: tensor<4xf32>, %n: tensor<i32>) -> (tensor<4xf32>, tensor<i32>, tensor<4xf32>) {
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {
    %s = tensorrt.element_wise <kSUM>(%a, %a : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    tensorrt.yield %s : tensor<4xf32>
  } else {
    %p = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %a : tensor<4xf32>
    tensorrt.yield %p : tensor<4xf32>
  }
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %w = tensorrt.while (%zero : tensor<i32>) -> tensor<i32> {
  ^bb0(%i: tensor<i32>):
    %go = tensorrt.element_wise <kLESS>(%i, %n : tensor<i32>, tensor<i32>) -> tensor<i1>
    tensorrt.condition(%go : tensor<i1>) %i : tensor<i32>
  }, {
  ^bb0(%i: tensor<i32>):
    %next = tensorrt.element_wise <kSUM>(%i, %one : tensor<i32>, tensor<i32>) -> tensor<i32>
    tensorrt.yield %next : tensor<i32>
  }
  %f = tensorrt.for %k = %zero to %n step %one init(%acc = %a) -> (tensor<4xf32>) {
    %t = tensorrt.element_wise <kSUM>(%acc, %a : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    tensorrt.yield %t : tensor<4xf32>
  }
  %ok = tensorrt.element_wise <kLESS>(%zero, %n : tensor<i32>, tensor<i32>) -> tensor<i1>
  tensorrt.assertion {message = "n must be positive"} ins(%ok : tensor<i1>)
  return %r, %w, %f : tensor<4xf32>, tensor<i32>, tensor<4xf32>
}
