// RUN: kiln-compile %s --print-plan | FileCheck %s

// Values inside regions may have dynamic shapes: they keep their unknown
// dims in the plan and the runtime sizes them each time their region runs.
// CHECK: engine: 6 buffers, 1 steps, arena 0 bytes
// CHECK: buffer %1 : ?xf32 input #1
// CHECK: buffer %3 : ?xf32 arena
// CHECK:      step if (%0) -> (%2)
// CHECK-NEXT:   region 0 () {
// CHECK-NEXT:     step unary (%1) -> (%3) op=kNEG
// CHECK-NEXT:     step reduce (%3) -> (%4) axes=[0] keep_dims=0 op=kSUM
// CHECK-NEXT:   } yield (%4)
// CHECK-NEXT:   region 1 () {
// CHECK-NEXT:     step reduce (%1) -> (%5) axes=[0] keep_dims=0 op=kSUM
// CHECK-NEXT:   } yield (%5)
func.func @main(%c: tensor<i1>, %x: tensor<?xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1], opt = [4], max = [16]>}) -> tensor<f32> {
  %r = tensorrt.if (%c : tensor<i1>) -> tensor<f32> {
    %n = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<?xf32>
    %s = tensorrt.reduce <kSUM> %n {reduceAxes = array<i64: 0>} : tensor<?xf32> -> tensor<f32>
    tensorrt.yield %s : tensor<f32>
  } else {
    %s = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 0>} : tensor<?xf32> -> tensor<f32>
    tensorrt.yield %s : tensor<f32>
  }
  return %r : tensor<f32>
}
