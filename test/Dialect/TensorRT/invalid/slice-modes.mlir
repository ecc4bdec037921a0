// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.slice beyond invalid/slice.mlir: modes, fill and the
// operand forms of the parameters.

// -----

func.func @slice_bf16_reflect(%x: tensor<4xbf16>) -> tensor<6xbf16> {
  // expected-error @below {{'tensorrt.slice' op expected mode kDEFAULT or kWRAP for bf16, got kREFLECT}}
  %0 = tensorrt.slice %x[-1][6][1] {mode = #tensorrt.slice_mode<kREFLECT>} : tensor<4xbf16> to tensor<6xbf16>
  return %0 : tensor<6xbf16>
}

// -----

func.func @slice_bf16_fill(%x: tensor<4xbf16>) -> tensor<6xbf16> {
  // expected-error @below {{'tensorrt.slice' op expected mode kDEFAULT or kWRAP for bf16, got kFILL}}
  %0 = tensorrt.slice %x[-1][6][1] {mode = #tensorrt.slice_mode<kFILL>} : tensor<4xbf16> to tensor<6xbf16>
  return %0 : tensor<6xbf16>
}

// -----

func.func @slice_fill_in_wrap_mode(%x: tensor<4xf32>, %start: tensor<1xi32>, %f: tensor<f32>) -> tensor<6xf32> {
  // expected-error @below {{'tensorrt.slice' op expected mode kFILL when a fill value is given, got kWRAP}}
  %0 = tensorrt.slice %x[%start: tensor<1xi32>][6][1] fill(%f : tensor<f32>) {mode = #tensorrt.slice_mode<kWRAP>} : tensor<4xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @slice_dynamic_stride_length(%x: tensor<4x4xf32>, %stride: tensor<1xi32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.slice' op expected stride operand of length 2, got 1}}
  %0 = tensorrt.slice %x[0, 0][2, 2][%stride: tensor<1xi32>] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_dynamic_size_length(%x: tensor<4x4xf32>, %size: tensor<3xi32>) -> tensor<?x?x?xf32> {
  // expected-error @below {{'tensorrt.slice' op expected size operand of length 2, got 3}}
  %0 = tensorrt.slice %x[0, 0][%size: tensor<3xi32>][1, 1] : tensor<4x4xf32> to tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// A run-time size gives a result of that many dimensions.
func.func @slice_dynamic_size_result_rank(%x: tensor<4x4xf32>, %size: tensor<2xi32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.slice' op expected result type 'tensor<?x?xf32>' (inferred from the operands), got 'tensor<4xf32>'}}
  %0 = tensorrt.slice %x[0, 0][%size: tensor<2xi32>][1, 1] : tensor<4x4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @slice_dynamic_start_unknown_length(%x: tensor<4x4xf32>, %start: tensor<?xi32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.slice' op operand #1 must be 1-D statically shaped i32 tensor of 32-bit signless integer values, but got 'tensor<?xi32>'}}
  %0 = tensorrt.slice %x[%start: tensor<?xi32>][2, 2][1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @slice_generic_both_start_forms(%x: tensor<8xf32>, %start: tensor<1xi32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.slice' op expected either static or dynamic start, got both}}
  %0 = "tensorrt.slice"(%x, %start) <{operandSegmentSizes = array<i32: 1, 0, 1, 0, 0>, static_start = array<i32: 0>, static_size = array<i32: 4>, static_stride = array<i32: 1>}> : (tensor<8xf32>, tensor<1xi32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @slice_generic_no_stride(%x: tensor<8xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.slice' op expected static or dynamic stride, got neither}}
  %0 = "tensorrt.slice"(%x) <{operandSegmentSizes = array<i32: 1, 0, 0, 0, 0>, static_start = array<i32: 0>, static_size = array<i32: 4>}> : (tensor<8xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
