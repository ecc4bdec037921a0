//===- EnginePlan.cpp - Plan validation and attribute accessors -----------===//
#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Tensor.h"

#include <limits>

namespace kiln {

bool BufferDesc::isStatic() const {
  for (int64_t dim : shape)
    if (dim == kDynamicDim)
      return false;
  return true;
}

bool EnginePlan::hasDynamicShapes() const {
  for (const BufferDesc &buffer : buffers)
    if (!buffer.isStatic())
      return true;
  return false;
}

int64_t BufferDesc::numElements() const {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

int64_t BufferDesc::byteSize() const {
  return dtypeByteSize(dtype, numElements());
}

const char *bufferKindName(BufferKind kind) {
  switch (kind) {
  case BufferKind::Input:
    return "input";
  case BufferKind::Constant:
    return "constant";
  case BufferKind::Arena:
    return "arena";
  }
  return "invalid";
}

/// Byte size of a buffer, computed without overflow; throws on a shape no
/// machine could hold, so that later arithmetic on sizes is safe.
static int64_t checkedByteSize(const BufferDesc &buffer, size_t id) {
  if (static_cast<uint8_t>(buffer.dtype) > static_cast<uint8_t>(kLastDType))
    fail("buffer ", id, ": invalid dtype code ",
         static_cast<int>(buffer.dtype));
  constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 16;
  int64_t count = 1;
  for (int64_t dim : buffer.shape) {
    if (dim == kDynamicDim)
      continue; // sized at run time
    if (dim < 0)
      fail("buffer ", id, ": negative dimension ", dim, " in its shape");
    if (dim != 0 && count > kLimit / dim)
      fail("buffer ", id, ": shape has too many elements");
    count *= dim;
  }
  return dtypeByteSize(buffer.dtype, count);
}

/// Alignment an arena offset needs: the element size, or 1 byte for the
/// packed sub-byte types.
static int64_t elementAlignment(DType type) {
  return isPacked(type) ? 1 : dtypeSize(type);
}

static void checkBufferId(int32_t id, size_t bufferCount,
                          const std::string &what) {
  if (id < 0 || static_cast<size_t>(id) >= bufferCount)
    fail(what, " refers to buffer ", id, ", but the plan has ", bufferCount,
         " buffers");
}

/// A dynamic input needs a profile of its rank with min <= opt <= max and
/// the static dimensions repeated; a static input needs none.
static void validateProfile(const IOBinding &input, const BufferDesc &buffer,
                            size_t index) {
  std::string what = "input " + std::to_string(index) + " ('" + input.name + "')";
  const ShapeProfile &profile = input.profile;
  if (buffer.isStatic()) {
    if (!profile.empty() && (profile.min != buffer.shape ||
                             profile.opt != buffer.shape ||
                             profile.max != buffer.shape))
      fail(what, ": shape profile does not match its static shape ",
           describeType(buffer.dtype, buffer.shape));
    return;
  }
  size_t rank = buffer.shape.size();
  if (profile.min.size() != rank || profile.opt.size() != rank ||
      profile.max.size() != rank)
    fail(what, " has dynamic dimensions (",
         describeType(buffer.dtype, buffer.shape),
         ") and needs a shape profile of rank ", rank);
  for (size_t d = 0; d < rank; ++d) {
    if (profile.min[d] < 0 || profile.min[d] > profile.opt[d] ||
        profile.opt[d] > profile.max[d])
      fail(what, ": shape profile dimension ", d, " needs 0 <= min (",
           profile.min[d], ") <= opt (", profile.opt[d], ") <= max (",
           profile.max[d], ")");
    if (buffer.shape[d] != kDynamicDim &&
        (profile.min[d] != buffer.shape[d] || profile.max[d] != buffer.shape[d]))
      fail(what, ": shape profile dimension ", d, " is [", profile.min[d],
           ", ", profile.max[d], "] but the dimension is static (",
           buffer.shape[d], ")");
  }
}

/// Backend codes and buffer ids of `steps` and, recursively, of their
/// regions; `prefix` names the enclosing steps ("step 3 region 1 ").
static void validateSteps(const std::vector<StepDesc> &steps,
                          const std::vector<BufferDesc> &buffers,
                          const std::string &prefix, int depth) {
  if (depth > kMaxRegionDepth)
    fail(prefix, "regions nest deeper than ", kMaxRegionDepth, " levels");
  auto checkArena = [&](int32_t id, const std::string &what) {
    checkBufferId(id, buffers.size(), what);
    if (buffers[id].kind != BufferKind::Arena)
      fail(what, " writes buffer ", id, ", which is a ",
           bufferKindName(buffers[id].kind),
           " buffer (results must be arena buffers)");
  };
  for (size_t s = 0; s < steps.size(); ++s) {
    const StepDesc &step = steps[s];
    std::string where =
        prefix + "step " + std::to_string(s) + " ('" + step.kernel + "')";
    if (static_cast<uint8_t>(step.backend) > static_cast<uint8_t>(kLastBackend))
      fail(where, ": invalid backend code ",
           static_cast<int>(step.backend));
    for (size_t i = 0; i < step.operands.size(); ++i)
      checkBufferId(step.operands[i], buffers.size(),
                    where + " operand " + std::to_string(i));
    for (size_t i = 0; i < step.results.size(); ++i)
      checkArena(step.results[i], where + " result " + std::to_string(i));
    for (size_t r = 0; r < step.regions.size(); ++r) {
      const RegionDesc &region = step.regions[r];
      std::string inner = where + " region " + std::to_string(r);
      for (size_t i = 0; i < region.arguments.size(); ++i)
        checkArena(region.arguments[i],
                   inner + " argument " + std::to_string(i));
      for (size_t i = 0; i < region.yields.size(); ++i)
        checkBufferId(region.yields[i], buffers.size(),
                      inner + " yield " + std::to_string(i));
      validateSteps(region.steps, buffers, inner + " ", depth + 1);
    }
  }
}

std::string Target::str() const {
  switch (kind) {
  case TargetKind::CPU:
    return "cpu";
  case TargetKind::CUDA:
    return "cuda:sm_" + std::to_string(computeCapability);
  }
  return "invalid target kind " + std::to_string(static_cast<int>(kind));
}

Target parseTarget(const std::string &text) {
  if (text == "cpu")
    return Target::cpu();
  const std::string prefix = "cuda:sm_";
  if (text.compare(0, prefix.size(), prefix) == 0) {
    std::string digits = text.substr(prefix.size());
    bool numeric = !digits.empty() && digits.size() <= 3;
    for (char c : digits)
      numeric = numeric && c >= '0' && c <= '9';
    if (numeric && std::stoi(digits) >= 10)
      return Target::cuda(std::stoi(digits));
  }
  fail("unknown target '", text,
       "' (expected 'cpu' or 'cuda:sm_XY' with a compute capability such as "
       "'cuda:sm_90')");
}

static void validateTarget(const Target &target) {
  switch (target.kind) {
  case TargetKind::CPU:
    if (target.computeCapability != 0)
      fail("target cpu has compute capability ", target.computeCapability,
           " (expected 0)");
    return;
  case TargetKind::CUDA:
    if (target.computeCapability < 10 || target.computeCapability > 999)
      fail("target cuda has compute capability ", target.computeCapability,
           " (expected major * 10 + minor, e.g. 90 for sm_90)");
    return;
  }
  fail("unknown target kind code ", static_cast<int>(target.kind));
}

void EnginePlan::validate() const {
  validateTarget(target);
  if (arenaSize < 0)
    fail("arena size ", arenaSize, " is negative");
  const int64_t constantBytes = static_cast<int64_t>(constants.size());
  const bool dynamic = hasDynamicShapes();

  for (size_t id = 0; id < buffers.size(); ++id) {
    const BufferDesc &buffer = buffers[id];
    int64_t bytes = checkedByteSize(buffer, id);
    if (!buffer.isStatic() && buffer.kind == BufferKind::Constant)
      fail("buffer ", id, ": a constant must have a static shape, got ",
           describeType(buffer.dtype, buffer.shape));
    // In an engine with dynamic shapes the runtime places every arena
    // buffer, static ones included, once shapes are known.
    if (buffer.kind == BufferKind::Arena && (!buffer.isStatic() || dynamic))
      continue;
    switch (buffer.kind) {
    case BufferKind::Input:
      if (buffer.index < 0 ||
          static_cast<size_t>(buffer.index) >= inputs.size())
        fail("buffer ", id, ": input index ", buffer.index,
             " is out of range (the plan has ", inputs.size(), " inputs)");
      break;
    case BufferKind::Constant:
      if (buffer.offset < 0 || buffer.offset % kConstantAlignment != 0)
        fail("buffer ", id, ": constant offset ", buffer.offset,
             " is not a non-negative multiple of ", kConstantAlignment);
      if (buffer.offset > constantBytes || bytes > constantBytes - buffer.offset)
        fail("buffer ", id, ": constant range [", buffer.offset, ", ",
             buffer.offset, " + ", bytes, ") exceeds the constant blob of ",
             constantBytes, " bytes");
      break;
    case BufferKind::Arena:
      if (buffer.offset < 0 || buffer.offset % elementAlignment(buffer.dtype) != 0)
        fail("buffer ", id, ": arena offset ", buffer.offset,
             " is not a non-negative multiple of the element size ",
             elementAlignment(buffer.dtype));
      if (buffer.offset > arenaSize || bytes > arenaSize - buffer.offset)
        fail("buffer ", id, ": arena range [", buffer.offset, ", ",
             buffer.offset, " + ", bytes, ") exceeds the arena size ",
             arenaSize);
      break;
    default:
      fail("buffer ", id, ": invalid kind code ",
           static_cast<int>(buffer.kind));
    }
  }

  for (size_t i = 0; i < inputs.size(); ++i) {
    int32_t id = inputs[i].buffer;
    checkBufferId(id, buffers.size(), "input " + std::to_string(i) + " ('" +
                                          inputs[i].name + "')");
    const BufferDesc &buffer = buffers[id];
    validateProfile(inputs[i], buffer, i);
    if (buffer.kind != BufferKind::Input || buffer.index != static_cast<int64_t>(i))
      fail("input ", i, " ('", inputs[i].name, "') refers to buffer ", id,
           ", which is a ", bufferKindName(buffer.kind), " buffer",
           buffer.kind == BufferKind::Input
               ? " bound to input " + std::to_string(buffer.index)
               : std::string(),
           ", not input ", i);
  }
  for (size_t i = 0; i < outputs.size(); ++i)
    checkBufferId(outputs[i].buffer, buffers.size(),
                  "output " + std::to_string(i) + " ('" + outputs[i].name +
                      "')");

  validateSteps(steps, buffers, "", 0);
}

//===----------------------------------------------------------------------===//
// Attribute accessors
//===----------------------------------------------------------------------===//

template <typename T>
static const T *findAttr(const StepDesc &step, const std::string &name,
                         const char *expected, bool required) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end()) {
    if (required)
      fail("kernel '", step.kernel, "' requires attribute '", name, "' (",
           expected, ")");
    return nullptr;
  }
  const T *value = std::get_if<T>(&it->second);
  if (!value)
    fail("kernel '", step.kernel, "' attribute '", name, "' must be ",
         expected);
  return value;
}

