// Control flow over a dynamic batch: x is ?x4 with 1..16 rows. The for loop
// carries a ?x4 value; the if yields 2N rows in one branch and N in the
// other, so its result's shape is known only once the condition is.
func.func @main(%x: tensor<?x4xf32> {tensorrt.shape_profile = #tensorrt.shape_profile<min = [1, 4], opt = [4, 4], max = [16, 4]>},
                %n: tensor<i32>) -> (tensor<?x4xf32>, tensor<?x4xf32>) {
  %zero = tensorrt.constant dense<0> : tensor<i32>
  %one = tensorrt.constant dense<1> : tensor<i32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %r = tensorrt.for %i = %zero to %n step %one init(%v = %x) -> (tensor<?x4xf32>) {
    %h = tensorrt.element_wise <kPROD>(%v, %half : tensor<?x4xf32>, tensor<1x1xf32>) -> tensor<?x4xf32>
    %s = tensorrt.element_wise <kSUM>(%h, %x : tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
    %t = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %s : tensor<?x4xf32>
    tensorrt.yield %t : tensor<?x4xf32>
  }
  %sum = tensorrt.reduce <kSUM> %r {reduceAxes = array<i64: 0, 1>} : tensor<?x4xf32> -> tensor<f32>
  %zf = tensorrt.constant dense<0.0> : tensor<f32>
  %pos = tensorrt.element_wise <kGREATER>(%sum, %zf : tensor<f32>, tensor<f32>) -> tensor<i1>
  %y = tensorrt.if (%pos : tensor<i1>) -> tensor<?x4xf32> {
    %c = tensorrt.concatenation {axis = 0 : i32} ins(%r, %r : tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
    tensorrt.yield %c : tensor<?x4xf32>
  } else {
    %m = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %r : tensor<?x4xf32>
    tensorrt.yield %m : tensor<?x4xf32>
  }
  return %r, %y : tensor<?x4xf32>, tensor<?x4xf32>
}
