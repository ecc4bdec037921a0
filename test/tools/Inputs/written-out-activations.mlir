// Activations spelled out with element_wise/unary/constant ops, the input of
// run-raise-activations.test: each result must keep its value once
// -tensorrt-raise-activations has replaced it with a tensorrt.activation.
func.func @main(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) {
  %cubic = tensorrt.constant dense<4.471500e-02> : tensor<1x1xf32>
  %k = tensorrt.constant dense<0.797884583> : tensor<1x1xf32>
  %r2 = tensorrt.constant dense<0.707106769> : tensor<1x1xf32>
  %one = tensorrt.constant dense<1.0> : tensor<1x1xf32>
  %half = tensorrt.constant dense<0.5> : tensor<1x1xf32>
  %zero = tensorrt.constant dense<0.0> : tensor<1x1xf32>
  %three = tensorrt.constant dense<3.0> : tensor<1x1xf32>
  %six = tensorrt.constant dense<6.0> : tensor<1x1xf32>
  %slope = tensorrt.constant dense<0.1> : tensor<1x1xf32>

  // GELU, tanh form.
  %t0 = tensorrt.element_wise <kPROD>(%x, %x : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %t1 = tensorrt.element_wise <kPROD>(%t0, %x : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %t2 = tensorrt.element_wise <kPROD>(%t1, %cubic : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %t3 = tensorrt.element_wise <kSUM>(%x, %t2 : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %t4 = tensorrt.element_wise <kPROD>(%t3, %k : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %t5 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %t4 : tensor<4x8xf32>
  %t6 = tensorrt.element_wise <kSUM>(%t5, %one : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %t7 = tensorrt.element_wise <kPROD>(%t6, %half : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %geluTanh = tensorrt.element_wise <kPROD>(%x, %t7 : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

  // GELU, erf form.
  %e0 = tensorrt.element_wise <kPROD>(%x, %r2 : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %e1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kERF>} %e0 : tensor<4x8xf32>
  %e2 = tensorrt.element_wise <kSUM>(%one, %e1 : tensor<1x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %e3 = tensorrt.element_wise <kPROD>(%half, %x : tensor<1x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %geluErf = tensorrt.element_wise <kPROD>(%e3, %e2 : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

  // SiLU.
  %s0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<4x8xf32>
  %s1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %s0 : tensor<4x8xf32>
  %s2 = tensorrt.element_wise <kSUM>(%s1, %one : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %silu = tensorrt.element_wise <kDIV>(%x, %s2 : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

  // Softplus.
  %p0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %x : tensor<4x8xf32>
  %p1 = tensorrt.element_wise <kSUM>(%one, %p0 : tensor<1x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %softplus = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %p1 : tensor<4x8xf32>

  // Hard swish.
  %h0 = tensorrt.element_wise <kSUM>(%x, %three : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %h1 = tensorrt.element_wise <kMAX>(%h0, %zero : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %h2 = tensorrt.element_wise <kMIN>(%h1, %six : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  %h3 = tensorrt.element_wise <kPROD>(%x, %h2 : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %hardSwish = tensorrt.element_wise <kDIV>(%h3, %six : tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>

  // Leaky relu.
  %l0 = tensorrt.element_wise <kPROD>(%slope, %x : tensor<1x1xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %leaky = tensorrt.element_wise <kMAX>(%l0, %x : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

  return %geluTanh, %geluErf, %silu, %softplus, %hardSwish, %leaky : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>
}
