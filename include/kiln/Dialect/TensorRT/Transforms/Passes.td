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
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

def TensorRTTransposeEliminationPass
    : Pass<"tensorrt-transpose-elimination"> {
  let summary = "push transposes toward constants and cancel them";
  let description = [{
    Moves `tensorrt.transpose` ops through pointwise ops (element_wise,
    unary, activation, cast, identity) and reductions, merges consecutive
    transposes, folds transposes of constants into the constant, and folds
    transposed matrix operands into the `op0`/`op1` of
    `tensorrt.matrix_multiply`. A transpose is only moved past an op that is
    its sole user, so the number of transposes never grows.
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

def TensorRTReshapeEliminationPass
    : Pass<"tensorrt-reshape-elimination"> {
  let summary = "cancel reshapes and move them around pointwise ops";
  let description = [{
    Merges chains of `tensorrt.reshape`, `tensorrt.expand_rank` and
    `tensorrt.collapse_rank`, removes reshapes that restore their input's
    shape, and moves reshapes below pointwise ops (element_wise, select,
    unary, activation, cast, identity) whose other operands are reshaped
    the same way or are constants, so that a reshape and its inverse around
    a chain of pointwise ops meet and cancel.
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

//===----------------------------------------------------------------------===//
// Raising written-out functions to layers
//===----------------------------------------------------------------------===//

def TensorRTRaiseActivationsPass : Pass<"tensorrt-raise-activations"> {
  let summary = "replace activation functions written as arithmetic with "
                "`tensorrt.activation`";
  let description = [{
    Recognises activation functions spelled out with `tensorrt.element_wise`,
    `tensorrt.unary` and splat `tensorrt.constant` ops, in any operand order
    and grouping, and replaces each with one `tensorrt.activation`: GELU in
    its tanh form (also written `x * sigmoid(1.5958 * (x + 0.044715 x^3))`)
    and its erf form, sigmoid, softplus `a * log(1 + exp(b * x))`, softsign,
    hard sigmoid `clamp(a * x + b, 0, 1)`, scaled tanh, leaky relu
    `max(x, a * x)`, relu `max(x, 0)` and clip. SiLU `x / (1 + exp(-x))` and
    hard swish become `x` times a sigmoid or hard-sigmoid activation.
    Constants match up to the rounding of their element type. A pattern
    matches only when its intermediate values have no other users and no
    constant broadcasts the input to a larger shape.
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

def TensorRTRaiseNormalizationsPass : Pass<"tensorrt-raise-normalizations"> {
  let summary = "replace layer and instance normalization written out with "
                "`tensorrt.normalization`";
  let description = [{
    Recognises `(x - mean(x)) / sqrt(var(x) + eps) * gamma + beta`, with the
    mean a `kAVG` reduction or a `kSUM` reduction divided by the element
    count, the variance the mean of the squared centered input or
    `mean(x^2) - mean(x)^2` (clamped at 0 or not), and the inverse standard
    deviation written as a division by `sqrt`, a product with its
    reciprocal or a power of -0.5, in any operand order. Statistics may keep
    the reduced dimensions or drop them and be reshaped back, and may be
    computed on a widened copy of `x` and rounded back.
    When the axes are a trailing run after dimension 0 (layer
    normalization) or every dimension after the channels (instance
    normalization), it becomes one `tensorrt.normalization` with those axes
    and `eps`; a missing `gamma` or `beta` becomes a constant. RMSNorm
    subtracts no mean, which `tensorrt.normalization` cannot express, and is
    left alone. Nothing is raised when an intermediate value has users
    outside the pattern.
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

def TensorRTRaiseSoftmaxPass : Pass<"tensorrt-raise-softmax"> {
  let summary = "replace softmax written out with `tensorrt.softmax`";
  let description = [{
    Recognises `e / sum(e, axis)` with `e = exp(x - max(x, axis))`, the max
    and the sum reductions over the same single axis that keep it or drop
    it and reshape it back, the max possibly clamped below by -inf (as JAX
    writes it), and the division possibly a product with the reciprocal.
    It becomes one `tensorrt.softmax` over that axis. Without the max
    subtraction (which can overflow where the layer does not), over several
    axes, or when an intermediate value has users outside the pattern,
    nothing is raised; log-softmax is left as it is written.
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

//===----------------------------------------------------------------------===//
// Lowering extension ops to TensorRT layers
//===----------------------------------------------------------------------===//

def TensorRTExpandOpsPass : Pass<"tensorrt-expand-ops"> {
  let summary = "rewrite Kiln extension ops into core TensorRT layers";
  let description = [{
    `tensorrt.transpose`, `tensorrt.reshape`, `tensorrt.expand_rank` and
    `tensorrt.collapse_rank` become `tensorrt.shuffle` (rank changes with
    several unknown dimensions copy them with placeholder zeros and move the
    unit dimensions with a transpose). `tensorrt.broadcast` becomes a
    `kWRAP` `tensorrt.slice` of the result's size, after a transpose when
    `broadcast_dims` permutes and an expand_rank when it adds dimensions.
    (`tensorrt.argmin` and `tensorrt.argmax` are left as they are: each
    lowers to the engine's `top_k` kernel with `k = 1` directly.)
  }];
  let dependentDialects = ["::kiln::tensorrt::TensorRTDialect"];
}

#endif // KILN_DIALECT_TENSORRT_TRANSFORMS_PASSES_TD
