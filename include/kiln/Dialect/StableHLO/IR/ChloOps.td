//===- ChloOps.td - the `chlo` input dialect ---------------*- tablegen -*-===//
//
// Part of Kiln. The "client HLO" ops that JAX emits next to StableHLO for
// functions StableHLO leaves to its clients (erf, top_k, ...).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_STABLEHLO_IR_CHLOOPS_TD
#define KILN_DIALECT_STABLEHLO_IR_CHLOOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Chlo_Dialect : Dialect {
  let name = "chlo";
  let cppNamespace = "::kiln::chlo";
  let summary = "Client HLO ops that JAX emits, as Kiln's input";
  let description = [{
    Kiln's definition of the `chlo` ops found in JAX programs, with JAX's
    printed syntax. Converted to `tensorrt` together with `stablehlo`.
  }];
}

class Chlo_Op<string mnemonic, list<Trait> traits = []>
  : Op<Chlo_Dialect, mnemonic, traits>;

// `%r = chlo.<op> %x : T -> T`.
class Chlo_UnaryOp<string mnemonic, string opSummary>
  : Chlo_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultShape]> {
  let summary = opSummary;
  let arguments = (ins RankedTensorOf<[AnyType]>:$operand);
  let results = (outs RankedTensorOf<[AnyType]>:$result);
  let assemblyFormat = "$operand attr-dict `:` type($operand) `->` type($result)";
}

def Chlo_AcosOp : Chlo_UnaryOp<"acos", "arc cosine">;
def Chlo_AcoshOp : Chlo_UnaryOp<"acosh", "inverse hyperbolic cosine">;
def Chlo_AsinOp : Chlo_UnaryOp<"asin", "arc sine">;
def Chlo_AsinhOp : Chlo_UnaryOp<"asinh", "inverse hyperbolic sine">;
def Chlo_AtanOp : Chlo_UnaryOp<"atan", "arc tangent">;
def Chlo_AtanhOp : Chlo_UnaryOp<"atanh", "inverse hyperbolic tangent">;
def Chlo_CoshOp : Chlo_UnaryOp<"cosh", "hyperbolic cosine">;
def Chlo_SinhOp : Chlo_UnaryOp<"sinh", "hyperbolic sine">;
def Chlo_TanOp : Chlo_UnaryOp<"tan", "tangent">;
def Chlo_ErfOp : Chlo_UnaryOp<"erf", "error function">;
def Chlo_ErfcOp : Chlo_UnaryOp<"erfc", "1 - erf(x)">;
def Chlo_ErfInvOp : Chlo_UnaryOp<"erf_inv", "inverse error function">;
def Chlo_LgammaOp : Chlo_UnaryOp<"lgamma", "log |gamma(x)|">;
def Chlo_DigammaOp : Chlo_UnaryOp<"digamma", "derivative of lgamma">;
def Chlo_SquareOp : Chlo_UnaryOp<"square", "x * x">;
def Chlo_IsInfOp : Chlo_UnaryOp<"is_inf", "whether x is +-inf">;
def Chlo_IsNegInfOp : Chlo_UnaryOp<"is_neg_inf", "whether x is -inf">;
def Chlo_IsPosInfOp : Chlo_UnaryOp<"is_pos_inf", "whether x is +inf">;

def Chlo_TopKOp : Chlo_Op<"top_k", [Pure]> {
  let summary = "k largest elements along the last dimension, and their indices";
  let description = [{
    ```mlir
    %v, %i = chlo.top_k(%x, k = 2) : tensor<3x4xf32> -> (tensor<3x2xf32>, tensor<3x2xi32>)
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnyType]>:$operand, I64Attr:$k);
  let results = (outs RankedTensorOf<[AnyType]>:$values,
                      RankedTensorOf<[AnySignlessInteger]>:$indices);
  let assemblyFormat = [{
    `(` $operand `,` `k` `=` $k `)` attr-dict `:`
      type($operand) `->` `(` type($values) `,` type($indices) `)`
  }];
}

#endif // KILN_DIALECT_STABLEHLO_IR_CHLOOPS_TD
