// RUN: kiln-opt %s -split-input-file | kiln-opt -split-input-file | FileCheck %s

// IR laid out the way the MLIR-TensorRT project writes it (attribute
// dictionaries over several lines, no space before `:` in operand lists,
// a space between a slice input and its brackets) parses unchanged.

// -----

func.func @layered(%arg0: tensor<2x3x224x224xf32>, %arg1: tensor<1x3x1x1xf32>) -> tensor<2x224x224xf32> {
  %0 = tensorrt.element_wise <kPROD>(%arg0, %arg1 : tensor<2x3x224x224xf32>, tensor<1x3x1x1xf32>) -> tensor<2x3x224x224xf32>
  %1 = tensorrt.activation {
    activationType = #tensorrt.activation_type<kLEAKY_RELU>,
    alpha = 0.1 : f32
  } %0 : tensor<2x3x224x224xf32>
  %2 = tensorrt.reduce <kMAX> %1 {
    reduceAxes = array<i64: 1>,
    keepDimensions = false
  } : tensor<2x3x224x224xf32> -> tensor<2x224x224xf32>
  return %2 : tensor<2x224x224xf32>
}
// CHECK-LABEL: func.func @layered
//  CHECK-NEXT:   %[[P:.+]] = tensorrt.element_wise <kPROD>
//  CHECK-NEXT:   %[[A:.+]] = tensorrt.activation {activationType = #tensorrt.activation_type<kLEAKY_RELU>, alpha = 1.000000e-01 : f32} %[[P]]
//  CHECK-NEXT:   tensorrt.reduce <kMAX> %[[A]] {reduceAxes = array<i64: 1>} : tensor<2x3x224x224xf32> -> tensor<2x224x224xf32>

// -----

func.func @matmul_vector(%arg0: tensor<1x64xf32>, %arg1: tensor<10x64x128xf32>) -> tensor<10x128xf32> {
  %0 = tensorrt.matrix_multiply {
    op0 = #tensorrt.matrix_operation<kVECTOR>,
    op1 = #tensorrt.matrix_operation<kNONE>
  } ins(%arg0, %arg1 : tensor<1x64xf32>, tensor<10x64x128xf32>) -> tensor<10x128xf32>
  return %0 : tensor<10x128xf32>
}
// CHECK-LABEL: func.func @matmul_vector
//  CHECK-NEXT:   tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kVECTOR>, op1 = #tensorrt.matrix_operation<kNONE>} ins(%{{.+}}, %{{.+}} : tensor<1x64xf32>, tensor<10x64x128xf32>) -> tensor<10x128xf32>

// -----

func.func @no_space_before_colon(%arg0: tensor<1x10xf32>, %arg1: tensor<3x10xf32>, %c: tensor<4x10xi1>) -> tensor<4x10xf32> {
  %0 = tensorrt.concatenation {axis = 0 : i32} ins(%arg0, %arg1: tensor<1x10xf32>, tensor<3x10xf32>) -> tensor<4x10xf32>
  %1 = tensorrt.select ins(%c, %0, %0: tensor<4x10xi1>, tensor<4x10xf32>, tensor<4x10xf32>) -> tensor<4x10xf32>
  return %1 : tensor<4x10xf32>
}
// CHECK-LABEL: func.func @no_space_before_colon
//  CHECK-NEXT:   tensorrt.concatenation {axis = 0 : i32} ins(%{{.+}}, %{{.+}} : tensor<1x10xf32>, tensor<3x10xf32>) -> tensor<4x10xf32>
//  CHECK-NEXT:   tensorrt.select ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<4x10xi1>, tensor<4x10xf32>, tensor<4x10xf32>) -> tensor<4x10xf32>

// -----

func.func @slice_and_shapes(%arg0: tensor<128x128xf32>, %arg1: tensor<100x1x100xf32>) -> (tensor<130x130xf32>, tensor<1x100x100xf32>) {
  %cst = tensorrt.constant dense<0.0> : tensor<1xf32>
  %0 = tensorrt.slice %arg0 [-1, -1][130, 130][1, 1] fill(%cst : tensor<1xf32>) {
    mode = #tensorrt.slice_mode<kFILL>
  }: tensor<128x128xf32> to tensor<130x130xf32>
  %1 = tensorrt.collapse_rank %arg1 : tensor<100x1x100xf32> to tensor<100x100xf32>
  %2 = tensorrt.expand_rank %1 : tensor<100x100xf32> to tensor<1x100x100xf32>
  return %0, %2 : tensor<130x130xf32>, tensor<1x100x100xf32>
}
// CHECK-LABEL: func.func @slice_and_shapes
//  CHECK-NEXT:   %[[CST:.+]] = tensorrt.constant dense<0.000000e+00> : tensor<1xf32>
//  CHECK-NEXT:   tensorrt.slice %{{.+}}[-1, -1][130, 130][1, 1] fill(%[[CST]] : tensor<1xf32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<128x128xf32> to tensor<130x130xf32>
//  CHECK-NEXT:   tensorrt.collapse_rank
//  CHECK-NEXT:   tensorrt.expand_rank

// -----

func.func @shuffle_and_transpose(%arg0: tensor<2x224x224x3xf32>) -> tensor<224x2x3x224xf32> {
  %0 = tensorrt.shuffle {
    first_transpose = array<i64: 0, 3, 1, 2>,
    reshape = array<i64: 2, 3, 224, 224>,
    second_transpose = array<i64: 0, 1, 2, 3>,
    zero_is_placeholder = true
  } ins(%arg0 : tensor<2x224x224x3xf32>) -> tensor<2x3x224x224xf32>
  %1 = tensorrt.transpose {permutation = affine_map<(d0, d1, d2, d3)->(d2, d0, d1, d3)>}
        %0 : tensor<2x3x224x224xf32> to tensor<224x2x3x224xf32>
  return %1 : tensor<224x2x3x224xf32>
}
// CHECK-LABEL: func.func @shuffle_and_transpose
//  CHECK-NEXT:   tensorrt.shuffle {first_transpose = array<i64: 0, 3, 1, 2>, reshape = array<i64: 2, 3, 224, 224>, second_transpose = array<i64: 0, 1, 2, 3>} ins(%{{.+}} : tensor<2x224x224x3xf32>) -> tensor<2x3x224x224xf32>
//  CHECK-NEXT:   tensorrt.transpose {permutation = #{{.+}}} %{{.+}} : tensor<2x3x224x224xf32> to tensor<224x2x3x224xf32>

// -----

func.func @softmax_identity_unary(%arg0: tensor<10x10x10xf32>) -> tensor<10x10x10xf16> {
  %0 = tensorrt.softmax {axis = 2 : i64} %arg0 : tensor<10x10x10xf32>
  %1 = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %0 : tensor<10x10x10xf32>
  %2 = tensorrt.identity %1 : tensor<10x10x10xf32> to tensor<10x10x10xf16>
  return %2 : tensor<10x10x10xf16>
}
// CHECK-LABEL: func.func @softmax_identity_unary
//  CHECK-NEXT:   tensorrt.softmax {axis = 2 : i64} %{{.+}} : tensor<10x10x10xf32>
//  CHECK-NEXT:   tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kLOG>} %{{.+}} : tensor<10x10x10xf32>
//  CHECK-NEXT:   tensorrt.identity %{{.+}} : tensor<10x10x10xf32> to tensor<10x10x10xf16>
