//===- SdyOps.td - the `sdy` sharding annotations -------------*- tablegen -*-===//
//
// Part of Kiln. The subset of Shardy's `sdy` dialect that sharded JAX
// programs carry: meshes, tensor shardings and the ops that annotate or
// split values across devices. Kiln compiles for one device, so it only
// parses these (with the syntax JAX prints) and drops them during the
// stablehlo → tensorrt conversion.
//
// Examples in the descriptions put a space before a `]` that closes a list
// of dimensions: TableGen would read `}]` as the end of the text.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_SDY_IR_SDYOPS_TD
#define KILN_DIALECT_SDY_IR_SDYOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Sdy_Dialect : Dialect {
  let name = "sdy";
  let cppNamespace = "::kiln::sdy";
  let summary = "Shardy's sharding annotations, as Kiln reads them";
  let description = [{
    What `jax.jit` with `in_shardings`/`out_shardings`,
    `with_sharding_constraint`, `reshard`, `shard_alike` and `shard_map`
    writes into StableHLO when JAX uses the Shardy partitioner: `sdy.mesh`
    symbols, `#sdy.sharding<...>` argument and result attributes and a few
    ops. Kiln defines its own version so that this text parses; the
    attributes are kept as parsed structures and never interpreted beyond
    what a single-device compile needs.
  }];
  let useDefaultAttributePrinterParser = 1;
}

class Sdy_Attr<string name, string attrMnemonic>
  : AttrDef<Sdy_Dialect, name> {
  let mnemonic = attrMnemonic;
  let hasCustomAssemblyFormat = 1;
}

class Sdy_Op<string mnemonic, list<Trait> traits = []>
  : Op<Sdy_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def Sdy_MeshAxisAttr : Sdy_Attr<"MeshAxis", "mesh_axis"> {
  let summary = "a named mesh axis and its size: `\"x\"=2`";
  let parameters = (ins StringRefParameter<>:$name, "int64_t":$size);
}

def Sdy_MeshAttr : Sdy_Attr<"Mesh", "mesh"> {
  let summary = "the device mesh: `<[\"x\"=2, \"y\"=4]>`";
  let description = [{
    Named axes in major-to-minor order and, optionally, the device order:
    `<["a"=4], device_ids=[3, 2, 1, 0]>`; `<[], device_ids=[0]>` names one
    device.
  }];
  let parameters = (ins ArrayRefParameter<"MeshAxisAttr">:$axes,
                        ArrayRefParameter<"int64_t">:$deviceIds);
  let extraClassDeclaration = [{
    /// The number of devices the mesh spans.
    int64_t getNumDevices() const;
  }];
}

def Sdy_AxisRefAttr : Sdy_Attr<"AxisRef", "axis_ref"> {
  let summary = "a mesh axis or a part of one: `\"x\"` or `\"x\":(2)4`";
  let description = [{
    `"x":(pre)size` is the sub-axis of size `size` that follows `pre`
    devices of axis `x`; `preSize` is 0 for the whole axis.
  }];
  let parameters = (ins StringRefParameter<>:$name, "int64_t":$preSize,
                        "int64_t":$size);
}

def Sdy_DimensionShardingAttr : Sdy_Attr<"DimensionSharding", "dim_sharding"> {
  let summary = "the axes one tensor dimension is split along: `{\"x\", \"y\"}`";
  let description = [{
    `{}` keeps the dimension whole; a trailing `?` (`{"x", ?}`, `{?}`)
    leaves the choice of further axes to the partitioner; `p<n>` after the
    braces is the propagation priority.
  }];
  let parameters = (ins ArrayRefParameter<"AxisRefAttr">:$axes,
                        "bool":$isClosed, "int64_t":$priority);
}

def Sdy_TensorShardingAttr : Sdy_Attr<"TensorSharding", "sharding"> {
  let summary = "how a tensor is laid out over a mesh";
  let description = [{
    `#sdy.sharding<@mesh, [{"x"}, {} ], replicated={"y"}>`: the mesh (a
    symbol naming an `sdy.mesh`, or an inline `<[...]>`), one
    dimension sharding per tensor dimension, then optional lists of axes
    along which the tensor is explicitly replicated or unreduced.
  }];
  let parameters = (ins "Attribute":$mesh,
                        ArrayRefParameter<"DimensionShardingAttr">:$dimShardings,
                        ArrayRefParameter<"AxisRefAttr">:$replicatedAxes,
                        ArrayRefParameter<"AxisRefAttr">:$unreducedAxes);
}

