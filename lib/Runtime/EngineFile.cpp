//===- EngineFile.cpp - The .kiln file format -----------------------------===//
//
// Writer and reader for docs/engine-format.md. The reader treats the file as
// hostile: every length is checked against the bytes that remain before it is
// used, counts are capped, and the decoded plan is validated before it is
// returned.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Tensor.h"

#include <algorithm>
#include <cstring>
#include <fstream>

namespace kiln {

namespace {

constexpr char kMagic[8] = {'K', 'I', 'L', 'N', 'E', 'N', 'G', '\0'};
constexpr size_t kHeaderSize = 32;
// Sanity caps, far above anything a real engine needs; they bound the work a
// corrupt count can cause even before the remaining-bytes check.
constexpr uint64_t kMaxRank = 64;
constexpr uint64_t kMaxCount = 1u << 24;

enum AttrTag : uint8_t {
  kTagInt = 0,
  kTagFloat = 1,
  kTagString = 2,
  kTagInts = 3,
  kTagFloats = 4,
};

uint64_t fnv1a64(const uint8_t *data, size_t size) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < size; ++i) {
    hash ^= data[i];
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string hex(uint64_t value) {
  std::ostringstream os;
  os << "0x" << std::hex << value;
  return os.str();
}

//===----------------------------------------------------------------------===//
// Writer
//===----------------------------------------------------------------------===//

class Writer {
public:
  std::vector<uint8_t> bytes;

  template <typename T> void put(T value) {
    uint8_t raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T)); // little-endian hosts only
    bytes.insert(bytes.end(), raw, raw + sizeof(T));
  }
  void putCount(size_t count) { put<uint32_t>(static_cast<uint32_t>(count)); }
  void putString(const std::string &s) {
    putCount(s.size());
    bytes.insert(bytes.end(), s.begin(), s.end());
  }
  void putInts(const std::vector<int64_t> &values) {
    putCount(values.size());
    for (int64_t v : values)
      put<int64_t>(v);
  }
  void putIds(const std::vector<int32_t> &ids) {
    putCount(ids.size());
    for (int32_t id : ids)
      put<int32_t>(id);
  }
};

void writeAttr(Writer &w, const AttrValue &value) {
  if (const auto *v = std::get_if<int64_t>(&value)) {
    w.put<uint8_t>(kTagInt);
    w.put<int64_t>(*v);
  } else if (const auto *v = std::get_if<double>(&value)) {
    w.put<uint8_t>(kTagFloat);
    w.put<double>(*v);
  } else if (const auto *v = std::get_if<std::string>(&value)) {
    w.put<uint8_t>(kTagString);
    w.putString(*v);
  } else if (const auto *v = std::get_if<std::vector<int64_t>>(&value)) {
    w.put<uint8_t>(kTagInts);
    w.putInts(*v);
  } else {
    const auto &list = std::get<std::vector<double>>(value);
    w.put<uint8_t>(kTagFloats);
    w.putCount(list.size());
    for (double d : list)
      w.put<double>(d);
  }
}

void writeSteps(Writer &w, const std::vector<StepDesc> &steps) {
  w.putCount(steps.size());
  for (const StepDesc &step : steps) {
    w.putString(step.kernel);
    w.put<uint8_t>(static_cast<uint8_t>(step.backend));
    w.putIds(step.operands);
    w.putIds(step.results);
    w.putCount(step.attrs.size());
    for (const auto &[name, value] : step.attrs) {
      w.putString(name);
      writeAttr(w, value);
    }
    w.putString(step.location);
    w.putCount(step.regions.size());
    for (const RegionDesc &region : step.regions) {
      w.putIds(region.arguments);
      writeSteps(w, region.steps);
      w.putIds(region.yields);
    }
  }
}

//===----------------------------------------------------------------------===//
// Reader
//===----------------------------------------------------------------------===//

