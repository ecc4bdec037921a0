//===- EnginePlanBuilder.cpp - func.func over tensorrt ops → plan ---------===//
#include "kiln/Compiler/EnginePlanBuilder.h"

#include "kiln/Compiler/OpLowering.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"
#include "kiln/Runtime/BufferPlanner.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;

namespace kiln::compiler {
namespace {

std::optional<DType> toDType(Type type) {
  // A `!quant.uniform` tensor is stored as its integer storage type.
  if (auto quantized = dyn_cast<quant::QuantizedType>(type))
    type = quantized.getStorageType();
  if (type.isF32())
    return DType::F32;
  if (type.isF16())
    return DType::F16;
  if (type.isBF16())
    return DType::BF16;
  if (type.isSignlessInteger(1))
    return DType::I1;
  if (type.isSignlessInteger(8))
    return DType::I8;
  if (type.isSignlessInteger(32))
    return DType::I32;
  if (type.isSignlessInteger(64))
    return DType::I64;
  if (type.isUnsignedInteger(8))
    return DType::UI8;
  if (type.isSignlessInteger(4))
    return DType::I4;
  if (isa<Float8E4M3FNType>(type))
    return DType::F8E4M3FN;
  if (isa<Float4E2M1FNType>(type))
    return DType::F4E2M1FN;
  return std::nullopt;
}

/// "file:line:col" of the innermost file location, for runtime messages.
std::string locationString(Location loc) {
  std::string text;
  loc->walk([&](Location inner) {
    if (auto fileLoc = dyn_cast<FileLineColLoc>(inner)) {
      text = (fileLoc.getFilename().str() + ":" +
              std::to_string(fileLoc.getLine()) + ":" +
              std::to_string(fileLoc.getColumn()));
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return text;
}

/// Little-endian bytes of a dense attribute in the runtime's storage format
/// (i1 as one byte per element, floats as their IEEE bits, i4 and f4E2M1FN
/// packed two per byte with the even element in the low nibble).
std::vector<uint8_t> encodeElements(DenseElementsAttr attr, DType dtype) {
  std::vector<uint8_t> bytes(dtypeByteSize(dtype, attr.getNumElements()));
  auto store = [&](int64_t index, uint64_t bits) {
    if (isPacked(dtype)) {
      uint8_t nibble = static_cast<uint8_t>(bits & 0xfu);
      bytes[index / 2] |= index % 2 ? static_cast<uint8_t>(nibble << 4) : nibble;
      return;
    }
    int64_t elementSize = dtypeSize(dtype);
    std::memcpy(bytes.data() + index * elementSize, &bits, elementSize);
  };
  int64_t index = 0;
  if (isa<FloatType>(attr.getElementType())) {
    for (const APFloat &value : attr.getValues<APFloat>())
      store(index++, value.bitcastToAPInt().getZExtValue());
  } else {
    for (const APInt &value : attr.getValues<APInt>())
      store(index++, value.getZExtValue());
  }
  return bytes;
}

class PlanBuilder {
public:
  explicit PlanBuilder(func::FuncOp func) : func(func) {}

  FailureOr<EnginePlan> build() {
    if (!func.getBody().hasOneBlock())
      return func.emitOpError("expected a body with exactly one block");
    Block &body = func.getBody().front();
    for (BlockArgument arg : body.getArguments())
      addInput(arg);
    for (Operation &op : body)
      addOperation(op, plan.steps);
    if (hadError)
      return failure();
    planIntermediates();
    return std::move(plan);
  }

private:
  /// A buffer for `value` if its type is one the runtime can hold; otherwise
  /// an error at `loc` and -1.
  int32_t addBuffer(Value value, BufferKind kind, Location loc) {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    if (!type) {
      emitError(loc) << "expected a ranked tensor, got " << value.getType();
      hadError = true;
      return -1;
    }
    std::optional<DType> dtype = toDType(type.getElementType());
    if (!dtype) {
      emitError(loc) << "element type " << type.getElementType()
                     << " is not supported by the Kiln runtime (supported: "
                        "f32, f16, bf16, i32, i64, i8, i1)";
      hadError = true;
      return -1;
    }
    BufferDesc desc;
    desc.dtype = *dtype;
    for (int64_t dim : type.getShape())
      desc.shape.push_back(ShapedType::isDynamic(dim) ? kDynamicDim : dim);
    desc.kind = kind;
    int32_t id = static_cast<int32_t>(plan.buffers.size());
    plan.buffers.push_back(std::move(desc));
    bufferOf[value] = id;
    return id;
  }

  void addInput(BlockArgument arg) {
    int32_t id = addBuffer(arg, BufferKind::Input, arg.getLoc());
    if (id < 0)
      return;
    plan.buffers[id].index = arg.getArgNumber();
    // A named location (`loc("x"(...))`, which the Python frontend attaches)
    // gives the input its name in the engine; otherwise argN.
    std::string name = "arg" + std::to_string(arg.getArgNumber());
    if (auto named = dyn_cast<NameLoc>(arg.getLoc()))
      name = named.getName().str();
    IOBinding binding{name, id, {}};
    if (!plan.buffers[id].isStatic() && failed(readProfile(arg, binding))) {
      hadError = true;
      return;
    }
    plan.inputs.push_back(std::move(binding));
  }

  /// The `tensorrt.shape_profile` of a dynamic argument (the dialect has
  /// verified it against the argument's type).
  LogicalResult readProfile(BlockArgument arg, IOBinding &binding) {
    auto profile = func.getArgAttrOfType<tensorrt::ShapeProfileAttr>(
        arg.getArgNumber(),
        tensorrt::TensorRTDialect::getShapeProfileArgAttrName());
    if (!profile)
      return emitError(arg.getLoc())
             << "argument " << arg.getArgNumber() << " has dynamic shape "
             << arg.getType() << " but no '"
             << tensorrt::TensorRTDialect::getShapeProfileArgAttrName()
             << "' attribute giving its min/opt/max shapes";
    binding.profile.min.assign(profile.getMin().begin(), profile.getMin().end());
    binding.profile.opt.assign(profile.getOpt().begin(), profile.getOpt().end());
    binding.profile.max.assign(profile.getMax().begin(), profile.getMax().end());
    return success();
  }

  void addConstant(tensorrt::ConstantOp op) {
    auto dense = dyn_cast<DenseElementsAttr>(op.getWeights());
    if (!dense) {
      op.emitOpError("expected dense weights (dense<...>); other elements "
                     "attributes are not supported yet");
      hadError = true;
      return;
    }
    int32_t id = addBuffer(op.getResult(), BufferKind::Constant, op.getLoc());
    if (id < 0)
      return;
    std::vector<uint8_t> bytes = encodeElements(dense, plan.buffers[id].dtype);
    size_t offset = (plan.constants.size() + EnginePlan::kConstantAlignment - 1) /
                    EnginePlan::kConstantAlignment *
                    EnginePlan::kConstantAlignment;
    plan.constants.resize(offset);
    plan.constants.insert(plan.constants.end(), bytes.begin(), bytes.end());
    plan.buffers[id].offset = static_cast<int64_t>(offset);
  }

  void addReturn(func::ReturnOp op) {
    for (auto [index, value] : llvm::enumerate(op.getOperands())) {
      auto it = bufferOf.find(value);
      if (it == bufferOf.end())
        continue; // its definition already reported an error
      plan.outputs.push_back({"result" + std::to_string(index), it->second});
    }
  }

  /// Appends the step of `op` to `steps` (the plan's, or a region's).
  void addOperation(Operation &op, std::vector<StepDesc> &steps) {
    if (auto ret = dyn_cast<func::ReturnOp>(op))
      return addReturn(ret);
    if (auto constant = dyn_cast<tensorrt::ConstantOp>(op))
      return addConstant(constant);

    StepDesc step;
    step.location = locationString(op.getLoc());
    if (failed(lowerOpToStep(&op, step))) {
      hadError = true;
      return;
    }
    for (Value operand : op.getOperands()) {
      auto it = bufferOf.find(operand);
      if (it == bufferOf.end()) {
        hadError = true; // its definition already reported an error
        return;
      }
      step.operands.push_back(it->second);
    }
    for (Value result : op.getResults()) {
      int32_t id = addBuffer(result, BufferKind::Arena, op.getLoc());
      if (id < 0)
        return;
      step.results.push_back(id);
    }
    for (Region &region : op.getRegions())
      if (!addRegion(region, step))
        return;
    steps.push_back(std::move(step));
  }

  /// Lowers the single block of `region` into a RegionDesc of `step`: its
  /// arguments get arena buffers, its ops become the region's steps and the
  /// terminator's operands (`tensorrt.yield`, `tensorrt.condition`: the i1
  /// condition first) its yields. Returns false after an error.
  bool addRegion(Region &region, StepDesc &step) {
    RegionDesc desc;
    if (!region.hasOneBlock()) {
      emitError(region.getLoc()) << "expected a region with one block";
      hadError = true;
      return false;
    }
    Block &block = region.front();
    for (BlockArgument arg : block.getArguments()) {
      int32_t id = addBuffer(arg, BufferKind::Arena, arg.getLoc());
      if (id < 0)
        return false;
      desc.arguments.push_back(id);
    }
    for (Operation &inner : block.without_terminator())
      addOperation(inner, desc.steps);
    if (hadError)
      return false;
    for (Value value : block.getTerminator()->getOperands()) {
      auto it = bufferOf.find(value);
      if (it == bufferOf.end()) {
        hadError = true; // its definition already reported an error
        return false;
      }
      desc.yields.push_back(it->second);
    }
    step.regions.push_back(std::move(desc));
    return true;
  }

  /// Static engines get their arena planned here; engines with dynamic
  /// shapes are planned by the runtime once input shapes are bound.
  void planIntermediates() {
    std::vector<std::vector<int64_t>> shapes;
    for (const BufferDesc &buffer : plan.buffers) {
      if (!buffer.isStatic())
        return;
      shapes.push_back(buffer.shape);
    }
    ArenaPlan arena = planEngineArena(plan, shapes);
    for (auto [id, buffer] : llvm::enumerate(plan.buffers))
      if (buffer.kind == BufferKind::Arena)
        buffer.offset = arena.offsets[id];
    plan.arenaSize = arena.arenaSize;
  }

  func::FuncOp func;
  EnginePlan plan;
  llvm::DenseMap<Value, int32_t> bufferOf;
  bool hadError = false;
};

} // namespace

FailureOr<EnginePlan> buildEnginePlan(func::FuncOp func) {
  return PlanBuilder(func).build();
}

} // namespace kiln::compiler
