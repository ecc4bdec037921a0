// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.slice.

// -----

func.func @slice_start_count(%x: tensor<4x4xf32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.slice' op expected 2 start indices, got 3}}
  %0 = tensorrt.slice %x[0, 0, 0][2, 2][1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_size_count(%x: tensor<4x4xf32>) -> tensor<2xf32> {
  // expected-error @below {{'tensorrt.slice' op expected 2 size indices, got 1}}
  %0 = tensorrt.slice %x[0, 0][2][1, 1] : tensor<4x4xf32> to tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @slice_stride_count(%x: tensor<4x4xf32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.slice' op expected 2 stride indices, got 1}}
  %0 = tensorrt.slice %x[0, 0][2, 2][1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_dynamic_start_length(%x: tensor<4x4xf32>, %s: tensor<3xi32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.slice' op expected start operand of length 2, got 3}}
  %0 = tensorrt.slice %x[%s: tensor<3xi32>][2, 2][1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_dynamic_size_type(%x: tensor<4x4xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @below {{'tensorrt.slice' op operand #1 must be 1-D statically shaped i32 tensor of 32-bit signless integer values, but got 'tensor<2xi64>'}}
  %0 = tensorrt.slice %x[0, 0][%s: tensor<2xi64>][1, 1] : tensor<4x4xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @slice_negative_size(%x: tensor<4x4xf32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.slice' op expected non-negative sizes, got -2 in dimension 1}}
  %0 = tensorrt.slice %x[0, 0][2, -2][1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_wrong_result(%x: tensor<4x4xf32>) -> tensor<2x3xf32> {
  // expected-error @below {{'tensorrt.slice' op expected result type 'tensor<2x2xf32>' (inferred from the operands), got 'tensor<2x3xf32>'}}
  %0 = tensorrt.slice %x[0, 0][2, 2][1, 1] : tensor<4x4xf32> to tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @slice_result_element_type(%x: tensor<4x4xf32>) -> tensor<2x2xf16> {
  // expected-error @below {{'tensorrt.slice' op expected result type 'tensor<2x2xf32>' (inferred from the operands), got 'tensor<2x2xf16>'}}
  %0 = tensorrt.slice %x[0, 0][2, 2][1, 1] : tensor<4x4xf32> to tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}

// -----

func.func @slice_fill_without_fill_mode(%x: tensor<4xf32>, %f: tensor<1xf32>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.slice' op expected mode kFILL when a fill value is given, got kDEFAULT}}
  %0 = tensorrt.slice %x[-1][6][1] fill(%f : tensor<1xf32>) : tensor<4xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @slice_fill_element_type(%x: tensor<4xf32>, %f: tensor<1xf16>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.slice' op expected fill of element type 'f32', got 'f16'}}
  %0 = tensorrt.slice %x[-1][6][1] fill(%f : tensor<1xf16>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<4xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @slice_fill_not_single(%x: tensor<4xf32>, %f: tensor<2xf32>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.slice' op expected fill to hold one element, got 'tensor<2xf32>'}}
  %0 = tensorrt.slice %x[-1][6][1] fill(%f : tensor<2xf32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<4xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @slice_bf16_clamp(%x: tensor<4xbf16>) -> tensor<6xbf16> {
  // expected-error @below {{'tensorrt.slice' op expected mode kDEFAULT or kWRAP for bf16, got kCLAMP}}
  %0 = tensorrt.slice %x[-1][6][1] {mode = #tensorrt.slice_mode<kCLAMP>} : tensor<4xbf16> to tensor<6xbf16>
  return %0 : tensor<6xbf16>
}

// -----

func.func @slice_unknown_mode(%x: tensor<4xf32>) -> tensor<6xf32> {
  // expected-error @below {{expected ::kiln::tensorrt::SliceMode to be one of: kDEFAULT, kWRAP, kCLAMP, kFILL, kREFLECT}}
  // expected-error @below {{failed to parse TensorRT_SliceModeAttr parameter 'value' which is to be a `::kiln::tensorrt::SliceMode`}}
  %0 = tensorrt.slice %x[-1][6][1] {mode = #tensorrt.slice_mode<kMIRROR>} : tensor<4xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @slice_missing_bracket(%x: tensor<4xf32>) -> tensor<2xf32> {
  // expected-error @below {{expected '['}}
  %0 = tensorrt.slice %x[0][2] : tensor<4xf32> to tensor<2xf32>
  return %0 : tensor<2xf32>
}
