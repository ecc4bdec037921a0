//===- KilnOps.td - operations of the `kiln` dialect ------*- tablegen -*-===//
//
// Part of Kiln. An engine is a func.func over these ops; docs/engine-format.md
// lists the kernels and the attributes each reads.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_KILN_IR_KILNOPS_TD
#define KILN_DIALECT_KILN_IR_KILNOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "kiln/Dialect/Kiln/IR/KilnDialect.td"
include "kiln/Dialect/Kiln/IR/KilnAttributes.td"

//===----------------------------------------------------------------------===//
// StepOp
//===----------------------------------------------------------------------===//

def Kiln_StepOp : Kiln_Op<"step", [
    SingleBlock, RecursiveMemoryEffects]> {
  let summary = "one kernel invocation of the engine";
  let description = [{
    Runs kernel `kernel` on `operands`, producing `results`; each operand and
    result is one engine buffer. `kernel_attrs` holds the kernel's typed
    attributes: each value is an i64 integer, an f64 float, a string, an
    `array<i64>` or an `array<f64>` (enums travel as their MLIR spelling,
    `"kSUM"`). The kernel contract (names, operands, attributes) is
    docs/engine-format.md.

    Passes fill in the rest: `backend` (which implementation of the kernel
    runs it, e.g. `"reference"`), `device` (where it runs, `"cpu"`),
    `arena` (the arena byte offset of each result) and `region_args` (the
    arena offsets of each region's block arguments).

    Control-flow kernels (`if`, `while`, `for`) carry one region per source
    region; each region has one block ending in `kiln.yield`, and its steps
    may read any value defined above.

    ```mlir
    %0 = kiln.step "element_wise"(%a, %b) {op = "kSUM"} backend "reference"
        device "cpu" arena [0] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins
    StrAttr:$kernel,
    Variadic<AnyRankedTensor>:$operands,
    OptionalAttr<DictionaryAttr>:$kernel_attrs,
    OptionalAttr<StrAttr>:$backend,
    OptionalAttr<StrAttr>:$device,
    OptionalAttr<DenseI64ArrayAttr>:$arena,
    OptionalAttr<TypedArrayAttrBase<DenseI64ArrayAttr,
        "one offset list per region">>:$region_args);
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let regions = (region VariadicRegion<SizedRegion<1>>:$regions);
  let assemblyFormat = [{
    $kernel `(` $operands `)` ($kernel_attrs^)? (`backend` $backend^)?
    (`device` $device^)? (`arena` $arena^)? (`region_args` $region_args^)?
    `:` functional-type($operands, results) ($regions^)?
    attr-dict-with-keyword
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

def Kiln_ConstantOp : Kiln_Op<"constant", [Pure, ConstantLike,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "a constant buffer of the engine";
  let description = [{
    A tensor whose bytes live in the engine's constant blob, at byte `offset`
    (64-byte aligned; set by `kiln-pack-constants`).

    ```mlir
    %c = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32> at 0
    ```
  }];
  let arguments = (ins ElementsAttr:$value, OptionalAttr<I64Attr>:$offset);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$value (`at` $offset^)? attr-dict";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// YieldOp
//===----------------------------------------------------------------------===//

def Kiln_YieldOp : Kiln_Op<"yield", [Pure, ReturnLike, Terminator,
    HasParent<"StepOp">]> {
  let summary = "the values a region of a control-flow step produces";
  let description = [{
    Ends each region of a control-flow `kiln.step`. For `while`'s condition
    region the first value is the rank-0 i1 continue flag.
  }];
  let arguments = (ins Variadic<AnyRankedTensor>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // KILN_DIALECT_KILN_IR_KILNOPS_TD
