//===- Quantization.td - quantize and dequantize ops -------*- tablegen -*-===//
//
// Part of Kiln. Included by TensorRTOps.td; verifiers and type inference live
// in lib/Dialect/TensorRT/IR/QuantizationOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_QUANTIZATION_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_QUANTIZATION_TD

// The three granularities share one rule set, spelled out in both op
// descriptions below:
//
// - per-tensor: `scale` is 0-D and `axis` is absent;
// - per-channel: `scale` is 1-D, `axis` names an input dimension and the
//   scale has one entry per index of that dimension;
// - block: `scale` has the input's rank (at least 2) and `axis` is absent.
//   Scale and input agree on every dimension except one of the last two,
//   along which each scale entry covers a block of consecutive elements.
//   Only the sub-byte and 8-bit float types (i4, f4E2M1FN, f8E4M3FN) are
//   block-quantized.
//
// TensorRT fixes the zero point to 0, so there is no zero-point operand; a
// `!quant.uniform` element type is accepted only with zero point 0.

def TensorRT_QuantizeOp : TensorRT_Op<"quantize", [Pure,
    TensorRT_InferResultTypeComponents,
    AllRanksMatch<["input", "result"]>]> {
  let summary = "floating point to low precision (IQuantizeLayer)";
  let description = [{
    Divides every element of `input` by its scale, rounds to nearest (ties to
    even) and saturates to the range of the result element type (i8, i4,
    f8E4M3FN or a symmetric `!quant.uniform` over i8). The result has the
    shape of the input.

    Per-tensor, per-channel (with `axis`) and block quantization are chosen
    by the rank of `scale`, as described at the top of Quantization.td: a
    0-D scale applies everywhere; a 1-D scale with `axis = a` applies
    `scale[i]` to the slice `input[..., i, ...]` of dimension `a`; a scale of
    the input's rank applies `scale[i / B, j]` to `input[i, j]` where the
    block size `B` is the ratio of the two sizes of the blocked dimension.

    ```mlir
    %q = tensorrt.quantize in(%x : tensor<8x16xf32>) scale(%s : tensor<f32>)
           -> tensor<8x16xi8>
    %c = tensorrt.quantize {axis = 0 : i32} in(%w : tensor<8x16xf16>)
           scale(%sc : tensor<8xf16>) -> tensor<8x16xf8E4M3FN>
    ```
  }];
  let arguments = (ins
    TensorRT_Non0RankedTensorOf<[F32, F16, BF16]>:$input,
    TensorRT_RankedTensorOf<[F32, F16, BF16]>:$scale,
    OptionalAttr<I32Attr>:$axis);
  let results = (outs
    TensorRT_RankedTensorOf<[TensorRT_I8, TensorRT_F8, TensorRT_I4]>:$result);
  let assemblyFormat = [{
    attr-dict `in` `(` $input `:` type($input) `)`
      `scale` `(` $scale `:` type($scale) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_DequantizeOp : TensorRT_Op<"dequantize", [Pure,
    TensorRT_InferResultTypeComponents,
    AllRanksMatch<["input", "result"]>]> {
  let summary = "low precision to floating point (IDequantizeLayer)";
  let description = [{
    Multiplies every element of `input` (i8, i4, f8E4M3FN, f4E2M1FN or a
    symmetric `!quant.uniform` over i8) by its scale, producing f32, f16 or
    bf16 of the same shape. `scale` and `axis` select per-tensor,
    per-channel or block dequantization exactly as for `tensorrt.quantize`.

    ```mlir
    %x = tensorrt.dequantize in(%q : tensor<8x16xi8>) scale(%s : tensor<f32>)
           -> tensor<8x16xf32>
    %w = tensorrt.dequantize in(%b : tensor<64x16xi4>)
           scale(%bs : tensor<4x16xf16>) -> tensor<64x16xf16>
    ```
  }];
  let arguments = (ins
    TensorRT_Non0RankedTensorOf<
      [TensorRT_I8, TensorRT_F8, TensorRT_F4, TensorRT_I4]>:$input,
    TensorRT_RankedTensorOf<[F32, F16, BF16]>:$scale,
    OptionalAttr<I32Attr>:$axis);
  let results = (outs TensorRT_RankedTensorOf<[F32, F16, BF16]>:$result);
  let assemblyFormat = [{
    attr-dict `in` `(` $input `:` type($input) `)`
      `scale` `(` $scale `:` type($scale) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_DynamicQuantizeOp : TensorRT_Op<"dynamic_quantize", [Pure,
    TensorRT_InferResultType,
    AllRanksMatch<["input", "result", "scales"]>]> {
  let summary = "runtime block quantization to NVFP4 (IDynamicQuantizeLayer)";
  let description = [{
    Quantizes `input` to f4E2M1FN in blocks of `block_size` (only 16 is
    supported) consecutive elements along `axis`, which is one of the last
    two dimensions. Each block gets a scale computed at run time; the scales
    are themselves quantized to f8E4M3FN with the fixed 0-D
    `double_quant_scale`, and returned as `scales`. `scales` has the input
    shape with the `axis` dimension divided by the block size, so that size
    must be a multiple of 16 when known.

    ```mlir
    %q, %s = tensorrt.dynamic_quantize {axis = 1 : i32}
               in(%x : tensor<4x64xf16>) double_quant_scale(%d : tensor<f32>)
               -> tensor<4x64xf4E2M1FN>, tensor<4x4xf8E4M3FN>
    ```
  }];
  let arguments = (ins
    TensorRT_Non0RankedTensorOf<[F32, F16, BF16]>:$input,
    TensorRankOf<[F32, F16, BF16], [0]>:$double_quant_scale,
    I32Attr:$axis,
    DefaultValuedAttr<I32Attr, "16">:$block_size);
  let results = (outs
    TensorRT_RankedTensorOf<[TensorRT_F4]>:$result,
    TensorRT_RankedTensorOf<[TensorRT_F8]>:$scales);
  let assemblyFormat = [{
    attr-dict `in` `(` $input `:` type($input) `)`
      `double_quant_scale` `(` $double_quant_scale `:`
      type($double_quant_scale) `)` `->` type(results)
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_QUANTIZATION_TD