class Reader {
public:
  Reader(const uint8_t *data, size_t size, const std::string &name)
      : data_(data), size_(size), name_(name) {}

  size_t position() const { return pos_; }
  size_t remaining() const { return size_ - pos_; }

  [[noreturn]] void corrupt(const std::string &what) const {
    fail(name_, " is corrupt: ", what, " (at payload offset ", pos_, ")");
  }

  void need(size_t bytes, const std::string &what) const {
    if (bytes > remaining())
      corrupt(what + " needs " + std::to_string(bytes) + " bytes, but only " +
              std::to_string(remaining()) + " payload bytes remain");
  }

  template <typename T> T get(const std::string &what) {
    need(sizeof(T), what);
    T value;
    std::memcpy(&value, data_ + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }

  /// A count of elements that each take at least `elementBytes` bytes.
  size_t getCount(const std::string &what, size_t elementBytes,
                  uint64_t cap = kMaxCount) {
    uint32_t count = get<uint32_t>(what + " count");
    if (count > cap)
      corrupt(what + " count " + std::to_string(count) + " exceeds the limit " +
              std::to_string(cap));
    if (static_cast<uint64_t>(count) * elementBytes > remaining())
      corrupt(what + " count " + std::to_string(count) + " needs " +
              std::to_string(static_cast<uint64_t>(count) * elementBytes) +
              " bytes, but only " + std::to_string(remaining()) +
              " payload bytes remain");
    return count;
  }

  std::string getString(const std::string &what) {
    size_t length = getCount(what + " length", 1);
    std::string s(reinterpret_cast<const char *>(data_ + pos_), length);
    pos_ += length;
    return s;
  }

  std::vector<int64_t> getInts(const std::string &what, uint64_t cap = kMaxCount) {
    size_t count = getCount(what, 8, cap);
    std::vector<int64_t> values(count);
    for (size_t i = 0; i < count; ++i)
      values[i] = get<int64_t>(what);
    return values;
  }

  std::vector<int32_t> getIds(const std::string &what) {
    size_t count = getCount(what, 4);
    std::vector<int32_t> ids(count);
    for (size_t i = 0; i < count; ++i)
      ids[i] = get<int32_t>(what);
    return ids;
  }

  void skip(size_t bytes, const std::string &what) {
    need(bytes, what);
    pos_ += bytes;
  }
  const uint8_t *here() const { return data_ + pos_; }

private:
  const uint8_t *data_;
  size_t size_;
  size_t pos_ = 0;
  std::string name_;
};

AttrValue readAttr(Reader &r, const std::string &what) {
  uint8_t tag = r.get<uint8_t>(what + " tag");
  switch (tag) {
  case kTagInt:
    return r.get<int64_t>(what);
  case kTagFloat:
    return r.get<double>(what);
  case kTagString:
    return r.getString(what);
  case kTagInts:
    return r.getInts(what);
  case kTagFloats: {
    size_t count = r.getCount(what, 8);
    std::vector<double> values(count);
    for (size_t i = 0; i < count; ++i)
      values[i] = r.get<double>(what);
    return values;
  }
  default:
    r.corrupt(what + " has unknown type tag " + std::to_string(tag));
  }
}

/// Padding that puts the constant blob at a 64-byte aligned file offset.
size_t constantPadding(size_t payloadPosition) {
  size_t fileOffset = kHeaderSize + payloadPosition;
  return (EnginePlan::kConstantAlignment -
          fileOffset % EnginePlan::kConstantAlignment) %
         EnginePlan::kConstantAlignment;
}

IOBinding readBinding(Reader &r, const std::string &what) {
  IOBinding binding;
  binding.name = r.getString(what + " name");
  binding.buffer = r.get<int32_t>(what + " buffer id");
  binding.profile.min = r.getInts(what + " profile min", kMaxRank);
  binding.profile.opt = r.getInts(what + " profile opt", kMaxRank);
  binding.profile.max = r.getInts(what + " profile max", kMaxRank);
  return binding;
}

std::vector<StepDesc> readSteps(Reader &r, const std::string &prefix,
                                int depth);

/// A region: argument ids, its steps (recursively), yield ids. The depth cap
/// bounds the recursion a hostile file can cause.
RegionDesc readRegion(Reader &r, const std::string &what, int depth) {
  if (depth > kMaxRegionDepth)
    r.corrupt(what + " nests regions deeper than " +
              std::to_string(kMaxRegionDepth) + " levels");
  RegionDesc region;
  region.arguments = r.getIds(what + " argument");
  region.steps = readSteps(r, what + " ", depth);
  region.yields = r.getIds(what + " yield");
  return region;
}

std::vector<StepDesc> readSteps(Reader &r, const std::string &prefix,
                                int depth) {
  size_t stepCount = r.getCount(prefix + "step", 25);
  std::vector<StepDesc> steps(stepCount);
  for (size_t s = 0; s < stepCount; ++s) {
    std::string what = prefix + "step " + std::to_string(s);
    StepDesc &step = steps[s];
    step.kernel = r.getString(what + " kernel name");
    uint8_t backend = r.get<uint8_t>(what + " backend");
    if (backend > static_cast<uint8_t>(kLastBackend))
      r.corrupt(what + " has unknown backend code " + std::to_string(backend));
    step.backend = static_cast<Backend>(backend);
    step.operands = r.getIds(what + " operand");
    step.results = r.getIds(what + " result");
    size_t attrCount = r.getCount(what + " attribute", 5);
    for (size_t a = 0; a < attrCount; ++a) {
      std::string name = r.getString(what + " attribute name");
      AttrValue value = readAttr(r, what + " attribute '" + name + "'");
      if (!step.attrs.emplace(name, std::move(value)).second)
        r.corrupt(what + " has attribute '" + name + "' twice");
    }
    step.location = r.getString(what + " location");
    // A region takes at least 4 + 4 + 4 bytes (three empty lists).
    size_t regionCount = r.getCount(what + " region", 12);
    for (size_t g = 0; g < regionCount; ++g)
      step.regions.push_back(
          readRegion(r, what + " region " + std::to_string(g), depth + 1));
  }
  return steps;
}

EnginePlan decodePayload(Reader &r) {
  EnginePlan plan;

  // Each buffer record takes at least 1+1+2+4+8+8+8 = 32 bytes.
  size_t bufferCount = r.getCount("buffer", 32);
  plan.buffers.resize(bufferCount);
  for (size_t i = 0; i < bufferCount; ++i) {
    std::string what = "buffer " + std::to_string(i);
    BufferDesc &buffer = plan.buffers[i];
    uint8_t dtype = r.get<uint8_t>(what + " dtype");
    if (dtype > static_cast<uint8_t>(kLastDType))
      r.corrupt(what + " has unknown dtype code " + std::to_string(dtype));
    buffer.dtype = static_cast<DType>(dtype);
    uint8_t kind = r.get<uint8_t>(what + " kind");
    if (kind > static_cast<uint8_t>(BufferKind::Arena))
      r.corrupt(what + " has unknown kind code " + std::to_string(kind));
    buffer.kind = static_cast<BufferKind>(kind);
    r.get<uint16_t>(what + " reserved field");
    buffer.shape = r.getInts(what + " shape", kMaxRank);
    buffer.offset = r.get<int64_t>(what + " offset");
    buffer.index = r.get<int64_t>(what + " input index");
    int64_t byteSize = r.get<int64_t>(what + " byte size");
    // Check the shape before multiplying it out, so a hostile shape cannot
    // overflow; validate() repeats these checks for in-memory plans.
    int64_t count = 1;
    for (int64_t dim : buffer.shape) {
      if (dim == kDynamicDim)
        continue;
      if (dim < 0 || (dim != 0 && count > (int64_t(1) << 56) / dim))
        r.corrupt(what + " has an invalid shape");
      count *= dim;
    }
    if (!buffer.isStatic()) {
      if (byteSize != -1)
        r.corrupt(what + " has dynamic dimensions but byte size " +
                  std::to_string(byteSize) + " (expected -1)");
    } else if (byteSize != buffer.byteSize())
      r.corrupt(what + " byte size " + std::to_string(byteSize) +
                " does not match its type " +
                describeType(buffer.dtype, buffer.shape) + " (" +
                std::to_string(buffer.byteSize()) + " bytes)");
  }

  size_t inputCount = r.getCount("input", 20);
  for (size_t i = 0; i < inputCount; ++i)
    plan.inputs.push_back(readBinding(r, "input " + std::to_string(i)));
  size_t outputCount = r.getCount("output", 20);
  for (size_t i = 0; i < outputCount; ++i)
    plan.outputs.push_back(readBinding(r, "output " + std::to_string(i)));

  // A step takes at least 4 (kernel) + 1 (backend) + 4 + 4 + 4 + 4
  // (location) + 4 (regions) bytes.
  plan.steps = readSteps(r, "", 0);

  uint8_t targetKind = r.get<uint8_t>("target kind");
  if (targetKind > static_cast<uint8_t>(TargetKind::CUDA))
    r.corrupt("unknown target kind code " + std::to_string(targetKind));
  plan.target.kind = static_cast<TargetKind>(targetKind);
  if (r.get<uint8_t>("target reserved field") != 0 ||
      r.get<uint16_t>("target reserved field") != 0)
    r.corrupt("target reserved field is not 0");
  plan.target.computeCapability = r.get<int32_t>("target compute capability");

  plan.arenaSize = r.get<int64_t>("arena size");
  if (plan.arenaSize < 0)
    r.corrupt("arena size " + std::to_string(plan.arenaSize) + " is negative");
  uint64_t constantSize = r.get<uint64_t>("constant blob size");
  r.skip(constantPadding(r.position()), "constant padding");
  if (constantSize > r.remaining())
    r.corrupt("constant blob size " + std::to_string(constantSize) +
              " exceeds the " + std::to_string(r.remaining()) +
              " payload bytes that remain");
  plan.constants.assign(r.here(), r.here() + constantSize);
  r.skip(constantSize, "constant blob");
  if (r.remaining() != 0)
    r.corrupt(std::to_string(r.remaining()) +
              " unexpected bytes after the constant blob");
  return plan;
}

} // namespace

