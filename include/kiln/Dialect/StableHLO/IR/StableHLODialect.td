//===- StableHLODialect.td - the `stablehlo` input dialect -*- tablegen -*-===//
//
// Part of Kiln. The dialect record, enums and op base class of Kiln's own
// definition of the StableHLO subset that JAX programs use. Kiln only reads
// this dialect: every op is converted to `tensorrt` before planning.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_STABLEHLO_IR_STABLEHLODIALECT_TD
#define KILN_DIALECT_STABLEHLO_IR_STABLEHLODIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def StableHLO_Dialect : Dialect {
  let name = "stablehlo";
  let cppNamespace = "::kiln::stablehlo";
  let summary = "The StableHLO ops that JAX emits, as Kiln's input";
  let description = [{
    A subset of OpenXLA's StableHLO, defined by Kiln so that the text JAX
    prints (`jax.jit(f).lower(...).as_text()`) parses unchanged: each op
    keeps StableHLO's name, operand order and pretty syntax. Semantics
    follow the StableHLO specification; Kiln converts every op to the
    `tensorrt` dialect (`convert-stablehlo-to-tensorrt`).
  }];
  let useDefaultAttributePrinterParser = 1;
}

class StableHLO_Op<string mnemonic, list<Trait> traits = []>
  : Op<StableHLO_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Enums. Printed bare (`GT`, `FLOAT`, `DEFAULT`) where an op names them, as
// `#stablehlo<comparison_direction GT>` on their own.
//===----------------------------------------------------------------------===//

class StableHLO_Enum<string name, string summary, list<string> caseNames>
  : I32EnumAttr<name, summary,
      !foreach(i, !range(!size(caseNames)),
               I32EnumAttrCase<caseNames[i], i>)> {
  let cppNamespace = "::kiln::stablehlo";
  let genSpecializedAttr = 0;
}

def StableHLO_ComparisonDirection : StableHLO_Enum<"ComparisonDirection",
  "which comparison compare performs", ["EQ", "NE", "GE", "GT", "LE", "LT"]>;
def StableHLO_ComparisonDirectionAttr
  : EnumAttr<StableHLO_Dialect, StableHLO_ComparisonDirection,
             "comparison_direction">;

def StableHLO_ComparisonType : StableHLO_Enum<"ComparisonType",
  "how compare orders its operands", [
    "NOTYPE", "FLOAT", "TOTALORDER", "SIGNED", "UNSIGNED"]>;
def StableHLO_ComparisonTypeAttr
  : EnumAttr<StableHLO_Dialect, StableHLO_ComparisonType, "comparison_type">;

def StableHLO_Precision : StableHLO_Enum<"Precision",
  "requested precision of a dot or convolution operand", [
    "DEFAULT", "HIGH", "HIGHEST"]>;
def StableHLO_PrecisionAttr
  : EnumAttr<StableHLO_Dialect, StableHLO_Precision, "precision">;

def StableHLO_PrecisionConfigAttr
  : TypedArrayAttrBase<StableHLO_PrecisionAttr, "precision per operand">;

//===----------------------------------------------------------------------===//
// Structured attributes, printed as JAX prints them.
//===----------------------------------------------------------------------===//

def StableHLO_GatherDimensionNumbers
  : AttrDef<StableHLO_Dialect, "GatherDimensionNumbers"> {
  let mnemonic = "gather";
  let summary = "how gather reads slices of its operand";
  let description = [{
    `#stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0],
    start_index_map = [0], index_vector_dim = 1>`; lists that are empty
    (typically `operand_batching_dims`, `start_indices_batching_dims`) are
    omitted.
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t">:$offsetDims,
    ArrayRefParameter<"int64_t">:$collapsedSliceDims,
    ArrayRefParameter<"int64_t">:$operandBatchingDims,
    ArrayRefParameter<"int64_t">:$startIndicesBatchingDims,
    ArrayRefParameter<"int64_t">:$startIndexMap,
    "int64_t":$indexVectorDim);
  let hasCustomAssemblyFormat = 1;
}

def StableHLO_ScatterDimensionNumbers
  : AttrDef<StableHLO_Dialect, "ScatterDimensionNumbers"> {
  let mnemonic = "scatter";
  let summary = "how scatter places update windows into its operand";
  let description = [{
    `#stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0],
    scatter_dims_to_operand_dims = [0], index_vector_dim = 1>`; empty lists
    are omitted.
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t">:$updateWindowDims,
    ArrayRefParameter<"int64_t">:$insertedWindowDims,
    ArrayRefParameter<"int64_t">:$inputBatchingDims,
    ArrayRefParameter<"int64_t">:$scatterIndicesBatchingDims,
    ArrayRefParameter<"int64_t">:$scatterDimsToOperandDims,
    "int64_t":$indexVectorDim);
  let hasCustomAssemblyFormat = 1;
}

//===----------------------------------------------------------------------===//
// Operand constraints. JAX programs have static or `?` shapes of any element
// type; which element types Kiln can run is decided by the conversion.
//===----------------------------------------------------------------------===//

def StableHLO_Tensor : RankedTensorOf<[AnyType]>;
def StableHLO_PredTensor : RankedTensorOf<[I1]>;
def StableHLO_IndexTensor : RankedTensorOf<[AnySignlessInteger, AnyUnsignedInteger]>;

#endif // KILN_DIALECT_STABLEHLO_IR_STABLEHLODIALECT_TD
