// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.call.

// -----

func.func @call_unknown(%x: tensor<4xf32>, %out: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call' op expected callee @engines::@missing to name a 'func.func', found nothing}}
  %0 = tensorrt.call @engines::@missing(%x : tensor<4xf32>) outs(%out : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

tensorrt.module @engines {
}

func.func @call_module(%x: tensor<4xf32>, %out: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call' op expected callee @engines to name a 'func.func', found 'tensorrt.module'}}
  %0 = tensorrt.call @engines(%x : tensor<4xf32>) outs(%out : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func private @host_function(tensor<4xf32>) -> tensor<4xf32>

func.func @call_outside_module(%x: tensor<4xf32>, %out: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call' op expected callee @host_function to be nested in a 'tensorrt.module'}}
  %0 = tensorrt.call @host_function(%x : tensor<4xf32>) outs(%out : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<20xf32>) -> tensor<10xf32> {
    %0 = tensorrt.constant dense<1.0> : tensor<10xf32>
    return %0 : tensor<10xf32>
  }
}

func.func @call_input_shape(%x: tensor<10xf32>, %out: tensor<10xf32>) -> tensor<10xf32> {
  // expected-error @below {{'tensorrt.call' op expected input #0 to agree with callee argument type 'tensor<20xf32>', got 'tensor<10xf32>'}}
  %0 = tensorrt.call @engines::@f(%x : tensor<10xf32>) outs(%out : tensor<10xf32>) -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

func.func @call_input_count(%x: tensor<4xf32>, %out: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call' op expected 2 inputs (one per callee argument), got 1}}
  %0 = tensorrt.call @engines::@f(%x : tensor<4xf32>) outs(%out : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
    return %x, %x : tensor<4xf32>, tensor<4xf32>
  }
}

func.func @call_output_count(%x: tensor<4xf32>, %out: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call' op expected 2 outputs (one per callee result), got 1}}
  %0 = tensorrt.call @engines::@f(%x : tensor<4xf32>) outs(%out : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

func.func @call_output_element_type(%x: tensor<4xf32>, %out: memref<4xf16>) {
  // expected-error @below {{'tensorrt.call' op expected output #0 to agree with callee result type 'tensor<4xf32>', got 'memref<4xf16>'}}
  tensorrt.call @engines::@f(%x : tensor<4xf32>) outs(%out : memref<4xf16>)
  return
}

// -----

tensorrt.module @engines {
  func.func @f(%n: i32) -> tensor<4xf32> {
    %0 = tensorrt.constant dense<1.0> : tensor<4xf32>
    return %0 : tensor<4xf32>
  }
}

func.func @call_scalar_input_type(%n: i64, %out: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.call' op expected input #0 to agree with callee argument type 'i32', got 'i64'}}
  %0 = tensorrt.call @engines::@f(%n : i64) outs(%out : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

tensorrt.module @engines {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

func.func @call_missing_results(%x: tensor<4xf32>, %out: tensor<4xf32>) {
  // expected-error @below {{'tensorrt.call' op expected the number of tensor results (0) to be equal to the number of output tensors (1)}}
  tensorrt.call @engines::@f(%x : tensor<4xf32>) outs(%out : tensor<4xf32>)
  return
}
