//===- Structural.td - engine modules, calls and plugins ---*- tablegen -*-===//
//
// Part of Kiln. Included by TensorRTOps.td; verifiers live in
// lib/Dialect/TensorRT/IR/StructuralOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_STRUCTURAL_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_STRUCTURAL_TD

include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/DestinationStyleOpInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"

def TensorRT_TensorRTModuleOp : TensorRT_Op<"module", [IsolatedFromAbove,
    SymbolTable, Symbol] # GraphRegionNoTerminator.traits> {
  let summary = "named container of functions, one engine each";
  let description = [{
    Holds `func.func` ops, each of which becomes one engine. The module is a
    symbol, so code outside it names an engine with a nested reference such
    as `@engines::@encoder` (see `tensorrt.call`). Nothing but functions may
    appear in it.

    ```mlir
    tensorrt.module @engines {
      func.func @double(%x: tensor<4xf32>) -> tensor<4xf32> { ... }
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name);
  let regions = (region SizedRegion<1>:$bodyRegion);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $bodyRegion";
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name)>];
  let hasVerifier = 1;
}

// Operand constraint shared by the calls: tensors, buffers and scalars.
defvar TensorRT_CallInput = AnyTypeOf<[AnyShaped, AnySignlessIntegerOrIndex]>;

// What CallOpInterface needs beyond ODS accessors; `inputs` are the
// arguments.
defvar TensorRT_CallInterfaceDecl = [{
  ::mlir::Operation::operand_range getArgOperands() { return getInputs(); }
  ::mlir::MutableOperandRange getArgOperandsMutable() {
    return getInputsMutable();
  }
  ::mlir::CallInterfaceCallable getCallableForCallee() { return getCalleeAttr(); }
  void setCalleeFromCallable(::mlir::CallInterfaceCallable callee) {
    setCalleeAttr(::llvm::cast<::mlir::SymbolRefAttr>(callee));
  }
  /// The called function, or null when `callee` names no `func.func`.
  ::mlir::func::FuncOp getFuncCallee(::mlir::SymbolTableCollection &symbols);
}];

def TensorRT_CallOp : TensorRT_Op<"call", [AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>,
    DestinationStyleOpInterface, CallOpInterface]> {
  let summary = "run an engine of a `tensorrt.module` into given outputs";
  let description = [{
    Calls the function `callee` (nested in a `tensorrt.module`) with
    `inputs`, writing its results into `outputs`. With tensor outputs the
    op returns the updated tensors, one result per output; with buffer
    outputs it returns nothing. Inputs agree with the callee's arguments in
    number, element type and rank, with sizes that may be unknown on one
    side; outputs agree in the same way with the callee's results.

    ```mlir
    %y = tensorrt.call @engines::@double(%x : tensor<4xf32>)
           outs(%buf : tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Variadic<TensorRT_CallInput>:$inputs,
                       Variadic<AnyShaped>:$outputs,
                       SymbolRefAttr:$callee,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let results = (outs Variadic<AnyShaped>:$results);
  let assemblyFormat = [{
    $callee `(` ($inputs^ `:` type($inputs))? `)`
      `outs` `(` $outputs `:` type($outputs) `)`
      attr-dict (`->` type($results)^)?
  }];
  let extraClassDeclaration = TensorRT_CallInterfaceDecl # [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getOutputsMutable();
    }
  }];
}

def TensorRT_CallAllocOp : TensorRT_Op<"call_alloc", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>, CallOpInterface]> {
  let summary = "run an engine of a `tensorrt.module`, allocating results";
  let description = [{
    Like `tensorrt.call`, but the engine's outputs are allocated by the
    runtime and returned as tensors or buffers, one per callee result, each
    agreeing with the callee result in element type and rank.

    ```mlir
    %y = tensorrt.call_alloc @engines::@double(%x : tensor<4xf32>)
           -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Variadic<TensorRT_CallInput>:$inputs,
                       SymbolRefAttr:$callee,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let results = (outs Variadic<AnyTypeOf<[AnyMemRef, AnyTensor]>>:$results);
  let assemblyFormat = [{
    $callee `(` ($inputs^ `:` type($inputs))? `)`
      attr-dict (`->` type($results)^)?
  }];
  let extraClassDeclaration = TensorRT_CallInterfaceDecl;
}

def TensorRT_OpaquePluginOp : TensorRT_Op<"opaque_plugin", [Pure,
    IsolatedFromAbove]> {
  let summary = "layer implemented by an external TensorRT plugin";
  let description = [{
    Stands for a layer built by a TensorRT plugin (the IPluginV3 interface).
    The plugin creator is identified by `plugin_name`, `plugin_version` and
    `plugin_namespace`; it is found in the shared library `dso_path` if
    given (through the factory function `creator_func`, which requires
    `dso_path`) or else in the global plugin registry. `creator_params` are
    the creator's fields.

    The optional `shapes_region` computes result shapes from input shapes
    with scalar `arith` ops: one block whose `i64` arguments are the input
    dimensions, input by input, and whose `tensorrt.yield` returns one `i64`
    per result dimension, result by result. Constant yields must agree with
    the written result types.

    ```mlir
    %y = tensorrt.opaque_plugin {plugin_name = "Scale", plugin_version = "1",
                                 plugin_namespace = "",
                                 creator_params = {factor = 2.0 : f32}}
           (%x) : (tensor<?x8xf32>) -> tensor<?x8xf32> {
    ^bb0(%d0: i64, %d1: i64):
      tensorrt.yield %d0, %d1 : i64, i64
    }
    ```
  }];
  let arguments = (ins StrAttr:$plugin_name, StrAttr:$plugin_version,
                       StrAttr:$plugin_namespace,
                       OptionalAttr<StrAttr>:$dso_path,
                       OptionalAttr<StrAttr>:$creator_func,
                       DictionaryAttr:$creator_params,
                       Variadic<TensorRT_Tensor>:$inputs);
  let results = (outs Variadic<TensorRT_Tensor>:$results);
  let regions = (region AnyRegion:$shapes_region);
  let assemblyFormat = [{
    attr-dict `(` ($inputs^)? `)` `:` functional-type($inputs, $results)
      ($shapes_region^)?
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_STRUCTURAL_TD
