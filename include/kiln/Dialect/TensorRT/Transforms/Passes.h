//===- Passes.h - passes over the `tensorrt` dialect ------------*- C++ -*-===//
//
// Part of Kiln. Declarations generated from Passes.td, plus the
// `tensorrt-simplify` pipeline.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_H
#define KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_H

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/Pass/Pass.h"

#include <memory>

namespace kiln::tensorrt {

#define GEN_PASS_DECL
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"

/// The choices a target makes in the `tensorrt-simplify` pipeline.
struct TensorRTSimplifyOptions {
  /// End by rewriting the Kiln extension ops (transpose, reshape,
  /// expand_rank, collapse_rank, broadcast) into the core layers they are
  /// made of (shuffle, slice): for a target that takes only core layers.
  /// Kiln's runtime has a kernel for each extension op.
  bool expandOps = true;
};

/// Adds the `tensorrt-simplify` pipeline to `pm`: the rewriting passes of
/// the dialect interleaved with canonicalization and CSE.
void buildTensorRTSimplifyPipeline(OpPassManager &pm,
                                   const TensorRTSimplifyOptions &options = {});

/// Registers `tensorrt-simplify` with the pass pipeline registry.
void registerTensorRTPipelines();

#define GEN_PASS_REGISTRATION
#include "kiln/Dialect/TensorRT/Transforms/Passes.h.inc"

} // namespace kiln::tensorrt

#endif // KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_H
