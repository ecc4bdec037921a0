//===- Passes.td - passes over the `tensorrt` dialect ------*- tablegen -*-===//
//
// Part of Kiln. Each pass lives in its own file,
// lib/Dialect/TensorRT/Transforms/<Name>.cpp, with its lit test
// test/Dialect/TensorRT/transforms/<flag>.mlir. The passes are not tied to
// an op kind, so they run on a module or on a single function.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_TD
#define KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// Layout and shape simplification
//===----------------------------------------------------------------------===//

def TensorRTBroadcastEliminationPass
    : Pass<"tensorrt-broadcast-elimination"> {
  let summary = "fold explicit broadcasts into consumers that broadcast";
  let description = [{
    `tensorrt.element_wise` and `tensorrt.select` repeat size-1 dimensions of
    their operands by themselves. A `tensorrt.broadcast` feeding them that
    only repeats size-1 dimensions (or adds leading ones) is replaced by its
    input, reshaped to the consumer's rank where needed, so no broadcast
    tensor is ever materialized.
  }];
  let dependentDialects = ["::mlir::tensorrt::TensorRTDialect"];
}

def TensorRTTransposeEliminationPass
    : Pass<"tensorrt-transpose-elimination"> {
  let summary = "push transposes toward constants and cancel them";
  let description = [{
    Moves `tensorrt.transpose` ops through pointwise ops (element_wise,
    unary, activation, cast, identity) and reductions, merges consecutive
    transposes, folds transposes of constants into the constant, and folds
    transposed matrix operands into the `op0`/`op1` of
    `tensorrt.matrix_multiply`. A transpose is only moved when doing so
    lowers the number of transposes that touch non-constant values.
  }];
  let dependentDialects = ["::mlir::tensorrt::TensorRTDialect"];
}

def TensorRTReshapeEliminationPass
    : Pass<"tensorrt-reshape-elimination"> {
  let summary = "cancel reshapes and move them around pointwise ops";
  let description = [{
    Merges chains of `tensorrt.reshape`, `tensorrt.expand_rank` and
    `tensorrt.collapse_rank`, removes reshapes that restore their input's
    shape, and moves a reshape of both operands of a pointwise op to its
    result when the operands had the same shape, so the reshape pair around
    the op can cancel.
  }];
  let dependentDialects = ["::mlir::tensorrt::TensorRTDialect"];
}

#endif // KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_TD
