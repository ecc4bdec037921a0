//===- DType.cpp - Element types known to the runtime ---------------------===//
#include "kiln/Runtime/DType.h"

namespace kiln {

int64_t dtypeSize(DType type) {
  switch (type) {
  case DType::F32:
  case DType::I32:
    return 4;
  case DType::F16:
  case DType::BF16:
    return 2;
  case DType::I64:
    return 8;
  case DType::I1:
  case DType::I8:
    return 1;
  }
  return 0;
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
  }
  return "<invalid dtype>";
}

std::optional<DType> dtypeFromName(const std::string &name) {
  for (DType type : {DType::F32, DType::F16, DType::I32, DType::I64, DType::I1,
                     DType::I8, DType::BF16})
    if (name == dtypeName(type))
      return type;
  return std::nullopt;
}

bool isFloat(DType type) {
  return type == DType::F32 || type == DType::F16 || type == DType::BF16;
}

} // namespace kiln
