//===- TensorRTDialect.td - the `tensorrt` dialect ---------*- tablegen -*-===//
//
// Part of Kiln. The dialect record, the shared type constraints and the base
// class of every `tensorrt` op.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TENSORRT_IR_TENSORRTDIALECT_TD
#define KILN_DIALECT_TENSORRT_IR_TENSORRTDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def TensorRT_Dialect : Dialect {
  let name = "tensorrt";
  let cppNamespace = "::kiln::tensorrt";
  let summary = "The TensorRT layer set as MLIR operations";
  let description = [{
    Each operation of `tensorrt` stands for one network layer of TensorRT
    (or a small Kiln extension that lowers to one, such as `transpose`).
    Values are ranked tensors of at most eight dimensions; a dimension may be
    unknown (`?`) until an execution context binds concrete input shapes.

    The textual form follows the MLIR-TensorRT project so that IR written for
    that dialect parses here unchanged.
  }];

  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;

  // Element types of tensors may be `!quant.uniform<i8:...>`.
  let dependentDialects = ["::mlir::quant::QuantDialect"];

  let extraClassDeclaration = [{
    /// Function argument attribute holding the min/opt/max shape profile.
    static llvm::StringRef getShapeProfileArgAttrName() {
      return "tensorrt.shape_profile";
    }
    /// Function argument attribute bounding the values of a shape tensor.
    static llvm::StringRef getShapeTensorValueBoundsArgAttrName() {
      return "tensorrt.value_bounds";
    }
    /// Function argument attribute naming dynamic dimensions: a dictionary
    /// from dimension index (as a string) to name.
    static llvm::StringRef getDimensionNamesArgAttrName() {
      return "tensorrt.dimension_names";
    }
    /// Unit attribute of a function argument or result that lives in host
    /// memory (a shape tensor) rather than on the device.
    static llvm::StringRef getHostTensorAttrName() {
      return "tensorrt.host_tensor";
    }
  }];
}

//===----------------------------------------------------------------------===//
// Element and tensor constraints
//===----------------------------------------------------------------------===//

// An 8-bit quantized type usable wherever TensorRT accepts int8: signed i8
// storage, f32 or f16 expressed type, symmetric (zero point 0).
def TensorRT_QuantizedI8 : Type<
  CPred<"::kiln::tensorrt::isSymmetricQuantizedI8($_self)">,
  "symmetric !quant.uniform with i8 storage over f16 or f32">;

def TensorRT_I8 : AnyTypeOf<[I8, TensorRT_QuantizedI8], "TensorRT int8 element">;
def TensorRT_F8 : AnyTypeOf<[F8E4M3FN]>;
def TensorRT_I4 : I<4>;
def TensorRT_F4 : AnyTypeOf<[F4E2M1FN]>;

// TensorRT tensors have rank 0 to 8.
class TensorRT_RankedTensorOf<list<Type> allowed>
  : TensorRankOf<allowed, [0, 1, 2, 3, 4, 5, 6, 7, 8]>;

// Rank 1 to 8: ops that need at least one dimension.
class TensorRT_Non0RankedTensorOf<list<Type> allowed>
  : TensorRankOf<allowed, [1, 2, 3, 4, 5, 6, 7, 8]>;

def TensorRT_Tensor
  : TensorRT_RankedTensorOf<[I1, TensorRT_I8, I32, I64, F16, BF16, F32]>;

def TensorRT_AllTypesTensor
  : TensorRT_RankedTensorOf<[I1, TensorRT_I4, TensorRT_I8, I32, I64, F16,
                             BF16, F32, TensorRT_F8]>;

// A 1-D i32 tensor of known length whose values are a shape or index list.
def TensorRT_ShapeTensor
  : TensorOf<[I32], [HasStaticShapePred, HasAnyRankOfPred<[1]>],
             "1-D statically shaped i32 tensor">;

// Sorted, duplicate-free, non-negative list of dimension indices.
def TensorRT_DimensionListAttr : ConfinedAttr<DenseI64ArrayAttr, [
  DenseArrayStrictlySorted<DenseI64ArrayAttr>,
  DenseArrayNonNegative<DenseI64ArrayAttr>]>;

#endif // KILN_DIALECT_TENSORRT_IR_TENSORRTDIALECT_TD
