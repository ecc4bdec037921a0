//===- Resize.td - nearest, linear and cubic resize --------*- tablegen -*-===//
//
// Part of Kiln. One op per interpolation of IResizeLayer. Included from
// TensorRTOps.td; verifiers and type inference live in
// lib/Dialect/TensorRT/IR/ResizeOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_RESIZE_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_RESIZE_TD

// Operands and attributes every resize op has; each op appends its own.
defvar TensorRT_ResizeCommonArgs = (ins
  TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32]>:$input,
  Optional<TensorRT_ShapeTensor>:$output_shape,
  OptionalAttr<DenseF32ArrayAttr>:$scales,
  TensorRT_ResizeCoordinateTransformationAttr:$coordinateTransformation,
  TensorRT_ResizeSelectorAttr:$selectorForSinglePixel);

// The output size comes from one of three places: the `output_shape`
// operand, the `scales` attribute, or the written result type. Only the
// last is not known from the operands, so inference is partial.
class TensorRT_ResizeOp<string mnemonic, dag extraArgs>
  : TensorRT_Op<mnemonic, [Pure, TensorRT_InferResultTypeComponents]> {
  let arguments = !con(TensorRT_ResizeCommonArgs, extraArgs);
  let results = (outs TensorRT_RankedTensorOf<[TensorRT_I8, F16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict $input (`,` $output_shape^)? `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

// The part of the description the three ops share.
defvar TensorRT_ResizeDescription = [{
    The output size is given by exactly one of: the `output_shape` operand
    (a 1-D `i32` tensor with one entry per dimension, read at run time), the
    `scales` attribute (one factor per dimension; an output size is the input
    size times the factor, rounded down), or, when neither is present, the
    written result type, whose resized dimensions must then be known.

    `coordinateTransformation` maps an output coordinate `y` of a resized
    dimension to an input coordinate: `kALIGN_CORNERS` maps the corner pixels
    onto each other (`y * (in - 1) / (out - 1)`), `kASYMMETRIC` scales
    (`y * in / out`), and `kHALF_PIXEL` scales pixel centres
    (`(y + 0.5) * in / out - 0.5`). `selectorForSinglePixel` decides what an
    output dimension of size 1 reads: `kFORMULA` applies the mapping,
    `kUPPER` takes the first input pixel.
}];

def TensorRT_ResizeNearestOp : TensorRT_ResizeOp<"resize_nearest",
    (ins TensorRT_ResizeRoundModeAttr:$nearestRounding)> {
  let summary = "nearest-neighbour resize (IResizeLayer, kNEAREST)";
  let description = [{
    Resizes up to the three innermost dimensions of `input`; the outer
    dimensions keep their sizes. Each output element copies the input element
    nearest to its mapped coordinate, rounding as `nearestRounding` says
    (`kHALF_UP`, `kHALF_DOWN`, `kFLOOR` or `kCEIL`).
  }] # TensorRT_ResizeDescription # [{
    ```mlir
    %r = tensorrt.resize_nearest {
           coordinateTransformation = #tensorrt.resize_coordinate_transformation<kASYMMETRIC>,
           nearestRounding = #tensorrt.resize_round_mode<kFLOOR>,
           selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>}
           %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x16xf32>
    ```
  }];
}

def TensorRT_ResizeLinearOp : TensorRT_ResizeOp<"resize_linear", (ins)> {
  let summary = "linear resize (IResizeLayer, kLINEAR)";
  let description = [{
    Resizes up to the three innermost dimensions of `input` by linear
    interpolation along each resized dimension (bilinear for two,
    trilinear for three); the outer dimensions keep their sizes.
  }] # TensorRT_ResizeDescription # [{
    ```mlir
    %r = tensorrt.resize_linear {
           coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
           scales = array<f32: 1.0, 1.0, 2.0, 2.0>,
           selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>}
           %x : (tensor<?x3x8x8xf16>) -> tensor<?x3x16x16xf16>
    ```
  }];
}

def TensorRT_ResizeCubicOp : TensorRT_ResizeOp<"resize_cubic",
    (ins F32Attr:$cubicCoeff)> {
  let summary = "bicubic resize (IResizeLayer, kCUBIC)";
  let description = [{
    Resizes the two innermost dimensions of `input` (of rank 2 or more) by
    bicubic interpolation with coefficient `cubicCoeff` (commonly -0.75, as
    in PyTorch, or -0.5); the outer dimensions keep their sizes.
  }] # TensorRT_ResizeDescription # [{
    ```mlir
    %r = tensorrt.resize_cubic {
           coordinateTransformation = #tensorrt.resize_coordinate_transformation<kHALF_PIXEL>,
           cubicCoeff = -7.500000e-01 : f32,
           selectorForSinglePixel = #tensorrt.resize_selector<kFORMULA>}
           %x, %shape : (tensor<1x3x?x?xf32>, tensor<4xi32>) -> tensor<1x3x?x?xf32>
    ```
  }];
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_RESIZE_TD
