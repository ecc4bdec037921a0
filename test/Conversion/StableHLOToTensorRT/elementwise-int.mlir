// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// Integer division truncates (kDIV); a zero divisor gives -1, as in XLA.
// CHECK-LABEL: func.func @divide
//       CHECK:   %[[Q:.*]] = tensorrt.element_wise <kDIV>(%arg0, %arg1 : tensor<4xi32>, tensor<4xi32>)
//       CHECK:   %[[ZERO:.*]] = tensorrt.constant dense<0> : tensor<1xi32>
//       CHECK:   %[[BYZERO:.*]] = tensorrt.element_wise <kEQUAL>(%arg1, %[[ZERO]] :
//       CHECK:   %[[M1:.*]] = tensorrt.constant dense<-1> : tensor<1xi32>
//       CHECK:   tensorrt.select ins(%[[BYZERO]], %[[M1]], %[[Q]] :
func.func @divide(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.divide %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// kPOW does not take i32: the power is taken in i64 and wraps back.
// CHECK-LABEL: func.func @power_i32
//       CHECK:   %[[A:.*]] = tensorrt.cast %arg0 : tensor<4xi32> to tensor<4xi64>
//       CHECK:   %[[B:.*]] = tensorrt.cast %arg1 : tensor<4xi32> to tensor<4xi64>
//       CHECK:   %[[P:.*]] = tensorrt.element_wise <kPOW>(%[[A]], %[[B]] : tensor<4xi64>, tensor<4xi64>)
//       CHECK:   tensorrt.cast %[[P]] : tensor<4xi64> to tensor<4xi32>
func.func @power_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.power %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @power_i64
//       CHECK:   tensorrt.element_wise <kPOW>(%arg0, %arg1 : tensor<4xi64>, tensor<4xi64>)
//   CHECK-NOT:   tensorrt.cast
func.func @power_i64(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = stablehlo.power %a, %b : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// not flips every bit: -1 - x.
// CHECK-LABEL: func.func @not
//       CHECK:   %[[M1:.*]] = tensorrt.constant dense<-1> : tensor<1xi8>
//       CHECK:   tensorrt.element_wise <kSUB>(%[[M1]], %arg0 : tensor<1xi8>, tensor<4xi8>)
func.func @not(%a: tensor<4xi8>) -> tensor<4xi8> {
  %0 = stablehlo.not %a : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// and of integers: a loop over the 32 bits that splits off the lowest bit of
// both operands and adds 2^k·(bit·bit) to the result.
// CHECK-LABEL: func.func @and
//       CHECK:   %[[ZERO:.*]] = tensorrt.element_wise <kSUB>(%arg0, %arg0
//       CHECK:   %[[ONE:.*]] = tensorrt.constant dense<1> : tensor<1x1xi32>
//       CHECK:   %[[UB:.*]] = tensorrt.constant dense<32> : tensor<i32>
//       CHECK:   %[[R:.*]]:4 = tensorrt.for %{{.*}} = %{{.*}} to %[[UB]] step %{{.*}} init(%[[X:.*]] = %arg0, %[[Y:.*]] = %arg1, %[[W:.*]] = %[[ONE]], %[[ACC:.*]] = %[[ZERO]]) -> (tensor<2x3xi32>, tensor<2x3xi32>, tensor<1x1xi32>, tensor<2x3xi32>)
//       CHECK:     %[[XH:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%[[X]],
//       CHECK:     %[[X2:.*]] = tensorrt.element_wise <kSUM>(%[[XH]], %[[XH]]
//       CHECK:     %[[XB:.*]] = tensorrt.element_wise <kSUB>(%[[X]], %[[X2]]
//       CHECK:     %[[YH:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%[[Y]],
//       CHECK:     %[[Y2:.*]] = tensorrt.element_wise <kSUM>(%[[YH]], %[[YH]]
//       CHECK:     %[[YB:.*]] = tensorrt.element_wise <kSUB>(%[[Y]], %[[Y2]]
//       CHECK:     %[[BOTH:.*]] = tensorrt.element_wise <kPROD>(%[[XB]], %[[YB]]
//       CHECK:     %[[WEIGHTED:.*]] = tensorrt.element_wise <kPROD>(%[[BOTH]], %[[W]]
//       CHECK:     %[[SUM:.*]] = tensorrt.element_wise <kSUM>(%[[ACC]], %[[WEIGHTED]]
//       CHECK:     %[[W2:.*]] = tensorrt.element_wise <kSUM>(%[[W]], %[[W]]
//       CHECK:     tensorrt.yield %[[XH]], %[[YH]], %[[W2]], %[[SUM]]
//       CHECK:   return %[[R]]#3
func.func @and(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %0 = stablehlo.and %a, %b : tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// a | b = a + b - (a & b); a ^ b = a + b - 2(a & b). i64 loops over 64 bits.
// CHECK-LABEL: func.func @or_xor
//       CHECK:   %[[UB:.*]] = tensorrt.constant dense<64> : tensor<i32>
//       CHECK:   %[[AND:.*]]:4 = tensorrt.for {{.*}} to %[[UB]]
//       CHECK:   %[[S:.*]] = tensorrt.element_wise <kSUM>(%arg0, %arg1
//       CHECK:   %[[OR:.*]] = tensorrt.element_wise <kSUB>(%[[S]], %[[AND]]#3
//       CHECK:   %[[AND2:.*]]:4 = tensorrt.for
//       CHECK:   %[[S2:.*]] = tensorrt.element_wise <kSUM>(%[[OR]], %arg1
//       CHECK:   %[[D:.*]] = tensorrt.element_wise <kSUB>(%[[S2]], %[[AND2]]#3
//       CHECK:   tensorrt.element_wise <kSUB>(%[[D]], %[[AND2]]#3
func.func @or_xor(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = stablehlo.or %a, %b : tensor<4xi64>
  %1 = stablehlo.xor %0, %b : tensor<4xi64>
  return %1 : tensor<4xi64>
}

// -----

// and with a constant low mask 2^k - 1 is x mod 2^k (floored), with a
// constant high mask -2^k it is 2^k·floor(x / 2^k): no loop. Other masks
// loop.
// CHECK-LABEL: func.func @and_masks
//       CHECK:   %[[D8:.*]] = tensorrt.constant dense<8> : tensor<1xi32>
//       CHECK:   %[[Q8:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%arg0, %[[D8]]
//       CHECK:   %[[M8:.*]] = tensorrt.element_wise <kPROD>(%[[Q8]], %[[D8]]
//       CHECK:   %[[LOW:.*]] = tensorrt.element_wise <kSUB>(%arg0, %[[M8]]
//       CHECK:   %[[D16:.*]] = tensorrt.constant dense<16> : tensor<1xi32>
//       CHECK:   %[[Q16:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%[[LOW]], %[[D16]]
//       CHECK:   %[[HIGH:.*]] = tensorrt.element_wise <kPROD>(%[[Q16]], %[[D16]]
//   CHECK-NOT:   tensorrt.element_wise <kFLOOR_DIV>
//       CHECK:   tensorrt.for {{.*}} init(%{{.*}} = %[[HIGH]],
func.func @and_masks(%a: tensor<4xi32>) -> tensor<4xi32> {
  %c7 = stablehlo.constant dense<7> : tensor<i32>
  %m7 = stablehlo.broadcast_in_dim %c7, dims = [] : (tensor<i32>) -> tensor<4xi32>
  %0 = stablehlo.and %a, %m7 : tensor<4xi32>
  %c16 = stablehlo.constant dense<-16> : tensor<4xi32>
  %1 = stablehlo.and %c16, %0 : tensor<4xi32>
  %c5 = stablehlo.constant dense<5> : tensor<4xi32>
  %2 = stablehlo.and %1, %c5 : tensor<4xi32>
  return %2 : tensor<4xi32>
}

// -----

// shift_left: a·2^b with 2^b from kPOW on i64; an amount outside [0, 32)
// becomes 32, whose power wraps to 0 in i32. In range is (b < 0) xor (b < 32).
// CHECK-LABEL: func.func @shift_left
//       CHECK:   %[[NEG:.*]] = tensorrt.element_wise <kLESS>(%arg1,
//       CHECK:   %[[W:.*]] = tensorrt.constant dense<32> : tensor<1xi32>
//       CHECK:   %[[BELOW:.*]] = tensorrt.element_wise <kLESS>(%arg1, %[[W]]
//       CHECK:   %[[IN:.*]] = tensorrt.element_wise <kXOR>(%[[NEG]], %[[BELOW]]
//       CHECK:   %[[E:.*]] = tensorrt.select ins(%[[IN]], %arg1, %{{.*}} :
//       CHECK:   %[[WIDE:.*]] = tensorrt.cast %[[E]] : tensor<4xi32> to tensor<4xi64>
//       CHECK:   %[[TWO:.*]] = tensorrt.constant dense<2> : tensor<1xi64>
//       CHECK:   %[[P:.*]] = tensorrt.element_wise <kPOW>(%[[TWO]], %[[WIDE]]
//       CHECK:   %[[P32:.*]] = tensorrt.cast %[[P]] : tensor<4xi64> to tensor<4xi32>
//       CHECK:   tensorrt.element_wise <kPROD>(%arg0, %[[P32]]
func.func @shift_left(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.shift_left %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Arithmetic shift right: two floor divisions, by 2^⌊e/2⌋ and 2^(e-⌊e/2⌋);
// an amount outside [0, 8) becomes 7, which leaves the sign.
// CHECK-LABEL: func.func @shift_right_arithmetic
//       CHECK:   %[[IN:.*]] = tensorrt.element_wise <kXOR>
//       CHECK:   %[[SEVEN:.*]] = tensorrt.constant dense<7> : tensor<1xi8>
//       CHECK:   %[[E:.*]] = tensorrt.select ins(%[[IN]], %arg1, %[[SEVEN]] :
//       CHECK:   %[[E1:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%[[E]],
//       CHECK:   %[[E2:.*]] = tensorrt.element_wise <kSUB>(%[[E]], %[[E1]]
//       CHECK:   tensorrt.element_wise <kPOW>
//       CHECK:   %[[P1:.*]] = tensorrt.cast %{{.*}} : tensor<4xi64> to tensor<4xi8>
//       CHECK:   %[[H:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%arg0, %[[P1]]
//       CHECK:   tensorrt.element_wise <kPOW>
//       CHECK:   %[[P2:.*]] = tensorrt.cast %{{.*}} : tensor<4xi64> to tensor<4xi8>
//       CHECK:   tensorrt.element_wise <kFLOOR_DIV>(%[[H]], %[[P2]]
func.func @shift_right_arithmetic(%a: tensor<4xi8>, %b: tensor<4xi8>) -> tensor<4xi8> {
  %0 = stablehlo.shift_right_arithmetic %a, %b : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// Logical shift right: the arithmetic shift plus 2^(w-b) where a < 0; 0 for
// an amount outside [0, w).
// CHECK-LABEL: func.func @shift_right_logical
//       CHECK:   %[[IN:.*]] = tensorrt.element_wise <kXOR>
//       CHECK:   %[[E:.*]] = tensorrt.select ins(%[[IN]], %arg1, %{{.*}} :
//       CHECK:   %[[H:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%arg0,
//       CHECK:   %[[SRA:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%[[H]],
//       CHECK:   %[[FE:.*]] = tensorrt.element_wise <kSUB>(%{{.*}}, %[[E]]
//       CHECK:   %[[FILL:.*]] = tensorrt.cast %{{.*}} : tensor<4xi64> to tensor<4xi32>
//       CHECK:   %[[NEG:.*]] = tensorrt.element_wise <kLESS>(%arg0,
//       CHECK:   %[[C:.*]] = tensorrt.select ins(%[[NEG]], %[[FILL]], %{{.*}} :
//       CHECK:   %[[L:.*]] = tensorrt.element_wise <kSUM>(%[[SRA]], %[[C]]
//       CHECK:   tensorrt.select ins(%[[IN]], %[[L]], %{{.*}} :
func.func @shift_right_logical(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.shift_right_logical %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// popcnt sums the 32 bits in a loop.
// CHECK-LABEL: func.func @popcnt
//       CHECK:   %[[UB:.*]] = tensorrt.constant dense<32> : tensor<i32>
//       CHECK:   %[[R:.*]]:2 = tensorrt.for %{{.*}} = %{{.*}} to %[[UB]] step %{{.*}} init(%[[X:.*]] = %arg0, %[[N:.*]] = %{{.*}})
//       CHECK:     %[[H:.*]] = tensorrt.element_wise <kFLOOR_DIV>(%[[X]],
//       CHECK:     %[[H2:.*]] = tensorrt.element_wise <kSUM>(%[[H]], %[[H]]
//       CHECK:     %[[BIT:.*]] = tensorrt.element_wise <kSUB>(%[[X]], %[[H2]]
//       CHECK:     %[[N2:.*]] = tensorrt.element_wise <kSUM>(%[[N]], %[[BIT]]
//       CHECK:     tensorrt.yield %[[H]], %[[N2]]
//       CHECK:   return %[[R]]#1
func.func @popcnt(%a: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.popcnt %a : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// count_leading_zeros: w minus the number of shifts right that leave a
// non-zero value.
// CHECK-LABEL: func.func @count_leading_zeros
//       CHECK:   %[[R:.*]]:2 = tensorrt.for
//       CHECK:     %[[Z:.*]] = tensorrt.element_wise <kEQUAL>
//       CHECK:     %[[NZ:.*]] = tensorrt.select ins(%[[Z]],
//       CHECK:     tensorrt.element_wise <kFLOOR_DIV>
//       CHECK:     tensorrt.yield
//       CHECK:   %[[W:.*]] = tensorrt.constant dense<64> : tensor<1xi64>
//       CHECK:   tensorrt.element_wise <kSUB>(%[[W]], %[[R]]#1
func.func @count_leading_zeros(%a: tensor<4xi64>) -> tensor<4xi64> {
  %0 = stablehlo.count_leading_zeros %a : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// Dynamic shapes loop too (the runtime sizes region values as they run).
// CHECK-LABEL: func.func @popcnt_dynamic
//       CHECK:   %[[UB:.*]] = tensorrt.constant dense<8> : tensor<i32>
//       CHECK:   tensorrt.for {{.*}} to %[[UB]] {{.*}} -> (tensor<?xi8>, tensor<?xi8>)
func.func @popcnt_dynamic(%a: tensor<?xi8>) -> tensor<?xi8> {
  %0 = stablehlo.popcnt %a : tensor<?xi8>
  return %0 : tensor<?xi8>
}

// -----

// Integer sign is kSIGN; a float ±0 keeps its sign.
// CHECK-LABEL: func.func @sign
//       CHECK:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>} %arg0 : tensor<4xi32>
//       CHECK:   %[[S:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIGN>} %arg1 : tensor<4xf32>
//       CHECK:   %[[Z:.*]] = tensorrt.element_wise <kEQUAL>(%arg1,
//       CHECK:   tensorrt.select ins(%[[Z]], %arg1, %[[S]] :
func.func @sign(%a: tensor<4xi32>, %x: tensor<4xf32>) -> (tensor<4xi32>, tensor<4xf32>) {
  %0 = stablehlo.sign %a : tensor<4xi32>
  %1 = stablehlo.sign %x : tensor<4xf32>
  return %0, %1 : tensor<4xi32>, tensor<4xf32>
}
