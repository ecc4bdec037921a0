//===- TensorRTOps.td - operations of the `tensorrt` dialect -*- tablegen -*-===//
//
// Part of Kiln. First slice: the layers that dense inference graphs are made
// of. Argument names, attribute names and assembly formats follow the
// MLIR-TensorRT project so that its textual IR parses here.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_TENSORRTOPS_TD
#define KILN_DIALECT_TENSORRT_IR_TENSORRTOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "kiln/Dialect/TensorRT/IR/TensorRTDialect.td"
include "kiln/Dialect/TensorRT/IR/TensorRTEnums.td"
include "kiln/Dialect/TensorRT/IR/TensorRTAttributes.td"

//===----------------------------------------------------------------------===//
// Base classes and inference traits
//===----------------------------------------------------------------------===//

// Written result types may be more precise than the inferred ones (a `?`
// inferred where the IR says `4`) or less precise; both are accepted as long
// as no dimension is known to differ.
defvar TensorRT_CompatibleShapesDecl = [{
  static bool isCompatibleReturnTypes(::mlir::TypeRange lhs,
                                      ::mlir::TypeRange rhs) {
    return ::kiln::tensorrt::areCompatibleTensorTypes(lhs, rhs);
  }
}];

class TensorRT_Op<string mnemonic, list<Trait> traits = []>
  : Op<TensorRT_Dialect, mnemonic, traits> {
  let extraClassDeclaration = TensorRT_CompatibleShapesDecl;
}

// Shape and element type of the result follow from operands and attributes.
// The builder may omit the result type; the verifier compares the written
// type with the inferred one.
defvar TensorRT_InferResultType = InferTensorTypeAdaptor;

// Only part of the result type follows (e.g. the shape but not the element
// type of a cast); the verifier checks the part that does.
defvar TensorRT_InferResultTypeComponents = InferShapedTypeOpAdaptor;

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

