// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.call_alloc.

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<i32>) {
    %0 = tensorrt.constant dense<1> : tensor<i32>
    return %x, %0 : tensor<4xf32>, tensor<i32>
  }
}

func.func @call_alloc_result_count(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call_alloc' op expected 2 results (one per callee result), got 1}}
  %0 = tensorrt.call_alloc @engines::@f(%x : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

func.func @call_alloc_result_rank(%x: tensor<4xf32>) -> tensor<2x2xf32> {
  // expected-error @below {{'tensorrt.call_alloc' op expected result #0 to agree with callee result type 'tensor<4xf32>', got 'tensor<2x2xf32>'}}
  %0 = tensorrt.call_alloc @engines::@f(%x : tensor<4xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
    return %x : tensor<?x4xf32>
  }
}

func.func @call_alloc_input_shape(%x: tensor<3x5xf32>) -> tensor<?x4xf32> {
  // expected-error @below {{'tensorrt.call_alloc' op expected input #0 to agree with callee argument type 'tensor<?x4xf32>', got 'tensor<3x5xf32>'}}
  %0 = tensorrt.call_alloc @engines::@f(%x : tensor<3x5xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @call_alloc_unknown(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call_alloc' op expected callee @nowhere to name a 'func.func', found nothing}}
  %0 = tensorrt.call_alloc @nowhere(%x : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
