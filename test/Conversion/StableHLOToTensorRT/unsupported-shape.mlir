// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -verify-diagnostics

// Forms of the data-movement, contraction and window ops that stay
// refused, each with its reason.

func.func @int_dot(%a: tensor<2x3xi32>, %b: tensor<3x4xi32>) -> tensor<2x4xi32> {
  // expected-error @+1 {{'stablehlo.dot_general' is supported only on floating-point operands (the matrix_multiply kernel has no integer form)}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x3xi32>, tensor<3x4xi32>) -> tensor<2x4xi32>
  return %0 : tensor<2x4xi32>
}

// -----

func.func @int_conv(%x: tensor<1x2x5xi32>, %w: tensor<3x2x2xi32>) -> tensor<1x3x4xi32> {
  // expected-error @+1 {{'stablehlo.convolution' is supported only on static floating-point tensors}}
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {stride = [1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x2x5xi32>, tensor<3x2x2xi32>) -> tensor<1x3x4xi32>
  return %0 : tensor<1x3x4xi32>
}

// -----

func.func @int_or_window(%x: tensor<4xi32>) -> tensor<4xi32> {
  %z = stablehlo.constant dense<0> : tensor<i32>
  // expected-error @+1 {{'stablehlo.reduce_window' with and/or is supported only on i1}}
  %0 = "stablehlo.reduce_window"(%x, %z) <{padding = dense<[[1, 1]]> : tensor<1x2xi64>, window_dimensions = array<i64: 3>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = stablehlo.or %a, %b : tensor<i32>
    stablehlo.return %m : tensor<i32>
  }) : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @sub_window(%x: tensor<4xf32>) -> tensor<3xf32> {
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{'stablehlo.reduce_window' is supported only with a reducer that is one add, multiply, maximum, minimum, and or or}}
  %0 = "stablehlo.reduce_window"(%x, %z) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.subtract %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<4xf32>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @two_input_window(%x: tensor<4xf32>, %i: tensor<4xi32>) -> tensor<3xf32> {
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  %c = stablehlo.constant dense<0> : tensor<i32>
  // expected-error @+1 {{'stablehlo.reduce_window' is supported only with one input}}
  %0:2 = "stablehlo.reduce_window"(%x, %i, %z, %c) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<i32>, %c2: tensor<f32>, %d: tensor<i32>):
    %m = stablehlo.maximum %a, %c2 : tensor<f32>
    %n = stablehlo.maximum %b, %d : tensor<i32>
    stablehlo.return %m, %n : tensor<f32>, tensor<i32>
  }) : (tensor<4xf32>, tensor<4xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
  return %0#0 : tensor<3xf32>
}

// -----

func.func @dynamic_operand(%x: tensor<?x6xf32>, %i: tensor<i32>) -> tensor<2x6xf32> {
  // expected-error @+1 {{'stablehlo.dynamic_slice' is supported only on static shapes}}
  %0 = stablehlo.dynamic_slice %x, %i, %i, sizes = [2, 6] : (tensor<?x6xf32>, tensor<i32>, tensor<i32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}
