func.func @main(%x: tensor<6xi32>) -> tensor<6xi32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<6xi32>
  return %0 : tensor<6xi32>
}
