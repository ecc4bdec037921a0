// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file | FileCheck %s

// Sharded JAX programs without Shardy (jax_use_shardy_partitioner=False):
// `mhlo.sharding` strings on arguments and results are left alone, and the
// sharding custom calls become their operands.

// jax.jit(f, in_shardings=..., out_shardings=...) with a constraint inside.
// CHECK-LABEL: module @jit_f
//       CHECK:   func.func public @main(%[[X:[a-z0-9]+]]: tensor<8x4xf32> {mhlo.sharding = "{devices=[2,1]<=[2]}"
//  CHECK-NEXT:     %[[S:.*]] = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kSIN>} %[[X]]
//  CHECK-NEXT:     %[[A:.*]] = tensorrt.element_wise <kSUM>(%[[S]], %[[X]] :
//  CHECK-NEXT:     return %[[A]]
module @jit_f attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<8x4xf32> {mhlo.sharding = "{devices=[2,1]<=[2]}"}) -> (tensor<8x4xf32> {jax.result_info = "result", mhlo.sharding = "{devices=[2,1]<=[2]}"}) {
    %0 = stablehlo.sine %arg0 : tensor<8x4xf32>
    %1 = stablehlo.custom_call @Sharding(%0) {backend_config = "", mhlo.sharding = "{devices=[1,2]<=[2]}"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %2 = stablehlo.add %1, %arg0 : tensor<8x4xf32>
    return %2 : tensor<8x4xf32>
  }
}

// -----

// shard_map with in_specs and out_specs P(): the body is called on whole
// values, and the call is inlined.
// CHECK-LABEL: module @jit_shard_map
//       CHECK:   func.func public @main(%[[X:[a-z0-9]+]]: tensor<8x4xf32>)
//  CHECK-NEXT:     %[[C:.*]] = tensorrt.constant dense<2.000000e+00>
//  CHECK-NEXT:     %[[B:.*]] = tensorrt.broadcast %[[C]]
//  CHECK-NEXT:     %[[M:.*]] = tensorrt.element_wise <kPROD>(%[[X]], %[[B]] :
//  CHECK-NEXT:     return %[[M]]
//   CHECK-NOT:   func.func private
module @jit_shard_map attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<8x4xf32>) -> (tensor<8x4xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.custom_call @Sharding(%arg0) {backend_config = "", mhlo.sharding = "{replicated}"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %1 = stablehlo.custom_call @SPMDFullToShardShape(%0) {backend_config = "", mhlo.sharding = "{manual}"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %2 = call @shmap_body(%1) : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %3 = stablehlo.custom_call @Sharding(%2) {backend_config = "", mhlo.sharding = "{manual}"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %4 = stablehlo.custom_call @SPMDShardToFullShape(%3) {backend_config = "", mhlo.sharding = "{replicated}"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %4 : tensor<8x4xf32>
  }
  func.func private @shmap_body(%arg0: tensor<8x4xf32>) -> (tensor<8x4xf32> {jax.result_info = "[None, None]"}) {
    %cst = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<8x4xf32>
    %1 = stablehlo.multiply %arg0, %0 : tensor<8x4xf32>
    return %1 : tensor<8x4xf32>
  }
}
