//===- Fill.td - generated tensors: linspace and random fills -*- tablegen -*-===//
//
// Part of Kiln. The variants of TensorRT's fill layer. Their result shape is
// the written result type, or comes at run time from the `shape` operand.
// Verifiers and type inference live in lib/Dialect/TensorRT/IR/FillOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_FILL_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_FILL_TD

defvar TensorRT_FillShapeDescription = [{
    The result shape is the result type when it is fully known; otherwise
    the `shape` operand (a 1-D tensor with one entry per result dimension)
    gives it at run time.
}];

def TensorRT_LinspaceOp : TensorRT_Op<"linspace", [Pure,
    AttrSizedOperandSegments, TensorRT_InferResultTypeComponents]> {
  let summary = "evenly spaced values (IFillLayer, kLINSPACE)";
  let description = [{
    Fills the result with `start + dot(step, index)` at each multi-index;
    for a 1-D result with a scalar step this is `start + step * i`. `start`
    and `step` are both operands (`start` a scalar tensor, `step` a 1-D
    tensor with one entry per result dimension) or both attributes
    (`static_start`, `static_step`, written bare in the brackets). A result
    of rank above 1 needs the `step` operand. Operand element types are the
    result's.
  }] # TensorRT_FillShapeDescription # [{

    ```mlir
    %r = tensorrt.linspace [0.0][static][1.0] : tensor<1024xf32>
    %g = tensorrt.linspace [%s : tensor<f32>][%shape : tensor<2xi32>]
           [%d : tensor<2xf32>] : tensor<?x?xf32>
    ```
  }];
  let arguments = (ins
    Optional<1DTensorOf<[I32, I64]>>:$shape,
    Optional<0DTensorOf<[I32, I64, F32]>>:$start,
    Optional<1DTensorOf<[I32, I64, F32]>>:$step,
    OptionalAttr<F64Attr>:$static_start,
    OptionalAttr<F64Attr>:$static_step);
  let results = (outs TensorRT_RankedTensorOf<[I32, I64, F32]>:$result);
  let assemblyFormat = [{
    attr-dict
      `[` ($start^ `:` type($start)) : ($static_start)? `]`
      `[` ($shape^ `:` type($shape)) : (`static`)? `]`
      `[` ($step^ `:` type($step)) : ($static_step)? `]`
      `:` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_RandomUniformOp : TensorRT_Op<"random_uniform", [Pure,
    AttrSizedOperandSegments, TensorRT_InferResultTypeComponents]> {
  let summary = "random samples from a uniform distribution (IFillLayer)";
  let description = [{
    Fills the result with independent samples drawn uniformly from
    `[low, high)`. The bounds are both scalar operands, both the attributes
    `static_low` and `static_high`, or absent (0 and 1). Operand element
    types are the result's.
  }] # TensorRT_FillShapeDescription # [{

    ```mlir
    %r = tensorrt.random_uniform {static_low = -1.0, static_high = 1.0}
           -> tensor<2x3xf16>
    ```
  }];
  let arguments = (ins
    Optional<1DTensorOf<[I32]>>:$shape,
    Optional<0DTensorOf<[F32, F16]>>:$low,
    Optional<0DTensorOf<[F32, F16]>>:$high,
    OptionalAttr<F64Attr>:$static_low,
    OptionalAttr<F64Attr>:$static_high);
  let results = (outs TensorRT_RankedTensorOf<[F32, F16]>:$result);
  let assemblyFormat = [{
    attr-dict
      (`low` `(` $low^ `:` type($low) `)`)?
      (`high` `(` $high^ `:` type($high) `)`)?
      (`shape` `(` $shape^ `:` type($shape) `)`)?
      `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_RandomNormalOp : TensorRT_Op<"random_normal", [Pure,
    AttrSizedOperandSegments, TensorRT_InferResultTypeComponents]> {
  let summary = "random samples from a normal distribution (IFillLayer)";
  let description = [{
    Fills the result with independent samples from the normal distribution
    of mean `mean` and standard deviation `std` (at least 0). Both are
    scalar operands, both the attributes `static_mean` and `static_std`, or
    absent (0 and 1). Operand element types are the result's.
  }] # TensorRT_FillShapeDescription # [{

    ```mlir
    %r = tensorrt.random_normal mean(%m : tensor<f32>) std(%s : tensor<f32>)
           shape(%shape : tensor<2xi32>) -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins
    Optional<1DTensorOf<[I32]>>:$shape,
    Optional<0DTensorOf<[F32, F16]>>:$mean,
    Optional<0DTensorOf<[F32, F16]>>:$std,
    OptionalAttr<F64Attr>:$static_mean,
    OptionalAttr<F64Attr>:$static_std);
  let results = (outs TensorRT_RankedTensorOf<[F32, F16]>:$result);
  let assemblyFormat = [{
    attr-dict
      (`mean` `(` $mean^ `:` type($mean) `)`)?
      (`std` `(` $std^ `:` type($std) `)`)?
      (`shape` `(` $shape^ `:` type($shape) `)`)?
      `->` type($result)
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_FILL_TD
