// RUN: kiln-opt %s -split-input-file -tensorrt-reshape-elimination | FileCheck %s

func.func @cancel_across_unary(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensorrt.reshape %x : tensor<4x8xf32> to tensor<32xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %0 : tensor<32xf32>
  %2 = tensorrt.reshape %1 : tensor<32xf32> to tensor<4x8xf32>
  return %2 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @cancel_across_unary
//  CHECK-SAME:   (%[[X:.+]]: tensor<4x8xf32>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %[[X]] : tensor<4x8xf32>
//  CHECK-NEXT:   return %[[E]]

// -----

func.func @sink_below_element_wise(%x: tensor<2x6xf16>, %y: tensor<2x6xf16>) -> tensor<3x4xf16> {
  %0 = tensorrt.reshape %x : tensor<2x6xf16> to tensor<3x4xf16>
  %1 = tensorrt.reshape %y : tensor<2x6xf16> to tensor<3x4xf16>
  %2 = tensorrt.element_wise <kSUM>(%0, %1 : tensor<3x4xf16>, tensor<3x4xf16>) -> tensor<3x4xf16>
  return %2 : tensor<3x4xf16>
}
// CHECK-LABEL: func.func @sink_below_element_wise
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x6xf16>, %[[Y:.+]]: tensor<2x6xf16>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.element_wise <kSUM>(%[[X]], %[[Y]] : tensor<2x6xf16>, tensor<2x6xf16>) -> tensor<2x6xf16>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[S]] : tensor<2x6xf16> to tensor<3x4xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

