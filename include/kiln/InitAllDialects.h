//===- InitAllDialects.h - dialects Kiln tools load -------------*- C++ -*-===//
//
// Part of Kiln. The one list of dialects that kiln-opt, kiln-compile and the
// compiler accept as input, and the `kiln` engine dialect they lower to. Link
// KilnTensorRTDialect, KilnStableHLODialect, KilnSdyDialect and KilnDialect
// to use it.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_INITALLDIALECTS_H
#define KILN_INITALLDIALECTS_H

#include "kiln/Dialect/Kiln/IR/Kiln.h"
#include "kiln/Dialect/Sdy/IR/Sdy.h"
#include "kiln/Dialect/StableHLO/IR/StableHLO.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"

namespace kiln {

/// Registers `tensorrt`, the input dialects `stablehlo` and `chlo`, the
/// sharding annotations of `sdy`, the engine dialect `kiln`, `func`, `arith`,
/// `tensor` and `quant`, and lets the inliner inline `func.call`.
inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<kiln::tensorrt::TensorRTDialect, mlir::func::FuncDialect,
                  mlir::arith::ArithDialect, mlir::tensor::TensorDialect,
                  mlir::quant::QuantDialect>();
  registry.insert<kiln::stablehlo::StableHLODialect, kiln::chlo::ChloDialect,
                  kiln::sdy::SdyDialect>();
  registry.insert<kiln::engine::KilnDialect>();
  mlir::func::registerInlinerExtension(registry);
}

} // namespace kiln

#endif // KILN_INITALLDIALECTS_H
