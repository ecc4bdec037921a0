// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// A float min window is the negated max pooling of the negation.
// CHECK-LABEL: func.func @min_pool
//       CHECK:   %[[X:.*]] = tensorrt.reshape %arg0 : tensor<4x5xf32> to tensor<1x1x4x5xf32>
//       CHECK:   %[[N:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %[[X]]
//       CHECK:   %[[P:.*]] = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>, postPadding = array<i64: 0, 0>, prePadding = array<i64: 0, 0>, stride = array<i64: 1, 1>, windowSize = array<i64: 2, 2>} ins(%[[N]] : tensor<1x1x4x5xf32>) -> tensor<1x1x3x4xf32>
//       CHECK:   %[[M:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kNEG>} %[[P]]
//       CHECK:   tensorrt.reshape %[[M]] : tensor<1x1x3x4xf32> to tensor<3x4xf32>
func.func @min_pool(%x: tensor<4x5xf32>) -> tensor<3x4xf32> {
  %inf = stablehlo.constant dense<0x7F800000> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %inf) <{window_dimensions = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.minimum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<4x5xf32>, tensor<f32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// `jnp.cumprod`: a window of 5 is the run of 4 (built by doubling) next to
// a run of 1.
// CHECK-LABEL: func.func @cumprod
//       CHECK:   %[[ONE:.*]] = tensorrt.constant dense<1.000000e+00> : tensor<f32>
//       CHECK:   %[[P:.*]] = tensorrt.slice %arg0[0, -4][3, 9][1, 1] fill(%[[ONE]] : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<3x5xf32> to tensor<3x9xf32>
//       CHECK:   %[[S1:.*]] = tensorrt.slice %[[P]][0, 1][3, 9][1, 1] {mode = #tensorrt.slice_mode<kFILL>}
//       CHECK:   %[[R2:.*]] = tensorrt.element_wise <kPROD>(%[[P]], %[[S1]] :
//       CHECK:   %[[S2:.*]] = tensorrt.slice %[[R2]][0, 2][3, 9][1, 1] {mode = #tensorrt.slice_mode<kFILL>}
//       CHECK:   %[[R4:.*]] = tensorrt.element_wise <kPROD>(%[[R2]], %[[S2]] :
//       CHECK:   %[[S4:.*]] = tensorrt.slice %[[P]][0, 4][3, 9][1, 1] {mode = #tensorrt.slice_mode<kFILL>}
//       CHECK:   %[[R5:.*]] = tensorrt.element_wise <kPROD>(%[[R4]], %[[S4]] :
//       CHECK:   %[[R:.*]] = tensorrt.slice %[[R5]][0, 0][3, 5][1, 1] : tensor<3x9xf32> to tensor<3x5xf32>
//  CHECK-NEXT:   return %[[R]]
func.func @cumprod(%x: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %one = stablehlo.constant dense<1.000000e+00> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %one) <{padding = dense<[[0, 0], [4, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 5>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.multiply %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<3x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// Integer max with a stride: padded with the initial value, a run of 2,
// then every second position.
// CHECK-LABEL: func.func @int_max
//       CHECK:   %[[MIN:.*]] = tensorrt.constant dense<-2147483648> : tensor<i32>
//       CHECK:   %[[P:.*]] = tensorrt.slice %arg0[0][6][1] fill(%[[MIN]] : tensor<i32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<5xi32> to tensor<6xi32>
//       CHECK:   %[[S:.*]] = tensorrt.slice %[[P]][1][6][1] {mode = #tensorrt.slice_mode<kFILL>}
//       CHECK:   %[[M:.*]] = tensorrt.element_wise <kMAX>(%[[P]], %[[S]] :
//       CHECK:   %[[R:.*]] = tensorrt.slice %[[M]][0][3][2] : tensor<6xi32> to tensor<3xi32>
//  CHECK-NEXT:   return %[[R]]
func.func @int_max(%x: tensor<5xi32>) -> tensor<3xi32> {
  %min = stablehlo.constant dense<-2147483648> : tensor<i32>
  %0 = "stablehlo.reduce_window"(%x, %min) <{padding = dense<[[0, 1]]> : tensor<1x2xi64>, window_dimensions = array<i64: 2>, window_strides = array<i64: 2>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = stablehlo.maximum %a, %b : tensor<i32>
    stablehlo.return %m : tensor<i32>
  }) : (tensor<5xi32>, tensor<i32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// Base dilation pads between elements, window dilation spaces the taps;
// an initial value that is not the identity joins each window once.
// CHECK-LABEL: func.func @dilated_sum
//       CHECK:   %[[TWO:.*]] = tensorrt.constant dense<2.000000e+00> : tensor<f32>
//       CHECK:   %[[S:.*]] = tensorrt.reshape %arg0 : tensor<3xf32> to tensor<3x1xf32>
//       CHECK:   %[[W:.*]] = tensorrt.slice %[[S]][0, 0][3, 2][1, 1] fill(%[[TWO]] : tensor<f32>)
//       CHECK:   %[[M:.*]] = tensorrt.reshape %[[W]] : tensor<3x2xf32> to tensor<6xf32>
//       CHECK:   %[[D:.*]] = tensorrt.slice %[[M]][0][5][1] fill(%[[TWO]] : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<6xf32> to tensor<5xf32>
//       CHECK:   %[[SH:.*]] = tensorrt.slice %[[D]][2][5][1] {mode = #tensorrt.slice_mode<kFILL>}
//       CHECK:   %[[SUM:.*]] = tensorrt.element_wise <kSUM>(%[[D]], %[[SH]] :
//       CHECK:   %[[T:.*]] = tensorrt.slice %[[SUM]][0][3][1] : tensor<5xf32> to tensor<3xf32>
//       CHECK:   %[[I:.*]] = tensorrt.expand_rank %[[TWO]] : tensor<f32> to tensor<1xf32>
//       CHECK:   tensorrt.element_wise <kSUM>(%[[T]], %[[I]] : tensor<3xf32>, tensor<1xf32>) -> tensor<3xf32>
func.func @dilated_sum(%x: tensor<3xf32>) -> tensor<3xf32> {
  %two = stablehlo.constant dense<2.000000e+00> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %two) <{base_dilations = array<i64: 2>, window_dilations = array<i64: 2>, window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// i1 or-windows fold with kOR.
// CHECK-LABEL: func.func @bool_or
//       CHECK:   %[[P:.*]] = tensorrt.slice %arg0[-1][6][1] fill(%{{.*}} : tensor<i1>)
//       CHECK:   %[[S1:.*]] = tensorrt.slice %[[P]][1][6][1]
//       CHECK:   %[[R2:.*]] = tensorrt.element_wise <kOR>(%[[P]], %[[S1]] :
//       CHECK:   %[[S2:.*]] = tensorrt.slice %[[P]][2][6][1]
//       CHECK:   %[[R3:.*]] = tensorrt.element_wise <kOR>(%[[R2]], %[[S2]] :
//       CHECK:   tensorrt.slice %[[R3]][0][4][1] : tensor<6xi1> to tensor<4xi1>
func.func @bool_or(%x: tensor<4xi1>) -> tensor<4xi1> {
  %f = stablehlo.constant dense<false> : tensor<i1>
  %0 = "stablehlo.reduce_window"(%x, %f) <{padding = dense<[[1, 1]]> : tensor<1x2xi64>, window_dimensions = array<i64: 3>}> ({
  ^bb0(%a: tensor<i1>, %b: tensor<i1>):
    %m = stablehlo.or %a, %b : tensor<i1>
    stablehlo.return %m : tensor<i1>
  }) : (tensor<4xi1>, tensor<i1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}
