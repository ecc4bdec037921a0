//===- DType.h - Element types known to the runtime -------------*- C++ -*-===//
#ifndef KILN_RUNTIME_DTYPE_H
#define KILN_RUNTIME_DTYPE_H

#include <cstdint>
#include <optional>
#include <string>

namespace kiln {

/// Element types of engine buffers. The numeric values are part of the engine
/// file format: append new types, never renumber.
///
/// I4 and F4E2M1FN are packed two elements per byte: element 2k lives in the
/// low nibble of byte k, element 2k+1 in its high nibble; an odd count leaves
/// the last byte's high nibble zero. Every other type is byte-addressable.
enum class DType : uint8_t {
  F32 = 0,
  F16 = 1,
  I32 = 2,
  I64 = 3,
  I1 = 4, // stored as one byte per element, 0 or 1
  I8 = 5,
  BF16 = 6,
  F8E4M3FN = 7, // 1 sign, 4 exponent (bias 7), 3 mantissa bits; no inf
  I4 = 8,       // two's complement, packed two per byte
  F4E2M1FN = 9, // 1 sign, 2 exponent (bias 1), 1 mantissa bit; packed
  UI8 = 10,
};

/// The highest valid code, for range checks of serialized dtypes.
constexpr DType kLastDType = DType::UI8;

/// Bits per stored element: 4 for the packed types, else 8 × bytes.
int64_t dtypeBits(DType type);
/// True for the sub-byte types packed two per byte (I4, F4E2M1FN).
bool isPacked(DType type);
/// Bytes per stored element of a byte-addressable type. Packed types have no
/// whole-byte element size: this throws kiln::Error for them, so code that
/// moves elements byte-wise fails loudly instead of corrupting nibbles. Use
/// dtypeByteSize for buffer sizes.
int64_t dtypeSize(DType type);
/// Bytes that `count` elements occupy: count × dtypeSize, or ceil(count / 2)
/// for the packed types.
int64_t dtypeByteSize(DType type, int64_t count);
/// MLIR spelling: "f32", "f16", "i32", "i64", "i1", "i8", "bf16", "f8E4M3FN",
/// "i4", "f4E2M1FN", "ui8".
const char *dtypeName(DType type);
/// Inverse of dtypeName; nullopt for an unknown name.
std::optional<DType> dtypeFromName(const std::string &name);
/// True for every floating-point type, including f8E4M3FN and f4E2M1FN.
bool isFloat(DType type);

} // namespace kiln

#endif // KILN_RUNTIME_DTYPE_H
