// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -mlir-print-local-scope | FileCheck %s

// The shape ops jax.export writes for a symbolic batch `b`: the sizes are
// read from the tensors when the engine runs.

// CHECK-LABEL: func.func @get_dimension_size
//       CHECK:   %[[S:.*]] = tensorrt.shape %arg0 : tensor<?x4xf32> -> tensor<2xi32>
//       CHECK:   %[[E:.*]] = tensorrt.slice %[[S]][0][1][1] : tensor<2xi32> to tensor<1xi32>
//       CHECK:   %[[B:.*]] = tensorrt.reshape %[[E]] : tensor<1xi32> to tensor<i32>
//       CHECK:   %[[C:.*]] = tensorrt.constant dense<4> : tensor<i32>
//       CHECK:   return %[[B]], %[[C]]
func.func @get_dimension_size(%x: tensor<?x4xf32>) -> (tensor<i32>, tensor<i32>) {
  %0 = stablehlo.get_dimension_size %x, dim = 0 : (tensor<?x4xf32>) -> tensor<i32>
  %1 = stablehlo.get_dimension_size %x, dim = 1 : (tensor<?x4xf32>) -> tensor<i32>
  return %0, %1 : tensor<i32>, tensor<i32>
}

// -----

// A new `?` dimension is sized by element_wise against zeros of the run-time
// shape; a `?` the operand has keeps its size, static growth broadcasts
// against a zero constant.
// CHECK-LABEL: func.func @dynamic_broadcast_in_dim
//       CHECK:   %[[SHAPE:.*]] = tensorrt.concatenation
//       CHECK:   %[[S:.*]] = tensorrt.expand_rank %arg1 : tensor<f32> to tensor<1x1xf32>
//       CHECK:   %[[START:.*]] = tensorrt.constant dense<0.000000e+00> : tensor<f32>
//       CHECK:   %[[STEP:.*]] = tensorrt.constant dense<0.000000e+00> : tensor<2xf32>
//       CHECK:   %[[Z:.*]] = tensorrt.linspace[%[[START]] : tensor<f32>] [%[[SHAPE]] : tensor<2xi32>] [%[[STEP]] : tensor<2xf32>] : tensor<?x8xf32>
//       CHECK:   %[[A:.*]] = tensorrt.element_wise <kSUM>(%[[S]], %[[Z]] : tensor<1x1xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
//       CHECK:   %[[V:.*]] = tensorrt.expand_rank %arg2 : tensor<?xf32> to tensor<?x1xf32>
//       CHECK:   %[[C:.*]] = tensorrt.constant dense<0.000000e+00> : tensor<1x8xf32>
//       CHECK:   %[[B:.*]] = tensorrt.element_wise <kSUM>(%[[V]], %[[C]] : tensor<?x1xf32>, tensor<1x8xf32>) -> tensor<?x8xf32>
//       CHECK:   return %[[A]], %[[B]]
func.func @dynamic_broadcast_in_dim(%b: tensor<i32>, %s: tensor<f32>, %v: tensor<?xf32>) -> (tensor<?x8xf32>, tensor<?x8xf32>) {
  %c = stablehlo.constant dense<8> : tensor<1xi32>
  %0 = stablehlo.reshape %b : (tensor<i32>) -> tensor<1xi32>
  %1 = stablehlo.concatenate %0, %c, dim = 0 : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %2 = stablehlo.dynamic_broadcast_in_dim %s, %1, dims = [] : (tensor<f32>, tensor<2xi32>) -> tensor<?x8xf32>
  %3 = stablehlo.dynamic_broadcast_in_dim %v, %1, dims = [0] : (tensor<?xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  return %2, %3 : tensor<?x8xf32>, tensor<?x8xf32>
}

// -----

// A static result is a plain broadcast; an i64 shape is cast to i32; a
// dimension order that is not increasing is a transpose first; i1 values
// are or-ed with false.
// CHECK-LABEL: func.func @dynamic_broadcast_forms
//       CHECK:   tensorrt.broadcast %arg0 broadcast_dims<1> : tensor<3xf32> to tensor<2x3xf32>
//       CHECK:   %[[T:.*]] = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>} %arg1 : tensor<?x3xf32> to tensor<3x?xf32>
//       CHECK:   %[[E:.*]] = tensorrt.expand_rank %[[T]] : tensor<3x?xf32> to tensor<3x?x1xf32>
//       CHECK:   %[[S:.*]] = tensorrt.cast %arg2 : tensor<3xi64> to tensor<3xi32>
//       CHECK:   %[[Z:.*]] = tensorrt.linspace[%{{.*}} : tensor<f32>] [%[[S]] : tensor<3xi32>] [%{{.*}} : tensor<3xf32>] : tensor<3x?x?xf32>
//       CHECK:   tensorrt.element_wise <kSUM>(%[[E]], %[[Z]] : tensor<3x?x1xf32>, tensor<3x?x?xf32>) -> tensor<3x?x?xf32>
//       CHECK:   %[[P:.*]] = tensorrt.expand_rank %arg3 : tensor<i1> to tensor<1xi1>
//       CHECK:   %[[ZI:.*]] = tensorrt.linspace[ 0.000000e+00] [%{{.*}} : tensor<1xi32>] [ 0.000000e+00] : tensor<?xi32>
//       CHECK:   %[[ZB:.*]] = tensorrt.cast %[[ZI]] : tensor<?xi32> to tensor<?xi1>
//       CHECK:   tensorrt.element_wise <kOR>(%[[P]], %[[ZB]] : tensor<1xi1>, tensor<?xi1>) -> tensor<?xi1>
func.func @dynamic_broadcast_forms(%x: tensor<3xf32>, %y: tensor<?x3xf32>, %shape: tensor<3xi64>, %p: tensor<i1>, %n: tensor<1xi32>) -> (tensor<2x3xf32>, tensor<3x?x?xf32>, tensor<?xi1>) {
  %c = stablehlo.constant dense<[2, 3]> : tensor<2xi32>
  %0 = stablehlo.dynamic_broadcast_in_dim %x, %c, dims = [1] : (tensor<3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  %1 = stablehlo.dynamic_broadcast_in_dim %y, %shape, dims = [1, 0] : (tensor<?x3xf32>, tensor<3xi64>) -> tensor<3x?x?xf32>
  %2 = stablehlo.dynamic_broadcast_in_dim %p, %n, dims = [] : (tensor<i1>, tensor<1xi32>) -> tensor<?xi1>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<3x?x?xf32>, tensor<?xi1>
}

// -----

// One `?` is derived from the element count; several need the shape.
// CHECK-LABEL: func.func @dynamic_reshape
//       CHECK:   tensorrt.reshape %arg0 : tensor<?x2x3xf32> to tensor<?x6xf32>
//       CHECK:   tensorrt.reshape %arg0 shape(%arg2: tensor<3xi32>) : tensor<?x2x3xf32> to tensor<?x?x3xf32>
func.func @dynamic_reshape(%x: tensor<?x2x3xf32>, %shape: tensor<2xi32>, %shape3: tensor<3xi32>) -> (tensor<?x6xf32>, tensor<?x?x3xf32>) {
  %0 = stablehlo.dynamic_reshape %x, %shape : (tensor<?x2x3xf32>, tensor<2xi32>) -> tensor<?x6xf32>
  %1 = stablehlo.dynamic_reshape %x, %shape3 : (tensor<?x2x3xf32>, tensor<3xi32>) -> tensor<?x?x3xf32>
  return %0, %1 : tensor<?x6xf32>, tensor<?x?x3xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_iota
//       CHECK:   tensorrt.linspace[ 0.000000e+00] [%arg0 : tensor<1xi32>] [ 1.000000e+00] : tensor<?xf32>
//       CHECK:   %[[START:.*]] = tensorrt.constant dense<0.000000e+00> : tensor<f32>
//       CHECK:   %[[STEP:.*]] = tensorrt.constant dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[I:.*]] = tensorrt.linspace[%[[START]] : tensor<f32>] [%arg1 : tensor<2xi32>] [%[[STEP]] : tensor<2xf32>] : tensor<?x4xf32>
//       CHECK:   tensorrt.cast %[[I]] : tensor<?x4xf32> to tensor<?x4xf16>
//       CHECK:   %[[J:.*]] = tensorrt.linspace[ 0.000000e+00] [%arg0 : tensor<1xi32>] [ 1.000000e+00] : tensor<?xi32>
//       CHECK:   return %{{.*}}, %{{.*}}, %[[J]]
func.func @dynamic_iota(%n: tensor<1xi32>, %shape: tensor<2xi32>) -> (tensor<?xf32>, tensor<?x4xf16>, tensor<?xi32>) {
  %0 = stablehlo.dynamic_iota %n, dim = 0 : (tensor<1xi32>) -> tensor<?xf32>
  %1 = stablehlo.dynamic_iota %shape, dim = 1 : (tensor<2xi32>) -> tensor<?x4xf16>
  %2 = stablehlo.dynamic_iota %n, dim = 0 : (tensor<1xi32>) -> tensor<?xi32>
  return %0, %1, %2 : tensor<?xf32>, tensor<?x4xf16>, tensor<?xi32>
}

// -----

// Size ceil((limit - start) / stride), from the shape tensors.
// CHECK-LABEL: func.func @real_dynamic_slice
//       CHECK:   %[[ONE:.*]] = tensorrt.constant dense<1> : tensor<2xi32>
//       CHECK:   %[[EXTENT:.*]] = tensorrt.element_wise <kSUB>(%arg2, %arg1 : {{.*}})
//       CHECK:   %[[M:.*]] = tensorrt.element_wise <kSUB>(%arg3, %[[ONE]] : {{.*}})
//       CHECK:   %[[R:.*]] = tensorrt.element_wise <kSUM>(%[[EXTENT]], %[[M]] : {{.*}})
//       CHECK:   %[[SIZE:.*]] = tensorrt.element_wise <kDIV>(%[[R]], %arg3 : {{.*}})
//       CHECK:   tensorrt.slice %arg0[%arg1: tensor<2xi32>][%[[SIZE]]: tensor<2xi32>][%arg3: tensor<2xi32>] : tensor<?x4xf32> to tensor<?x?xf32>
func.func @real_dynamic_slice(%x: tensor<?x4xf32>, %start: tensor<2xi32>, %limit: tensor<2xi32>, %strides: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = stablehlo.real_dynamic_slice %x, %start, %limit, %strides : (tensor<?x4xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Padding is a kFILL slice from -low, of size shape + low + high.
// CHECK-LABEL: func.func @dynamic_pad
//       CHECK:   %[[START:.*]] = tensorrt.element_wise <kSUB>(%{{.*}}, %arg2 : {{.*}})
//       CHECK:   %[[SHAPE:.*]] = tensorrt.shape %arg0
//       CHECK:   %[[A:.*]] = tensorrt.element_wise <kSUM>(%[[SHAPE]], %arg2 : {{.*}})
//       CHECK:   %[[SIZE:.*]] = tensorrt.element_wise <kSUM>(%[[A]], %arg3 : {{.*}})
//       CHECK:   tensorrt.slice %arg0[%[[START]]: tensor<1xi32>][%[[SIZE]]: tensor<1xi32>][%{{.*}}: tensor<1xi32>] fill(%arg1 : tensor<f32>) {mode = #tensorrt.slice_mode<kFILL>} : tensor<?xf32> to tensor<?xf32>
func.func @dynamic_pad(%x: tensor<?xf32>, %v: tensor<f32>, %low: tensor<1xi32>, %high: tensor<1xi32>) -> tensor<?xf32> {
  %interior = stablehlo.constant dense<0> : tensor<1xi32>
  %0 = stablehlo.dynamic_pad %x, %v, %low, %high, %interior : (tensor<?xf32>, tensor<f32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// x[1:b-1] with a symbolic b: the start is clamped into [0, shape - size].
// CHECK-LABEL: func.func @dynamic_gather_slice
//       CHECK:   %[[S0:.*]] = tensorrt.slice %arg1[0][1][1] : tensor<1xi32> to tensor<1xi32>
//       CHECK:   %[[Z:.*]] = tensorrt.constant dense<0> : tensor<1xi32>
//       CHECK:   %[[START:.*]] = tensorrt.concatenation {axis = 0 : i32} ins(%[[S0]], %[[Z]] : tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
//       CHECK:   %[[SHAPE:.*]] = tensorrt.shape %arg0
//       CHECK:   %[[HI:.*]] = tensorrt.element_wise <kSUB>(%[[SHAPE]], %arg2 : {{.*}})
//       CHECK:   %[[MIN:.*]] = tensorrt.element_wise <kMIN>(%[[START]], %[[HI]] : {{.*}})
//       CHECK:   %[[CLAMPED:.*]] = tensorrt.element_wise <kMAX>(%{{.*}}, %[[MIN]] : {{.*}})
//       CHECK:   tensorrt.slice %arg0[%[[CLAMPED]]: tensor<2xi32>][%arg2: tensor<2xi32>][%{{.*}}: tensor<2xi32>] : tensor<?x4xf32> to tensor<?x4xf32>
func.func @dynamic_gather_slice(%x: tensor<?x4xf32>, %start: tensor<1xi32>, %sizes: tensor<2xi32>) -> tensor<?x4xf32> {
  %0 = "stablehlo.dynamic_gather"(%x, %start, %sizes) <{dimension_numbers = #stablehlo.gather<offset_dims = [0, 1], start_index_map = [0]>, indices_are_sorted = true}> : (tensor<?x4xf32>, tensor<1xi32>, tensor<2xi32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// What jax.export writes for relu(x @ w) with x: (b, 4): the shape
// assertion becomes a run-time assertion, the wrapped function is inlined.
// CHECK-LABEL: func.func public @main
//  CHECK-SAME:   (%arg0: tensor<?x4xf32>, %arg1: tensor<4x8xf32>)
//       CHECK:   %[[B:.*]] = tensorrt.reshape %{{.*}} : tensor<1xi32> to tensor<i32>
//       CHECK:   %[[OK:.*]] = tensorrt.element_wise <kGREATER>
//       CHECK:   %[[EQ:.*]] = tensorrt.element_wise <kEQUAL>
//       CHECK:   %[[GE:.*]] = tensorrt.element_wise <kOR>(%[[OK]], %[[EQ]]
//       CHECK:   tensorrt.assertion {message = "Input shapes do not match the polymorphic shapes specification. Expected value >= 1 for dimension variable 'b'. Obtained 'b' = ?."} ins(%[[GE]] : tensor<i1>)
//       CHECK:   tensorrt.matrix_multiply
//       CHECK:   tensorrt.linspace
//       CHECK:   tensorrt.element_wise <kSUM>
//       CHECK:   tensorrt.element_wise <kMAX>
//   CHECK-NOT:   stablehlo
//   CHECK-NOT:   func.func private
module @jit_mlp attributes {jax.uses_shape_polymorphism = true, mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<?x4xf32>, %arg1: tensor<4x8xf32>) -> (tensor<?x8xf32> {jax.result_info = "result"}) {
    %c = stablehlo.constant dense<1> : tensor<i32>
    %0 = stablehlo.get_dimension_size %arg0, dim = 0 : (tensor<?x4xf32>) -> tensor<i32>
    %1 = stablehlo.compare GE, %0, %c, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.custom_call @shape_assertion(%1, %0) {api_version = 2 : i32, error_message = "Input shapes do not match the polymorphic shapes specification. Expected value >= 1 for dimension variable 'b'. Obtained 'b' = {0}.", has_side_effect = true} : (tensor<i1>, tensor<i32>) -> ()
    %2 = call @_wrapped_jax_export_main(%0, %arg0, %arg1) : (tensor<i32>, tensor<?x4xf32>, tensor<4x8xf32>) -> tensor<?x8xf32>
    return %2 : tensor<?x8xf32>
  }
  func.func private @_wrapped_jax_export_main(%arg0: tensor<i32> {jax.global_constant = "b"}, %arg1: tensor<?x4xf32> loc("x"), %arg2: tensor<4x8xf32> loc("w")) -> (tensor<?x8xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.dot_general %arg1, %arg2, contracting_dims = [1] x [0] : (tensor<?x4xf32>, tensor<4x8xf32>) -> tensor<?x8xf32>
    %1 = call @relu(%arg0, %0) : (tensor<i32>, tensor<?x8xf32>) -> tensor<?x8xf32>
    return %1 : tensor<?x8xf32>
  }
  func.func private @relu(%arg0: tensor<i32> {jax.global_constant = "b"}, %arg1: tensor<?x8xf32>) -> tensor<?x8xf32> {
    %c = stablehlo.constant dense<8> : tensor<1xi32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.reshape %arg0 : (tensor<i32>) -> tensor<1xi32>
    %1 = stablehlo.concatenate %0, %c, dim = 0 : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %2 = stablehlo.dynamic_broadcast_in_dim %cst, %1, dims = [] : (tensor<f32>, tensor<2xi32>) -> tensor<?x8xf32>
    %3 = stablehlo.maximum %arg1, %2 : tensor<?x8xf32>
    return %3 : tensor<?x8xf32>
  }
}
