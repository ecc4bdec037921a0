// RUN: kiln-opt %s -split-input-file -canonicalize | FileCheck %s

// Folding of tensorrt.unary and tensorrt.activation.

func.func @fold_exp_constant() -> tensor<2xf32> {
  %c = tensorrt.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %c : tensor<2xf32>
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @fold_exp_constant
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<[1.000000e+00, 2.71828{{[0-9]*}}]> : tensor<2xf32>
//  CHECK-NEXT:   return %[[C]]

// -----

func.func @fold_round_half_to_even() -> tensor<4xf16> {
  %c = tensorrt.constant dense<[0.5, 1.5, 2.5, -0.5]> : tensor<4xf16>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kROUND>} %c : tensor<4xf16>
  return %0 : tensor<4xf16>
}
// CHECK-LABEL: func.func @fold_round_half_to_even
//  CHECK-NEXT:   tensorrt.constant dense<[0.000000e+00, 2.000000e+00, 2.000000e+00, -0.000000e+00]> : tensor<4xf16>

// -----

func.func @fold_int_abs_neg() -> tensor<3xi32> {
  %c = tensorrt.constant dense<[-3, 0, 5]> : tensor<3xi32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %c : tensor<3xi32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %0 : tensor<3xi32>
  return %1 : tensor<3xi32>
}
// CHECK-LABEL: func.func @fold_int_abs_neg
//  CHECK-NEXT:   tensorrt.constant dense<[-3, 0, -5]> : tensor<3xi32>

// -----

func.func @fold_not() -> tensor<2xi1> {
  %c = tensorrt.constant dense<[true, false]> : tensor<2xi1>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNOT>} %c : tensor<2xi1>
  return %0 : tensor<2xi1>
}
// CHECK-LABEL: func.func @fold_not
//  CHECK-NEXT:   tensorrt.constant dense<[false, true]> : tensor<2xi1>

// -----

func.func @double_negation(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %x : tensor<?x4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %0 : tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}
// CHECK-LABEL: func.func @double_negation
//  CHECK-SAME:   (%[[X:.+]]: tensor<?x4xf32>)
//  CHECK-NEXT:   return %[[X]]

// -----

func.func @abs_is_idempotent(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %x : tensor<4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>} %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @abs_is_idempotent
//  CHECK-NEXT:   %[[A:.+]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kABS>}
//  CHECK-NEXT:   return %[[A]]

// -----

// exp(log(x)) is not x for negative x.
func.func @no_fold_exp_of_log(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %x : tensor<4xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @no_fold_exp_of_log
//       CHECK:   kLOG
//       CHECK:   kEXP

// -----

func.func @fold_relu_constant() -> tensor<3xf32> {
  %c = tensorrt.constant dense<[-1.0, 0.5, 2.0]> : tensor<3xf32>
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %c : tensor<3xf32>
  return %0 : tensor<3xf32>
}
// CHECK-LABEL: func.func @fold_relu_constant
//  CHECK-NEXT:   tensorrt.constant dense<[0.000000e+00, 5.000000e-01, 2.000000e+00]> : tensor<3xf32>

// -----

func.func @fold_clip_constant() -> tensor<3xf16> {
  %c = tensorrt.constant dense<[-10.0, 3.0, 10.0]> : tensor<3xf16>
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>, alpha = 0.0 : f32, beta = 6.0 : f32} %c : tensor<3xf16>
  return %0 : tensor<3xf16>
}
// CHECK-LABEL: func.func @fold_clip_constant
//  CHECK-NEXT:   tensorrt.constant dense<[0.000000e+00, 3.000000e+00, 6.000000e+00]> : tensor<3xf16>

// -----

func.func @relu_of_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %x : tensor<4xf32>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kRELU>} %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @relu_of_relu
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.activation
//  CHECK-NEXT:   return %[[R]]

// -----

// A sigmoid of a constant is left to the engine.
func.func @no_fold_sigmoid_constant() -> tensor<2xf32> {
  %c = tensorrt.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %0 = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %c : tensor<2xf32>
  return %0 : tensor<2xf32>
}
// CHECK-LABEL: func.func @no_fold_sigmoid_constant
//       CHECK:   kSIGMOID
