//===- TensorRTEnums.td - enums of the `tensorrt` dialect --*- tablegen -*-===//
//
// Part of Kiln. Every enum mirrors an enum of the TensorRT C++ API; the case
// names keep TensorRT's spelling (`kSUM`, `kRELU`, ...) so that textual IR
// reads like the API. Each enum has an attribute printed as
// `#tensorrt.<mnemonic><kCASE>`, or `<kCASE>` where an op format names it.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_TENSORRTENUMS_TD
#define KILN_DIALECT_TENSORRT_IR_TENSORRTENUMS_TD

include "mlir/IR/EnumAttr.td"
include "kiln/Dialect/TensorRT/IR/TensorRTDialect.td"

// The C++ enum: cases numbered from zero in the order given.
class TensorRT_Enum<string name, string summary, list<string> caseNames>
  : I32EnumAttr<name, summary,
      !foreach(i, !range(!size(caseNames)),
               I32EnumAttrCase<caseNames[i], i>)> {
  let cppNamespace = "::kiln::tensorrt";
  let genSpecializedAttr = 0;
}

// The attribute wrapping an enum value.
class TensorRT_EnumAttr<TensorRT_Enum enumInfo, string attrMnemonic>
  : EnumAttr<TensorRT_Dialect, enumInfo, attrMnemonic> {
  let assemblyFormat = "`<` $value `>`";
}

def TensorRT_ActivationType : TensorRT_Enum<"ActivationType",
  "pointwise activation function", [
    "kRELU", "kSIGMOID", "kTANH", "kLEAKY_RELU", "kELU", "kSELU",
    "kSOFTSIGN", "kSOFTPLUS", "kCLIP", "kHARD_SIGMOID", "kSCALED_TANH",
    "kTHRESHOLDED_RELU", "kGELU_ERF", "kGELU_TANH"]>;
def TensorRT_ActivationTypeAttr
  : TensorRT_EnumAttr<TensorRT_ActivationType, "activation_type">;

def TensorRT_PaddingMode : TensorRT_Enum<"PaddingMode",
  "how convolution and pooling padding is derived", [
    "kEXPLICIT_ROUND_DOWN", "kEXPLICIT_ROUND_UP", "kSAME_UPPER",
    "kSAME_LOWER"]>;
def TensorRT_PaddingModeAttr
  : TensorRT_EnumAttr<TensorRT_PaddingMode, "padding_mode">;

def TensorRT_PoolingType : TensorRT_Enum<"PoolingType",
  "pooling window reduction", ["kMAX", "kAVERAGE", "kMAX_AVERAGE_BLEND"]>;
def TensorRT_PoolingTypeAttr
  : TensorRT_EnumAttr<TensorRT_PoolingType, "pooling_type">;

def TensorRT_ElementWiseOperation : TensorRT_Enum<"ElementWiseOperation",
  "binary pointwise operation", [
    "kSUM", "kPROD", "kMAX", "kMIN", "kSUB", "kDIV", "kPOW", "kFLOOR_DIV",
    "kAND", "kOR", "kXOR", "kEQUAL", "kGREATER", "kLESS"]>;
def TensorRT_ElementWiseOperationAttr
  : TensorRT_EnumAttr<TensorRT_ElementWiseOperation, "element_wise_operation">;

def TensorRT_GatherMode : TensorRT_Enum<"GatherMode",
  "indexing scheme of a gather", ["kDEFAULT", "kELEMENT", "kND"]>;
def TensorRT_GatherModeAttr
  : TensorRT_EnumAttr<TensorRT_GatherMode, "gather_mode">;

def TensorRT_UnaryOperation : TensorRT_Enum<"UnaryOperation",
  "unary pointwise operation", [
    "kEXP", "kLOG", "kSQRT", "kRECIP", "kABS", "kNEG", "kSIN", "kCOS",
    "kTAN", "kSINH", "kCOSH", "kASIN", "kACOS", "kATAN", "kASINH", "kACOSH",
    "kATANH", "kCEIL", "kFLOOR", "kERF", "kNOT", "kSIGN", "kROUND"]>;
def TensorRT_UnaryOperationAttr
  : TensorRT_EnumAttr<TensorRT_UnaryOperation, "unary_operation">;

