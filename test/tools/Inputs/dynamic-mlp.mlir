// A dynamic batch: x is ?x8 with batch 1..16. The same engine runs every
// batch size in the profile; shapes are bound per run.
func.func @main(%x: tensor<?x8xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 8], opt = [4, 8], max = [16, 8]>},
                %w: tensor<8x16xf32>) -> (tensor<?x16xf32>, tensor<?xf32>, tensor<16x?xf32>) {
  %bias = tensorrt.constant dense<0.25> : tensor<1x16xf32>
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%x, %w : tensor<?x8xf32>, tensor<8x16xf32>) -> tensor<?x16xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %bias : tensor<?x16xf32>, tensor<1x16xf32>) -> tensor<?x16xf32>
  %2 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %1 : tensor<?x16xf32>
  %3 = tensorrt.softmax {axis = 1 : i64} %2 : tensor<?x16xf32>
  %4 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<?x8xf32> -> tensor<?xf32>
  %5 = tensorrt.expand_rank %4 : tensor<?xf32> to tensor<?x1xf32>
  %6 = tensorrt.element_wise <kPROD>(%3, %5 : tensor<?x16xf32>, tensor<?x1xf32>) -> tensor<?x16xf32>
  %7 = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %6 : tensor<?x16xf32> to tensor<16x?xf32>
  return %3, %4, %7 : tensor<?x16xf32>, tensor<?xf32>, tensor<16x?xf32>
}
