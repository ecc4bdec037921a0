//===- KilnAttributes.td - attributes of the `kiln` dialect -*- tablegen -*-===//
//
// Part of Kiln.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_KILN_IR_KILNATTRIBUTES_TD
#define KILN_DIALECT_KILN_IR_KILNATTRIBUTES_TD

include "mlir/IR/AttrTypeBase.td"
include "kiln/Dialect/Kiln/IR/KilnDialect.td"

// A bracketed, possibly empty list of sizes: `[2, 3]`, `[]`.
def Kiln_DimList : ArrayRefParameter<"int64_t", "dimension sizes"> {
  let parser = "::kiln::engine::parseDimList($_parser)";
  let printer = "::kiln::engine::printDimList($_printer, $_self)";
}

def Kiln_ShapeProfileAttr : AttrDef<Kiln_Dialect, "ShapeProfile"> {
  let mnemonic = "shape_profile";
  let summary = "smallest, typical and largest shape an engine input accepts";
  let description = [{
    On an engine argument (as `kiln.shape_profile`): every dimension `i` of
    the bound input satisfies `min[i] <= input[i] <= max[i]`; `opt` is the
    shape the engine is tuned for.

    ```mlir
    #kiln.shape_profile<min = [1, 8], opt = [4, 8], max = [16, 8]>
    ```
  }];
  let parameters = (ins Kiln_DimList:$min, Kiln_DimList:$opt,
                        Kiln_DimList:$max);
  let assemblyFormat = [{
    `<` `min` `=` $min `,` `opt` `=` $opt `,` `max` `=` $max `>`
  }];
  let genVerifyDecl = 1;
}

#endif // KILN_DIALECT_KILN_IR_KILNATTRIBUTES_TD
