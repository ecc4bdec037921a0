//===- StableHLOOps.td - operations of `stablehlo` ---------*- tablegen -*-===//
//
// Part of Kiln. The ops, operand names and pretty syntax that JAX prints.
// Semantics are StableHLO's; the descriptions say only what Kiln relies on.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD
#define KILN_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "kiln/Dialect/StableHLO/IR/StableHLODialect.td"

//===----------------------------------------------------------------------===//
// Pointwise ops
//===----------------------------------------------------------------------===//

// `%r = stablehlo.<op> %x : T` when operand and result types agree, else
// `: (T) -> U`.
class StableHLO_UnaryOp<string mnemonic, string opSummary,
                        list<Trait> traits = []>
  : StableHLO_Op<mnemonic, traits # [Pure, Elementwise,
                                     SameOperandsAndResultShape]> {
  let summary = opSummary;
  let description = [{
    Applies the function to every element of `operand`. The result has the
    operand's shape.
  }];
  let arguments = (ins StableHLO_Tensor:$operand);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
      custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
}

class StableHLO_SameTypeUnaryOp<string mnemonic, string opSummary>
  : StableHLO_UnaryOp<mnemonic, opSummary, [SameOperandsAndResultType]>;

def StableHLO_AbsOp : StableHLO_SameTypeUnaryOp<"abs", "absolute value">;
def StableHLO_CbrtOp : StableHLO_SameTypeUnaryOp<"cbrt", "cube root">;
def StableHLO_CeilOp : StableHLO_SameTypeUnaryOp<"ceil", "round toward +inf">;
def StableHLO_ClzOp : StableHLO_SameTypeUnaryOp<"count_leading_zeros",
  "leading zero bits of an integer">;
def StableHLO_CosineOp : StableHLO_SameTypeUnaryOp<"cosine", "cosine">;
def StableHLO_ExpOp : StableHLO_SameTypeUnaryOp<"exponential", "e^x">;
def StableHLO_Expm1Op : StableHLO_SameTypeUnaryOp<"exponential_minus_one",
  "e^x - 1">;
def StableHLO_FloorOp : StableHLO_SameTypeUnaryOp<"floor", "round toward -inf">;
def StableHLO_LogOp : StableHLO_SameTypeUnaryOp<"log", "natural logarithm">;
def StableHLO_Log1pOp : StableHLO_SameTypeUnaryOp<"log_plus_one", "log(1 + x)">;
def StableHLO_LogisticOp : StableHLO_SameTypeUnaryOp<"logistic",
  "1 / (1 + e^-x)">;
def StableHLO_NotOp : StableHLO_SameTypeUnaryOp<"not",
  "logical not of i1, bitwise not of integers">;
def StableHLO_NegOp : StableHLO_SameTypeUnaryOp<"negate", "-x">;
def StableHLO_PopulationCountOp : StableHLO_SameTypeUnaryOp<"popcnt",
  "set bits of an integer">;
def StableHLO_RoundOp : StableHLO_SameTypeUnaryOp<"round_nearest_afz",
  "round to nearest, ties away from zero">;
def StableHLO_RoundNearestEvenOp
  : StableHLO_SameTypeUnaryOp<"round_nearest_even",
                              "round to nearest, ties to even">;
def StableHLO_RsqrtOp : StableHLO_SameTypeUnaryOp<"rsqrt", "1 / sqrt(x)">;
def StableHLO_SignOp : StableHLO_SameTypeUnaryOp<"sign", "-1, 0 or 1 (NaN stays NaN)">;
def StableHLO_SineOp : StableHLO_SameTypeUnaryOp<"sine", "sine">;
def StableHLO_SqrtOp : StableHLO_SameTypeUnaryOp<"sqrt", "square root">;
def StableHLO_TanOp : StableHLO_SameTypeUnaryOp<"tan", "tangent">;
def StableHLO_TanhOp : StableHLO_SameTypeUnaryOp<"tanh", "hyperbolic tangent">;

def StableHLO_ConvertOp : StableHLO_UnaryOp<"convert",
    "element type conversion"> {
  let description = [{
    Converts every element to the result's element type. Floats become
    integers by rounding toward zero; anything becomes `i1` as `x != 0`.

    ```mlir
    %i = stablehlo.convert %x : (tensor<4xf32>) -> tensor<4xi32>
    ```
  }];
}

