// RUN: kiln-opt %s | FileCheck %s
// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// The `sdy` syntax JAX writes parses and prints back unchanged.

// CHECK: sdy.mesh @mesh = <["x"=2, "y"=2]>
// CHECK: sdy.mesh @ordered = <["a"=4], device_ids=[3, 2, 1, 0]>
// CHECK: sdy.mesh @maximal = <[], device_ids=[0]>
sdy.mesh @mesh = <["x"=2, "y"=2]> {stablehlo.mesh = {axes = [{name = "x", size = 2 : i64}, {name = "y", size = 2 : i64}]}}
sdy.mesh @ordered = <["a"=4], device_ids=[3, 2, 1, 0]>
sdy.mesh @maximal = <[], device_ids=[0]>

// CHECK-LABEL: func.func @annotations
//  CHECK-SAME:   {sdy.sharding = #sdy.sharding<@mesh, [{"x", ?}, {?}p1], replicated={"y"}>}
//  CHECK-SAME:   {sdy.sharding = #sdy.sharding<<["z"=4]>, [{"z":(1)2}, {}], unreduced={"z":(2)2}>}
//       CHECK:   sdy.sharding_group %{{.*}} group_id=0 : tensor<8x4xf32>
//       CHECK:   sdy.sharding_constraint %{{.*}} <@mesh, [{"x", "y"}, {}]> : tensor<8x4xf32>
//       CHECK:   sdy.reshard %{{.*}} <@mesh, [{}, {"x"}p0]> : tensor<8x4xf32>
//       CHECK:   sdy.sharding_constraint %{{.*}} <@maximal, []> : tensor<8x4xf32>
//       CHECK:   stablehlo.add %{{.*}} {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{"x"}, {}]>]>}
func.func @annotations(%arg0: tensor<8x4xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x", ?}, {?}p1], replicated={"y"}>}) -> (tensor<8x4xf32> {sdy.sharding = #sdy.sharding<<["z"=4]>, [{"z":(1)2}, {}], unreduced={"z":(2)2}>}) {
  sdy.sharding_group %arg0 group_id=0 : tensor<8x4xf32>
  %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x", "y"}, {}]> : tensor<8x4xf32>
  %1 = sdy.reshard %0 <@mesh, [{}, {"x"}p0]> : tensor<8x4xf32>
  %2 = sdy.sharding_constraint %1 <@maximal, []> : tensor<8x4xf32>
  %3 = stablehlo.add %2, %2 {sdy.sharding = #sdy.sharding_per_value<[<@mesh, [{"x"}, {}]>]>} : tensor<8x4xf32>
  return %3 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @shard_map
//       CHECK:   sdy.manual_computation(%{{.*}}, %{{.*}}) in_shardings=[<@mesh, [{"x"}, {}]>, <@mesh, [{}, {}]>] out_shardings=[<@mesh, [{"x"}, {}]>] manual_axes={"x", "y"} (%[[A:.*]]: tensor<4x4xf32>, %[[B:.*]]: tensor<8x4xf32>) {
//       CHECK:     sdy.return %{{.*}} : tensor<4x4xf32>
//       CHECK:   } : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
func.func @shard_map(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %0 = sdy.manual_computation(%x, %y) in_shardings=[<@mesh, [{"x"}, {}]>, <@mesh, [{}, {}]>] out_shardings=[<@mesh, [{"x"}, {}]>] manual_axes={"x", "y"} (%a: tensor<4x4xf32>, %b: tensor<8x4xf32>) {
    %1 = stablehlo.sine %a : tensor<4x4xf32>
    sdy.return %1 : tensor<4x4xf32>
  } : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}
