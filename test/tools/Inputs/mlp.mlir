// x @ w + bias, relu, softmax over the last dim; and the row sums of x.
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>) -> (tensor<4x16xf32>, tensor<4xf32>) {
  %bias = tensorrt.constant dense<0.25> : tensor<1x16xf32>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%x, %w : tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %bias : tensor<4x16xf32>, tensor<1x16xf32>) -> tensor<4x16xf32>
  %2 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %1 : tensor<4x16xf32>
  %3 = tensorrt.softmax {axis = 1 : i64} %2 : tensor<4x16xf32>
  %4 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<4x8xf32> -> tensor<4xf32>
  return %3, %4 : tensor<4x16xf32>, tensor<4xf32>
}
