// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Invalid tensorrt.module.

// -----

tensorrt.module @engines {
  // expected-error @below {{'tensorrt.constant' op is not allowed in a 'tensorrt.module', which holds only 'func.func' ops}}
  %0 = tensorrt.constant dense<1.0> : tensor<2xf32>
}

// -----

// expected-error @below {{expected valid '@'-identifier for symbol name}}
tensorrt.module {
}

// -----

tensorrt.module @outer {
  // expected-error @below {{'tensorrt.module' op is not allowed in a 'tensorrt.module', which holds only 'func.func' ops}}
  tensorrt.module @inner {
  }
}
