// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.parametric_relu.

// -----

func.func @prelu_slope_not_broadcastable(%x: tensor<2x10xf32>, %slope: tensor<2x2xf32>) -> tensor<2x10xf32> {
  // expected-error @below {{'tensorrt.parametric_relu' op expected slope dimension 1 to be 1 or 10 (the input's), got 2}}
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<2x10xf32>, tensor<2x2xf32>) -> tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}

// -----

func.func @prelu_slope_rank(%x: tensor<2x10xf32>, %slope: tensor<10xf32>) -> tensor<2x10xf32> {
  // expected-error @below {{'tensorrt.parametric_relu' op expected slope of rank 2 (the input rank), got rank 1}}
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<2x10xf32>, tensor<10xf32>) -> tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}

// -----

func.func @prelu_result_shape(%x: tensor<10x20xf32>, %slope: tensor<1x20xf32>) -> tensor<1x20xf32> {
  // expected-error @below {{'tensorrt.parametric_relu' op expected result type 'tensor<10x20xf32>' (inferred from the operands), got 'tensor<1x20xf32>'}}
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<10x20xf32>, tensor<1x20xf32>) -> tensor<1x20xf32>
  return %0 : tensor<1x20xf32>
}

// -----

func.func @prelu_result_element_type(%x: tensor<10x20xf32>, %slope: tensor<1x20xf32>) -> tensor<10x20xf16> {
  // expected-error @below {{'tensorrt.parametric_relu' op expected result type 'tensor<10x20xf32>' (inferred from the operands), got 'tensor<10x20xf16>'}}
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<10x20xf32>, tensor<1x20xf32>) -> tensor<10x20xf16>
  return %0 : tensor<10x20xf16>
}

// -----

func.func @prelu_mixed_types(%x: tensor<10x20xf32>, %slope: tensor<1x20xf16>) -> tensor<10x20xf32> {
  // expected-error @below {{'tensorrt.parametric_relu' op failed to verify that all of {input, slope} have same element type}}
  %0 = tensorrt.parametric_relu ins(%x, %slope : tensor<10x20xf32>, tensor<1x20xf16>) -> tensor<10x20xf32>
  return %0 : tensor<10x20xf32>
}
