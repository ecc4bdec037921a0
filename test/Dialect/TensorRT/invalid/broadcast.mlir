// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.broadcast.

// -----

func.func @broadcast_dims_count(%x: tensor<4x5xf32>) -> tensor<3x4x5xf32> {
  // expected-error @below {{'tensorrt.broadcast' op expected 2 broadcast_dims (the input rank), got 1}}
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<4x5xf32> to tensor<3x4x5xf32>
  return %0 : tensor<3x4x5xf32>
}

// -----

func.func @broadcast_dims_range(%x: tensor<4xf32>) -> tensor<3x4xf32> {
  // expected-error @below {{'tensorrt.broadcast' op expected broadcast_dims entries in [0, 2), got 2}}
  %0 = tensorrt.broadcast %x broadcast_dims<2> : tensor<4xf32> to tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @broadcast_dims_duplicate(%x: tensor<1x1xf32>) -> tensor<3x4xf32> {
  // expected-error @below {{'tensorrt.broadcast' op expected distinct broadcast_dims, got 1 twice}}
  %0 = tensorrt.broadcast %x broadcast_dims<1, 1> : tensor<1x1xf32> to tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @broadcast_size(%x: tensor<2xf32>) -> tensor<3x4xf32> {
  // expected-error @below {{'tensorrt.broadcast' op expected input dimension 0 (2) to be 1 or equal result dimension 1 (4)}}
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<2xf32> to tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @broadcast_dynamic_without_shape(%x: tensor<4xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.broadcast' op expected a shape operand for result type 'tensor<?x4xf32>' with unknown dimensions}}
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<4xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @broadcast_shape_length(%x: tensor<4xf32>, %s: tensor<3xi32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.broadcast' op expected shape operand of length 2 (the result rank), got 3}}
  %0 = tensorrt.broadcast %x broadcast_dims<1> shape(%s : tensor<3xi32>) : tensor<4xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @broadcast_shape_type(%x: tensor<4xf32>, %s: tensor<2xi64>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.broadcast' op operand #1 must be 1-D statically shaped i32 tensor of 32-bit signless integer values, but got 'tensor<2xi64>'}}
  %0 = tensorrt.broadcast %x broadcast_dims<1> shape(%s : tensor<2xi64>) : tensor<4xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @broadcast_element_type(%x: tensor<4xf32>) -> tensor<3x4xf16> {
  // expected-error @below {{'tensorrt.broadcast' op expected result element type 'f32', got 'f16'}}
  %0 = tensorrt.broadcast %x broadcast_dims<1> : tensor<4xf32> to tensor<3x4xf16>
  return %0 : tensor<3x4xf16>
}