def Sdy_TensorShardingPerValueAttr
  : Sdy_Attr<"TensorShardingPerValue", "sharding_per_value"> {
  let summary = "one sharding per value: `<[<@mesh, [{\"x\"}]>, ...]>`";
  let parameters = (ins ArrayRefParameter<"TensorShardingAttr">:$shardings);
}

def Sdy_ManualAxesAttr : Sdy_Attr<"ManualAxes", "manual_axes"> {
  let summary = "mesh axes a manual computation handles itself: `{\"x\"}`";
  let parameters = (ins ArrayRefParameter<"StringAttr">:$axes);
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

def Sdy_MeshOp : Sdy_Op<"mesh", [Symbol, HasParent<"::mlir::ModuleOp">]> {
  let summary = "names a device mesh";
  let description = [{
    ```mlir
    sdy.mesh @mesh = <["x"=2]>
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Sdy_MeshAttr:$mesh);
  let assemblyFormat = "$sym_name `=` $mesh attr-dict";
}

def Sdy_ShardingConstraintOp : Sdy_Op<"sharding_constraint",
    [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "asks for a value to have a sharding (the value is unchanged)";
  let description = [{
    Written by `jax.lax.with_sharding_constraint`:

    ```mlir
    %1 = sdy.sharding_constraint %0 <@mesh, [{"x"}, {} ]> : tensor<8x4xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input,
                       Sdy_TensorShardingAttr:$sharding);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$input $sharding attr-dict `:` type($result)";
}

def Sdy_ReshardOp : Sdy_Op<"reshard",
    [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "moves a value to a sharding (the value is unchanged)";
  let description = [{
    ```mlir
    %1 = sdy.reshard %0 <@mesh, [{}, {"x"} ]> : tensor<8x4xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input,
                       Sdy_TensorShardingAttr:$sharding);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$input $sharding attr-dict `:` type($result)";
}

def Sdy_ShardingGroupOp : Sdy_Op<"sharding_group"> {
  let summary = "asks for values of one group to share a sharding";
  let description = [{
    Written by `jax.experimental.shard_alike`; it has no result:

    ```mlir
    sdy.sharding_group %arg0 group_id=0 : tensor<8x4xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input, I64Attr:$group_id);
  let assemblyFormat =
    "$input `group_id` `` `=` `` $group_id attr-dict `:` type($input)";
}

def Sdy_ManualComputationOp : Sdy_Op<"manual_computation",
    [RecursiveMemoryEffects, SingleBlock]> {
  let summary = "a body that each device runs on its own shards (shard_map)";
  let description = [{
    Written by `jax.shard_map`. Each operand is split as `in_shardings` says
    along `manual_axes`; the body sees one device's shards (its block
    arguments have the local shapes) and returns one device's shards of the
    results, which `out_shardings` assembles:

    ```mlir
    %0 = sdy.manual_computation(%arg0) in_shardings=[<@mesh, [{"x"}, {} ]>]
        out_shardings=[<@mesh, [{"x"}, {} ]>] manual_axes={"x"}
        (%arg1: tensor<4x4xf32>) {
      ...
      sdy.return %6 : tensor<4x4xf32>
    } : (tensor<8x4xf32>) -> tensor<8x4xf32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$tensors,
                       Sdy_TensorShardingPerValueAttr:$in_shardings,
                       Sdy_TensorShardingPerValueAttr:$out_shardings,
                       Sdy_ManualAxesAttr:$manual_axes);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Whether each device would see whole operands and return whole
    /// results: then the body computes the op on one device as it is.
    bool hasGlobalShapesInBody();
  }];
}

def Sdy_ReturnOp : Sdy_Op<"return", [Pure, Terminator, ReturnLike,
    HasParent<"ManualComputationOp">]> {
  let summary = "results of an `sdy` region";
  let arguments = (ins Variadic<AnyType>:$results);
  let assemblyFormat = "attr-dict ($results^ `:` type($results))?";
}

#endif // KILN_DIALECT_SDY_IR_SDYOPS_TD
