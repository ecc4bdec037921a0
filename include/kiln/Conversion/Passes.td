//===- Passes.td - conversions into `tensorrt` -------------*- tablegen -*-===//
//
// Part of Kiln. Passes that turn input dialects into the `tensorrt` dialect.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CONVERSION_PASSES_TD
#define KILN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertStableHLOToTensorRT
    : Pass<"convert-stablehlo-to-tensorrt", "::mlir::ModuleOp"> {
  let summary = "convert `stablehlo` and `chlo` ops to `tensorrt` ops";
  let description = [{
    First checks that every `stablehlo`/`chlo` op in the module can be
    converted and reports one error per unsupported op kind (naming the op,
    why, and the location of its first use) before changing anything. Then
    inlines calls of private functions (JAX outlines `where`, `relu`, ...),
    drops the functions no longer called, and rewrites each op into
    `tensorrt` ops: pointwise math into `element_wise`/`unary`/`activation`,
    `dot_general` into `matrix_multiply` with batch dimensions first and
    contracting dimensions last, `reduce` with a single-op reducer into
    `reduce`, shape ops into `broadcast`/`reshape`/`transpose`/`slice`/
    `concatenation`, constants and `iota` into `constant`.
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect",
                           "::mlir::func::FuncDialect"];
}

#endif // KILN_CONVERSION_PASSES_TD
