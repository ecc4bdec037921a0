// RUN: not kiln-compile %s -o %t.kiln 2>&1 | FileCheck %s

// Region buffers are planned statically: a dynamic value in a region is
// refused at the op that produces it, with its location.
// CHECK: plan-control-flow-dynamic.mlir:[[# @LINE + 3]]:{{[0-9]+}}: error: 'tensorrt.unary' op uses a value of dynamic type 'tensor<?xf32>' inside 'tensorrt.if'; values inside regions need static shapes in the Kiln runtime
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
