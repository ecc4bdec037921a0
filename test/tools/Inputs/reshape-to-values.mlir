// The result shape of the reshape is a value: the caller's `shape` input,
// scaled by 1 through an element_wise op, so it is only known mid-run.
func.func @main(%x: tensor<?xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1], opt = [12], max = [64]>},
                %shape: tensor<2xi32>) -> tensor<?x?xf32> {
  %one = tensorrt.constant dense<1> : tensor<2xi32>
  %s = tensorrt.element_wise <kPROD>(%shape, %one : tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %0 = tensorrt.reshape %x shape(%s: tensor<2xi32>) : tensor<?xf32> to tensor<?x?xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %0 : tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}
