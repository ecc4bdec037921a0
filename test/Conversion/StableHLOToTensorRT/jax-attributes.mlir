// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt | FileCheck %s
// RUN: kiln-compile %s --print-plan | FileCheck %s --check-prefix=PLAN

// The module, argument, result and op attributes JAX writes (replication
// and partition counts, donation and aliasing, layouts, result names,
// frontend attributes, shape polymorphism, GSPMD sharding strings) and
// jax.export's locations are accepted and do not change the program.

// CHECK-LABEL: module @jit_f
//       CHECK:   func.func public @main
//  CHECK-SAME:     tf.aliasing_output = 0 : i32
//  CHECK-SAME:     jax.buffer_donor = true
//  CHECK-SAME:     jax.result_info = "result[0]"
//       CHECK:     tensorrt.unary {{.*}}kSIN
//       CHECK:     tensorrt.element_wise <kSUM>
//       CHECK:     tensorrt.reduce <kSUM>
// PLAN: step unary
// PLAN: step element_wise
// PLAN: step reduce
#loc1 = loc("x")
module @jit_f attributes {jax.uses_shape_polymorphism = false, mhlo.frontend_attributes = {xla.sdy.use_tuple_args = "t"}, mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4xf32> {mhlo.layout_mode = "default", tf.aliasing_output = 0 : i32} loc("x"), %arg1: tensor<4xf32> {jax.buffer_donor = true, mhlo.layout_mode = "{0}", mhlo.sharding = "{replicated}"} loc("y")) -> (tensor<4xf32> {jax.result_info = "result[0]", mhlo.layout_mode = "default"}, tensor<f32> {jax.result_info = "result[1]", mhlo.sharding = "{replicated}"}) {
    %0 = stablehlo.sine %arg0 {mhlo.frontend_attributes = {_xla_compute_type = "host"}} : tensor<4xf32> loc(#loc8)
    %1 = stablehlo.add %0, %arg1 : tensor<4xf32> loc(#loc8)
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32> loc(#loc)
    %2 = stablehlo.reduce(%1 init: %cst) applies stablehlo.add across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32> loc(#loc8)
    return %1, %2 : tensor<4xf32>, tensor<f32> loc(#loc)
  } loc(#loc)
} loc(#loc)
#loc = loc(unknown)
#loc2 = loc("/tmp/f.py":6:38 to :48)
#loc3 = loc("/tmp/f.py":6:6 to :72)
#loc4 = loc("<lambda>"(#loc2))
#loc5 = loc("<module>"(#loc3))
#loc6 = loc(callsite(#loc4 at #loc5))
#loc8 = loc("jit(<lambda>)/sin"(#loc6))
