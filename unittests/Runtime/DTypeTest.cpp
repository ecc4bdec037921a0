//===- DTypeTest.cpp - Packed and narrow element types --------------------===//
#include "TestUtils.h"
#include "kiln/Runtime/EngineFile.h"
#include "kiln/Runtime/MiniFloat.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;
using namespace kiln::test;

namespace {

TEST(DType, ByteSizesOfPackedAndByteTypes) {
  EXPECT_EQ(dtypeByteSize(DType::I4, 0), 0);
  EXPECT_EQ(dtypeByteSize(DType::I4, 1), 1);
  EXPECT_EQ(dtypeByteSize(DType::I4, 2), 1);
  EXPECT_EQ(dtypeByteSize(DType::I4, 7), 4);
  EXPECT_EQ(dtypeByteSize(DType::F4E2M1FN, 33), 17);
  EXPECT_EQ(dtypeByteSize(DType::F8E4M3FN, 5), 5);
  EXPECT_EQ(dtypeByteSize(DType::UI8, 5), 5);
  EXPECT_EQ(dtypeByteSize(DType::F32, 5), 20);
  EXPECT_EQ(dtypeBits(DType::I4), 4);
  EXPECT_TRUE(isPacked(DType::F4E2M1FN));
  EXPECT_FALSE(isPacked(DType::F8E4M3FN));
  // Byte-wise element moves must not silently split nibbles.
  EXPECT_NE(errorOf([] { dtypeSize(DType::I4); }).find("packed"),
            std::string::npos);
  HostTensor t(DType::I4, {3, 3});
  EXPECT_EQ(t.byteSize(), 5);
  BufferDesc buffer;
  buffer.dtype = DType::F4E2M1FN;
  buffer.shape = {5};
  EXPECT_EQ(buffer.byteSize(), 3);
}

TEST(DType, NamesRoundTrip) {
  for (DType type : {DType::F8E4M3FN, DType::I4, DType::F4E2M1FN, DType::UI8,
                     DType::BF16, DType::I1})
    EXPECT_EQ(dtypeFromName(dtypeName(type)), type);
  EXPECT_EQ(static_cast<int>(DType::F8E4M3FN), 7);
  EXPECT_EQ(static_cast<int>(DType::UI8), 10);
}

TEST(DType, NarrowFloatConversions) {
  EXPECT_EQ(floatToF8E4M3FN(448.0f), 0x7e);
  EXPECT_EQ(floatToF8E4M3FN(1e9f), 0x7e);      // saturates
  EXPECT_EQ(floatToF8E4M3FN(-INFINITY), 0xfe); // saturates, keeps the sign
  EXPECT_EQ(floatToF8E4M3FN(NAN), 0x7f);
  EXPECT_EQ(floatToF8E4M3FN(std::ldexp(1.0f, -9)), 0x01); // smallest subnormal
  EXPECT_EQ(floatToF8E4M3FN(std::ldexp(1.0f, -10)), 0x00); // tie to even (0)
  EXPECT_EQ(floatToF8E4M3FN(1.0625f), 0x38);  // 1 + 1/16: tie to even (1.0)
  EXPECT_EQ(floatToF8E4M3FN(1.1875f), 0x3a);  // 1 + 3/16: tie to even (1.25)
  for (int code = 0; code < 256; ++code) {
    if ((code & 0x7f) == 0x7f)
      continue;
    EXPECT_EQ(floatToF8E4M3FN(f8E4M3FNToFloat(uint8_t(code))), code);
  }
  for (int code = 0; code < 16; ++code)
    EXPECT_EQ(floatToF4E2M1FN(f4E2M1FNToFloat(uint8_t(code))),
              code == 8 ? 8 : code);
  EXPECT_EQ(f4E2M1FNToFloat(floatToF4E2M1FN(5.0f)), 4.0f); // tie to even
  EXPECT_EQ(f4E2M1FNToFloat(floatToF4E2M1FN(-100.0f)), -6.0f);
  EXPECT_EQ(f4E2M1FNToFloat(floatToF4E2M1FN(0.25f)), 0.0f);
}

TEST(DType, I4ConstantSurvivesTheEngineFile) {
  // [-8, 7, -1, 0, 3] packed low nibble first: 0x78, 0x0f, 0x03.
  HostTensor packed =
      makeTensor<uint8_t>(DType::I4, {5}, {0x78, 0x0f, 0x03});
  PlanBuilder b;
  int32_t scale = b.input("scale", DType::F32, {});
  int32_t weights = b.constant(packed);
  int32_t y = b.arena(DType::F32, {5});
  b.step("dequantize", {weights, scale}, {y});
  b.output("y", y);

  std::vector<uint8_t> bytes = serializeEngine(b.plan);
  EnginePlan back = deserializeEngine(bytes.data(), bytes.size());
  ASSERT_EQ(back.buffers[weights].dtype, DType::I4);
  EXPECT_EQ(back.buffers[weights].byteSize(), 3);
  HostTensor two = f32({}, {2.0f});
  std::vector<HostTensor> out = runPlan(back, {&two});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(values<float>(out[0]),
            (std::vector<float>{-16, 14, -2, 0, 6}));
}

} // namespace
