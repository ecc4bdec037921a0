//===- Reduction.td - top-k, argmin/argmax and einsum --------*- tablegen -*-===//
//
// Part of Kiln. Ops that select or combine elements along dimensions. Their
// verifiers and type inference live in lib/Dialect/TensorRT/IR/ReductionOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_OPS_REDUCTION_TD
#define KILN_DIALECT_TENSORRT_IR_OPS_REDUCTION_TD

// Element types TensorRT's top-k layer sorts.
defvar TensorRT_TopKElementTypes = [I32, I64, F16, BF16, F32];

def TensorRT_TopKOp : TensorRT_Op<"top_k", [Pure, TensorRT_InferResultType]> {
  let summary = "the k largest or smallest elements along one dimension (ITopKLayer)";
  let description = [{
    Along dimension `axis` of `input`, keeps the `k` largest (`kMAX`) or
    smallest (`kMIN`) elements, sorted best first, and their positions along
    `axis` as i32. Both results have the input's shape with dimension `axis`
    replaced by `k`; the rank never drops, even for `k = 1`. `k` is at most
    3840 and at most the size of dimension `axis`.

    ```mlir
    %v, %i = tensorrt.top_k <kMAX> {k = 5 : i64, axis = 1 : i64}
               %x : tensor<?x100xf32> -> tensor<?x5xf32>, tensor<?x5xi32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<TensorRT_TopKElementTypes>:$input,
    I64Attr:$k,
    I64Attr:$axis,
    TensorRT_TopKOperationAttr:$topkOperation);
  let results = (outs
    TensorRT_RankedTensorOf<TensorRT_TopKElementTypes>:$values,
    TensorRT_RankedTensorOf<[I32]>:$indices);
  let assemblyFormat = [{
    $topkOperation attr-dict $input `:` type($input) `->` type(results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = TensorRT_CompatibleShapesDecl # [{
    /// The largest `k` TensorRT's top-k layer accepts.
    static constexpr int64_t kMaxK = 3840;
  }];
}

// argmin and argmax: top-k with k = 1, lowered to `tensorrt.top_k` before an
// engine is built.
class TensorRT_ArgMinMaxOp<string mnemonic, string which, string kind>
  : TensorRT_Op<mnemonic, [Pure, TensorRT_InferResultType]> {
  let summary = "the " # which # " element along one dimension and its index";
  let description = [{
    Reduces dimension `axis` of `input` to size 1, keeping the }] # which # [{
    element of each slice in `values` and its position along `axis` (an
    i32) in `indices`. The rank is kept. Equivalent to `tensorrt.top_k` with
    `}] # kind # [{` and `k = 1`, which it is rewritten to before engines are built.

    ```mlir
    %v, %i = tensorrt.}] # mnemonic # [{ {axis = 1 : i64}
               %x : tensor<?x10xf32> -> tensor<?x1xf32>, tensor<?x1xi32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<TensorRT_TopKElementTypes>:$input,
    I64Attr:$axis);
  let results = (outs
    TensorRT_RankedTensorOf<TensorRT_TopKElementTypes>:$values,
    TensorRT_RankedTensorOf<[I32]>:$indices);
  let assemblyFormat = "attr-dict $input `:` type($input) `->` type(results)";
  let hasVerifier = 1;
}

def TensorRT_ArgMinOp : TensorRT_ArgMinMaxOp<"argmin", "smallest", "kMIN">;
def TensorRT_ArgMaxOp : TensorRT_ArgMinMaxOp<"argmax", "largest", "kMAX">;

def TensorRT_EinsumOp : TensorRT_Op<"einsum", [Pure,
    TensorRT_InferResultType]> {
  let summary = "Einstein summation over one or two tensors (IEinsumLayer)";
  let description = [{
    `equation` labels every dimension of every input with a lower-case
    letter: one term per input, separated by commas, optionally followed by
    `->` and the term of the result. Spaces are ignored. A letter shared by
    two inputs multiplies those dimensions together; a letter repeated in one
    input takes the diagonal; a letter missing from the result term is summed
    over. Without `->` the result term is every letter used exactly once, in
    alphabetical order. Dimensions with the same letter have equal sizes,
    except that a size of 1 broadcasts across inputs. Ellipses and upper-case
    letters are not accepted (TensorRT does not support them).

    All inputs share one element type, which the result keeps.

    ```mlir
    %c = tensorrt.einsum {equation = "bij,bjk->bik"}
           ins(%a, %b : tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
    ```
  }];
  let arguments = (ins
    Variadic<TensorRT_RankedTensorOf<[F16, BF16, F32]>>:$inputs,
    StrAttr:$equation);
  let results = (outs TensorRT_RankedTensorOf<[F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_OPS_REDUCTION_TD
