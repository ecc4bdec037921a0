//===- Convolution.td - convolution, deconvolution and pooling -*- tablegen -*-===//
//
// Part of Kiln. Windowed layers over `[batch, channels, spatial...]` tensors
// with one to three spatial dimensions. Verifiers and type inference live in
// lib/Dialect/TensorRT/IR/ConvolutionOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_CONVOLUTION_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_CONVOLUTION_TD

// The parts convolution and deconvolution share: their window attributes.
defvar TensorRT_ConvolutionWindowDescription = [{
    `stride`, `pre_padding` and `post_padding` have one entry per spatial
    dimension, as does `dilation` when given (it defaults to 1). Strides and
    dilations are at least 1 and paddings at least 0. `num_groups` (default
    1) splits the input and output channels into that many independent
    groups; it divides the input channels.
}];

def TensorRT_ConvolutionOp : TensorRT_Op<"convolution", [Pure,
    SameOperandsAndResultElementType, AttrSizedOperandSegments,
    TensorRT_InferResultType]> {
  let summary = "1-D, 2-D or 3-D convolution (IConvolutionLayer)";
  let description = [{
    Convolves `input`, shaped `[N, C, spatial...]`, with the filters of the
    kernel, shaped `[K, C / num_groups, window...]`, producing `[N, K,
    out...]` where along each spatial dimension

        out = (in + pre + post - dilation * (window - 1) - 1) / stride + 1

    rounded down. The kernel is either the `kernel` operand or the
    `kernelStatic` elements attribute (exactly one of them); the optional
    bias (`bias` operand or `biasStatic` attribute, one value per output
    channel) is added to every output element of its channel.
  }] # TensorRT_ConvolutionWindowDescription # [{

    ```mlir
    %y = tensorrt.convolution {stride = array<i64: 1, 1>,
                               pre_padding = array<i64: 1, 1>,
                               post_padding = array<i64: 1, 1>}
           in(%x : tensor<?x32x64x64xf32>) kernel(%w : tensor<64x32x3x3xf32>)
           bias(%b : tensor<64xf32>) -> tensor<?x64x64x64xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$input,
    Optional<TensorRT_RankedTensorOf<[F16, BF16, F32]>>:$kernel,
    Optional<TensorRT_RankedTensorOf<[F16, BF16, F32]>>:$bias,
    OptionalAttr<ElementsAttr>:$kernelStatic,
    OptionalAttr<ElementsAttr>:$biasStatic,
    DenseI64ArrayAttr:$stride,
    DenseI64ArrayAttr:$pre_padding,
    DenseI64ArrayAttr:$post_padding,
    DefaultValuedAttr<UI32Attr, "1">:$num_groups,
    OptionalAttr<DenseI64ArrayAttr>:$dilation);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    attr-dict `in` `(` $input `:` type($input) `)`
      (`kernel` `(` $kernel^ `:` type($kernel) `)`)?
      (`bias` `(` $bias^ `:` type($bias) `)`)?
      `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_DeconvolutionOp : TensorRT_Op<"deconvolution", [Pure,
    SameOperandsAndResultElementType, AttrSizedOperandSegments,
    TensorRT_InferResultType]> {
  let summary = "1-D, 2-D or 3-D transposed convolution (IDeconvolutionLayer)";
  let description = [{
    The transpose of `tensorrt.convolution`: `input`, shaped `[N, C,
    spatial...]`, and the kernel, shaped `[C, K / num_groups, window...]`,
    produce `[N, K, out...]` where along each spatial dimension

        out = (in - 1) * stride - pre - post + dilation * (window - 1) + 1

    The kernel is either the `kernelWeights` operand or the
    `kernelWeightsStatic` attribute (exactly one of them); the optional
    bias (`biasWeights` operand or `biasWeightsStatic` attribute) holds one
    value per output channel.
  }] # TensorRT_ConvolutionWindowDescription # [{

    ```mlir
    %y = tensorrt.deconvolution {stride = array<i64: 2, 2>,
                                 pre_padding = array<i64: 0, 0>,
                                 post_padding = array<i64: 0, 0>}
           in(%x : tensor<1x8x5x5xf16>) kernelWeights(%w : tensor<8x4x3x3xf16>)
           -> tensor<1x4x11x11xf16>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32]>:$input,
    Optional<TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32]>>:$kernelWeights,
    Optional<TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32]>>:$biasWeights,
    OptionalAttr<ElementsAttr>:$kernelWeightsStatic,
    OptionalAttr<ElementsAttr>:$biasWeightsStatic,
    DenseI64ArrayAttr:$stride,
    DenseI64ArrayAttr:$pre_padding,
    DenseI64ArrayAttr:$post_padding,
    DefaultValuedAttr<UI32Attr, "1">:$num_groups,
    OptionalAttr<DenseI64ArrayAttr>:$dilation);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    attr-dict `in` `(` $input `:` type($input) `)`
      (`kernelWeights` `(` $kernelWeights^ `:` type($kernelWeights) `)`)?
      (`biasWeights` `(` $biasWeights^ `:` type($biasWeights) `)`)?
      `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_PoolingOp : TensorRT_Op<"pooling", [Pure,
    SameOperandsAndResultElementType, TensorRT_InferResultType]> {
  let summary = "windowed max or average (IPoolingLayer)";
  let description = [{
    Slides a `windowSize` window over the spatial dimensions of `input`
    (shaped `[N, C, spatial...]`, one to three spatial dimensions) with
    steps of `stride`, after padding with `prePadding` and `postPadding`,
    and reduces each window by `poolingType`: `kMAX`, `kAVERAGE`, or
    `kMAX_AVERAGE_BLEND`, which computes
    `blendFactor * max + (1 - blendFactor) * average`. Along each spatial
    dimension

        out = (in + pre + post - window) / stride + 1

    rounded down. `blendFactor` (in [0, 1]) is given exactly for
    `kMAX_AVERAGE_BLEND`. `averageCountExcludesPadding` is given exactly for
    the averaging kinds; when true, padded positions do not count toward the
    average.

    ```mlir
    %p = tensorrt.pooling {poolingType = #tensorrt.pooling_type<kMAX>,
                           windowSize = array<i64: 3, 3>,
                           stride = array<i64: 2, 2>,
                           prePadding = array<i64: 1, 1>,
                           postPadding = array<i64: 1, 1>}
           ins(%x : tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32, BF16]>:$input,
    DenseI64ArrayAttr:$windowSize,
    DenseI64ArrayAttr:$stride,
    DenseI64ArrayAttr:$prePadding,
    DenseI64ArrayAttr:$postPadding,
    TensorRT_PoolingTypeAttr:$poolingType,
    OptionalAttr<F32Attr>:$blendFactor,
    OptionalAttr<BoolAttr>:$averageCountExcludesPadding);
  let results = (outs TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32, BF16]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` $input `:` type($input) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_CONVOLUTION_TD
