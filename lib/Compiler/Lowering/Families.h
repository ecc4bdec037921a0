//===- Families.h - Per-family op lowerings ---------------------*- C++ -*-===//
//
// Each op family of the `tensorrt` dialect lowers to engine steps in its own
// file in this folder, as one function that returns std::nullopt for ops
// outside the family (and is listed in lowerOpToStep, OpLowering.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_COMPILER_LOWERING_FAMILIES_H
#define KILN_LIB_COMPILER_LOWERING_FAMILIES_H

#include "kiln/Runtime/EnginePlan.h"

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include <optional>

namespace kiln::compiler {

/// Error for a form of an op the runtime does not execute yet.
mlir::LogicalResult notSupported(mlir::Operation *op, llvm::StringRef what);

/// tensorrt.if / while / for / assertion (the regions become RegionDesc in
/// EnginePlanBuilder).
std::optional<mlir::LogicalResult> lowerControlFlowOp(mlir::Operation *op,
                                                      StepDesc &step);

/// tensorrt.convolution, tensorrt.deconvolution, tensorrt.pooling.
std::optional<mlir::LogicalResult> lowerConvolutionOp(mlir::Operation *op,
                                                      StepDesc &step);

/// gather*, scatter*, one_hot, padding, shape, resize_*.
std::optional<mlir::LogicalResult> lowerDataMovementOp(mlir::Operation *op,
                                                       StepDesc &step);

/// tensorrt.top_k, tensorrt.argmin, tensorrt.argmax, tensorrt.einsum.
std::optional<mlir::LogicalResult> lowerReductionOp(mlir::Operation *op,
                                                    StepDesc &step);

/// tensorrt.normalization, tensorrt.ragged_softmax, tensorrt.parametric_relu.
std::optional<mlir::LogicalResult> lowerNormalizationOp(mlir::Operation *op,
                                                        StepDesc &step);

/// tensorrt.linspace, tensorrt.random_uniform, tensorrt.random_normal.
std::optional<mlir::LogicalResult> lowerFillOp(mlir::Operation *op,
                                               StepDesc &step);

/// tensorrt.quantize, tensorrt.dequantize, tensorrt.dynamic_quantize.
std::optional<mlir::LogicalResult> lowerQuantizationOp(mlir::Operation *op,
                                                       StepDesc &step);

} // namespace kiln::compiler

#endif // KILN_LIB_COMPILER_LOWERING_FAMILIES_H
