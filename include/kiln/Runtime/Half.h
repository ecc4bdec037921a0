//===- Half.h - IEEE binary16 and bfloat16 conversions ----------*- C++ -*-===//
//
// Bit-level conversions between f32 and the two 16-bit float formats. f32 ->
// 16-bit rounds to nearest, ties to even; overflow becomes infinity and NaN
// stays NaN (quiet).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_HALF_H
#define KILN_RUNTIME_HALF_H

#include <cstdint>
#include <cstring>

namespace kiln {

inline uint32_t floatBits(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return bits;
}

inline float floatFromBits(uint32_t bits) {
  float value;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

inline float halfToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  uint32_t exponent = (h >> 10) & 0x1fu;
  uint32_t mantissa = h & 0x3ffu;
  if (exponent == 0x1f) // infinity or NaN
    return floatFromBits(sign | 0x7f800000u | (mantissa << 13));
  if (exponent == 0) {
    if (mantissa == 0)
      return floatFromBits(sign);
    // Subnormal half: value is mantissa * 2^-24, exactly representable in f32.
    float magnitude = static_cast<float>(mantissa) * 5.9604644775390625e-8f;
    return sign ? -magnitude : magnitude;
  }
  return floatFromBits(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

inline uint16_t floatToHalf(float value) {
  uint32_t bits = floatBits(value);
  uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
  uint32_t magnitude = bits & 0x7fffffffu;
  if (magnitude > 0x7f800000u) // NaN: keep it quiet and non-zero
    return static_cast<uint16_t>(sign | 0x7e00u | ((magnitude >> 13) & 0x3ffu));
  if (magnitude >= 0x477ff000u) // rounds to >= 65520: infinity
    return static_cast<uint16_t>(sign | 0x7c00u);
  if (magnitude < 0x38800000u) {
    // Result is subnormal (or zero) in half: scale to units of 2^-24 and round
    // to nearest even using the f32 adder, which does exactly that.
    float scaled = floatFromBits(magnitude) * 16777216.0f; // * 2^24
    // Adding 2^23 forces rounding at the units place (nearest even).
    float rounded = (scaled + 8388608.0f) - 8388608.0f;
    return static_cast<uint16_t>(sign | static_cast<uint16_t>(rounded));
  }
  // Normal: rebias the exponent and round the 13 dropped mantissa bits.
  uint32_t halfBits = (magnitude - 0x38000000u) >> 13;
  uint32_t dropped = magnitude & 0x1fffu;
  if (dropped > 0x1000u || (dropped == 0x1000u && (halfBits & 1u)))
    ++halfBits; // may carry into the exponent, which is still correct
  return static_cast<uint16_t>(sign | halfBits);
}

inline float bfloat16ToFloat(uint16_t b) {
  return floatFromBits(static_cast<uint32_t>(b) << 16);
}

inline uint16_t floatToBfloat16(float value) {
  uint32_t bits = floatBits(value);
  if ((bits & 0x7fffffffu) > 0x7f800000u) // NaN: keep it quiet
    return static_cast<uint16_t>((bits >> 16) | 0x40u);
  uint32_t roundingBias = 0x7fffu + ((bits >> 16) & 1u);
  return static_cast<uint16_t>((bits + roundingBias) >> 16);
}

} // namespace kiln

#endif // KILN_RUNTIME_HALF_H
