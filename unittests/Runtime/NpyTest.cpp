//===- NpyTest.cpp - .npy reading and writing -----------------------------===//
#include "TestUtils.h"
#include "kiln/Runtime/Npy.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

using namespace kiln;
using namespace kiln::test;

namespace {

std::string tempPath(const std::string &name) {
  return ::testing::TempDir() + name;
}

/// Writes a .npy file with the given version, header text and data bytes.
void writeRawNpy(const std::string &path, int major, std::string header,
                 const std::string &data) {
  header += '\n';
  std::string preamble = std::string("\x93NUMPY", 6);
  preamble += static_cast<char>(major);
  preamble += '\0';
  uint32_t length = static_cast<uint32_t>(header.size());
  preamble += static_cast<char>(length & 0xff);
  preamble += static_cast<char>(length >> 8);
  if (major >= 2) {
    preamble += static_cast<char>(length >> 16);
    preamble += static_cast<char>(length >> 24);
  }
  std::ofstream out(path, std::ios::binary);
  out << preamble << header << data;
}

TEST(Npy, RoundTripsEverySupportedDType) {
  std::vector<HostTensor> tensors;
  tensors.push_back(f32({2, 3}, {1, 2, 3, 4, 5, 6}));
  tensors.push_back(f16({3}, {0.5f, -2, 65504}));
  tensors.push_back(i32({}, {42}));
  tensors.push_back(i64({2, 1}, {-1, int64_t(1) << 40}));
  tensors.push_back(i1({4}, {1, 0, 0, 1}));
  tensors.push_back(makeTensor<int8_t>(DType::I8, {2}, {-128, 127}));
  tensors.push_back(f32({0, 4}, {}));
  for (const HostTensor &t : tensors) {
    std::string path = tempPath("kiln_roundtrip.npy");
    writeNpy(path, t);
    HostTensor back = readNpy(path);
    EXPECT_EQ(back.dtype(), t.dtype());
    EXPECT_EQ(back.shape(), t.shape());
    EXPECT_EQ(values<uint8_t>(back), values<uint8_t>(t))
        << describeType(t.dtype(), t.shape());
    // The data starts at a 64-byte boundary, as numpy writes it.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    EXPECT_EQ((static_cast<int64_t>(in.tellg()) - t.byteSize()) % 64, 0);
    std::remove(path.c_str());
  }
}

TEST(Npy, ReadsVersion2HeadersAndNumpySpacing) {
  std::string path = tempPath("kiln_v2.npy");
  int32_t data[3] = {7, 8, 9};
  writeRawNpy(path, 2, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }",
              std::string(reinterpret_cast<char *>(data), sizeof(data)));
  HostTensor t = readNpy(path);
  EXPECT_EQ(t.shape(), (std::vector<int64_t>{3}));
  EXPECT_EQ(values<int32_t>(t), (std::vector<int32_t>{7, 8, 9}));
  std::remove(path.c_str());
}

TEST(Npy, MalformedFilesAreRefusedWithTheirName) {
  std::string path = tempPath("kiln_bad.npy");
  struct Case {
    int major;
    std::string header;
    std::string data;
    std::string expected;
  };
  std::string eightBytes(8, '\0');
  std::vector<Case> cases = {
      {1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }",
       eightBytes, "Fortran order"},
      {1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
       eightBytes, "big-endian"},
      {1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }",
       eightBytes, "unsupported dtype '<c8'"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
       eightBytes, "truncated"},
      {1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, }",
       eightBytes, "malformed .npy header"},
      {1, "{'descr': '<f4', 'shape': (2,), }", eightBytes,
       "malformed .npy header"},
      {7, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
       eightBytes, "unsupported .npy format version 7"},
  };
  for (const Case &c : cases) {
    writeRawNpy(path, c.major, c.header, c.data);
    std::string message = errorOf([&] { readNpy(path); });
    EXPECT_NE(message.find(c.expected), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
  }
  std::ofstream(path, std::ios::binary) << "not numpy at all";
  EXPECT_NE(errorOf([&] { readNpy(path); }).find("bad magic"),
            std::string::npos);
  std::remove(path.c_str());
  EXPECT_NE(errorOf([&] { readNpy(path); }).find("cannot open"),
            std::string::npos);
}

} // namespace
