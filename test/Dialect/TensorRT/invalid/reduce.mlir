// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.reduce.

// -----

func.func @reduce_axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @below {{'tensorrt.reduce' op expected reduction axis 3 to be in [0, 2)}}
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 3>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_axes_unsorted(%x: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error @below {{custom op 'tensorrt.reduce' 'tensorrt.reduce' op attribute 'reduceAxes' failed to satisfy}}
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @reduce_axes_negative(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @below {{custom op 'tensorrt.reduce' 'tensorrt.reduce' op attribute 'reduceAxes' failed to satisfy}}
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: -1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_wrong_result_rank(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // expected-error @below {{'tensorrt.reduce' op expected result type 'tensor<2xf32>' (inferred from the operands), got 'tensor<2x1xf32>'}}
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @reduce_keep_dims_wrong(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.reduce' op expected result type 'tensor<2x1xf32>' (inferred from the operands), got 'tensor<2x3xf32>'}}
  %0 = tensorrt.reduce <kMAX> %x {reduceAxes = array<i64: 1>, keepDimensions = true} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @reduce_element_type(%x: tensor<2x3xf32>) -> tensor<2xf16> {
  // expected-error @below {{'tensorrt.reduce' op requires the same element type for all operands and results}}
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @reduce_bool(%x: tensor<2x3xi1>) -> tensor<2xi1> {
  // expected-error @below {{'tensorrt.reduce' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of TensorRT}}
  %0 = tensorrt.reduce <kSUM> %x {reduceAxes = array<i64: 1>} : tensor<2x3xi1> -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

func.func @reduce_unknown_kind(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error @below {{custom op 'tensorrt.reduce' expected ::kiln::tensorrt::ReduceOperation to be one of: kSUM, kPROD, kMAX, kMIN, kAVG}}
  // expected-error @below {{custom op 'tensorrt.reduce' failed to parse TensorRT_ReduceOperationAttr parameter 'value' which is to be a `::kiln::tensorrt::ReduceOperation`}}
  %0 = tensorrt.reduce <kMEAN> %x {reduceAxes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
