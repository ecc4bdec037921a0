func.func @main(%x: tensor<6xi32>) -> (tensor<6xi32>, tensor<6xi32>) {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<6xi32>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = -2.0 : f32, beta = 3.0 : f32} %x : tensor<6xi32>
  return %0, %1 : tensor<6xi32>, tensor<6xi32>
}
