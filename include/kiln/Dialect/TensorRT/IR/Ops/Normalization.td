//===- Normalization.td - normalization and learned activations -*- tablegen -*-===//
//
// Part of Kiln. Layers that rescale their input with statistics or learned
// tensors: normalization, ragged softmax and parametric ReLU. Verifiers and
// type inference live in lib/Dialect/TensorRT/IR/NormalizationOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_NORMALIZATION_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_NORMALIZATION_TD

def TensorRT_NormalizationOp : TensorRT_Op<"normalization", [Pure,
    TensorRT_InferResultType,
    AllElementTypesMatch<["input", "scale", "bias"]>]> {
  let summary = "batch, instance, group or layer normalization (INormalizationLayer)";
  let description = [{
    Computes `(input - mean) / sqrt(variance + eps) * scale + bias`, where
    mean and variance are taken over the dimensions listed in `axis` (sorted,
    no repeats, at least one). `eps` defaults to 1e-5. `scale` and `bias`
    have the input's rank and broadcast to its shape. The result has the
    input's type.

    Which normalization this is follows from `axis` and the shapes, with the
    channel dimension being dimension 1:

    - batch: `axis = [0]`, scale and bias `[1, C, 1, ...]`;
    - instance: `axis = [2, ..., rank-1]`, scale and bias `[1, C, 1, ...]`;
    - layer: `axis` a trailing run of dimensions, scale and bias `1` before
      them and the input's sizes along them;
    - group: `num_groups = G > 1` splits the `C` channels into `G` groups
      (`G` divides `C`); `axis = [2, ..., rank-1]` and scale and bias are
      `[1, G, 1, ...]`.

    ```mlir
    %n = tensorrt.normalization {axis = array<i64: 2>}
           (%x : tensor<4x16x768xf16>, %g : tensor<1x1x768xf16>,
            %b : tensor<1x1x768xf16>) -> tensor<4x16x768xf16>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$input,
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$scale,
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$bias,
    TensorRT_DimensionListAttr:$axis,
    OptionalAttr<F32Attr>:$eps,
    OptionalAttr<I32Attr>:$num_groups);
  let results = (outs TensorRT_RankedTensorOf<[F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `(` $input `:` type($input) `,` $scale `:` type($scale) `,`
      $bias `:` type($bias) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_RaggedSoftMaxOp : TensorRT_Op<"ragged_softmax", [Pure,
    TensorRT_InferResultType]> {
  let summary = "softmax over a prefix of each row (IRaggedSoftMaxLayer)";
  let description = [{
    `input` holds `Z` sequences of length `S` as a `[1, Z, S]` tensor (more
    generally `[B, Z, S]`) and `bounds` (`[B, Z, 1]`, i32) the number of
    valid elements of each sequence. The softmax of each sequence is taken
    over its first `bounds` elements; the elements after them are zero. The
    result has the input's type.

    ```mlir
    %p = tensorrt.ragged_softmax ins(%x, %len : tensor<1x3x5xf32>,
                                     tensor<1x3x1xi32>) -> tensor<1x3x5xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$input,
    TensorRT_RankedTensorOf<[I32]>:$bounds);
  let results = (outs TensorRT_RankedTensorOf<[F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type(results)
  }];
  let hasVerifier = 1;
}

def TensorRT_ParametricReLUOp : TensorRT_Op<"parametric_relu", [Pure,
    TensorRT_InferResultType,
    AllElementTypesMatch<["input", "slope"]>]> {
  let summary = "leaky ReLU with a per-element slope (IParametricReLULayer)";
  let description = [{
    Each element `x` of `input` stays `x` when positive and becomes
    `slope * x` otherwise, where `slope` has the input's rank and element
    type and broadcasts to its shape (each dimension is 1 or the input's
    size). The result has the input's type.

    ```mlir
    %y = tensorrt.parametric_relu ins(%x, %s : tensor<8x16xf32>,
                                      tensor<1x16xf32>) -> tensor<8x16xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, F16, BF16, F32]>:$input,
    TensorRT_RankedTensorOf<[TensorRT_I8, F16, BF16, F32]>:$slope);
  let results = (outs TensorRT_RankedTensorOf<[TensorRT_I8, F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type(results)
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_NORMALIZATION_TD
