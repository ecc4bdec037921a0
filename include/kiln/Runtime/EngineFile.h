//===- EngineFile.h - The .kiln file format ---------------------*- C++ -*-===//
//
// Serialized engine: magic "KILNENG\0", format version, payload size,
// payload checksum (FNV-1a 64), then the payload. The reader checks every
// field before trusting it (magic, version, sizes, offsets in bounds,
// checksum) and throws kiln::Error naming the first thing that is wrong.
// docs/engine-format.md is the byte-level description.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_ENGINEFILE_H
#define KILN_RUNTIME_ENGINEFILE_H

#include "kiln/Runtime/EnginePlan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

/// Version 2 added dynamic dimensions (-1) and input shape profiles; version
/// 3 added regions to steps (control flow); version 4 the target (cpu, or
/// cuda with a compute capability); version 5 a backend per step.
constexpr uint32_t kEngineFormatVersion = 5;

std::vector<uint8_t> serializeEngine(const EnginePlan &plan);
EnginePlan deserializeEngine(const uint8_t *data, size_t size);
/// As above; `sourceName` starts every error message (e.g. "engine file
/// 'x.kiln'").
EnginePlan deserializeEngine(const uint8_t *data, size_t size,
                             const std::string &sourceName);

void writeEngineFile(const EnginePlan &plan, const std::string &path);
EnginePlan readEngineFile(const std::string &path);

} // namespace kiln

#endif // KILN_RUNTIME_ENGINEFILE_H