def TensorRT_ReduceOperation : TensorRT_Enum<"ReduceOperation",
  "reduction combiner", ["kSUM", "kPROD", "kMAX", "kMIN", "kAVG"]>;
def TensorRT_ReduceOperationAttr
  : TensorRT_EnumAttr<TensorRT_ReduceOperation, "reduce_operation">;

def TensorRT_SliceMode : TensorRT_Enum<"SliceMode",
  "what a slice reads outside the input bounds", [
    "kDEFAULT", "kWRAP", "kCLAMP", "kFILL", "kREFLECT"]>;
def TensorRT_SliceModeAttr
  : TensorRT_EnumAttr<TensorRT_SliceMode, "slice_mode">;

def TensorRT_TopKOperation : TensorRT_Enum<"TopKOperation",
  "whether top-k keeps the largest or smallest values", ["kMAX", "kMIN"]>;
def TensorRT_TopKOperationAttr
  : TensorRT_EnumAttr<TensorRT_TopKOperation, "top_k_operation">;

def TensorRT_MatrixOperation : TensorRT_Enum<"MatrixOperation",
  "how a matrix-multiply operand is read", [
    "kNONE", "kTRANSPOSE", "kVECTOR"]>;
def TensorRT_MatrixOperationAttr
  : TensorRT_EnumAttr<TensorRT_MatrixOperation, "matrix_operation">;

def TensorRT_ResizeMode : TensorRT_Enum<"ResizeMode",
  "resize interpolation", ["kNEAREST", "kLINEAR", "kCUBIC"]>;
def TensorRT_ResizeModeAttr
  : TensorRT_EnumAttr<TensorRT_ResizeMode, "resize_mode">;

def TensorRT_ResizeCoordinateTransformation : TensorRT_Enum<
  "ResizeCoordinateTransformation",
  "mapping from output to input coordinates in a resize", [
    "kALIGN_CORNERS", "kASYMMETRIC", "kHALF_PIXEL"]>;
def TensorRT_ResizeCoordinateTransformationAttr
  : TensorRT_EnumAttr<TensorRT_ResizeCoordinateTransformation,
                      "resize_coordinate_transformation">;

def TensorRT_ResizeSelector : TensorRT_Enum<"ResizeSelector",
  "coordinate rule for single-pixel resize outputs", ["kFORMULA", "kUPPER"]>;
def TensorRT_ResizeSelectorAttr
  : TensorRT_EnumAttr<TensorRT_ResizeSelector, "resize_selector">;

def TensorRT_ResizeRoundMode : TensorRT_Enum<"ResizeRoundMode",
  "rounding of nearest-neighbour resize coordinates", [
    "kHALF_UP", "kHALF_DOWN", "kFLOOR", "kCEIL"]>;
def TensorRT_ResizeRoundModeAttr
  : TensorRT_EnumAttr<TensorRT_ResizeRoundMode, "resize_round_mode">;

def TensorRT_LoopOutput : TensorRT_Enum<"LoopOutput",
  "what a loop output collects", ["kLAST_VALUE", "kCONCATENATE", "kREVERSE"]>;
def TensorRT_LoopOutputAttr
  : TensorRT_EnumAttr<TensorRT_LoopOutput, "loop_output">;

def TensorRT_TripLimit : TensorRT_Enum<"TripLimit",
  "how a loop decides to stop", ["kCOUNT", "kWHILE"]>;
def TensorRT_TripLimitAttr
  : TensorRT_EnumAttr<TensorRT_TripLimit, "trip_limit">;

def TensorRT_FillOperation : TensorRT_Enum<"FillOperation",
  "generator of a fill layer", [
    "kLINSPACE", "kRANDOM_UNIFORM", "kRANDOM_NORMAL"]>;
def TensorRT_FillOperationAttr
  : TensorRT_EnumAttr<TensorRT_FillOperation, "fill_operation">;

def TensorRT_ScatterMode : TensorRT_Enum<"ScatterMode",
  "indexing scheme of a scatter", ["kELEMENT", "kND"]>;
def TensorRT_ScatterModeAttr
  : TensorRT_EnumAttr<TensorRT_ScatterMode, "scatter_mode">;

#endif // KILN_DIALECT_TENSORRT_IR_TENSORRTENUMS_TD
