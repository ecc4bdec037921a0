//===- KilnDialect.td - the `kiln` engine dialect ----------*- tablegen -*-===//
//
// Part of Kiln. The dialect record and the base class of every `kiln` op.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_KILN_IR_KILNDIALECT_TD
#define KILN_DIALECT_KILN_IR_KILNDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Kiln_Dialect : Dialect {
  let name = "kiln";
  let cppNamespace = "::kiln::engine";
  let summary = "Engine-level IR: kernel invocations over planned buffers";
  let description = [{
    The layer between the `tensorrt` dialect and the runtime's `EnginePlan`.
    A function over `kiln` ops is an engine: `kiln.constant` values are the
    constant blob, every `kiln.step` is one kernel invocation (kernel name,
    typed attributes, backend, device), and every tensor value is one
    buffer. Passes over this dialect choose backends and devices, lay out
    constants and plan the arena, recording their decisions as attributes;
    the plan builder then translates the function one op at a time.

    Function-level attributes: `kiln.arena_size` and `kiln.constants_size`
    (i64 bytes, on the function); `kiln.name` (string) and
    `kiln.shape_profile` on its arguments.
  }];

  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;

  let extraClassDeclaration = [{
    /// Function attribute: bytes of the arena (set by kiln-plan-arena).
    static llvm::StringRef getArenaSizeAttrName() { return "kiln.arena_size"; }
    /// Function attribute: bytes of the constant blob (kiln-pack-constants).
    static llvm::StringRef getConstantsSizeAttrName() {
      return "kiln.constants_size";
    }
    /// Argument attribute: the name the engine gives an input.
    static llvm::StringRef getNameArgAttrName() { return "kiln.name"; }
    /// Argument attribute: min/opt/max shapes of an input with `?` dims.
    static llvm::StringRef getShapeProfileArgAttrName() {
      return "kiln.shape_profile";
    }
  }];
}

class Kiln_Op<string mnemonic, list<Trait> traits = []>
  : Op<Kiln_Dialect, mnemonic, traits>;

#endif // KILN_DIALECT_KILN_IR_KILNDIALECT_TD
