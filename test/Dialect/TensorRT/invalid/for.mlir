// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.for.

// -----

func.func @for_yield_types(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<10xf16>, %b: tensor<9xf16>) -> tensor<10xf16> {
  // expected-error @below {{'tensorrt.for' op expected the body to yield values of types (tensor<10xf16>) (the init types), got (tensor<9xf16>)}}
  %0 = tensorrt.for %i = %lb to %ub step %step init(%x = %a) -> (tensor<10xf16>) {
    tensorrt.yield %b : tensor<9xf16>
  }
  return %0 : tensor<10xf16>
}

// -----

func.func @for_yield_count(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<10xf16>) -> tensor<10xf16> {
  // expected-error @below {{'tensorrt.for' op expected the body to yield values of types (tensor<10xf16>) (the init types), got ()}}
  %0 = tensorrt.for %i = %lb to %ub step %step init(%x = %a) -> (tensor<10xf16>) {
    tensorrt.yield
  }
  return %0 : tensor<10xf16>
}

// -----

func.func @for_types_per_init(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<10xf16>) -> tensor<10xf16> {
  // expected-error @below {{expected one result type per init value, got 2 types for 1 values}}
  %0 = tensorrt.for %i = %lb to %ub step %step init(%x = %a) -> (tensor<10xf16>, tensor<10xf16>) {
    tensorrt.yield %x : tensor<10xf16>
  }
  return %0 : tensor<10xf16>
}

// -----

func.func @for_vector_bound(%lb: tensor<1xi32>, %ub: tensor<i32>, %step: tensor<i32>) {
  // expected-note @-1 {{prior use here}}
  // expected-error @below {{use of value '%lb' expects different type than prior uses: 'tensor<i32>' vs 'tensor<1xi32>'}}
  tensorrt.for %i = %lb to %ub step %step init() -> () {
    tensorrt.yield
  }
  return
}

// -----

func.func @for_body_arguments(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.for' op expected the body to have 2 arguments (the induction variable and one per init value), got 1}}
  %0 = "tensorrt.for"(%lb, %ub, %step, %a) ({
  ^bb0(%i: tensor<i32>):
    "tensorrt.yield"(%a) : (tensor<4xf32>) -> ()
  }) : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @for_induction_type(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.for' op expected the induction variable to be of type 'tensor<i32>', got 'tensor<i64>'}}
  %0 = "tensorrt.for"(%lb, %ub, %step, %a) ({
  ^bb0(%i: tensor<i64>, %x: tensor<4xf32>):
    "tensorrt.yield"(%x) : (tensor<4xf32>) -> ()
  }) : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @for_carried_argument_type(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'tensorrt.for' op expected loop-carried body arguments of types (tensor<4xf32>) (the init types), got (tensor<?xf32>)}}
  %0 = "tensorrt.for"(%lb, %ub, %step, %a) ({
  ^bb0(%i: tensor<i32>, %x: tensor<?xf32>):
    "tensorrt.yield"(%a) : (tensor<4xf32>) -> ()
  }) : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @for_result_types(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error @below {{'tensorrt.for' op expected results of types (tensor<4xf32>) (the init types), got (tensor<4xf16>)}}
  %0 = "tensorrt.for"(%lb, %ub, %step, %a) ({
  ^bb0(%i: tensor<i32>, %x: tensor<4xf32>):
    "tensorrt.yield"(%x) : (tensor<4xf32>) -> ()
  }) : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<4xf32>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @for_i64_bound(%lb: tensor<i64>, %ub: tensor<i32>, %step: tensor<i32>) {
  // expected-error @below {{'tensorrt.for' op operand #0 must be 0D tensor of 32-bit signless integer values, but got 'tensor<i64>'}}
  "tensorrt.for"(%lb, %ub, %step) ({
  ^bb0(%i: tensor<i32>):
    "tensorrt.yield"() : () -> ()
  }) : (tensor<i64>, tensor<i32>, tensor<i32>) -> ()
  return
}

// -----

func.func @for_contains_padding(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %a: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = tensorrt.for %i = %lb to %ub step %step init(%x = %a) -> (tensor<1x1x4x4xf32>) {
    // expected-error @below {{'tensorrt.padding' op is not supported inside 'tensorrt.for' (TensorRT builds it only outside conditionals and loops)}}
    %p = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: -1, -1>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
    tensorrt.yield %p : tensor<1x1x4x4xf32>
  }
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// A nested conditional is checked by the innermost region op.
func.func @for_if_contains_padding(%lb: tensor<i32>, %ub: tensor<i32>, %step: tensor<i32>, %c: tensor<i1>, %a: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = tensorrt.for %i = %lb to %ub step %step init(%x = %a) -> (tensor<1x1x4x4xf32>) {
    %y = tensorrt.if (%c : tensor<i1>) -> tensor<1x1x4x4xf32> {
      // expected-error @below {{'tensorrt.padding' op is not supported inside 'tensorrt.if'}}
      %p = tensorrt.padding {prePadding = array<i64: 1, 1>, postPadding = array<i64: -1, -1>} ins(%x : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
      tensorrt.yield %p : tensor<1x1x4x4xf32>
    } else {
      tensorrt.yield %x : tensor<1x1x4x4xf32>
    }
    tensorrt.yield %y : tensor<1x1x4x4xf32>
  }
  return %0 : tensor<1x1x4x4xf32>
}
