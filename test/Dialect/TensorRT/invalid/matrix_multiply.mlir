// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.matrix_multiply.

// -----

func.func @mm_contraction(%a: tensor<10x20xf32>, %b: tensor<30x40xf32>) -> tensor<10x40xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected contracted sizes to agree, got 20 (input0) and 30 (input1)}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<10x20xf32>, tensor<30x40xf32>) -> tensor<10x40xf32>
  return %0 : tensor<10x40xf32>
}

// -----

func.func @mm_contraction_transposed(%a: tensor<10x20xf32>, %b: tensor<20x40xf32>) -> tensor<20x40xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected contracted sizes to agree, got 10 (input0) and 20 (input1)}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kTRANSPOSE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<10x20xf32>, tensor<20x40xf32>) -> tensor<20x40xf32>
  return %0 : tensor<20x40xf32>
}

// -----

func.func @mm_rank1_none(%a: tensor<10xf32>, %b: tensor<10x4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected input0 of rank at least 2 for kNONE, got rank 1}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<10xf32>, tensor<10x4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @mm_collection_rank(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<2x3x5xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected input0 and input1 to have the same number of collection dimensions, got 1 and 0}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

func.func @mm_collection_broadcast(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) -> tensor<3x3x5xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected dimension 0 of input1 collection dims (3) to broadcast with size 2 of input0 collection dims}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<3x3x5xf32>
  return %0 : tensor<3x3x5xf32>
}

// -----

func.func @mm_wrong_result(%a: tensor<10x20xf32>, %b: tensor<20x40xf32>) -> tensor<10x41xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected result type 'tensor<10x40xf32>' (inferred from the operands), got 'tensor<10x41xf32>'}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<10x20xf32>, tensor<20x40xf32>) -> tensor<10x41xf32>
  return %0 : tensor<10x41xf32>
}

// -----

func.func @mm_int(%a: tensor<2x2xi32>, %b: tensor<2x2xi32>) -> tensor<2x2xi32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op operand #0 must be 0D/1D/2D/3D/4D/5D/6D/7D/8D tensor of}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// -----

func.func @mm_mixed_types(%a: tensor<2x2xf16>, %b: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op requires the same element type for all operands and results}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%a, %b : tensor<2x2xf16>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @mm_vector_contraction(%a: tensor<8xf32>, %b: tensor<9xf32>) -> tensor<f32> {
  // expected-error @below {{'tensorrt.matrix_multiply' op expected contracted sizes to agree, got 8 (input0) and 9 (input1)}}
  %0 = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kVECTOR>} ins(%a, %b : tensor<8xf32>, tensor<9xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
