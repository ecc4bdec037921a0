//===- OpLowering.cpp - One tensorrt op → one engine step -----------------===//
//
// The only place that knows both the `tensorrt` ops and the runtime's kernel
// contract (docs/engine-format.md). Each op maps to a kernel name and the
// attributes that kernel reads; enum attributes travel as their MLIR spelling.
//
//===----------------------------------------------------------------------===//
#include "kiln/Compiler/OpLowering.h"

#include "Lowering/Families.h"

#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace trt = kiln::tensorrt;

namespace kiln::compiler {

static std::vector<int64_t> toVector(ArrayRef<int64_t> values) {
  return std::vector<int64_t>(values.begin(), values.end());
}
static std::vector<int64_t> toVector(ArrayRef<int32_t> values) {
  return std::vector<int64_t>(values.begin(), values.end());
}

LogicalResult notSupported(Operation *op, StringRef what) {
  return op->emitOpError() << what << " is not supported by the Kiln runtime yet";
}

/// `permutation` of tensorrt.transpose as "result dim i = input dim perm[i]".
static FailureOr<std::vector<int64_t>> permutationOf(trt::TransposeOp op) {
  AffineMap map = op.getPermutation();
  if (!map.isPermutation()) {
    op.emitOpError("expected permutation to be a permutation map");
    return failure();
  }
  std::vector<int64_t> perm;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    perm.push_back(map.getDimPosition(i));
  return perm;
}

/// For expand_rank / collapse_rank: result dim d copies operand dim
/// `map[d]`, or -1 where the result dim is a static 1. Non-unit dims keep
/// their order, so they pair up left to right.
static std::vector<int64_t> unitDimShapeMap(ShapedType operand,
                                            ShapedType result) {
  std::vector<int64_t> map(result.getRank(), -1);
  int64_t next = 0;
  for (int64_t d = 0; d < result.getRank(); ++d) {
    if (result.getDimSize(d) == 1)
      continue;
    while (next < operand.getRank() && operand.getDimSize(next) == 1)
      ++next;
    map[d] = next++;
  }
  return map;
}

/// The first slice of ops (docs/engine-format.md's kernel table).
static std::optional<LogicalResult> lowerCoreOp(Operation *op, StepDesc &step) {
  AttrMap &attrs = step.attrs;
  using Result = std::optional<LogicalResult>;
  auto use = [&](StringRef kernel) -> Result {
    step.kernel = kernel.str();
    return success();
  };
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](trt::ElementWiseOp op) -> Result {
        attrs["op"] =
            trt::stringifyElementWiseOperation(op.getElementwiseOperation()).str();
        return use("element_wise");
      })
      .Case([&](trt::UnaryOp op) -> Result {
        attrs["op"] = trt::stringifyUnaryOperation(op.getUnaryOperation()).str();
        return use("unary");
      })
      .Case([&](trt::ActivationOp op) -> Result {
        attrs["type"] = trt::stringifyActivationType(op.getActivationType()).str();
        if (std::optional<APFloat> alpha = op.getAlpha())
          attrs["alpha"] = alpha->convertToDouble();
        if (std::optional<APFloat> beta = op.getBeta())
          attrs["beta"] = beta->convertToDouble();
        return use("activation");
      })
      .Case([&](trt::MatrixMultiplyOp op) -> Result {
        attrs["op0"] = trt::stringifyMatrixOperation(op.getOp0()).str();
        attrs["op1"] = trt::stringifyMatrixOperation(op.getOp1()).str();
        return use("matrix_multiply");
      })
      .Case([&](trt::ReduceOp op) -> Result {
        attrs["op"] = trt::stringifyReduceOperation(op.getReduceOperation()).str();
        attrs["axes"] = toVector(op.getReduceAxes());
        attrs["keep_dims"] = int64_t(op.getKeepDimensions());
        return use("reduce");
      })
      .Case([&](trt::SoftMaxOp op) -> Result {
        attrs["axis"] = int64_t(op.getAxis());
        return use("softmax");
      })
      .Case([&](trt::ShuffleOp op) -> Result {
        // A dynamic_reshape operand stays an operand; the runtime reads it
        // as the reshape (0 and -1 placeholders as in `reshape`).
        attrs["first_transpose"] = toVector(op.getFirstTranspose());
        if (std::optional<ArrayRef<int64_t>> reshape = op.getReshape())
          attrs["reshape"] = toVector(*reshape);
        attrs["zero_is_placeholder"] = int64_t(op.getZeroIsPlaceholder());
        attrs["second_transpose"] = toVector(op.getSecondTranspose());
        return use("shuffle");
      })
      .Case([&](trt::TransposeOp op) -> Result {
        FailureOr<std::vector<int64_t>> perm = permutationOf(op);
        if (failed(perm))
          return failure();
        attrs["permutation"] = *perm;
        return use("transpose");
      })
      .Case([&](trt::ReshapeOp op) -> Result {
        // A shape operand stays an operand: the runtime reads its values to
        // size the result (docs/engine-format.md, "Binding shapes").
        return use("copy");
      })
      .Case<trt::ExpandRankOp, trt::CollapseRankOp>([&](Operation *op) -> Result {
        auto operand = cast<ShapedType>(op->getOperand(0).getType());
        auto result = cast<ShapedType>(op->getResult(0).getType());
        if (!result.hasStaticShape())
          attrs["shape_map"] = unitDimShapeMap(operand, result);
        return use("copy");
      })
      .Case([&](trt::IdentityOp op) -> Result {
        bool sameType = getElementTypeOrSelf(op.getInput().getType()) ==
                        getElementTypeOrSelf(op.getType());
        return use(sameType ? "copy" : "cast");
      })
      .Case([&](trt::CastOp) -> Result { return use("cast"); })
      .Case([&](trt::BroadcastOp op) -> Result {
        // A shape operand stays an operand; its values size the result.
        attrs["broadcast_dims"] = toVector(op.getBroadcastDims());
        return use("broadcast");
      })
      .Case([&](trt::SliceOp op) -> Result {
        // Run-time start/size/stride operands stay operands; `<name>_operand`
        // says which step operand holds each (ODS groups: input, fill,
        // start, size, stride), and the runtime reads their values.
        static constexpr std::pair<unsigned, const char *> kRoles[] = {
            {1, "fill_operand"},
            {2, "start_operand"},
            {3, "size_operand"},
            {4, "stride_operand"}};
        bool dynamic = op.getStart() || op.getSize() || op.getStride();
        for (auto [group, name] : kRoles) {
          auto [index, length] = op.getODSOperandIndexAndLength(group);
          if (length == 1 && dynamic)
            attrs[name] = int64_t(index);
        }
        if (!op.getStart() && !op.getStaticStart()) {
          op.emitOpError("expected a start operand or static start");
          return failure();
        }
        if (!op.getStride() && !op.getStaticStride()) {
          op.emitOpError("expected a stride operand or static stride");
          return failure();
        }
        if (!op.getStart())
          attrs["start"] = toVector(*op.getStaticStart());
        if (!op.getStride())
          attrs["stride"] = toVector(*op.getStaticStride());
        attrs["mode"] = trt::stringifySliceMode(op.getMode()).str();
        return use("slice");
      })
      .Case([&](trt::ConcatenationOp op) -> Result {
        attrs["axis"] = int64_t(op.getAxis());
        return use("concatenation");
      })
      .Case([&](trt::SelectOp) -> Result { return use("select"); })
      .Default([&](Operation *) -> Result { return std::nullopt; });
}

LogicalResult lowerOpToStep(Operation *op, StepDesc &step) {
  // One lowering function per op family (lib/Compiler/Lowering/); each
  // answers std::nullopt for ops outside its family.
  using FamilyLowering = std::optional<LogicalResult> (*)(Operation *,
                                                          StepDesc &);
  static const FamilyLowering families[] = {
      lowerCoreOp,
      lowerControlFlowOp,
      lowerQuantizationOp,
      lowerReductionOp,
      lowerNormalizationOp,
      lowerFillOp,
      lowerDataMovementOp,
      lowerConvolutionOp,
  };
  for (FamilyLowering lower : families)
    if (std::optional<LogicalResult> lowered = lower(op, step))
      return *lowered;
  return op->emitOpError()
         << "is not supported by the Kiln compiler (the engine has no "
            "kernel for it)";
}

} // namespace kiln::compiler
