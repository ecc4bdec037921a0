//===- DType.cpp - Element types known to the runtime ---------------------===//
#include "kiln/Runtime/DType.h"

#include "kiln/Runtime/Error.h"

namespace kiln {

int64_t dtypeBits(DType type) {
  switch (type) {
  case DType::I64:
    return 64;
  case DType::F32:
  case DType::I32:
    return 32;
  case DType::F16:
  case DType::BF16:
    return 16;
  case DType::I1:
  case DType::I8:
  case DType::UI8:
  case DType::F8E4M3FN:
    return 8;
  case DType::I4:
  case DType::F4E2M1FN:
    return 4;
  }
  return 0;
}

bool isPacked(DType type) { return dtypeBits(type) == 4; }

int64_t dtypeSize(DType type) {
  if (isPacked(type))
    fail(dtypeName(type),
         " is packed two elements per byte and has no whole-byte element "
         "size");
  return dtypeBits(type) / 8;
}

int64_t dtypeByteSize(DType type, int64_t count) {
  if (isPacked(type))
    return (count + 1) / 2;
  return count * (dtypeBits(type) / 8);
}

const char *dtypeName(DType type) {
  switch (type) {
  case DType::F32:
    return "f32";
  case DType::F16:
    return "f16";
  case DType::I32:
    return "i32";
  case DType::I64:
    return "i64";
  case DType::I1:
    return "i1";
  case DType::I8:
    return "i8";
  case DType::BF16:
    return "bf16";
  case DType::F8E4M3FN:
    return "f8E4M3FN";
  case DType::I4:
    return "i4";
  case DType::F4E2M1FN:
    return "f4E2M1FN";
  case DType::UI8:
    return "ui8";
  }
  return "<invalid dtype>";
}

std::optional<DType> dtypeFromName(const std::string &name) {
  for (uint8_t code = 0; code <= static_cast<uint8_t>(kLastDType); ++code) {
    DType type = static_cast<DType>(code);
    if (name == dtypeName(type))
      return type;
  }
  return std::nullopt;
}

bool isFloat(DType type) {
  return type == DType::F32 || type == DType::F16 || type == DType::BF16 ||
         type == DType::F8E4M3FN || type == DType::F4E2M1FN;
}

} // namespace kiln