def StableHLO_IsFiniteOp : StableHLO_UnaryOp<"is_finite",
    "whether each element is neither infinite nor NaN"> {
  let results = (outs StableHLO_PredTensor:$result);
}

// `%r = stablehlo.<op> %a, %b : T` when all types agree, else a functional
// type.
class StableHLO_BinaryOp<string mnemonic, string opSummary>
  : StableHLO_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = opSummary;
  let description = [{
    Combines corresponding elements of `lhs` and `rhs`, which have the
    result's type (no implicit broadcasting: JAX inserts
    `stablehlo.broadcast_in_dim`).
  }];
  let arguments = (ins StableHLO_Tensor:$lhs, StableHLO_Tensor:$rhs);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:`
      custom<SameOperandsAndResultType>(type($lhs), type($rhs), type($result))
  }];
}

def StableHLO_AddOp : StableHLO_BinaryOp<"add", "a + b (or for i1)">;
def StableHLO_Atan2Op : StableHLO_BinaryOp<"atan2", "atan(a / b) in the right quadrant">;
def StableHLO_DivOp : StableHLO_BinaryOp<"divide",
  "a / b (integers round toward zero)">;
def StableHLO_MaxOp : StableHLO_BinaryOp<"maximum", "max(a, b), NaN if either is">;
def StableHLO_MinOp : StableHLO_BinaryOp<"minimum", "min(a, b), NaN if either is">;
def StableHLO_MulOp : StableHLO_BinaryOp<"multiply", "a * b (and for i1)">;
def StableHLO_PowOp : StableHLO_BinaryOp<"power", "a ^ b">;
def StableHLO_RemOp : StableHLO_BinaryOp<"remainder",
  "a - b * trunc(a / b): the sign follows a">;
def StableHLO_ShiftLeftOp : StableHLO_BinaryOp<"shift_left", "a << b">;
def StableHLO_ShiftRightArithmeticOp
  : StableHLO_BinaryOp<"shift_right_arithmetic", "a >> b, sign-extending">;
def StableHLO_ShiftRightLogicalOp
  : StableHLO_BinaryOp<"shift_right_logical", "a >> b, zero-filling">;
def StableHLO_SubtractOp : StableHLO_BinaryOp<"subtract", "a - b">;
def StableHLO_AndOp : StableHLO_BinaryOp<"and", "logical/bitwise and">;
def StableHLO_OrOp : StableHLO_BinaryOp<"or", "logical/bitwise or">;
def StableHLO_XorOp : StableHLO_BinaryOp<"xor", "logical/bitwise xor">;

def StableHLO_CompareOp : StableHLO_Op<"compare", [Pure, Elementwise,
    SameTypeOperands, SameOperandsAndResultShape]> {
  let summary = "pointwise comparison";
  let description = [{
    Compares corresponding elements with `comparison_direction`; the
    optional `compare_type` says whether floats, signed or unsigned integers
    are compared (`TOTALORDER` orders NaNs too).

    ```mlir
    %p = stablehlo.compare GT, %a, %b, FLOAT
           : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$lhs, StableHLO_Tensor:$rhs,
                       StableHLO_ComparisonDirectionAttr:$comparison_direction,
                       OptionalAttr<StableHLO_ComparisonTypeAttr>:$compare_type);
  let results = (outs StableHLO_PredTensor:$result);
  let assemblyFormat = [{
    $comparison_direction `,` $lhs `,` $rhs (`,` $compare_type^)?
      attr-dict `:` functional-type(operands, results)
  }];
}

def StableHLO_SelectOp : StableHLO_Op<"select", [Pure]> {
  let summary = "pointwise choice";
  let description = [{
    `pred ? on_true : on_false`, per element; `pred` has the result's shape
    or is a scalar that chooses for the whole tensor.

    ```mlir
    %r = stablehlo.select %p, %a, %b : tensor<4xi1>, tensor<4xf32>
    ```
  }];
  let arguments = (ins StableHLO_PredTensor:$pred, StableHLO_Tensor:$on_true,
                       StableHLO_Tensor:$on_false);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    operands attr-dict `:` custom<SelectType>(type($pred), type($on_true),
                                              type($on_false), type($result))
  }];
  let hasVerifier = 1;
}

