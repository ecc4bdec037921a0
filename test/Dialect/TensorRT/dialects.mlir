// RUN: kiln-opt %s | FileCheck %s

// kiln-opt loads tensorrt together with func, arith, tensor and quant.

func.func @mixed(%x: tensor<4xf32>, %q: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %e = tensor.extract %x[%c0] : tensor<4xf32>
  %s = tensor.splat %e : tensor<4xf32>
  %0 = tensorrt.element_wise <kSUM>(%x, %s : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xf32>
  %2 = tensorrt.element_wise <kPROD>(%0, %1 : tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}
// CHECK-LABEL: func.func @mixed
//       CHECK:   arith.constant
//       CHECK:   tensor.extract
//       CHECK:   tensorrt.element_wise <kSUM>
//       CHECK:   quant.dcast
//       CHECK:   tensorrt.element_wise <kPROD>
