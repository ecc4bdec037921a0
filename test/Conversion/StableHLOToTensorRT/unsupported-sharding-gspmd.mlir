// RUN: kiln-opt %s -convert-stablehlo-to-tensorrt -split-input-file -verify-diagnostics

// The non-Shardy form of a shard_map over P("x"): the body gets half the rows.
func.func @gspmd_shard_map(%arg0: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %0 = stablehlo.custom_call @Sharding(%arg0) {backend_config = "", mhlo.sharding = "{devices=[2,1]<=[2]}"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
  // expected-error @+1 {{'stablehlo.custom_call' @SPMDFullToShardShape turns tensor<8x4xf32> into tensor<4x4xf32>: a shard_map whose body sees one device's shard; Kiln compiles for a single device}}
  %1 = stablehlo.custom_call @SPMDFullToShardShape(%0) {backend_config = "", mhlo.sharding = "{manual}"} : (tensor<8x4xf32>) -> tensor<4x4xf32>
  %2 = stablehlo.sine %1 : tensor<4x4xf32>
  %3 = stablehlo.custom_call @SPMDShardToFullShape(%2) {backend_config = "", mhlo.sharding = "{devices=[2,1]<=[2]}"} : (tensor<4x4xf32>) -> tensor<8x4xf32>
  return %3 : tensor<8x4xf32>
}
