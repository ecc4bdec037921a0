// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.activation.

// -----

func.func @act_relu_with_alpha(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.activation' op expected no 'alpha' attribute for kRELU, which takes no alpha}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>, alpha = 1.0 : f32} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @act_leaky_without_alpha(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.activation' op expected an 'alpha' attribute for kLEAKY_RELU}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @act_clip_without_beta(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.activation' op expected a 'beta' attribute for kCLIP}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.0 : f32} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @act_elu_with_beta(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.activation' op expected no 'beta' attribute for kELU, which takes no beta}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kELU>, alpha = 1.0 : f32, beta = 1.0 : f32} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @act_sigmoid_i32(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @below {{'tensorrt.activation' op expected kRELU for element type 'i32', got kSIGMOID}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @act_bool_input(%x: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error @below {{'tensorrt.activation' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of TensorRT}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @act_alpha_not_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{custom op 'tensorrt.activation' 'tensorrt.activation' op attribute 'alpha' failed to satisfy constraint: 32-bit float attribute}}
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>, alpha = 1 : i32} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
