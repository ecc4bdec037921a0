//===- MiniFloat.h - f8E4M3FN, f4E2M1FN and packed nibbles ------*- C++ -*-===//
//
// Conversions between f32 and the two narrow float formats, and access to
// the packed sub-byte types (DType.h: element 2k in the low nibble of byte k).
//
// f32 -> narrow float rounds to nearest, ties to even, and saturates: any
// magnitude beyond the largest finite value (448 for f8E4M3FN, 6 for
// f4E2M1FN), infinity included, becomes that value with the input's sign.
// NaN becomes f8E4M3FN's NaN (0x7f, sign kept); f4E2M1FN has no NaN, so NaN
// becomes +0.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_MINIFLOAT_H
#define KILN_RUNTIME_MINIFLOAT_H

#include <cmath>
#include <cstdint>

namespace kiln {

namespace detail {
/// A float format with no infinities: `mantissaBits` fraction bits,
/// exponent bias `bias`, and `maxFinite` its largest value.
struct MiniFloatFormat {
  int mantissaBits;
  int bias;
  double maxFinite;
};
constexpr MiniFloatFormat kF8E4M3FN{3, 7, 448.0};
constexpr MiniFloatFormat kF4E2M1FN{1, 1, 6.0};

/// Code of |value| (not NaN), rounded to nearest even and saturated.
inline uint8_t encodeMagnitude(double magnitude, MiniFloatFormat format) {
  if (magnitude >= format.maxFinite)
    magnitude = format.maxFinite;
  const int minExponent = 1 - format.bias; // exponent of the smallest normal
  int exponent;
  std::frexp(magnitude, &exponent); // magnitude = f * 2^exponent, f in [.5,1)
  exponent -= 1;                    // now magnitude = g * 2^exponent, g in [1,2)
  if (magnitude == 0.0 || exponent < minExponent)
    exponent = minExponent; // subnormal range: fixed spacing
  // Units of the last place at this exponent; nearbyint rounds half to even
  // (the default rounding mode), and scaling by powers of two is exact.
  double ulp = std::ldexp(1.0, exponent - format.mantissaBits);
  double units = std::nearbyint(magnitude / ulp);
  // `units` is in [0, 2^(m+1)]; 2^(m+1) carries into the next exponent, which
  // the code arithmetic below handles by construction.
  int64_t steps = static_cast<int64_t>(units);
  int64_t code;
  if (exponent == minExponent && steps < (int64_t(1) << format.mantissaBits))
    code = steps; // subnormal (or zero)
  else
    code = (static_cast<int64_t>(exponent + format.bias) << format.mantissaBits) +
           (steps - (int64_t(1) << format.mantissaBits));
  return static_cast<uint8_t>(code);
}

inline double decodeMagnitude(uint8_t code, MiniFloatFormat format) {
  int exponentField = code >> format.mantissaBits;
  int mantissa = code & ((1 << format.mantissaBits) - 1);
  if (exponentField == 0)
    return std::ldexp(static_cast<double>(mantissa),
                      1 - format.bias - format.mantissaBits);
  return std::ldexp(1.0 + std::ldexp(static_cast<double>(mantissa),
                                     -format.mantissaBits),
                    exponentField - format.bias);
}
} // namespace detail

inline uint8_t floatToF8E4M3FN(float value) {
  if (std::isnan(value))
    return std::signbit(value) ? 0xff : 0x7f;
  uint8_t code = detail::encodeMagnitude(std::fabs(value), detail::kF8E4M3FN);
  return std::signbit(value) ? static_cast<uint8_t>(code | 0x80) : code;
}

inline float f8E4M3FNToFloat(uint8_t code) {
  if ((code & 0x7f) == 0x7f)
    return std::nanf("");
  float magnitude =
      static_cast<float>(detail::decodeMagnitude(code & 0x7f, detail::kF8E4M3FN));
  return code & 0x80 ? -magnitude : magnitude;
}

/// A 4-bit code in the low nibble.
inline uint8_t floatToF4E2M1FN(float value) {
  if (std::isnan(value))
    return 0;
  uint8_t code = detail::encodeMagnitude(std::fabs(value), detail::kF4E2M1FN);
  return std::signbit(value) ? static_cast<uint8_t>(code | 0x8) : code;
}

inline float f4E2M1FNToFloat(uint8_t code) {
  float magnitude =
      static_cast<float>(detail::decodeMagnitude(code & 0x7, detail::kF4E2M1FN));
  return code & 0x8 ? -magnitude : magnitude;
}

/// The 4-bit field of element `index` of packed data (unsigned).
inline uint8_t loadNibble(const void *data, int64_t index) {
  uint8_t byte = static_cast<const uint8_t *>(data)[index / 2];
  return index % 2 ? static_cast<uint8_t>(byte >> 4)
                   : static_cast<uint8_t>(byte & 0xf);
}

/// Writes the low 4 bits of `nibble` as element `index`, keeping the other.
inline void storeNibble(void *data, int64_t index, uint8_t nibble) {
  uint8_t &byte = static_cast<uint8_t *>(data)[index / 2];
  nibble &= 0xf;
  byte = index % 2 ? static_cast<uint8_t>((byte & 0x0f) | (nibble << 4))
                   : static_cast<uint8_t>((byte & 0xf0) | nibble);
}

/// Sign-extends a two's-complement i4 nibble.
inline int8_t i4FromNibble(uint8_t nibble) {
  return static_cast<int8_t>(nibble & 0x8 ? int(nibble & 0xf) - 16
                                          : int(nibble & 0xf));
}

} // namespace kiln

#endif // KILN_RUNTIME_MINIFLOAT_H
