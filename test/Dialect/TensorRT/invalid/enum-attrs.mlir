// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// Enum attributes reject cases they do not have.

// -----

// expected-error @below {{expected ::kiln::tensorrt::ActivationType to be one of: kRELU, kSIGMOID}}
// expected-error @below {{failed to parse TensorRT_ActivationTypeAttr parameter 'value'}}
func.func private @bad_activation() attributes {a = #tensorrt.activation_type<kSWISH>}

// -----

// expected-error @below {{expected ::kiln::tensorrt::MatrixOperation to be one of: kNONE, kTRANSPOSE, kVECTOR}}
// expected-error @below {{failed to parse TensorRT_MatrixOperationAttr parameter 'value'}}
func.func private @bad_matrix_op() attributes {a = #tensorrt.matrix_operation<kTRANSPOSED>}

// -----

// expected-error @below {{expected ::kiln::tensorrt::ScatterMode to be one of: kELEMENT, kND}}
// expected-error @below {{failed to parse TensorRT_ScatterModeAttr parameter 'value'}}
func.func private @bad_scatter_mode() attributes {a = #tensorrt.scatter_mode<kDEFAULT>}

// -----

// expected-error @below {{unknown attribute `no_such_enum` in dialect `tensorrt`}}
func.func private @unknown_mnemonic() attributes {a = #tensorrt.no_such_enum<kX>}

// -----

func.func @enum_of_wrong_kind(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{attribute 'activationType' failed to satisfy constraint: pointwise activation function}}
  %0 = tensorrt.activation {activationType = #tensorrt.unary_operation<kEXP>} %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
