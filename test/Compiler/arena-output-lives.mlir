// RUN: kiln-compile %s --print-plan | FileCheck %s

// %0 is a function result, so it must stay alive to the end: the later
// buffers may not take its bytes.
// CHECK-DAG: buffer %1 : 64xf32 arena @[[OUT:[0-9]+]] (256 bytes)
// CHECK-DAG: buffer %2 : 64xf32 arena @[[T:[0-9]+]] (256 bytes)
// CHECK-NOT: buffer %3 : 64xf32 arena @[[OUT]] 
// CHECK: output result0 = %1
// CHECK: output result1 = %3
func.func @main(%x: tensor<64xf32>) -> (tensor<64xf32>, tensor<64xf32>) {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<64xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %0 : tensor<64xf32>
  %2 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %1 : tensor<64xf32>
  return %0, %2 : tensor<64xf32>, tensor<64xf32>
}