def StableHLO_ClampOp : StableHLO_Op<"clamp", [Pure]> {
  let summary = "min(max(operand, min), max)";
  let description = [{
    Bounds every element of `operand`; `min` and `max` have the operand's
    shape or are scalars.
  }];
  let arguments = (ins StableHLO_Tensor:$min, StableHLO_Tensor:$operand,
                       StableHLO_Tensor:$max);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $min `,` $operand `,` $max attr-dict `:`
      custom<SameOperandsAndResultType>(type($min), type($operand),
                                        type($max), type($result))
  }];
}

//===----------------------------------------------------------------------===//
// Values from nothing
//===----------------------------------------------------------------------===//

def StableHLO_ConstantOp : StableHLO_Op<"constant", [Pure, ConstantLike,
    AllTypesMatch<["value", "output"]>]> {
  let summary = "a tensor of fixed values";
  let description = [{
    ```mlir
    %c = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs StableHLO_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

def StableHLO_IotaOp : StableHLO_Op<"iota", [Pure]> {
  let summary = "0, 1, 2, ... along one dimension";
  let description = [{
    Element `i` holds its index along `iota_dimension`.

    ```mlir
    %i = stablehlo.iota dim = 1 : tensor<3x4xi32>
    ```
  }];
  let arguments = (ins I64Attr:$iota_dimension);
  let results = (outs StableHLO_Tensor:$output);
  let assemblyFormat = "`dim` `=` $iota_dimension attr-dict `:` type($output)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

def StableHLO_BroadcastInDimOp : StableHLO_Op<"broadcast_in_dim", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "broadcast to a larger shape";
  let description = [{
    Operand dimension `i` becomes result dimension `broadcast_dimensions[i]`;
    it has size 1 (and is repeated) or the size of that result dimension.

    ```mlir
    %b = stablehlo.broadcast_in_dim %x, dims = [1]
           : (tensor<4xf32>) -> tensor<2x4xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       DenseI64ArrayAttr:$broadcast_dimensions);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` $broadcast_dimensions attr-dict `:`
      functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_ReshapeOp : StableHLO_Op<"reshape", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "same elements, row-major, in a new shape";
  let arguments = (ins StableHLO_Tensor:$operand);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def StableHLO_TransposeOp : StableHLO_Op<"transpose", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "dimension permutation";
  let description = [{
    Result dimension `i` is operand dimension `permutation[i]`.

    ```mlir
    %t = stablehlo.transpose %x, dims = [1, 0]
           : (tensor<3x4xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       DenseI64ArrayAttr:$permutation);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` $permutation attr-dict `:`
      functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_ConcatenateOp : StableHLO_Op<"concatenate", [Pure,
    SameOperandsAndResultElementType]> {
  let summary = "join tensors along one dimension";
  let description = [{
    ```mlir
    %c = stablehlo.concatenate %a, %b, dim = 0
           : (tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<5x4xf32>
    ```
  }];
  let arguments = (ins Variadic<StableHLO_Tensor>:$inputs, I64Attr:$dimension);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    custom<OperandsEachThenComma>($inputs) `dim` `=` $dimension attr-dict `:`
      functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_SliceOp : StableHLO_Op<"slice", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "strided static window";
  let description = [{
    Per dimension `start:limit` or `start:limit:stride` (stride 1 when
    omitted), limits exclusive.

    ```mlir
    %s = stablehlo.slice %x [0:3, 0:4:2] : (tensor<3x4xf32>) -> tensor<3x2xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       DenseI64ArrayAttr:$start_indices,
                       DenseI64ArrayAttr:$limit_indices,
                       DenseI64ArrayAttr:$strides);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand custom<SliceRanges>($start_indices, $limit_indices, $strides)
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_DynamicSliceOp : StableHLO_Op<"dynamic_slice", [Pure]> {
  let summary = "window at run-time start indices (clamped into bounds)";
  let arguments = (ins StableHLO_Tensor:$operand,
                       Variadic<StableHLO_IndexTensor>:$start_indices,
                       DenseI64ArrayAttr:$slice_sizes);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` custom<OperandsEachThenComma>($start_indices)
      `sizes` `=` $slice_sizes attr-dict `:` functional-type(operands, results)
  }];
}

def StableHLO_DynamicUpdateSliceOp : StableHLO_Op<"dynamic_update_slice",
    [Pure]> {
  let summary = "overwrite a window at run-time start indices";
  let arguments = (ins StableHLO_Tensor:$operand, StableHLO_Tensor:$update,
                       Variadic<StableHLO_IndexTensor>:$start_indices);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def StableHLO_GatherOp : StableHLO_Op<"gather", [Pure]> {
  let summary = "slices of operand at run-time start indices (printed generically)";
  let description = [{
    Each index vector of `start_indices` (along `index_vector_dim`) gives
    the start, in the operand dimensions of `start_index_map`, of a
    `slice_sizes` window (start indices are clamped so the window fits);
    `collapsed_slice_dims` drop out of the slice, the remaining slice
    dimensions go to `offset_dims` of the result and the batch dimensions
    of `start_indices` fill the rest.

    ```mlir
    %g = "stablehlo.gather"(%table, %ids) <{dimension_numbers =
           #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0],
           start_index_map = [0], index_vector_dim = 1>,
           indices_are_sorted = false, slice_sizes = array<i64: 1, 4>}>
           : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_IndexTensor:$start_indices,
                       StableHLO_GatherDimensionNumbers:$dimension_numbers,
                       DenseI64ArrayAttr:$slice_sizes,
                       DefaultValuedAttr<BoolAttr, "false">:$indices_are_sorted);
  let results = (outs StableHLO_Tensor:$result);
}

def StableHLO_ScatterOp : StableHLO_Op<"scatter", [RecursiveMemoryEffects,
    SameVariadicOperandSize]> {
  let summary = "combine update windows into operand (printed generically)";
  let description = [{
    Each index vector of `scatter_indices` gives the start, in the operand
    dimensions of `scatter_dims_to_operand_dims`, of a window of `updates`
    (its `update_window_dims`; `inserted_window_dims` are size-1 operand
    dimensions the window leaves out), which `update_computation` combines
    into the operand. Out-of-bounds windows are skipped.

    ```mlir
    %s = "stablehlo.scatter"(%x, %ids, %u) <{scatter_dimension_numbers =
           #stablehlo.scatter<update_window_dims = [1],
           inserted_window_dims = [0], scatter_dims_to_operand_dims = [0],
           index_vector_dim = 1>, indices_are_sorted = false,
           unique_indices = false}> ({
      ^bb0(%a: tensor<f32>, %b: tensor<f32>):
        %c = stablehlo.add %a, %b : tensor<f32>
        stablehlo.return %c : tensor<f32>
      }) : (tensor<6x3xf32>, tensor<4x1xi32>, tensor<4x3xf32>) -> tensor<6x3xf32>
    ```
  }];
  let arguments = (ins Variadic<StableHLO_Tensor>:$inputs,
                       StableHLO_IndexTensor:$scatter_indices,
                       Variadic<StableHLO_Tensor>:$updates,
                       StableHLO_ScatterDimensionNumbers:$scatter_dimension_numbers,
                       DefaultValuedAttr<BoolAttr, "false">:$indices_are_sorted,
                       DefaultValuedAttr<BoolAttr, "false">:$unique_indices);
  let results = (outs Variadic<StableHLO_Tensor>);
  let regions = (region SizedRegion<1>:$update_computation);
}

def StableHLO_PadOp : StableHLO_Op<"pad", [Pure]> {
  let summary = "pad at both ends and between elements";
  let description = [{
    ```mlir
    %p = stablehlo.pad %x, %zero, low = [1, 0], high = [2, 1],
           interior = [0, 0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<6x5xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_Tensor:$padding_value,
                       DenseI64ArrayAttr:$edge_padding_low,
                       DenseI64ArrayAttr:$edge_padding_high,
                       DenseI64ArrayAttr:$interior_padding);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` $padding_value `,` `low` `=` $edge_padding_low `,`
      `high` `=` $edge_padding_high `,` `interior` `=` $interior_padding
      attr-dict `:` functional-type(operands, results)
  }];
}

def StableHLO_ReverseOp : StableHLO_Op<"reverse", [Pure,
    SameOperandsAndResultType]> {
  let summary = "reverse the order along some dimensions";
  let arguments = (ins StableHLO_Tensor:$operand,
                       DenseI64ArrayAttr:$dimensions);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` $dimensions attr-dict `:`
      custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
}

//===----------------------------------------------------------------------===//
// Contractions and reductions
//===----------------------------------------------------------------------===//

def StableHLO_DotGeneralOp : StableHLO_Op<"dot_general", [Pure]> {
  let summary = "batched tensor contraction";
  let description = [{
    Contracts `lhs_contracting_dimensions` of `lhs` with
    `rhs_contracting_dimensions` of `rhs`, pairing the batching dimensions.
    The result has the batch dimensions, then the remaining `lhs`
    dimensions, then the remaining `rhs` dimensions, each in order.

    ```mlir
    %c = stablehlo.dot_general %a, %b, batching_dims = [0] x [0],
           contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT]
           : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$lhs, StableHLO_Tensor:$rhs,
                       DenseI64ArrayAttr:$lhs_batching_dimensions,
                       DenseI64ArrayAttr:$rhs_batching_dimensions,
                       DenseI64ArrayAttr:$lhs_contracting_dimensions,
                       DenseI64ArrayAttr:$rhs_contracting_dimensions,
                       OptionalAttr<StableHLO_PrecisionConfigAttr>:$precision_config,
                       OptionalAttr<AnyAttr>:$algorithm);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs `,` custom<DotDimensions>($lhs_batching_dimensions,
        $rhs_batching_dimensions, $lhs_contracting_dimensions,
        $rhs_contracting_dimensions)
      `` custom<PrecisionAndAlgorithm>($precision_config, $algorithm)
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_DotOp : StableHLO_Op<"dot", [Pure]> {
  let summary = "vector/matrix product (the last dimension of lhs with the first of rhs)";
  let arguments = (ins StableHLO_Tensor:$lhs, StableHLO_Tensor:$rhs,
                       OptionalAttr<StableHLO_PrecisionConfigAttr>:$precision_config);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs `` custom<Precision>($precision_config)
      attr-dict `:` functional-type(operands, results)
  }];
}

