//===- DType.h - Element types known to the runtime -------------*- C++ -*-===//
#ifndef KILN_RUNTIME_DTYPE_H
#define KILN_RUNTIME_DTYPE_H

#include <cstdint>
#include <optional>
#include <string>

namespace kiln {

/// Element types of engine buffers. The numeric values are part of the engine
/// file format: append new types, never renumber.
enum class DType : uint8_t {
  F32 = 0,
  F16 = 1,
  I32 = 2,
  I64 = 3,
  I1 = 4, // stored as one byte per element, 0 or 1
  I8 = 5,
  BF16 = 6,
};

/// Bytes per stored element.
int64_t dtypeSize(DType type);
/// MLIR spelling: "f32", "f16", "i32", "i64", "i1", "i8", "bf16".
const char *dtypeName(DType type);
/// Inverse of dtypeName; nullopt for an unknown name.
std::optional<DType> dtypeFromName(const std::string &name);
bool isFloat(DType type);

} // namespace kiln

#endif // KILN_RUNTIME_DTYPE_H
