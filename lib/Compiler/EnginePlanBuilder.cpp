//===- EnginePlanBuilder.cpp - func.func over tensorrt ops → plan ---------===//
#include "kiln/Compiler/EnginePlanBuilder.h"

#include "kiln/Compiler/BufferPlanner.h"
#include "kiln/Compiler/OpLowering.h"
#include "kiln/Dialect/TensorRT/IR/TensorRT.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;

namespace kiln::compiler {
namespace {

std::optional<DType> toDType(Type type) {
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
/// (i1 as one byte per element, floats as their IEEE bits).
std::vector<uint8_t> encodeElements(DenseElementsAttr attr, DType dtype) {
  int64_t elementSize = dtypeSize(dtype);
  std::vector<uint8_t> bytes(attr.getNumElements() * elementSize);
  auto store = [&](int64_t index, uint64_t bits) {
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
      addOperation(op);
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
    if (!type.hasStaticShape()) {
      emitError(loc) << "dynamic shapes are not supported yet: got " << type
                     << "; give every dimension a static size";
      hadError = true;
      return -1;
    }
    BufferDesc desc;
    desc.dtype = *dtype;
    desc.shape.assign(type.getShape().begin(), type.getShape().end());
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
    plan.inputs.push_back({name, id});
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

  void addOperation(Operation &op) {
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
    int64_t stepIndex = static_cast<int64_t>(plan.steps.size());
    for (Value operand : op.getOperands()) {
      auto it = bufferOf.find(operand);
      if (it == bufferOf.end()) {
        hadError = true; // its definition already reported an error
        return;
      }
      step.operands.push_back(it->second);
      lastUse[it->second] = stepIndex;
    }
    for (Value result : op.getResults()) {
      int32_t id = addBuffer(result, BufferKind::Arena, op.getLoc());
      if (id < 0)
        return;
      step.results.push_back(id);
      firstUse[id] = stepIndex;
      lastUse[id] = stepIndex;
    }
    plan.steps.push_back(std::move(step));
  }

  void planIntermediates() {
    // Outputs stay alive past the last step, until they are copied out.
    int64_t end = static_cast<int64_t>(plan.steps.size());
    for (const IOBinding &output : plan.outputs)
      lastUse[output.buffer] = end;

    std::vector<int32_t> ids;
    std::vector<BufferLifetime> lifetimes;
    for (auto [id, buffer] : llvm::enumerate(plan.buffers)) {
      if (buffer.kind != BufferKind::Arena)
        continue;
      ids.push_back(static_cast<int32_t>(id));
      lifetimes.push_back({buffer.byteSize(), firstUse[id], lastUse[id]});
    }
    ArenaPlan arena = planArena(lifetimes);
    for (auto [i, id] : llvm::enumerate(ids))
      plan.buffers[id].offset = arena.offsets[i];
    plan.arenaSize = arena.arenaSize;
  }

  func::FuncOp func;
  EnginePlan plan;
  llvm::DenseMap<Value, int32_t> bufferOf;
  llvm::DenseMap<int32_t, int64_t> firstUse, lastUse;
  bool hadError = false;
};

} // namespace

FailureOr<EnginePlan> buildEnginePlan(func::FuncOp func) {
  return PlanBuilder(func).build();
}

} // namespace kiln::compiler