def TensorRT_ConstantOp : TensorRT_Op<"constant", [Pure, ConstantLike,
    AllTypesMatch<["weights", "result"]>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "a tensor of fixed values (IConstantLayer)";
  let description = [{
    Produces the tensor held by `weights`. The result type is the type of the
    elements attribute, so it is written once:

    ```mlir
    %w = tensorrt.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$weights);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = "attr-dict $weights";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Pointwise ops
//===----------------------------------------------------------------------===//

def TensorRT_ElementWiseOp : TensorRT_Op<"element_wise", [Pure,
    TensorRT_InferResultType, SameOperandsElementType,
    AllRanksMatch<["input1", "input2", "result"]>]> {
  let summary = "binary pointwise operation with broadcasting (IElementWiseLayer)";
  let description = [{
    Applies `elementwiseOperation` to corresponding elements of `input1` and
    `input2`. Both inputs have the same rank and element type. Along each
    dimension the two sizes are equal, or one of them is 1 and that input is
    repeated along the dimension. A `?` that may turn out to be 1 or the
    other size is accepted; the engine checks it when shapes are bound.

    Comparisons (`kEQUAL`, `kGREATER`, `kLESS`) and logical operations
    (`kAND`, `kOR`, `kXOR`) produce `i1`; arithmetic keeps the input element
    type. Logical operations take only `i1`; the others never take `i1`, and
    `kPOW` takes neither `i1` nor `i32`.

    ```mlir
    %s = tensorrt.element_wise <kSUM>(%a, %b : tensor<4x1xf32>, tensor<1x8xf32>)
           -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins TensorRT_Tensor:$input1, TensorRT_Tensor:$input2,
                       TensorRT_ElementWiseOperationAttr:$elementwiseOperation);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    attr-dict $elementwiseOperation `(` operands `:` type(operands) `)`
      `->` type(results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_UnaryOp : TensorRT_Op<"unary", [Pure, TensorRT_InferResultType,
    ElementwiseMappable]> {
  let summary = "unary pointwise math (IUnaryLayer)";
  let description = [{
    Applies `unaryOperation` to every element of `input`; the result has the
    input's type. Which element types an operation accepts depends on the
    operation: transcendental functions take floating-point types, `kNOT`
    takes only `i1`, and `kABS`, `kNEG`, `kSIGN` also take signed integers.

    ```mlir
    %e = tensorrt.unary {unaryOperation = #tensorrt.unary_operation<kEXP>}
           %x : tensor<?x16xf32>
    ```
  }];
  let arguments = (ins TensorRT_Tensor:$input,
                       TensorRT_UnaryOperationAttr:$unaryOperation);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "attr-dict $input `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def TensorRT_ActivationOp : TensorRT_Op<"activation", [Pure,
    TensorRT_InferResultType, ElementwiseMappable]> {
  let summary = "pointwise activation function (IActivationLayer)";
  let description = [{
    Applies `activationType` to every element of `input`. Some activations
    are parameterized: `alpha` and `beta` must be given exactly when the
    activation uses them (for example `kLEAKY_RELU` uses the slope `alpha`,
    `kCLIP` uses the bounds `alpha` and `beta`, `kRELU` uses neither).
    Integer inputs (i32, i64) are accepted only by `kRELU`.

    ```mlir
    %y = tensorrt.activation {activationType = #tensorrt.activation_type<kCLIP>,
                              alpha = 0.0 : f32, beta = 6.0 : f32}
           %x : tensor<8xf16>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$input,
    TensorRT_ActivationTypeAttr:$activationType,
    OptionalAttr<F32Attr>:$alpha,
    OptionalAttr<F32Attr>:$beta);
  let results = (outs
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$result);
  let assemblyFormat = "attr-dict $input `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDeclaration = TensorRT_CompatibleShapesDecl # [{
    /// Whether `activationType` reads the `alpha` parameter.
    static bool usesAlpha(ActivationType activationType);
    /// Whether `activationType` reads the `beta` parameter.
    static bool usesBeta(ActivationType activationType);
  }];
}

def TensorRT_CastOp : TensorRT_Op<"cast", [Pure,
    TensorRT_InferResultTypeComponents, ElementwiseMappable]> {
  let summary = "element type conversion (ICastLayer)";
  let description = [{
    Converts every element of `input` to the element type of the result. The
    shape is unchanged. Float to integer conversion rounds toward zero;
    conversion to `i1` yields true for every non-zero element.

    ```mlir
    %h = tensorrt.cast %x : tensor<4x?xf32> to tensor<4x?xf16>
    ```
  }];
  let arguments = (ins TensorRT_RankedTensorOf<
    [I1, UI8, TensorRT_I8, I32, I64, F16, BF16, F32]>:$input);
  let results = (outs TensorRT_RankedTensorOf<
    [I1, UI8, TensorRT_I8, I32, I64, F16, BF16, F32]>:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_IdentityOp : TensorRT_Op<"identity", [Pure,
    TensorRT_InferResultTypeComponents, ElementwiseMappable]> {
  let summary = "copy with optional element type change (IIdentityLayer)";
  let description = [{
    Copies `input`, converting elements to the result's element type. The
    shape is unchanged. Unlike `tensorrt.cast` it also accepts `ui8`, which
    is meant to be converted to or from f16/f32; other `ui8` conversions are
    accepted here and routed through f32 by later passes.

    ```mlir
    %c = tensorrt.identity %x : tensor<10xi1> to tensor<10xf32>
    ```
  }];
  let arguments = (ins TensorRT_RankedTensorOf<
    [I1, UI8, TensorRT_I8, I32, F16, BF16, F32]>:$input);
  let results = (outs TensorRT_RankedTensorOf<
    [I1, UI8, TensorRT_I8, I32, F16, BF16, F32]>:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def TensorRT_SelectOp : TensorRT_Op<"select", [Pure, TensorRT_InferResultType,
    AllElementTypesMatch<["thenInput", "elseInput", "result"]>]> {
  let summary = "pointwise choice between two tensors (ISelectLayer)";
  let description = [{
    Where `condition` is true the result takes the element of `thenInput`,
    elsewhere the element of `elseInput`. The three operands have the same
    rank and broadcast against each other like the inputs of
    `tensorrt.element_wise`.

    ```mlir
    %r = tensorrt.select ins(%c, %a, %b : tensor<4x8xi1>, tensor<4x8xf32>,
                                          tensor<1x8xf32>) -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[I1]>:$condition,
    TensorRT_RankedTensorOf<[I1, TensorRT_I8, I32, I64, F16, BF16, F32]>:$thenInput,
    TensorRT_RankedTensorOf<[I1, TensorRT_I8, I32, I64, F16, BF16, F32]>:$elseInput);
  let results = (outs
    TensorRT_RankedTensorOf<[I1, TensorRT_I8, I32, I64, F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Contractions and reductions
//===----------------------------------------------------------------------===//

def TensorRT_MatrixMultiplyOp : TensorRT_Op<"matrix_multiply", [Pure,
    SameOperandsAndResultElementType, TensorRT_InferResultType]> {
  let summary = "batched matrix and vector products (IMatrixMultiplyLayer)";
  let description = [{
    Multiplies `input0` by `input1`. How each operand is read is set by
    `op0` and `op1`:

    - `kNONE`: the last two dimensions form a matrix (rank at least 2);
    - `kTRANSPOSE`: the same, with the two matrix dimensions swapped;
    - `kVECTOR`: the last dimension is a vector (rank at least 1).

    The dimensions before the matrix or vector part are collection (batch)
    dimensions. Both operands have the same number of them, and they
    broadcast like the inputs of `tensorrt.element_wise`. The result has the
    broadcast collection dimensions followed by the row count of `input0`
    (unless it is a vector) and the column count of `input1` (unless it is a
    vector). The contracted sizes of the two operands must agree.

    ```mlir
    %c = tensorrt.matrix_multiply {op0 = #tensorrt.matrix_operation<kNONE>,
                                   op1 = #tensorrt.matrix_operation<kTRANSPOSE>}
           ins(%a, %b : tensor<2x16x32xf16>, tensor<2x64x32xf16>)
           -> tensor<2x16x64xf16>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$input0,
    TensorRT_RankedTensorOf<[F16, BF16, F32]>:$input1,
    TensorRT_MatrixOperationAttr:$op0,
    TensorRT_MatrixOperationAttr:$op1);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type(results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_ReduceOp : TensorRT_Op<"reduce", [Pure,
    SameOperandsAndResultElementType, TensorRT_InferResultType]> {
  let summary = "reduction over a set of dimensions (IReduceLayer)";
  let description = [{
    Combines the elements of `input` along every dimension listed in
    `reduceAxes` (sorted, no repeats) with `reduceOperation`. With
    `keepDimensions` the reduced dimensions stay as size 1; otherwise they
    are removed from the result shape.

    ```mlir
    %m = tensorrt.reduce <kAVG> %x {reduceAxes = array<i64: 1>,
                                    keepDimensions = true}
           : tensor<4x?x8xf32> -> tensor<4x1x8xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$input,
    TensorRT_DimensionListAttr:$reduceAxes,
    DefaultValuedAttr<BoolAttr, "false">:$keepDimensions,
    TensorRT_ReduceOperationAttr:$reduceOperation);
  let results = (outs
    TensorRT_RankedTensorOf<[TensorRT_I8, I32, I64, F16, BF16, F32]>:$result);
  let assemblyFormat = [{
    $reduceOperation $input attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_SoftMaxOp : TensorRT_Op<"softmax", [Pure,
    TensorRT_InferResultType]> {
  let summary = "softmax along one dimension (ISoftMaxLayer)";
  let description = [{
    Exponentiates every element of `input` and divides it by the sum of the
    exponentials along dimension `axis`, so each slice along `axis` sums to
    one. The result has the input's type.

    ```mlir
    %p = tensorrt.softmax {axis = 1 : i64} %logits : tensor<?x1000xf32>
    ```
  }];
  let arguments = (ins TensorRT_RankedTensorOf<[F16, BF16, F32]>:$input,
                       I64Attr:$axis);
  let results = (outs TensorRT_RankedTensorOf<[F16, BF16, F32]>:$result);
  let assemblyFormat = "attr-dict $input `:` type($input)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

def TensorRT_ShuffleOp : TensorRT_Op<"shuffle", [Pure,
    TensorRT_InferResultTypeComponents]> {
  let summary = "transpose, reshape, transpose (IShuffleLayer)";
  let description = [{
    Performs, in order: a transpose of `input` by `first_transpose`; a
    reshape, either to the static specification `reshape` or to the runtime
    shape held by the `dynamic_reshape` operand (or none); a transpose by
    `second_transpose`. A transpose array lists, for each result dimension,
    the source dimension it takes.

    In `reshape`, a `-1` (at most one) stands for the size that keeps the
    element count unchanged. When `zero_is_placeholder` is true (the
    default), a `0` at position `i` copies dimension `i` of the transposed
    input; when false, `0` is a dimension of size zero, and `0` and `-1`
    cannot both appear.

    Prefer `tensorrt.transpose` and `tensorrt.reshape` for single steps.

    ```mlir
    %y = tensorrt.shuffle {first_transpose = array<i64: 0, 2, 1>,
                           reshape = array<i64: 0, -1>,
                           second_transpose = array<i64: 0, 1>}
           ins(%x : tensor<2x3x4xf32>) -> tensor<2x12xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_AllTypesTensor:$input,
    Optional<1DTensorOf<[I32]>>:$dynamic_reshape,
    DenseI64ArrayAttr:$first_transpose,
    OptionalAttr<DenseI64ArrayAttr>:$reshape,
    DenseI64ArrayAttr:$second_transpose,
    DefaultValuedAttr<BoolAttr, "true">:$zero_is_placeholder);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type(results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_TransposeOp : TensorRT_Op<"transpose", [Pure,
    TensorRT_InferResultType]> {
  let summary = "dimension permutation (Kiln extension; lowers to a shuffle)";
  let description = [{
    Permutes the dimensions of `input`. `permutation` is a permutation map
    `(d0, ..., dn-1) -> (...)` whose `i`-th result names the input dimension
    that becomes result dimension `i`.

    ```mlir
    %t = tensorrt.transpose {permutation = affine_map<(d0, d1) -> (d1, d0)>}
           %x : tensor<3x5xf32> to tensor<5x3xf32>
    ```
  }];
  let arguments = (ins TensorRT_AllTypesTensor:$input,
                       AffineMapAttr:$permutation);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_ReshapeOp : TensorRT_Op<"reshape", [Pure,
    AllElementTypesMatch<["input", "result"]>]> {
  let summary = "reshape to a new shape of equal element count";
  let description = [{
    Reinterprets `input` with the result shape, keeping the row-major order
    of the elements. Without the `shape` operand the result type may have at
    most one `?`, which the engine derives from the element count; with it,
    `shape` holds the result shape at run time and has one entry per result
    dimension.

    ```mlir
    %a = tensorrt.reshape %x : tensor<6xf32> to tensor<2x3xf32>
    %b = tensorrt.reshape %y shape(%s: tensor<2xi32>)
           : tensor<?xf32> to tensor<?x?xf32>
    ```
  }];
  let arguments = (ins TensorRT_AllTypesTensor:$input,
                       Optional<1DTensorOf<[I32]>>:$shape);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = [{
    $input (`shape` `(` $shape^ `` `:` type($shape) `)`)? attr-dict
      `:` type($input) `to` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_ExpandRankOp : TensorRT_Op<"expand_rank", [Pure,
    SameOperandsAndResultElementType]> {
  let summary = "insert unit dimensions";
  let description = [{
    Produces `input` with size-1 dimensions inserted anywhere in its shape.
    Removing some size-1 dimensions from the result shape gives back the
    input shape.

    ```mlir
    %e = tensorrt.expand_rank %x : tensor<8x?xf32> to tensor<1x8x1x?xf32>
    ```
  }];
  let arguments = (ins TensorRT_AllTypesTensor:$input);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_CollapseRankOp : TensorRT_Op<"collapse_rank", [Pure,
    SameOperandsAndResultElementType]> {
  let summary = "drop unit dimensions (squeeze)";
  let description = [{
    Produces `input` with some of its size-1 dimensions removed. Only
    dimensions known to be 1 may be dropped.

    ```mlir
    %s = tensorrt.collapse_rank %x : tensor<1x8x1xf32> to tensor<8xf32>
    ```
  }];
  let arguments = (ins TensorRT_AllTypesTensor:$input);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = "attr-dict $input `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_BroadcastOp : TensorRT_Op<"broadcast", [Pure,
    TensorRT_InferResultTypeComponents]> {
  let summary = "explicit broadcast, possibly adding dimensions";
  let description = [{
    Input dimension `i` becomes result dimension `broadcast_dims[i]`; result
    dimensions not named in `broadcast_dims` are new. Each input dimension
    has size 1 (it is repeated) or the size of its result dimension. The
    entries of `broadcast_dims` are distinct but need not be increasing, so
    the op may also permute. When the result type has a `?`, the `shape`
    operand gives the result shape at run time.

    ```mlir
    %b = tensorrt.broadcast %x broadcast_dims<1> : tensor<8xf32> to tensor<4x8xf32>
    ```
  }];
  let arguments = (ins TensorRT_AllTypesTensor:$input,
                       Optional<TensorRT_ShapeTensor>:$shape,
                       DenseI64ArrayAttr:$broadcast_dims);
  let results = (outs TensorRT_AllTypesTensor:$result);
  let assemblyFormat = [{
    $input `broadcast_dims` `<` custom<IndexList>($broadcast_dims) `>`
      (`shape` `(` $shape^ `:` type($shape) `)`)?
      attr-dict `:` type($input) `to` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TensorRT_SliceOp : TensorRT_Op<"slice", [Pure, AttrSizedOperandSegments,
    TensorRT_InferResultType]> {
  let summary = "strided window of a tensor (ISliceLayer)";
  let description = [{
    Result element `r` (a multi-index) is read at input position
    `start + r * stride`, for a result of shape `size`. Each of start, size
    and stride is either a bracketed static list (one entry per input
    dimension) or a 1-D i32 tensor operand, so the three can be mixed.

    `mode` decides what happens at positions outside the input: `kDEFAULT`
    requires every position to be inside, `kWRAP` wraps around, `kCLAMP`
    repeats the edge, `kREFLECT` mirrors, and `kFILL` reads the `fill`
    operand (a scalar-sized tensor), which may only be given in `kFILL` mode.
    A stride of 0 repeats one slice, which tiles the input.

    ```mlir
    %w = tensorrt.slice %x[0, 2][4, 4][1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
    %d = tensorrt.slice %x[%off: tensor<2xi32>][4, 4][1, 1]
           : tensor<?x?xf32> to tensor<4x4xf32>
    ```
  }];
  let arguments = (ins
    TensorRT_Tensor:$input,
    Optional<TensorRT_Tensor>:$fill,
    Optional<TensorRT_ShapeTensor>:$start,
    Optional<TensorRT_ShapeTensor>:$size,
    Optional<TensorRT_ShapeTensor>:$stride,
    OptionalAttr<DenseI32ArrayAttr>:$static_start,
    OptionalAttr<DenseI32ArrayAttr>:$static_size,
    OptionalAttr<DenseI32ArrayAttr>:$static_stride,
    DefaultValuedAttr<TensorRT_SliceModeAttr,
                      "::kiln::tensorrt::SliceMode::kDEFAULT">:$mode);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $input
      `[` ($start^ `` `:` type($start)) : (`` custom<IndexList32>($static_start))? `]` ``
      `[` ($size^ `` `:` type($size)) : (`` custom<IndexList32>($static_size))? `]` ``
      `[` ($stride^ `` `:` type($stride)) : (`` custom<IndexList32>($static_stride))? `]`
      (`fill` `(` $fill^ `:` type($fill) `)`)?
      attr-dict `:` type($input) `to` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
  let builders = [
    // All-static slice; the result type is inferred.
    OpBuilder<(ins "::mlir::Value":$input, "::llvm::ArrayRef<int32_t>":$start,
      "::llvm::ArrayRef<int32_t>":$size, "::llvm::ArrayRef<int32_t>":$stride,
      CArg<"::kiln::tensorrt::SliceMode",
           "::kiln::tensorrt::SliceMode::kDEFAULT">:$sliceMode,
      CArg<"::mlir::Value", "::mlir::Value()">:$fill)>
  ];
}

def TensorRT_ConcatenationOp : TensorRT_Op<"concatenation", [Pure,
    SameOperandsAndResultElementType, TensorRT_InferResultType]> {
  let summary = "join tensors along one dimension (IConcatenationLayer)";
  let description = [{
    Places `inputs` one after another along dimension `axis`. All inputs
    have the same rank and agree on every other dimension; the result size
    along `axis` is the sum of the inputs' sizes.

    ```mlir
    %c = tensorrt.concatenation {axis = 1 : i32}
           ins(%a, %b : tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins
    Variadic<TensorRT_RankedTensorOf<
      [I1, TensorRT_I8, I32, I64, TensorRT_F8, F16, BF16, F32]>>:$inputs,
    I32Attr:$axis);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    attr-dict `ins` `(` operands `:` type(operands) `)` `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// Op families, one file each (Ops/<Family>.td), with their verifiers and type
// inference in lib/Dialect/TensorRT/IR/<Family>Ops.cpp.
//===----------------------------------------------------------------------===//
include "kiln/Dialect/TensorRT/IR/Ops/Reduction.td"
include "kiln/Dialect/TensorRT/IR/Ops/Normalization.td"
include "kiln/Dialect/TensorRT/IR/Ops/Convolution.td"
include "kiln/Dialect/TensorRT/IR/Ops/Fill.td"

include "kiln/Dialect/TensorRT/IR/Ops/Quantization.td"
include "kiln/Dialect/TensorRT/IR/Ops/ControlFlow.td"
include "kiln/Dialect/TensorRT/IR/Ops/Structural.td"

include "kiln/Dialect/TensorRT/IR/Ops/DataMovement.td"
include "kiln/Dialect/TensorRT/IR/Ops/GatherScatter.td"
include "kiln/Dialect/TensorRT/IR/Ops/Resize.td"

#endif // KILN_DIALECT_TENSORRT_IR_TENSORRTOPS_TD
