//===- StableHLOToTensorRT.h - stablehlo → tensorrt -------------*- C++ -*-===//
//
// Part of Kiln. The conversion of JAX's `stablehlo`/`chlo` programs into the
// `tensorrt` dialect, as functions for the compiler and as patterns.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CONVERSION_STABLEHLOTOTENSORRT_STABLEHLOTOTENSORRT_H
#define KILN_CONVERSION_STABLEHLOTOTENSORRT_STABLEHLOTOTENSORRT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace kiln {

/// Whether `module` contains any `stablehlo` or `chlo` op.
bool containsStableHLO(mlir::ModuleOp module);

/// Reports, at the first use of each, every kind of `stablehlo`/`chlo` op in
/// `module` that cannot be converted (one error per kind). Succeeds when
/// there is none. Changes nothing.
mlir::LogicalResult checkStableHLOConvertible(mlir::ModuleOp module);

/// The rewrite patterns of `convert-stablehlo-to-tensorrt`.
void populateStableHLOToTensorRTPatterns(mlir::RewritePatternSet &patterns);

} // namespace kiln

#endif // KILN_CONVERSION_STABLEHLOTOTENSORRT_STABLEHLOTOTENSORRT_H