func.func @splat_constant_follows(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %c = tensorrt.constant dense<2.0> : tensor<1x1x1xf32>
  %0 = tensorrt.expand_rank %x : tensor<?x8xf32> to tensor<1x?x8xf32>
  %1 = tensorrt.element_wise <kPROD>(%0, %c : tensor<1x?x8xf32>, tensor<1x1x1xf32>) -> tensor<1x?x8xf32>
  %2 = tensorrt.collapse_rank %1 : tensor<1x?x8xf32> to tensor<?x8xf32>
  return %2 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @splat_constant_follows
//  CHECK-SAME:   (%[[X:.+]]: tensor<?x8xf32>)
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<2.000000e+00> : tensor<1x1xf32>
//  CHECK-NEXT:   %[[P:.+]] = tensorrt.element_wise <kPROD>(%[[X]], %[[C]] : tensor<?x8xf32>, tensor<1x1xf32>) -> tensor<?x8xf32>
//  CHECK-NEXT:   return %[[P]]

// -----

func.func @full_constant_is_reshaped(%x: tensor<2x2xi32>) -> tensor<2x2xi32> {
  %c = tensorrt.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %0 = tensorrt.reshape %x : tensor<2x2xi32> to tensor<4xi32>
  %1 = tensorrt.element_wise <kSUB>(%c, %0 : tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %2 = tensorrt.reshape %1 : tensor<4xi32> to tensor<2x2xi32>
  return %2 : tensor<2x2xi32>
}
// CHECK-LABEL: func.func @full_constant_is_reshaped
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x2xi32>)
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.constant dense<{{\[}}[1, 2], [3, 4]]> : tensor<2x2xi32>
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.element_wise <kSUB>(%[[C]], %[[X]] : tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi32>
//  CHECK-NEXT:   return %[[S]]

// -----

// The constant broadcasts along a reshaped dimension: it cannot follow.
func.func @no_sink_past_broadcasting_constant(%x: tensor<2x6xf32>) -> tensor<3x4xf32> {
  %c = tensorrt.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %0 = tensorrt.reshape %x : tensor<2x6xf32> to tensor<3x4xf32>
  %1 = tensorrt.element_wise <kSUM>(%0, %c : tensor<3x4xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  return %1 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @no_sink_past_broadcasting_constant
//  CHECK-NEXT:   tensorrt.constant
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%[[R]],

// -----

func.func @no_sink_different_sources(%x: tensor<2x6xf32>, %y: tensor<12xf32>) -> tensor<3x4xf32> {
  %0 = tensorrt.reshape %x : tensor<2x6xf32> to tensor<3x4xf32>
  %1 = tensorrt.reshape %y : tensor<12xf32> to tensor<3x4xf32>
  %2 = tensorrt.element_wise <kSUM>(%0, %1 : tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %2 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @no_sink_different_sources
//       CHECK:   tensorrt.reshape
//       CHECK:   tensorrt.reshape
//       CHECK:   tensorrt.element_wise <kSUM>

// -----

// The reshape is also returned: moving it would add a reshape.
func.func @no_sink_shared_reshape(%x: tensor<2x6xf32>) -> (tensor<12xf32>, tensor<12xf32>) {
  %0 = tensorrt.reshape %x : tensor<2x6xf32> to tensor<12xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %0 : tensor<12xf32>
  return %0, %1 : tensor<12xf32>, tensor<12xf32>
}
// CHECK-LABEL: func.func @no_sink_shared_reshape
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %[[R]]

// -----

func.func @expand_activation_collapse(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tensorrt.expand_rank %x : tensor<8xf32> to tensor<1x8x1xf32>
  %1 = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %0 : tensor<1x8x1xf32>
  %2 = tensorrt.cast %1 : tensor<1x8x1xf32> to tensor<1x8x1xf16>
  %3 = tensorrt.collapse_rank %2 : tensor<1x8x1xf16> to tensor<8xf16>
  %4 = tensorrt.cast %3 : tensor<8xf16> to tensor<8xf32>
  return %4 : tensor<8xf32>
}
// CHECK-LABEL: func.func @expand_activation_collapse
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xf32>)
//  CHECK-NEXT:   %[[A:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kSIGMOID>} %[[X]] : tensor<8xf32>
//  CHECK-NEXT:   %[[H:.+]] = tensorrt.cast %[[A]] : tensor<8xf32> to tensor<8xf16>
//  CHECK-NEXT:   %[[F:.+]] = tensorrt.cast %[[H]] : tensor<8xf16> to tensor<8xf32>
//  CHECK-NEXT:   return %[[F]]

// -----

func.func @select_with_reshaped_operands(%c: tensor<6xi1>, %a: tensor<6xf32>, %b: tensor<6xf32>) -> tensor<6xf32> {
  %rc = tensorrt.reshape %c : tensor<6xi1> to tensor<2x3xi1>
  %ra = tensorrt.reshape %a : tensor<6xf32> to tensor<2x3xf32>
  %rb = tensorrt.reshape %b : tensor<6xf32> to tensor<2x3xf32>
  %0 = tensorrt.select ins(%rc, %ra, %rb : tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tensorrt.reshape %0 : tensor<2x3xf32> to tensor<6xf32>
  return %1 : tensor<6xf32>
}
// CHECK-LABEL: func.func @select_with_reshaped_operands
//  CHECK-SAME:   (%[[C:.+]]: tensor<6xi1>, %[[A:.+]]: tensor<6xf32>, %[[B:.+]]: tensor<6xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.select ins(%[[C]], %[[A]], %[[B]] : tensor<6xi1>, tensor<6xf32>, tensor<6xf32>) -> tensor<6xf32>
//  CHECK-NEXT:   return %[[S]]

// -----

func.func @reshape_chain_merges(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = tensorrt.collapse_rank %x : tensor<2x3x4xf32> to tensor<2x3x4xf32>
  %1 = tensorrt.reshape %0 : tensor<2x3x4xf32> to tensor<6x4xf32>
  %2 = tensorrt.expand_rank %1 : tensor<6x4xf32> to tensor<6x1x4xf32>
  %3 = tensorrt.reshape %2 : tensor<6x1x4xf32> to tensor<4x6xf32>
  return %3 : tensor<4x6xf32>
}
// CHECK-LABEL: func.func @reshape_chain_merges
//  CHECK-SAME:   (%[[X:.+]]: tensor<2x3x4xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.reshape %[[X]] : tensor<2x3x4xf32> to tensor<4x6xf32>
//  CHECK-NEXT:   return %[[R]]