int64_t getIntAttr(const StepDesc &step, const std::string &name) {
  return *findAttr<int64_t>(step, name, "an integer", true);
}

int64_t getIntAttr(const StepDesc &step, const std::string &name,
                   int64_t defaultValue) {
  const int64_t *value = findAttr<int64_t>(step, name, "an integer", false);
  return value ? *value : defaultValue;
}

// Integer attributes are accepted where a float is expected: a producer that
// writes `alpha = 1` means 1.0.
static const double *findFloat(const StepDesc &step, const std::string &name,
                               bool required, double &storage) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end()) {
    if (required)
      fail("kernel '", step.kernel, "' requires attribute '", name,
           "' (a float)");
    return nullptr;
  }
  if (const int64_t *asInt = std::get_if<int64_t>(&it->second)) {
    storage = static_cast<double>(*asInt);
    return &storage;
  }
  if (const double *value = std::get_if<double>(&it->second))
    return value;
  fail("kernel '", step.kernel, "' attribute '", name, "' must be a float");
}

double getFloatAttr(const StepDesc &step, const std::string &name) {
  double storage;
  return *findFloat(step, name, true, storage);
}

double getFloatAttr(const StepDesc &step, const std::string &name,
                    double defaultValue) {
  double storage;
  const double *value = findFloat(step, name, false, storage);
  return value ? *value : defaultValue;
}

const std::string &getStringAttr(const StepDesc &step, const std::string &name) {
  return *findAttr<std::string>(step, name, "a string", true);
}

const std::vector<int64_t> &getIntsAttr(const StepDesc &step,
                                        const std::string &name) {
  return *findAttr<std::vector<int64_t>>(step, name, "a list of integers",
                                         true);
}

} // namespace kiln
