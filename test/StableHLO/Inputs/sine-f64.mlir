// jax.jit(lambda x: jnp.sin(jnp.sin(x))) on float64, lowered by JAX with x64
// on; the Kiln runtime has no f64, so the program is rejected (one error for
// the two sines).
module @jit__lambda attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4xf64>) -> (tensor<4xf64> {jax.result_info = "result"}) {
    %0 = stablehlo.sine %arg0 : tensor<4xf64>
    %1 = stablehlo.sine %0 : tensor<4xf64>
    return %1 : tensor<4xf64>
  }
}