def StableHLO_ConvolutionOp : StableHLO_Op<"convolution", [Pure]> {
  let summary = "N-D convolution with layouts, windows and groups";
  let description = [{
    The layout of each operand is given by `dim_numbers`: for the input
    and the output `b` (batch), `f` (feature) and the spatial dimensions
    `0, 1, ...`; for the kernel `o` (output feature), `i` (input feature)
    and the spatial dimensions. Kiln keeps them as the position of each
    of those in the operand: `input_dims = [b, f, 0, 1, ...]`,
    `kernel_dims = [o, i, 0, ...]`, `output_dims = [b, f, 0, ...]`.

    ```mlir
    %y = stablehlo.convolution(%x, %w)
           dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1],
           window = {stride = [1, 1], pad = [[1, 1], [1, 1]],
                     lhs_dilate = [1, 1], rhs_dilate = [1, 1],
                     reverse = [false, false]}
           {batch_group_count = 1 : i64, feature_group_count = 1 : i64}
           : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$lhs, StableHLO_Tensor:$rhs,
                       DenseI64ArrayAttr:$input_dims,
                       DenseI64ArrayAttr:$kernel_dims,
                       DenseI64ArrayAttr:$output_dims,
                       OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                       OptionalAttr<DenseI64ArrayAttr>:$padding,
                       OptionalAttr<DenseI64ArrayAttr>:$lhs_dilation,
                       OptionalAttr<DenseI64ArrayAttr>:$rhs_dilation,
                       OptionalAttr<DenseBoolArrayAttr>:$window_reversal,
                       DefaultValuedAttr<I64Attr, "1">:$feature_group_count,
                       DefaultValuedAttr<I64Attr, "1">:$batch_group_count,
                       OptionalAttr<StableHLO_PrecisionConfigAttr>:$precision_config);
  let results = (outs StableHLO_Tensor:$result);
  let hasCustomAssemblyFormat = 1;
}

def StableHLO_ReduceOp : StableHLO_Op<"reduce", [Pure,
    RecursiveMemoryEffects, SameVariadicOperandSize,
    SingleBlockImplicitTerminator<"ReturnOp">]> {
  let summary = "reduce along dimensions with a reducer region";
  let description = [{
    Folds every `inputs[i]` along `dimensions`, starting from
    `init_values[i]`, with the reducer `body`: a block taking the
    accumulators (rank-0 tensors, one per input) and then the next elements,
    returning the new accumulators. A reducer that is a single op is printed
    in the short form:

    ```mlir
    %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add
           across dimensions = [1] : (tensor<3x4xf32>, tensor<f32>) -> tensor<3xf32>
    ```
  }];
  let arguments = (ins Variadic<StableHLO_Tensor>:$inputs,
                       Variadic<StableHLO_Tensor>:$init_values,
                       DenseI64ArrayAttr:$dimensions);
  let results = (outs Variadic<StableHLO_Tensor>);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def StableHLO_ReturnOp : StableHLO_Op<"return", [Pure, Terminator,
    ReturnLike]> {
  let summary = "results of a region";
  let arguments = (ins Variadic<AnyType>:$results);
  let assemblyFormat = "$results attr-dict (`:` type($results)^)?";
}

//===----------------------------------------------------------------------===//
// Control flow and other region ops (parsed; converted when `tensorrt` has a
// counterpart)
//===----------------------------------------------------------------------===//

def StableHLO_WhileOp : StableHLO_Op<"while", [RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"ReturnOp">]> {
  let summary = "loop while `cond` returns true";
  let description = [{
    ```mlir
    %r:2 = stablehlo.while(%i = %zero, %v = %x) : tensor<i32>, tensor<4xf32>
      cond { ... stablehlo.return %p : tensor<i1> }
      do { ... stablehlo.return %i1, %v1 : tensor<i32>, tensor<4xf32> }
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$operand);
  let results = (outs Variadic<AnyType>);
  let regions = (region SizedRegion<1>:$cond, SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
}

def StableHLO_CaseOp : StableHLO_Op<"case", [RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"ReturnOp">]> {
  let summary = "run the branch chosen by an index (printed generically)";
  let arguments = (ins RankedTensorOf<[I32]>:$index);
  let results = (outs Variadic<AnyType>);
  let regions = (region VariadicRegion<SizedRegion<1>>:$branches);
}

def StableHLO_IfOp : StableHLO_Op<"if", [RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"ReturnOp">]> {
  let summary = "two-way branch (printed generically)";
  let arguments = (ins StableHLO_PredTensor:$pred);
  let results = (outs Variadic<AnyType>);
  let regions = (region SizedRegion<1>:$true_branch,
                        SizedRegion<1>:$false_branch);
}

def StableHLO_SortOp : StableHLO_Op<"sort", [RecursiveMemoryEffects]> {
  let summary = "sort along one dimension by a comparator (printed generically)";
  let arguments = (ins Variadic<StableHLO_Tensor>:$inputs,
                       DefaultValuedAttr<I64Attr, "-1">:$dimension,
                       DefaultValuedAttr<BoolAttr, "false">:$is_stable);
  let results = (outs Variadic<StableHLO_Tensor>);
  let regions = (region SizedRegion<1>:$comparator);
}

def StableHLO_ReduceWindowOp : StableHLO_Op<"reduce_window", [
    RecursiveMemoryEffects, SameVariadicOperandSize]> {
  let summary = "reduce over sliding windows (printed generically)";
  let arguments = (ins Variadic<StableHLO_Tensor>:$inputs,
                       Variadic<StableHLO_Tensor>:$init_values,
                       DenseI64ArrayAttr:$window_dimensions,
                       OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                       OptionalAttr<DenseI64ArrayAttr>:$base_dilations,
                       OptionalAttr<DenseI64ArrayAttr>:$window_dilations,
                       OptionalAttr<I64ElementsAttr>:$padding);
  let results = (outs Variadic<StableHLO_Tensor>);
  let regions = (region SizedRegion<1>:$body);
}

def StableHLO_OptimizationBarrierOp : StableHLO_Op<"optimization_barrier",
    [Pure]> {
  let summary = "identity that blocks optimizations across it";
  let arguments = (ins Variadic<AnyType>:$operand);
  let results = (outs Variadic<AnyType>:$result);
  let assemblyFormat = [{
    attr-dict ($operand^ `:` custom<PairwiseTypes>(type($operand),
                                                 type($result))):(`(` `)`)?
  }];
}


//===----------------------------------------------------------------------===//
// Dynamic shapes (what jax.export prints for symbolic dimensions)
//===----------------------------------------------------------------------===//

def StableHLO_GetDimensionSizeOp : StableHLO_Op<"get_dimension_size", [Pure]> {
  let summary = "the size of one dimension, as a rank-0 i32 tensor";
  let description = [{
    ```mlir
    %b = stablehlo.get_dimension_size %x, dim = 0 : (tensor<?x4xf32>) -> tensor<i32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand, I64Attr:$dimension);
  let results = (outs RankedTensorOf<[I32]>:$result);
  let assemblyFormat = [{
    $operand `,` `dim` `=` $dimension attr-dict `:`
      functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_DynamicBroadcastInDimOp
  : StableHLO_Op<"dynamic_broadcast_in_dim", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "broadcast_in_dim to a shape held by a tensor";
  let description = [{
    Like `broadcast_in_dim`, with the result shape read from the 1-D
    `output_dimensions` (one entry per result dimension). The optional
    `known_expanding_dimensions` / `known_nonexpanding_dimensions` say which
    operand dimensions are known to be (not) repeated.

    ```mlir
    %b = stablehlo.dynamic_broadcast_in_dim %x, %shape, dims = [0]
           : (tensor<?xf32>, tensor<2xi32>) -> tensor<?x8xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_IndexTensor:$output_dimensions,
                       DenseI64ArrayAttr:$broadcast_dimensions,
                       OptionalAttr<DenseI64ArrayAttr>:$known_expanding_dimensions,
                       OptionalAttr<DenseI64ArrayAttr>:$known_nonexpanding_dimensions);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` $output_dimensions `,` `dims` `=` $broadcast_dimensions
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_DynamicReshapeOp : StableHLO_Op<"dynamic_reshape", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "reshape to a shape held by a tensor";
  let description = [{
    ```mlir
    %r = stablehlo.dynamic_reshape %x, %shape
           : (tensor<?x2x3xf32>, tensor<2xi32>) -> tensor<?x6xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_IndexTensor:$output_shape);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def StableHLO_DynamicIotaOp : StableHLO_Op<"dynamic_iota", [Pure]> {
  let summary = "iota of a shape held by a tensor";
  let description = [{
    ```mlir
    %i = stablehlo.dynamic_iota %shape, dim = 0 : (tensor<1xi32>) -> tensor<?xf32>
    ```
  }];
  let arguments = (ins StableHLO_IndexTensor:$output_shape,
                       I64Attr:$iota_dimension);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = [{
    $output_shape `,` `dim` `=` $iota_dimension attr-dict `:`
      functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_RealDynamicSliceOp : StableHLO_Op<"real_dynamic_slice", [Pure,
    AllElementTypesMatch<["operand", "result"]>]> {
  let summary = "strided slice with start, limit and strides held by tensors";
  let description = [{
    Per dimension `start:limit:stride` from the 1-D tensors (limits
    exclusive), with no clamping.

    ```mlir
    %s = stablehlo.real_dynamic_slice %x, %start, %limit, %strides
           : (tensor<?x4xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>)
             -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_IndexTensor:$start_indices,
                       StableHLO_IndexTensor:$limit_indices,
                       StableHLO_IndexTensor:$strides);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def StableHLO_DynamicPadOp : StableHLO_Op<"dynamic_pad", [Pure]> {
  let summary = "pad with amounts held by tensors";
  let description = [{
    `pad` with `edge_padding_low`, `edge_padding_high` and
    `interior_padding` as 1-D tensors.

    ```mlir
    %p = stablehlo.dynamic_pad %x, %zero, %low, %high, %interior
           : (tensor<?xf32>, tensor<f32>, tensor<1xi32>, tensor<1xi32>,
              tensor<1xi32>) -> tensor<?xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_Tensor:$padding_value,
                       StableHLO_IndexTensor:$edge_padding_low,
                       StableHLO_IndexTensor:$edge_padding_high,
                       StableHLO_IndexTensor:$interior_padding);
  let results = (outs StableHLO_Tensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def StableHLO_DynamicGatherOp : StableHLO_Op<"dynamic_gather", [Pure]> {
  let summary = "gather with slice sizes held by a tensor (printed generically)";
  let description = [{
    `gather` whose `slice_sizes` is the 1-D operand `slice_sizes`. JAX
    emits it for slices of symbolic size (`x[1:b-1]`).

    ```mlir
    %g = "stablehlo.dynamic_gather"(%x, %start, %sizes) <{dimension_numbers =
           #stablehlo.gather<offset_dims = [0, 1], start_index_map = [0]>,
           indices_are_sorted = true}>
           : (tensor<?x4xf32>, tensor<1xi32>, tensor<2xi32>) -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand,
                       StableHLO_IndexTensor:$start_indices,
                       StableHLO_IndexTensor:$slice_sizes,
                       StableHLO_GatherDimensionNumbers:$dimension_numbers,
                       DefaultValuedAttr<BoolAttr, "false">:$indices_are_sorted);
  let results = (outs StableHLO_Tensor:$result);
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def StableHLO_BatchNormInferenceOp : StableHLO_Op<"batch_norm_inference", [
    Pure, AllTypesMatch<["operand", "result"]>]> {
  let summary = "normalize with given mean and variance (printed generically)";
  let description = [{
    `(operand - mean) / sqrt(variance + epsilon) * scale + offset`, where
    `scale`, `offset`, `mean` and `variance` are 1-D along `feature_index`.

    ```mlir
    %y = "stablehlo.batch_norm_inference"(%x, %scale, %offset, %mean, %var)
           <{epsilon = 1.000000e-05 : f32, feature_index = 1 : i64}>
           : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
              tensor<3xf32>) -> tensor<2x3x4xf32>
    ```
  }];
  let arguments = (ins StableHLO_Tensor:$operand, StableHLO_Tensor:$scale,
                       StableHLO_Tensor:$offset, StableHLO_Tensor:$mean,
                       StableHLO_Tensor:$variance, F32Attr:$epsilon,
                       I64Attr:$feature_index);
  let results = (outs StableHLO_Tensor:$result);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Calls into other compilers' runtimes
//===----------------------------------------------------------------------===//

def StableHLO_CustomCallOp : StableHLO_Op<"custom_call"> {
  let summary = "a call to a target outside StableHLO, named by a string";
  let description = [{
    Calls `call_target_name` with `inputs`. JAX emits it for shape
    constraints of symbolic shapes (`@shape_assertion(%pred, %dims...)` with
    an `error_message`) and for sharding annotations (`@Sharding`,
    `@SPMDFullToShardShape`, `@SPMDShardToFullShape`). Attributes other than
    the target (`api_version`, `backend_config`, `error_message`,
    `mhlo.sharding`, ...) are kept as they are printed.

    ```mlir
    stablehlo.custom_call @shape_assertion(%ok, %b) {api_version = 2 : i32,
        error_message = "...", has_side_effect = true}
        : (tensor<i1>, tensor<i32>) -> ()
    %s = stablehlo.custom_call @Sharding(%x) {mhlo.sharding = "{replicated}"}
        : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$inputs,
                       StrAttr:$call_target_name,
                       DefaultValuedOptionalAttr<BoolAttr, "false">:$has_side_effect,
                       OptionalAttr<AnyAttr>:$backend_config);
  let results = (outs Variadic<AnyType>);
  let assemblyFormat = [{
    custom<CustomCallTarget>($call_target_name) `(` $inputs `)` attr-dict `:`
      functional-type(operands, results)
  }];
}

#endif // KILN_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD
