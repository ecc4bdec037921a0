//===- TensorRTAttributes.td - non-enum attributes ---------*- tablegen -*-===//
//
// Part of Kiln.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_TENSORRTATTRIBUTES_TD
#define KILN_DIALECT_TENSORRT_IR_TENSORRTATTRIBUTES_TD

include "mlir/IR/AttrTypeBase.td"
include "kiln/Dialect/TensorRT/IR/TensorRTDialect.td"

// A bracketed, possibly empty list of dimension sizes: `[2, 3]`, `[]`.
def TensorRT_DimList : ArrayRefParameter<"int64_t", "dimension sizes"> {
  let parser = "::kiln::tensorrt::parseDimList($_parser)";
  let printer = "::kiln::tensorrt::printDimList($_printer, $_self)";
}

def TensorRT_ShapeProfileAttr
  : AttrDef<TensorRT_Dialect, "ShapeProfile"> {
  let mnemonic = "shape_profile";
  let summary = "smallest, typical and largest shape of a dynamic tensor";
  let description = [{
    Attached to a function argument (as `tensorrt.shape_profile`) to bound
    the shapes an engine must accept: every dimension `i` satisfies
    `min[i] <= opt[i] <= max[i]`, and engines are tuned for `opt`. All three
    lists have one entry per dimension and no entry is unknown.

    ```mlir
    #tensorrt.shape_profile<min = [1, 128], opt = [8, 128], max = [32, 128]>
    ```
  }];
  let parameters = (ins TensorRT_DimList:$min, TensorRT_DimList:$opt,
                        TensorRT_DimList:$max);
  let assemblyFormat = [{
    `<` `min` `=` $min `,` `opt` `=` $opt `,` `max` `=` $max `>`
  }];
  let genVerifyDecl = 1;
}

#endif // KILN_DIALECT_TENSORRT_IR_TENSORRTATTRIBUTES_TD
