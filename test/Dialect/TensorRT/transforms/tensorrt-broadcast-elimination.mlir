// RUN: kiln-opt %s -split-input-file -tensorrt-broadcast-elimination | FileCheck %s

func.func @absorb_into_element_wise(%x: tensor<1x8xf32>, %y: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
  %0 = tensorrt.element_wise <kSUM>(%b, %y : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @absorb_into_element_wise
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x8xf32>, %[[Y:.+]]: tensor<4x8xf32>)
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.element_wise <kSUM>(%[[X]], %[[Y]] : tensor<1x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
//  CHECK-NEXT:   return %[[R]]

// -----

// A broadcast that adds dimensions leaves unit dimensions in their place.
func.func @absorb_rank_expanding_broadcast(%x: tensor<8xf16>, %y: tensor<2x4x8xf16>) -> tensor<2x4x8xf16> {
  %b = tensorrt.broadcast %x broadcast_dims<2> : tensor<8xf16> to tensor<2x4x8xf16>
  %0 = tensorrt.element_wise <kPROD>(%y, %b : tensor<2x4x8xf16>, tensor<2x4x8xf16>) -> tensor<2x4x8xf16>
  return %0 : tensor<2x4x8xf16>
}
// CHECK-LABEL: func.func @absorb_rank_expanding_broadcast
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xf16>, %[[Y:.+]]: tensor<2x4x8xf16>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.expand_rank %[[X]] : tensor<8xf16> to tensor<1x1x8xf16>
//  CHECK-NEXT:   %[[R:.+]] = tensorrt.element_wise <kPROD>(%[[Y]], %[[E]] : tensor<2x4x8xf16>, tensor<1x1x8xf16>) -> tensor<2x4x8xf16>
//  CHECK-NEXT:   return %[[R]]

// -----

// %y may have a 1 where the broadcast repeats: the broadcast must stay.
func.func @no_absorb_when_other_may_be_one(%x: tensor<1x8xf32>, %y: tensor<?x8xf32>, %s: tensor<2xi32>) -> tensor<?x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<0, 1> shape(%s : tensor<2xi32>) : tensor<1x8xf32> to tensor<?x8xf32>
  %0 = tensorrt.element_wise <kSUM>(%b, %y : tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
// CHECK-LABEL: func.func @no_absorb_when_other_may_be_one
//       CHECK:   %[[B:.+]] = tensorrt.broadcast
//       CHECK:   tensorrt.element_wise <kSUM>(%[[B]],

// -----

// Nothing else gives the consumer its 4 rows.
func.func @no_absorb_without_full_operand(%x: tensor<1x8xf32>, %y: tensor<1x8xf32>) -> tensor<4x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
  %0 = tensorrt.element_wise <kSUM>(%b, %y : tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @no_absorb_without_full_operand
//       CHECK:   %[[B:.+]] = tensorrt.broadcast
//       CHECK:   tensorrt.element_wise <kSUM>(%[[B]],

// -----

// Each operand gives the other the dimension it lacks.
func.func @absorb_with_complementary_operand(%x: tensor<1x8xf32>, %y: tensor<4x1xf32>) -> tensor<4x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
  %0 = tensorrt.element_wise <kSUM>(%b, %y : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @absorb_with_complementary_operand
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x8xf32>, %[[Y:.+]]: tensor<4x1xf32>)
//  CHECK-NEXT:   tensorrt.element_wise <kSUM>(%[[X]], %[[Y]] : tensor<1x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>

// -----

// A broadcast that permutes dimensions is more than a repeat.
func.func @no_absorb_permuting_broadcast(%x: tensor<8x1xf32>, %y: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<1, 0> : tensor<8x1xf32> to tensor<4x8xf32>
  %0 = tensorrt.element_wise <kSUM>(%b, %y : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @no_absorb_permuting_broadcast
//       CHECK:   tensorrt.broadcast %{{.+}} broadcast_dims<1, 0>

// -----

func.func @absorb_into_select(%c: tensor<1x8xi1>, %a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %bc = tensorrt.broadcast %c broadcast_dims<0, 1> : tensor<1x8xi1> to tensor<4x8xi1>
  %0 = tensorrt.select ins(%bc, %a, %b : tensor<4x8xi1>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @absorb_into_select
//  CHECK-SAME:   (%[[C:.+]]: tensor<1x8xi1>, %[[A:.+]]: tensor<4x8xf32>, %[[B:.+]]: tensor<4x8xf32>)
//  CHECK-NEXT:   tensorrt.select ins(%[[C]], %[[A]], %[[B]] : tensor<1x8xi1>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>

// -----

func.func @sink_below_unary(%x: tensor<8xf32>) -> tensor<16x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xf32> to tensor<16x8xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %b : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}
// The exponential runs on 8 elements instead of 128.
// CHECK-LABEL: func.func @sink_below_unary
//  CHECK-SAME:   (%[[X:.+]]: tensor<8xf32>)
//  CHECK-NEXT:   %[[E:.+]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %[[X]] : tensor<8xf32>
//  CHECK-NEXT:   %[[B:.+]] = tensorrt.broadcast %[[E]] broadcast_dims<1> : tensor<8xf32> to tensor<16x8xf32>
//  CHECK-NEXT:   return %[[B]]

// -----

func.func @sink_below_cast_with_shape(%x: tensor<1xf16>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<1> shape(%s : tensor<2xi32>) : tensor<1xf16> to tensor<?x?xf16>
  %0 = tensorrt.cast %b : tensor<?x?xf16> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @sink_below_cast_with_shape
//  CHECK-SAME:   (%[[X:.+]]: tensor<1xf16>, %[[S:.+]]: tensor<2xi32>)
//  CHECK-NEXT:   %[[C:.+]] = tensorrt.cast %[[X]] : tensor<1xf16> to tensor<1xf32>
//  CHECK-NEXT:   %[[B:.+]] = tensorrt.broadcast %[[C]] broadcast_dims<1> shape(%[[S]] : tensor<2xi32>) : tensor<1xf32> to tensor<?x?xf32>
//  CHECK-NEXT:   return %[[B]]

// -----

// The broadcast value is also returned: moving it would add a broadcast.
func.func @no_sink_when_broadcast_is_shared(%x: tensor<8xf32>) -> (tensor<16x8xf32>, tensor<16x8xf32>) {
  %b = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xf32> to tensor<16x8xf32>
  %0 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %b : tensor<16x8xf32>
  return %0, %b : tensor<16x8xf32>, tensor<16x8xf32>
}
// CHECK-LABEL: func.func @no_sink_when_broadcast_is_shared
//  CHECK-NEXT:   %[[B:.+]] = tensorrt.broadcast
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>} %[[B]]

// -----

func.func @sink_below_element_wise(%x: tensor<1x8xf32>, %y: tensor<1x1xf32>) -> tensor<4x8xf32> {
  %bx = tensorrt.broadcast %x broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
  %by = tensorrt.broadcast %y broadcast_dims<0, 1> : tensor<1x1xf32> to tensor<4x8xf32>
  %0 = tensorrt.element_wise <kSUB>(%bx, %by : tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
// CHECK-LABEL: func.func @sink_below_element_wise
//  CHECK-SAME:   (%[[X:.+]]: tensor<1x8xf32>, %[[Y:.+]]: tensor<1x1xf32>)
//  CHECK-NEXT:   %[[S:.+]] = tensorrt.element_wise <kSUB>(%[[X]], %[[Y]] : tensor<1x8xf32>, tensor<1x1xf32>) -> tensor<1x8xf32>
//  CHECK-NEXT:   %[[B:.+]] = tensorrt.broadcast %[[S]] broadcast_dims<0, 1> : tensor<1x8xf32> to tensor<4x8xf32>
//  CHECK-NEXT:   return %[[B]]

// -----

// A broadcast that repeats nothing only adds unit dimensions.
func.func @broadcast_without_repeat(%x: tensor<8xf32>) -> tensor<1x8xf32> {
  %b = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xf32> to tensor<1x8xf32>
  return %b : tensor<1x8xf32>
}
// CHECK-LABEL: func.func @broadcast_without_repeat
//  CHECK-NEXT:   tensorrt.expand_rank %{{.+}} : tensor<8xf32> to tensor<1x8xf32>
