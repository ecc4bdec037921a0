// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file | FileCheck %s

// Sharded JAX programs (Shardy's `sdy` annotations) compile for one device:
// the mesh is erased, sharding constraints and reshards become their
// operands, sharding groups disappear, and the sharding attributes on
// arguments and results are left alone.

// jax.jit(mlp, in_shardings=..., out_shardings=...) on a 2-device mesh, with
// a with_sharding_constraint inside.
// CHECK-LABEL: module @jit_mlp
//   CHECK-NOT:   sdy.mesh
//       CHECK:   func.func public @main
//       CHECK:     tensorrt.matrix_multiply
//       CHECK:     tensorrt.element_wise <kMAX>
//  CHECK-NEXT:     tensorrt.matrix_multiply
//   CHECK-NOT:     sdy.
//       CHECK:     return
//   CHECK-NOT:   func.func private
module @jit_mlp attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=2]> {stablehlo.mesh = {axes = [{name = "x", size = 2 : i64}]}}
  func.func public @main(%arg0: tensor<8x16xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {}]>}, %arg1: tensor<16x32xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}, {"x"}]>}, %arg2: tensor<32x4xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {}]>}) -> (tensor<8x4xf32> {jax.result_info = "result", sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {}]>}) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<8x16xf32>, tensor<16x32xf32>) -> tensor<8x32xf32>
    %1 = call @relu(%0) : (tensor<8x32xf32>) -> tensor<8x32xf32>
    %2 = sdy.sharding_constraint %1 <@mesh, [{"x"}, {}]> : tensor<8x32xf32>
    %3 = stablehlo.dot_general %2, %arg2, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<8x32xf32>, tensor<32x4xf32>) -> tensor<8x4xf32>
    return %3 : tensor<8x4xf32>
  }
  func.func private @relu(%arg0: tensor<8x32xf32>) -> tensor<8x32xf32> {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<8x32xf32>
    %1 = stablehlo.maximum %arg0, %0 : tensor<8x32xf32>
    return %1 : tensor<8x32xf32>
  }
}

// -----

// A constraint inside a private function is inlined with it; reshard
// (explicit sharding mode) and shard_alike's sharding groups are dropped;
// shardings may name an inline mesh, sub-axes, open dimensions, priorities
// and replicated/unreduced axes.
// CHECK-LABEL: module @jit_constraints
//       CHECK:   func.func public @main(%[[X:[a-z0-9]+]]: tensor<8x4xf32> {sdy.sharding
//  CHECK-NEXT:     %[[S:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>} %[[X]]
//  CHECK-NEXT:     %[[A:.*]] = tensorrt.element_wise <kSUM>(%[[S]], %[[S]] :
//  CHECK-NEXT:     return %[[A]]
module @jit_constraints attributes {mhlo.num_partitions = 4 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=2, "y"=2], device_ids=[3, 2, 1, 0]>
  sdy.mesh @maximal = <[], device_ids=[0]>
  func.func public @main(%arg0: tensor<8x4xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x", ?}, {?}p1], replicated={"y"}>}) -> (tensor<8x4xf32> {jax.result_info = "result", sdy.sharding = #sdy.sharding<<["z"=4]>, [{"z":(1)2}, {}], unreduced={"z":(2)2}>}) {
    sdy.sharding_group %arg0 group_id=0 : tensor<8x4xf32>
    %0 = call @sine(%arg0) : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %1 = sdy.reshard %0 <@mesh, [{}, {"x"}]> : tensor<8x4xf32>
    %2 = sdy.sharding_constraint %1 <@maximal, []> : tensor<8x4xf32>
    %3 = stablehlo.add %2, %0 : tensor<8x4xf32>
    return %3 : tensor<8x4xf32>
  }
  func.func private @sine(%arg0: tensor<8x4xf32>) -> tensor<8x4xf32> {
    %0 = stablehlo.sine %arg0 : tensor<8x4xf32>
    %1 = sdy.sharding_constraint %0 <@mesh, [{"x", "y"}, {}]> : tensor<8x4xf32>
    return %1 : tensor<8x4xf32>
  }
}

// -----

// shard_map with replicated in_specs and out_specs (P()): every device runs
// the body on whole values, so one device computes the same; the body is
// inlined (calls inside it too).
// CHECK-LABEL: module @jit_shard_map
//       CHECK:   func.func public @main(%[[X:[a-z0-9]+]]: tensor<8x4xf32>)
//  CHECK-NEXT:     %[[C:.*]] = tensorrt.constant dense<2.000000e+00>
//  CHECK-NEXT:     %[[B:.*]] = tensorrt.broadcast %[[C]]
//  CHECK-NEXT:     %[[M:.*]] = tensorrt.element_wise <kPROD>(%[[X]], %[[B]] :
//  CHECK-NEXT:     %[[T:.*]] = tensorrt.activation {activationType = #tensorrt.activation_type<kTANH>} %[[M]]
//  CHECK-NEXT:     return %[[T]]
module @jit_shard_map attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=2]> {stablehlo.mesh = {axes = [{name = "x", size = 2 : i64}]}}
  func.func public @main(%arg0: tensor<8x4xf32>) -> (tensor<8x4xf32> {jax.result_info = "result"}) {
    %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{}, {}]>] out_shardings=[<@mesh, [{}, {}]>] manual_axes={"x"} (%arg1: tensor<8x4xf32>) {
      %cst = stablehlo.constant dense<2.000000e+00> : tensor<f32>
      %1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<8x4xf32>
      %2 = stablehlo.multiply %arg1, %1 : tensor<8x4xf32>
      %3 = func.call @squash(%2) : (tensor<8x4xf32>) -> tensor<8x4xf32>
      sdy.return %3 : tensor<8x4xf32>
    } : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %0 : tensor<8x4xf32>
  }
  func.func private @squash(%arg0: tensor<8x4xf32>) -> tensor<8x4xf32> {
    %0 = stablehlo.tanh %arg0 : tensor<8x4xf32>
    return %0 : tensor<8x4xf32>
  }
}

// -----

// A mesh axis of size 1 splits nothing: P("x") on a 1-device mesh is whole.
// CHECK-LABEL: module @jit_one_device
//       CHECK:   func.func public @main(%[[X:[a-z0-9]+]]: tensor<4x2xf32>, %[[Y:[a-z0-9]+]]: tensor<4x2xf32>)
//  CHECK-NEXT:     %[[A:.*]] = tensorrt.element_wise <kSUM>(%[[X]], %[[Y]] :
//  CHECK-NEXT:     return %[[A]]
module @jit_one_device attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=1]>
  func.func public @main(%arg0: tensor<4x2xf32>, %arg1: tensor<4x2xf32>) -> (tensor<4x2xf32> {jax.result_info = "result"}) {
    %0 = sdy.manual_computation(%arg0, %arg1) in_shardings=[<@mesh, [{"x"}, {}]>, <@mesh, [{"x"}, {}]>] out_shardings=[<@mesh, [{"x"}, {}]>] manual_axes={"x"} (%arg2: tensor<4x2xf32>, %arg3: tensor<4x2xf32>) {
      %1 = stablehlo.add %arg2, %arg3 : tensor<4x2xf32>
      sdy.return %1 : tensor<4x2xf32>
    } : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    return %0 : tensor<4x2xf32>
  }
}
