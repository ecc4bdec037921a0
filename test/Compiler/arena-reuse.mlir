// RUN: kiln-compile %s --print-plan | FileCheck %s

// A chain of four unary steps over 256-byte tensors: at most two are alive at
// once (a step's operand and its result), so the arena holds two of them and
// dead buffers are reused.
// CHECK: engine: 5 buffers, 4 steps, arena 512 bytes
// CHECK-DAG: buffer %1 : 64xf32 arena @[[A:[0-9]+]] (256 bytes)
// CHECK-DAG: buffer %2 : 64xf32 arena @[[B:[0-9]+]] (256 bytes)
// CHECK-DAG: buffer %3 : 64xf32 arena @[[A]] (256 bytes)
// CHECK-DAG: buffer %4 : 64xf32 arena @[[B]] (256 bytes)
func.func @main(%x: tensor<64xf32>) -> tensor<64xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<64xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %0 : tensor<64xf32>
  %2 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %1 : tensor<64xf32>
  %3 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSQRT>} %2 : tensor<64xf32>
  return %3 : tensor<64xf32>
}
