// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -verify-diagnostics

// A constant printed with a large_elements_limit has lost its values.
func.func @elided(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.constant' holds `dense_resource<__elided__>`: its values were left out when the program was printed (a large_elements_limit); print the module without one}}
  %0 = stablehlo.constant dense_resource<__elided__> : tensor<4xf32>
  %1 = stablehlo.add %x, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

func.func @missing_blob() -> tensor<2xf32> {
  // expected-error @+1 {{'stablehlo.constant' holds `dense_resource<weights>`, but the file has no blob 'weights' in its `{-# dialect_resources: { builtin: ... } #-}` section}}
  %0 = stablehlo.constant dense_resource<weights> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @short_blob() -> tensor<3xf32> {
  // expected-error @+1 {{'stablehlo.constant' holds `dense_resource<short>` with 8 bytes, but tensor<3xf32> needs 12}}
  %0 = stablehlo.constant dense_resource<short> : tensor<3xf32>
  return %0 : tensor<3xf32>
}

{-#
  dialect_resources: {
    builtin: {
      short: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// shard_map over a 2-device mesh with P("x"): the body sees half the rows.
module attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=2]>
  func.func public @main(%arg0: tensor<8x4xf32>) -> tensor<8x4xf32> {
    // expected-error @+1 {{'sdy.manual_computation' splits its values across devices along mesh axes "x", so its body computes one device's shard; Kiln compiles for a single device and can only inline a manual computation whose body sees whole values (shard_map with in_specs and out_specs P())}}
    %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{"x"}, {}]>] out_shardings=[<@mesh, [{"x"}, {}]>] manual_axes={"x"} (%arg1: tensor<4x4xf32>) {
      %1 = stablehlo.sine %arg1 : tensor<4x4xf32>
      sdy.return %1 : tensor<4x4xf32>
    } : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %0 : tensor<8x4xf32>
  }
}

// -----

// Ops inside a manual computation are checked like any other.
module {
  sdy.mesh @mesh = <["x"=2]>
  func.func public @main(%arg0: tensor<8xf32>) -> tensor<8xf32> {
    %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{}]>] out_shardings=[<@mesh, [{}]>] manual_axes={"x"} (%arg1: tensor<8xf32>) {
      // expected-error @+1 {{'stablehlo.convert' uses element type f64, which the Kiln runtime does not support}}
      %1 = stablehlo.convert %arg1 : (tensor<8xf32>) -> tensor<8xf64>
      %2 = stablehlo.convert %1 : (tensor<8xf64>) -> tensor<8xf32>
      sdy.return %2 : tensor<8xf32>
    } : (tensor<8xf32>) -> tensor<8xf32>
    return %0 : tensor<8xf32>
  }
}

// -----

// Shardy ops Kiln does not define fail to parse, naming the op.
func.func @unknown(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{custom op 'sdy.propagation_barrier' is unknown}}
  %0 = sdy.propagation_barrier %x allowed_direction=NONE : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @unknown_generic(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{unregistered operation 'sdy.all_gather' found in dialect ('sdy') that does not allow unknown operations}}
  %0 = "sdy.all_gather"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @bad_sharding(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{expected 'replicated' or 'unreduced' in a sharding, got 'duplicated'}}
  %0 = sdy.sharding_constraint %x <@mesh, [{}], duplicated={"x"}> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

sdy.mesh @mesh = <["x"=2]>
func.func @bad_manual(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'sdy.manual_computation' op expected 1 out_shardings (one per result), got 2}}
  %0 = sdy.manual_computation(%x) in_shardings=[<@mesh, [{}]>] out_shardings=[<@mesh, [{}]>, <@mesh, [{}]>] manual_axes={"x"} (%a: tensor<4xf32>) {
    sdy.return %a : tensor<4xf32>
  } : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

