// RUN: kiln-opt %s | FileCheck %s

// A module as JAX prints it: module, argument and result attributes of the
// `mhlo`, `jax` and sharding kinds are kept and otherwise ignored, and
// private functions are called with `call`.

// CHECK: module @jit_f attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32}
module @jit_f attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  // CHECK: func.func public @main(%{{.*}}: tensor<4xf32> {mhlo.layout_mode = "default", mhlo.sharding = "{replicated}"})
  func.func public @main(%arg0: tensor<4xf32> {mhlo.layout_mode = "default", mhlo.sharding = "{replicated}"}) -> (tensor<4xf32> {jax.result_info = "result", mhlo.layout_mode = "default"}) {
    // CHECK: call @relu
    %0 = call @relu(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }
  func.func private @relu(%arg0: tensor<4xf32>) -> tensor<4xf32> attributes {mhlo.frontend_attributes = {xla_shape = "f32[4]"}} {
    %cst = stablehlo.constant {mhlo.sharding = "{replicated}"} dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %1 = stablehlo.maximum %arg0, %0 : tensor<4xf32>
    return %1 : tensor<4xf32>
  }
}