std::vector<uint8_t> serializeEngine(const EnginePlan &plan) {
  plan.validate();
  Writer w;
  w.putCount(plan.buffers.size());
  for (const BufferDesc &buffer : plan.buffers) {
    w.put<uint8_t>(static_cast<uint8_t>(buffer.dtype));
    w.put<uint8_t>(static_cast<uint8_t>(buffer.kind));
    w.put<uint16_t>(0);
    w.putInts(buffer.shape);
    w.put<int64_t>(buffer.offset);
    w.put<int64_t>(buffer.index);
    w.put<int64_t>(buffer.isStatic() ? buffer.byteSize() : -1);
  }
  for (const auto *bindings : {&plan.inputs, &plan.outputs}) {
    w.putCount(bindings->size());
    for (const IOBinding &binding : *bindings) {
      w.putString(binding.name);
      w.put<int32_t>(binding.buffer);
      w.putInts(binding.profile.min);
      w.putInts(binding.profile.opt);
      w.putInts(binding.profile.max);
    }
  }
  writeSteps(w, plan.steps);
  w.put<uint8_t>(static_cast<uint8_t>(plan.target.kind));
  w.put<uint8_t>(0);
  w.put<uint16_t>(0);
  w.put<int32_t>(plan.target.computeCapability);
  w.put<int64_t>(plan.arenaSize);
  w.put<uint64_t>(plan.constants.size());
  w.bytes.resize(w.bytes.size() + constantPadding(w.bytes.size()), 0);
  w.bytes.insert(w.bytes.end(), plan.constants.begin(), plan.constants.end());

  Writer file;
  file.bytes.insert(file.bytes.end(), kMagic, kMagic + sizeof(kMagic));
  file.put<uint32_t>(kEngineFormatVersion);
  file.put<uint32_t>(0);
  file.put<uint64_t>(w.bytes.size());
  file.put<uint64_t>(fnv1a64(w.bytes.data(), w.bytes.size()));
  file.bytes.insert(file.bytes.end(), w.bytes.begin(), w.bytes.end());
  return std::move(file.bytes);
}

