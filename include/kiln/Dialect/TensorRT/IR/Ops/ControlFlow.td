//===- ControlFlow.td - conditionals, loops, assertions ----*- tablegen -*-===//
//
// Part of Kiln. Included by TensorRTOps.td; verifiers and type inference live
// in lib/Dialect/TensorRT/IR/ControlFlowOps.cpp.
//
// Region-holding ops state their own signatures: which block arguments a
// region has, and what its terminator passes on. Values defined above a
// region may be used inside it; they become the inputs of the conditional or
// loop when the network is built. TensorRT does not build some layers inside
// conditionals and loops (padding, deconvolution, parametric ReLU, pooling,
// ragged softmax, resize); the verifiers reject them there.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_CONTROLFLOW_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_CONTROLFLOW_TD

include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/LoopLikeInterface.td"

def TensorRT_IfOp : TensorRT_Op<"if", [Pure, TensorRT_InferResultType,
    NoRegionArguments,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, [
      "getEntrySuccessorRegions", "getRegionInvocationBounds",
      "areTypesCompatible"]>]> {
  let summary = "lazily evaluated two-way conditional (IIfConditional)";
  let description = [{
    Runs `trueRegion` when the 0-D `condition` is true and `falseRegion`
    otherwise; only the chosen region is evaluated. Each region is one block
    without arguments ending in `tensorrt.yield`, and both yield values of
    the result types: the same element types and ranks, with sizes that may
    be unknown in one branch and known in the other. Ops that should run
    regardless of the condition belong outside the regions.

    ```mlir
    %r = tensorrt.if (%c : tensor<i1>) -> tensor<4xf32> {
      tensorrt.yield %a : tensor<4xf32>
    } else {
      tensorrt.yield %b : tensor<4xf32>
    }
    ```
  }];
  let arguments = (ins 0DTensorOf<[I1]>:$condition);
  let results = (outs
    Variadic<TensorRT_RankedTensorOf<[I1, I32, F16, BF16, F32]>>:$results);
  let regions = (region SizedRegion<1>:$trueRegion,
                        SizedRegion<1>:$falseRegion);
  let assemblyFormat = [{
    `(` $condition `:` type($condition) `)` attr-dict `->` type($results)
      $trueRegion `else` $falseRegion
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def TensorRT_WhileOp : TensorRT_Op<"while", [Pure,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, [
      "getEntrySuccessorOperands"]>]> {
  let summary = "loop guarded by a computed condition (ILoop, kWHILE)";
  let description = [{
    Carries the values `operands` through iterations. `condRegion` receives
    the current values as block arguments and ends in `tensorrt.condition`,
    whose 0-D i1 operand decides whether to continue and whose other
    operands are passed on. When the condition is true they become the block
    arguments of `bodyRegion`, which yields the values of the next iteration;
    when false they are the results. Operands, the arguments of both
    regions, the values passed by both terminators and the results all have
    the same types.

    ```mlir
    %n = tensorrt.while (%init : tensor<i32>) -> tensor<i32> {
    ^bb0(%i: tensor<i32>):
      %go = tensorrt.element_wise <kLESS>(%i, %limit : tensor<i32>, tensor<i32>)
              -> tensor<i1>
      tensorrt.condition(%go : tensor<i1>) %i : tensor<i32>
    }, {
    ^bb0(%i: tensor<i32>):
      %next = tensorrt.element_wise <kSUM>(%i, %one : tensor<i32>, tensor<i32>)
                -> tensor<i32>
      tensorrt.yield %next : tensor<i32>
    }
    ```
  }];
  let arguments = (ins Variadic<TensorRT_Tensor>:$operands);
  let results = (outs Variadic<TensorRT_Tensor>:$results);
  let regions = (region SizedRegion<1>:$condRegion,
                        SizedRegion<1>:$bodyRegion);
  let assemblyFormat = [{
    attr-dict `(` $operands `:` type($operands) `)` `->` type($results)
      $condRegion `,` $bodyRegion
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def TensorRT_ForOp : TensorRT_Op<"for", [Pure,
    SingleBlockImplicitTerminator<"::kiln::tensorrt::YieldOp">,
    DeclareOpInterfaceMethods<LoopLikeOpInterface, ["getLoopInductionVars"]>,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, [
      "getEntrySuccessorOperands"]>]> {
  let summary = "counted loop (ILoop, kCOUNT)";
  let description = [{
    Runs `body_region` once for every value of the induction variable from
    `lb` up to (not including) `ub` in increments of `step`; the three are
    0-D i32 tensors. The body's block arguments are the induction variable
    (`tensor<i32>`) followed by one loop-carried value per `init` operand,
    of the same type. The body yields the next loop-carried values, and the
    last ones are the results, so `init`, the carried block arguments, the
    yielded values and the results have the same types.

    ```mlir
    %r = tensorrt.for %i = %lb to %ub step %step init(%acc = %x)
           -> (tensor<4xf32>) {
      %s = tensorrt.element_wise <kSUM>(%acc, %x : tensor<4xf32>, tensor<4xf32>)
             -> tensor<4xf32>
      tensorrt.yield %s : tensor<4xf32>
    }
    ```
  }];
  let arguments = (ins 0DTensorOf<[I32]>:$lb, 0DTensorOf<[I32]>:$ub,
                       0DTensorOf<[I32]>:$step,
                       Variadic<TensorRT_Tensor>:$init);
  let results = (outs Variadic<TensorRT_Tensor>:$results);
  let regions = (region SizedRegion<1>:$body_region);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// The induction variable: the body's first block argument.
    ::mlir::BlockArgument getInductionVar() {
      return getBody()->getArgument(0);
    }
    /// The loop-carried block arguments, one per `init` operand.
    ::mlir::Block::BlockArgListType getCarriedArgs() {
      return getBody()->getArguments().drop_front();
    }
  }];
}

def TensorRT_ConditionOp : TensorRT_Op<"condition", [Pure, Terminator,
    HasParent<"::kiln::tensorrt::WhileOp">,
    DeclareOpInterfaceMethods<RegionBranchTerminatorOpInterface, [
      "getSuccessorRegions"]>]> {
  let summary = "continuation test ending the condition of a while loop";
  let description = [{
    Terminates the `condRegion` of `tensorrt.while`. When the 0-D
    `condition` is true, `args` become the block arguments of the loop body;
    otherwise they are the results of the loop.

    ```mlir
    tensorrt.condition(%go : tensor<i1>) %i, %acc : tensor<i32>, tensor<4xf32>
    ```
  }];
  let arguments = (ins 0DTensorOf<[I1]>:$condition, Variadic<AnyType>:$args);
  let assemblyFormat = [{
    `(` $condition `:` type($condition) `)` attr-dict
      ($args^ `:` type($args))?
  }];
}

def TensorRT_YieldOp : TensorRT_Op<"yield", [Pure, ReturnLike, Terminator,
    ParentOneOf<["::kiln::tensorrt::IfOp", "::kiln::tensorrt::ForOp",
                 "::kiln::tensorrt::WhileOp",
                 "::kiln::tensorrt::OpaquePluginOp"]>]> {
  let summary = "terminator passing values out of a region";
  let description = [{
    Ends a region of `tensorrt.if`, `tensorrt.for`, the body of
    `tensorrt.while`, or the shape region of `tensorrt.opaque_plugin`; the
    parent op defines where the values go and which types they must have.

    ```mlir
    tensorrt.yield %a, %b : tensor<4xf32>, tensor<i32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$results);
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, ::mlir::ValueRange());
  }]>];
  let assemblyFormat = "attr-dict ($results^ `:` type($results))?";
}

def TensorRT_AssertionOp : TensorRT_Op<"assertion"> {
  let summary = "run-time check of a boolean tensor (IAssertionLayer)";
  let description = [{
    Fails the engine build when some element of the 0-D or 1-D `condition`
    is known to be false, and the inference with `message` when one is false
    at run time. It has no results and is kept even though nothing uses it.

    ```mlir
    tensorrt.assertion {message = "batch sizes differ"} ins(%eq : tensor<i1>)
    ```
  }];
  let arguments = (ins TensorRankOf<[I1], [0, 1]>:$condition,
                       StrAttr:$message);
  let assemblyFormat = "attr-dict `ins` `(` operands `:` type(operands) `)`";
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_CONTROLFLOW_TD
