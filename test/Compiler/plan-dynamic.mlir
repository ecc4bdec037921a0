// RUN: kiln-compile %s --print-plan | FileCheck %s

// Dynamic buffers keep their unknown dims and are placed by
// the runtime, so the compiler plans no arena; expand_rank carries the map
// from result to operand dims.
// CHECK: engine: 4 buffers, 2 steps, arena 0 bytes
// CHECK: buffer %0 : ?x8xf32 input #0
// CHECK: step reduce (%0) -> (%[[SUM:[0-9]+]]) axes=[1] keep_dims=0 op=kSUM
// CHECK: step copy (%[[SUM]]) -> (%{{[0-9]+}}) shape_map=[0, -1]
// CHECK: input arg0 = %0 profile min=[1, 8] opt=[4, 8] max=[16, 8]
func.func @main(%x: tensor<?x8xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 8], opt = [4, 8], max = [16, 8]>}) -> (tensor<?x1xf32>, tensor<8xf32>) {
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<?x8xf32> -> tensor<?xf32>
  %1 = tensorrt.expand_rank %0 : tensor<?xf32> to tensor<?x1xf32>
  %c = tensorrt.constant dense<1.0> : tensor<8xf32>
  return %1, %c : tensor<?x1xf32>, tensor<8xf32>
}