EnginePlan deserializeEngine(const uint8_t *data, size_t size,
                             const std::string &sourceName) {
  const std::string &name = sourceName;
  if (!data && size != 0)
    fail(name, ": no data");
  if (size >= sizeof(kMagic) && std::memcmp(data, kMagic, sizeof(kMagic)) != 0)
    fail(name, ": not a Kiln engine (bad magic)");
  if (size < kHeaderSize) {
    if (size != 0 && std::memcmp(data, kMagic, std::min(size, sizeof(kMagic))) != 0)
      fail(name, ": not a Kiln engine (bad magic)");
    fail(name, " is truncated: ", size, " bytes, shorter than the ",
         kHeaderSize, "-byte header");
  }
  uint32_t version, reserved;
  uint64_t payloadSize, checksum;
  std::memcpy(&version, data + 8, 4);
  std::memcpy(&reserved, data + 12, 4);
  std::memcpy(&payloadSize, data + 16, 8);
  std::memcpy(&checksum, data + 24, 8);
  if (version != kEngineFormatVersion)
    fail(name, ": unsupported engine format version ", version,
         " (this runtime reads version ", kEngineFormatVersion, ")",
         version < kEngineFormatVersion
             ? "; rebuild the engine with this version's kiln-compile"
             : "");
  if (reserved != 0)
    fail(name, ": reserved header field is ", reserved, ", expected 0");
  size_t available = size - kHeaderSize;
  if (payloadSize > available)
    fail(name, " is truncated: header says ", payloadSize,
         " payload bytes, file has ", available);
  if (payloadSize < available)
    fail(name, " has ", available - payloadSize,
         " unexpected bytes after the payload (header says ", payloadSize,
         " payload bytes)");
  const uint8_t *payload = data + kHeaderSize;
  uint64_t actual = fnv1a64(payload, available);
  if (actual != checksum)
    fail(name, ": checksum mismatch: header says ", hex(checksum),
         ", payload hashes to ", hex(actual));

  Reader reader(payload, available, name);
  EnginePlan plan = decodePayload(reader);
  try {
    plan.validate();
  } catch (const Error &e) {
    fail(name, " holds an invalid plan: ", e.what());
  }
  return plan;
}

EnginePlan deserializeEngine(const uint8_t *data, size_t size) {
  return deserializeEngine(data, size, "engine");
}

void writeEngineFile(const EnginePlan &plan, const std::string &path) {
  std::vector<uint8_t> bytes = serializeEngine(plan);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    fail("cannot open '", path, "' for writing");
  out.write(reinterpret_cast<const char *>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out)
    fail("error writing engine file '", path, "'");
}

static std::vector<uint8_t> readFileBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    fail("cannot open engine file '", path, "'");
  std::streamoff size = in.tellg();
  if (size < 0)
    fail("cannot determine the size of engine file '", path, "'");
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  in.seekg(0);
  in.read(reinterpret_cast<char *>(bytes.data()), size);
  if (!in)
    fail("error reading engine file '", path, "'");
  return bytes;
}

EnginePlan readEngineFile(const std::string &path) {
  std::vector<uint8_t> bytes = readFileBytes(path);
  return deserializeEngine(bytes.data(), bytes.size(),
                           "engine file '" + path + "'");
}

} // namespace kiln
