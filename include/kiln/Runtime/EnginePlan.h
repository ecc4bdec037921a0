//===- EnginePlan.h - What an engine is, in memory --------------*- C++ -*-===//
//
// The engine plan is the contract between the compiler (which produces it from
// `tensorrt` IR) and the runtime (which serializes, loads, validates and runs
// it). It is plain data: buffers planned up front, constants, and one step per
// operation naming a kernel and its attributes. docs/engine-format.md gives the
// byte layout of the serialized form and the attributes each kernel reads.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_ENGINEPLAN_H
#define KILN_RUNTIME_ENGINEPLAN_H

#include "kiln/Runtime/Backend.h"
#include "kiln/Runtime/DType.h"

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace kiln {

/// A dimension whose size is known only when an execution context binds the
/// input shapes (`?` in MLIR).
constexpr int64_t kDynamicDim = -1;

enum class BufferKind : uint8_t {
  /// Bound to the caller's input tensor number `index` at run time.
  Input = 0,
  /// Bytes at `offset` in EnginePlan::constants (aligned to kConstantAlignment).
  Constant = 1,
  /// Bytes at `offset` in the execution context's arena; several buffers whose
  /// lifetimes do not overlap share arena bytes.
  Arena = 2,
};

/// "input", "constant" or "arena" (for messages and plan dumps).
const char *bufferKindName(BufferKind kind);

struct BufferDesc {
  DType dtype = DType::F32;
  std::vector<int64_t> shape; // row-major, dense; kDynamicDim where unknown
  BufferKind kind = BufferKind::Arena;
  int64_t offset = 0; // into constants or arena (unused for Input)
  int64_t index = 0;  // input number (Input only)

  bool isStatic() const;
  /// Only meaningful for static buffers.
  int64_t numElements() const;
  int64_t byteSize() const;
};

/// An attribute value of a step. Enum-valued attributes are stored as their
/// MLIR spelling (e.g. "kSUM"), so that engines read well in dumps.
using AttrValue = std::variant<int64_t, double, std::string,
                               std::vector<int64_t>, std::vector<double>>;
using AttrMap = std::map<std::string, AttrValue>;

struct RegionDesc;

struct StepDesc {
  std::string kernel;            // op kind, e.g. "element_wise"
  std::vector<int32_t> operands; // buffer ids read
  std::vector<int32_t> results;  // buffer ids written (never an Input/Constant)
  AttrMap attrs;
  std::string location; // source location of the op, for error messages
  /// Nested step lists of control-flow kernels (`if`, `while`, `for`), run by
  /// the kernel through KernelContext::regions; empty for other kernels.
  std::vector<RegionDesc> regions;
  /// Whose kernel for `kernel` runs the step; (kernel, backend) is the
  /// registry key (KernelRegistry.h).
  Backend backend = Backend::Reference;
};

/// A region of a control-flow step: its block arguments and yielded values
/// are buffers of the plan's one buffer table (arguments are Arena buffers
/// the kernel fills before running `steps`). Steps may read any buffer
/// defined before the parent step, as MLIR regions read values from above.
struct RegionDesc {
  std::vector<int32_t> arguments;
  std::vector<StepDesc> steps;
  std::vector<int32_t> yields;
};

/// Regions nest at most this deep (the file reader and validate() refuse
/// deeper plans, so recursion over regions is bounded).
constexpr int kMaxRegionDepth = 32;

/// Smallest, typical and largest shape an input with dynamic dimensions
/// accepts (from the `tensorrt.shape_profile` argument attribute).
struct ShapeProfile {
  std::vector<int64_t> min, opt, max;
  bool empty() const { return min.empty() && opt.empty() && max.empty(); }
};

struct IOBinding {
  std::string name;
  int32_t buffer = -1;
  ShapeProfile profile; // inputs with dynamic dimensions only
};

/// What an engine is built to run on. The runtime refuses to create an
/// Engine for a target this process cannot run (checkTargetRunnable in
/// kiln/Runtime/Device.h).
enum class TargetKind : uint8_t {
  CPU = 0,
  CUDA = 1,
};

struct Target {
  TargetKind kind = TargetKind::CPU;
  /// CUDA only: the compute capability the engine was built for, as
  /// major * 10 + minor (90 for sm_90); 0 for CPU.
  int32_t computeCapability = 0;

  static Target cpu() { return {}; }
  static Target cuda(int32_t computeCapability) {
    return {TargetKind::CUDA, computeCapability};
  }
  /// "cpu" or "cuda:sm_90".
  std::string str() const;
  bool operator==(const Target &other) const {
    return kind == other.kind && computeCapability == other.computeCapability;
  }
  bool operator!=(const Target &other) const { return !(*this == other); }
};

/// Parses Target::str()'s spelling ("cpu", "cuda:sm_90"); throws kiln::Error
/// saying what is accepted.
Target parseTarget(const std::string &text);

struct EnginePlan {
  static constexpr int64_t kConstantAlignment = 64;

  Target target;
  std::vector<BufferDesc> buffers;
  std::vector<uint8_t> constants;
  int64_t arenaSize = 0;
  std::vector<StepDesc> steps;
  std::vector<IOBinding> inputs;  // in function-argument order
  std::vector<IOBinding> outputs; // in function-result order

  /// True when some buffer has a dynamic dimension: the runtime then infers
  /// every buffer's shape and plans the arena when input shapes are bound
  /// (`arenaSize` and arena offsets are unused).
  bool hasDynamicShapes() const;

  /// Throws kiln::Error if buffer ids, offsets, sizes or backend codes are
  /// inconsistent. Run by the serializer's reader and by Engine's constructor
  /// (which also refuses a (kernel, backend) the registry lacks).
  void validate() const;
};

/// Attribute accessors for kernels; throw kiln::Error naming the kernel and the
/// attribute when it is missing or has another type.
int64_t getIntAttr(const StepDesc &step, const std::string &name);
int64_t getIntAttr(const StepDesc &step, const std::string &name,
                   int64_t defaultValue);
double getFloatAttr(const StepDesc &step, const std::string &name);
double getFloatAttr(const StepDesc &step, const std::string &name,
                    double defaultValue);
const std::string &getStringAttr(const StepDesc &step, const std::string &name);
const std::vector<int64_t> &getIntsAttr(const StepDesc &step,
                                        const std::string &name);

} // namespace kiln

#endif // KILN_RUNTIME_ENGINEPLAN_H
