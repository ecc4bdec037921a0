// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// Round trip of tensorrt.activation: every activation type with the parameters it takes.

// -----

func.func @act_relu(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @act_relu
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %{{.+}} : tensor<?x16xf32>

// -----

func.func @act_sigmoid(%x: tensor<?x16xf16>) -> tensor<?x16xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %x : tensor<?x16xf16>
  return %0 : tensor<?x16xf16>
}
// CHECK-LABEL: func.func @act_sigmoid
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %{{.+}} : tensor<?x16xf16>

// -----

func.func @act_tanh(%x: tensor<?x16xbf16>) -> tensor<?x16xbf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %x : tensor<?x16xbf16>
  return %0 : tensor<?x16xbf16>
}
// CHECK-LABEL: func.func @act_tanh
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %{{.+}} : tensor<?x16xbf16>

// -----

func.func @act_leaky_relu(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>, alpha = 2.000000e-01 : f32} %x : tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @act_leaky_relu
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>, alpha = 2.000000e-01 : f32} %{{.+}} : tensor<?x16xf32>

// -----

func.func @act_elu(%x: tensor<?x16xf16>) -> tensor<?x16xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kELU>, alpha = 2.000000e-01 : f32} %x : tensor<?x16xf16>
  return %0 : tensor<?x16xf16>
}
// CHECK-LABEL: func.func @act_elu
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kELU>, alpha = 2.000000e-01 : f32} %{{.+}} : tensor<?x16xf16>

// -----

func.func @act_selu(%x: tensor<?x16xbf16>) -> tensor<?x16xbf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSELU>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %x : tensor<?x16xbf16>
  return %0 : tensor<?x16xbf16>
}
// CHECK-LABEL: func.func @act_selu
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kSELU>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %{{.+}} : tensor<?x16xbf16>

// -----

func.func @act_softsign(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTSIGN>} %x : tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @act_softsign
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTSIGN>} %{{.+}} : tensor<?x16xf32>

// -----

func.func @act_softplus(%x: tensor<?x16xf16>) -> tensor<?x16xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTPLUS>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %x : tensor<?x16xf16>
  return %0 : tensor<?x16xf16>
}
// CHECK-LABEL: func.func @act_softplus
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kSOFTPLUS>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %{{.+}} : tensor<?x16xf16>

// -----

func.func @act_clip(%x: tensor<?x16xbf16>) -> tensor<?x16xbf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %x : tensor<?x16xbf16>
  return %0 : tensor<?x16xbf16>
}
// CHECK-LABEL: func.func @act_clip
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %{{.+}} : tensor<?x16xbf16>

// -----

func.func @act_hard_sigmoid(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kHARD_SIGMOID>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %x : tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @act_hard_sigmoid
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kHARD_SIGMOID>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %{{.+}} : tensor<?x16xf32>

// -----

func.func @act_scaled_tanh(%x: tensor<?x16xf16>) -> tensor<?x16xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSCALED_TANH>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %x : tensor<?x16xf16>
  return %0 : tensor<?x16xf16>
}
// CHECK-LABEL: func.func @act_scaled_tanh
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kSCALED_TANH>, alpha = 2.000000e-01 : f32, beta = 6.000000e+00 : f32} %{{.+}} : tensor<?x16xf16>

// -----

func.func @act_thresholded_relu(%x: tensor<?x16xbf16>) -> tensor<?x16xbf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kTHRESHOLDED_RELU>, alpha = 2.000000e-01 : f32} %x : tensor<?x16xbf16>
  return %0 : tensor<?x16xbf16>
}
// CHECK-LABEL: func.func @act_thresholded_relu
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kTHRESHOLDED_RELU>, alpha = 2.000000e-01 : f32} %{{.+}} : tensor<?x16xbf16>

// -----

func.func @act_gelu_erf(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_ERF>} %x : tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}
// CHECK-LABEL: func.func @act_gelu_erf
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_ERF>} %{{.+}} : tensor<?x16xf32>

// -----

func.func @act_gelu_tanh(%x: tensor<?x16xf16>) -> tensor<?x16xf16> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %x : tensor<?x16xf16>
  return %0 : tensor<?x16xf16>
}
// CHECK-LABEL: func.func @act_gelu_tanh
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kGELU_TANH>} %{{.+}} : tensor<?x16xf16>

// -----

// Integer inputs are accepted by kRELU.
func.func @act_relu_i32(%x: tensor<8xi32>) -> tensor<8xi32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<8xi32>
  return %0 : tensor<8xi32>
}
// CHECK-LABEL: func.func @act_relu_i32
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %{{.+}} : tensor<8xi32>

// -----

func.func @act_relu_i64_unranked_dims(%x: tensor<?x?x?x?xi64>) -> tensor<?x?x?x?xi64> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<?x?x?x?xi64>
  return %0 : tensor<?x?x?x?xi64>
}
// CHECK-LABEL: func.func @act_relu_i64_unranked_dims
//  CHECK-NEXT:   tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %{{.+}} : tensor<?x?x?x?xi64>
