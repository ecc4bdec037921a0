//===- DataMovement.td - padding, shape, non_zero, one_hot -*- tablegen -*-===//
//
// Part of Kiln. Ops that move, crop or describe data without arithmetic on
// it. Included from TensorRTOps.td; verifiers and type inference live in
// lib/Dialect/TensorRT/IR/DataMovementOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_DATAMOVEMENT_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_DATAMOVEMENT_TD

def TensorRT_PaddingOp : TensorRT_Op<"padding", [Pure,
    TensorRT_InferResultType, SameOperandsAndResultElementType]> {
  let summary = "zero padding or cropping of the two innermost dimensions "
                "(IPaddingLayer)";
  let description = [{
    Grows or shrinks the two innermost dimensions of `input` (of rank 4 or
    more). `prePadding[j]` elements are added before and `postPadding[j]`
    after dimension `rank - 2 + j`; added elements are zero. A negative
    amount removes that many elements from that end instead. The outer
    dimensions are unchanged.

    ```mlir
    %p = tensorrt.padding {prePadding = array<i64: 2, -1>,
                           postPadding = array<i64: 2, -1>}
           ins(%x : tensor<1x3x8x8xf32>) -> tensor<1x3x12x6xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, F16, F32]>:$input,
    DenseI64ArrayAttr:$prePadding,
    DenseI64ArrayAttr:$postPadding);
  let results = (outs TensorRT_RankedTensorOf<[TensorRT_I8, I32, F16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type(results)
  }];
  let hasVerifier = 1;
}

def TensorRT_ShapeOp : TensorRT_Op<"shape", [Pure, TensorRT_InferResultType]> {
  let summary = "the shape of a tensor as an i32 tensor (IShapeLayer)";
  let description = [{
    Produces the dimension sizes of `input`, outermost first, as a 1-D `i32`
    tensor with one entry per dimension (no entries for a rank-0 input).
    Sizes that are `?` in the type are read when the engine runs.

    ```mlir
    %s = tensorrt.shape %x : tensor<?x16xf32> -> tensor<2xi32>
    ```
  }];
  let arguments = (ins TensorRT_AllTypesTensor:$input);
  let results = (outs 1DTensorOf<[I32]>:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def TensorRT_NonZeroOp : TensorRT_Op<"non_zero", [Pure,
    TensorRT_InferResultType]> {
  let summary = "coordinates of the non-zero elements (INonZeroLayer)";
  let description = [{
    Lists the positions of the elements of `input` that are not zero (true,
    for `i1`). The result has one row per input dimension and one column per
    non-zero element, in row-major order of the elements; its column count
    is known only at run time.

    ```mlir
    %nz = tensorrt.non_zero %mask : tensor<4x5xi1> -> tensor<2x?xi32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[I1, I8, I32, F16, BF16, F32]>:$input);
  let results = (outs TensorRT_RankedTensorOf<[I32]>:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def TensorRT_OneHotOp : TensorRT_Op<"one_hot", [Pure,
    TensorRT_InferResultType, AllElementTypesMatch<["values", "result"]>]> {
  let summary = "one-hot encoding of indices (IOneHotLayer)";
  let description = [{
    Expands every entry `i` of `indices` into a vector of `depth` elements
    that holds `values[1]` (the "on" value) at position `i` and `values[0]`
    (the "off" value) everywhere else. `values` has exactly two elements and
    `depth` is a rank-0 tensor. The new dimension of size `depth` is inserted
    into the shape of `indices` at position `axis`, which may be negative
    (counting from the end of the result shape, `-1` being innermost), so
    `axis` lies in `[-rank(indices) - 1, rank(indices)]`.

    ```mlir
    %oh = tensorrt.one_hot {axis = -1 : si64}
            ins(%idx, %vals, %depth : tensor<8xi32>, tensor<2xf32>, tensor<i32>)
            -> tensor<8x?xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[I32]>:$indices,
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$values,
    TensorRT_RankedTensorOf<[I32]>:$depth,
    SI64Attr:$axis);
  let results = (outs
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type(results)
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_DATAMOVEMENT_TD
