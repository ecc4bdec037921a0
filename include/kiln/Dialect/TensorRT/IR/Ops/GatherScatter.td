//===- GatherScatter.td - indexed reads and writes ---------*- tablegen -*-===//
//
// Part of Kiln. The modes of IGatherLayer and IScatterLayer, one op each.
// Included from TensorRTOps.td; verifiers and type inference live in
// lib/Dialect/TensorRT/IR/GatherScatterOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_GATHERSCATTER_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_GATHERSCATTER_TD

def TensorRT_GatherOp : TensorRT_Op<"gather", [Pure, TensorRT_InferResultType,
    AllElementTypesMatch<["data", "result"]>]> {
  let summary = "gather along one axis (IGatherLayer, kDEFAULT mode)";
  let description = [{
    Replaces dimension `axis` of `data` with the dimensions of `indices`:
    every entry of `indices` selects one slice of `data` along `axis`.

    With `numBroadcastDims = 1` the leading dimension of `data` and of
    `indices` is walked in lockstep instead (the two sizes broadcast against
    each other and give the leading result dimension), and the remaining
    dimensions of `indices` replace `axis`. `numBroadcastDims` is 0 or 1 and
    at most `axis`, so the result has rank
    `rank(data) + rank(indices) - 1 - numBroadcastDims`, at most 8.

    ```mlir
    %g = tensorrt.gather {axis = 1 : i64}
           ins(%table, %ids : tensor<4x100x8xf32>, tensor<3x5xi32>)
           -> tensor<4x3x5x8xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_Tensor:$data,
    TensorRT_RankedTensorOf<[I32, I64]>:$indices,
    I64Attr:$axis,
    DefaultValuedAttr<I64Attr, "0">:$numBroadcastDims);
  let results = (outs TensorRT_Tensor:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_GatherNdOp : TensorRT_Op<"gather_nd", [Pure,
    TensorRT_InferResultType, AllElementTypesMatch<["data", "result"]>]> {
  let summary = "gather of slices by index tuples (IGatherLayer, kND mode)";
  let description = [{
    Reads `indices` as a tensor of index tuples: its last dimension, of
    static size `k` with `1 <= k <= rank(data)`, holds one tuple. Each tuple
    addresses the leading `k` dimensions of `data` and selects the slice of
    the remaining dimensions there. The result shape is the shape of
    `indices` without its last dimension, followed by the trailing
    `rank(data) - k` dimensions of `data`.

    ```mlir
    %g = tensorrt.gather_nd data(%x) indices(%i)
           : (tensor<6x7x8xf32>, tensor<5x2xi32>) -> tensor<5x8xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_Tensor:$data,
    TensorRT_RankedTensorOf<[I32, I64]>:$indices);
  let results = (outs TensorRT_Tensor:$result);
  let assemblyFormat = [{
    attr-dict `data` `(` $data `)` `indices` `(` $indices `)`
      `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TensorRT_GatherElementsOp : TensorRT_Op<"gather_elements", [Pure,
    TensorRT_InferResultType,
    AllRanksMatch<["data", "indices", "result"]>]> {
  let summary = "element-wise gather along one axis (IGatherLayer, kELEMENT "
                "mode)";
  let description = [{
    The result has the shape of `indices`, which has the rank of `data`.
    Result element `J` is the element of `data` at position `J` with its
    coordinate along `axis` replaced by `indices[J]`. Along every other
    dimension `indices` may not be larger than `data`.

    ```mlir
    %g = tensorrt.gather_elements {axis = 1 : i64}
           ins(%x, %perm : tensor<2x20xf32>, tensor<2x20xi64>) -> tensor<2x20xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_Tensor:$data,
    TensorRT_RankedTensorOf<[I32, I64]>:$indices,
    I64Attr:$axis);
  let results = (outs TensorRT_Tensor:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

def TensorRT_ScatterNdOp : TensorRT_Op<"scatter_nd", [Pure,
    TensorRT_InferResultType, AllElementTypesMatch<["data", "updates"]>]> {
  let summary = "write slices at index tuples (IScatterLayer, kND mode)";
  let description = [{
    Copies `data` and overwrites the slices addressed by `indices`. As in
    `tensorrt.gather_nd`, the last dimension of `indices` (static size `k`,
    at most `rank(data)`) holds index tuples into the leading `k` dimensions
    of `data`. `updates` holds one slice per tuple: its shape is the shape of
    `indices` without the last dimension, followed by the trailing
    `rank(data) - k` dimensions of `data`. The result has the type of
    `data`, so it is not written. Writing one element twice is undefined.

    ```mlir
    %s = tensorrt.scatter_nd data(%x : tensor<4x4x4xf32>)
           indices(%i : tensor<2x1xi32>) updates(%u : tensor<2x4x4xf32>)
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$data,
    TensorRT_RankedTensorOf<[I32, I64]>:$indices,
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$updates);
  let results = (outs TensorRT_Tensor:$result);
  let assemblyFormat = [{
    attr-dict `data` `(` $data `:` type($data) `)`
      `indices` `(` $indices `:` type($indices) `)`
      `updates` `(` $updates `:` type($updates) `)`
  }];
  let hasVerifier = 1;
}

def TensorRT_ScatterElementsOp : TensorRT_Op<"scatter_elements", [Pure,
    TensorRT_InferResultType, AllElementTypesMatch<["data", "updates"]>,
    AllRanksMatch<["data", "indices", "updates"]>]> {
  let summary = "element-wise scatter along one axis (IScatterLayer, kELEMENT "
                "mode)";
  let description = [{
    The inverse of `tensorrt.gather_elements`: copies `data`, then for every
    position `J` of `updates` writes `updates[J]` to position `J` with its
    coordinate along `axis` (default 0) replaced by `indices[J]`. `indices`
    and `updates` have the same shape, and `data` has their rank; along every
    other dimension they may not be larger than `data`. The result has the
    type of `data`. Writing one element twice is undefined.

    ```mlir
    %s = tensorrt.scatter_elements {axis = 1 : i64} data(%x : tensor<3x3xf32>)
           indices(%i : tensor<3x2xi32>) updates(%u : tensor<3x2xf32>)
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$data,
    TensorRT_RankedTensorOf<[I32, I64]>:$indices,
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$updates,
    OptionalAttr<I64Attr>:$axis);
  let results = (outs TensorRT_Tensor:$result);
  let assemblyFormat = [{
    attr-dict `data` `(` $data `:` type($data) `)`
      `indices` `(` $indices `:` type($indices) `)`
      `updates` `(` $updates `:` type($updates) `)`
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_GATHERSCATTER_TD
