//===- Npy.cpp - Reading and writing NumPy .npy files ---------------------===//
//
// The .npy format: magic "\x93NUMPY", major/minor version, a little-endian
// header length (2 bytes in v1, 4 in v2/v3), then an ASCII Python dict literal
// {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), } padded with
// spaces and ending in '\n', then the raw data.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Npy.h"
#include "kiln/Runtime/Error.h"

#include <cctype>
#include <cstring>
#include <fstream>
#include <limits>

namespace kiln {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;
constexpr size_t kMaxHeaderLength = 1 << 20;

struct DTypeSpelling {
  const char *descr;
  DType dtype;
};
constexpr DTypeSpelling kDTypes[] = {
    {"<f4", DType::F32}, {"<f2", DType::F16}, {"<i4", DType::I32},
    {"<i8", DType::I64}, {"|b1", DType::I1},  {"|i1", DType::I8},
    {"|u1", DType::UI8},
};

/// A tiny scanner over the header dict; only what numpy writes is accepted.
class HeaderParser {
public:
  HeaderParser(const std::string &text, const std::string &path)
      : text_(text), path_(path) {}

  [[noreturn]] void error(const std::string &what) const {
    fail("'", path_, "' has a malformed .npy header: ", what, " (header: ",
         text_.substr(0, 200), ")");
  }

  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool consume(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!consume(c))
      error(std::string("expected '") + c + "'");
  }
  std::string parseString() {
    skipSpace();
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
      error("expected a quoted string");
    char quote = text_[pos_++];
    size_t end = text_.find(quote, pos_);
    if (end == std::string::npos)
      error("unterminated string");
    std::string value = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return value;
  }
  bool parseBool() {
    skipSpace();
    for (const char *word : {"True", "False"}) {
      size_t n = std::strlen(word);
      if (text_.compare(pos_, n, word) == 0) {
        pos_ += n;
        return word[0] == 'T';
      }
    }
    error("expected True or False");
  }
  int64_t parseInt() {
    skipSpace();
    size_t begin = pos_;
    int64_t value = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      int digit = text_[pos_++] - '0';
      if (value > (std::numeric_limits<int64_t>::max() - digit) / 10)
        error("dimension is too large");
      value = value * 10 + digit;
    }
    if (pos_ == begin)
      error("expected a non-negative integer dimension");
    if (pos_ < text_.size() && text_[pos_] == 'L') // Python 2 long suffix
      ++pos_;
    return value;
  }
  std::vector<int64_t> parseShape() {
    expect('(');
    std::vector<int64_t> shape;
    while (!consume(')')) {
      if (shape.size() >= 64)
        error("too many dimensions");
      shape.push_back(parseInt());
      if (!consume(',')) {
        expect(')');
        break;
      }
    }
    return shape;
  }

  void parse(std::string &descr, bool &fortranOrder,
             std::vector<int64_t> &shape) {
    bool sawDescr = false, sawOrder = false, sawShape = false;
    expect('{');
    while (!consume('}')) {
      std::string key = parseString();
      expect(':');
      if (key == "descr") {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '[')
          error("structured dtypes are not supported");
        descr = parseString();
        sawDescr = true;
      } else if (key == "fortran_order") {
        fortranOrder = parseBool();
        sawOrder = true;
      } else if (key == "shape") {
        shape = parseShape();
        sawShape = true;
      } else {
        error("unexpected key '" + key + "'");
      }
      if (!consume(',')) {
        expect('}');
        break;
      }
    }
    if (!sawDescr || !sawOrder || !sawShape)
      error("missing one of 'descr', 'fortran_order', 'shape'");
  }

private:
  const std::string &text_;
  const std::string &path_;
  size_t pos_ = 0;
};

DType parseDescr(const std::string &descr, const std::string &path) {
  for (const DTypeSpelling &entry : kDTypes)
    if (descr == entry.descr)
      return entry.dtype;
  // One-byte types are written with '|' but '<' means the same.
  if (descr == "<b1")
    return DType::I1;
  if (descr == "<i1")
    return DType::I8;
  if (descr == "<u1")
    return DType::UI8;
  if (!descr.empty() && descr[0] == '>')
    fail("'", path, "' holds big-endian data ('", descr,
         "'); only little-endian .npy files are supported");
  fail("'", path, "' has unsupported dtype '", descr,
       "' (supported: <f4, <f2, <i4, <i8, |b1, |i1, |u1)");
}

const char *descrOf(DType dtype) {
  for (const DTypeSpelling &entry : kDTypes)
    if (entry.dtype == dtype)
      return entry.descr;
  return nullptr;
}

} // namespace

HostTensor readNpy(const std::string &path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    fail("cannot open .npy file '", path, "'");
  std::streamoff fileSize = in.tellg();
  in.seekg(0);
  if (fileSize < 10)
    fail("'", path, "' is not a .npy file (too short: ", fileSize, " bytes)");
  char prefix[10];
  in.read(prefix, 10);
  if (!in || std::memcmp(prefix, kMagic, kMagicSize) != 0)
    fail("'", path, "' is not a .npy file (bad magic)");
  uint8_t major = static_cast<uint8_t>(prefix[6]);
  if (major < 1 || major > 3)
    fail("'", path, "' has unsupported .npy format version ", int(major), ".",
         int(static_cast<uint8_t>(prefix[7])));
  uint64_t headerLength;
  size_t preambleSize;
  if (major == 1) {
    headerLength = static_cast<uint8_t>(prefix[8]) |
                   (static_cast<uint16_t>(static_cast<uint8_t>(prefix[9])) << 8);
    preambleSize = 10;
  } else {
    char more[2];
    in.read(more, 2);
    if (!in)
      fail("'", path, "' is truncated in its .npy header");
    uint8_t raw[4] = {static_cast<uint8_t>(prefix[8]),
                      static_cast<uint8_t>(prefix[9]),
                      static_cast<uint8_t>(more[0]),
                      static_cast<uint8_t>(more[1])};
    headerLength = raw[0] | (raw[1] << 8) | (raw[2] << 16) |
                   (static_cast<uint64_t>(raw[3]) << 24);
    preambleSize = 12;
  }
  if (headerLength > kMaxHeaderLength ||
      static_cast<uint64_t>(fileSize) < preambleSize + headerLength)
    fail("'", path, "' is truncated: header length ", headerLength,
         " exceeds the file size ", fileSize);
  std::string header(static_cast<size_t>(headerLength), '\0');
  in.read(&header[0], static_cast<std::streamsize>(headerLength));
  if (!in)
    fail("error reading the .npy header of '", path, "'");

  std::string descr;
  bool fortranOrder = false;
  std::vector<int64_t> shape;
  HeaderParser(header, path).parse(descr, fortranOrder, shape);
  DType dtype = parseDescr(descr, path);
  if (fortranOrder)
    fail("'", path, "' is in Fortran order; only C-order .npy files are "
                    "supported (use numpy.ascontiguousarray)");

  uint64_t dataBytes = static_cast<uint64_t>(dtypeSize(dtype));
  for (int64_t dim : shape) {
    if (dim != 0 && dataBytes > static_cast<uint64_t>(fileSize) / dim)
      fail("'", path, "' is truncated: shape needs more data than the file "
                      "holds");
    dataBytes *= static_cast<uint64_t>(dim);
  }
  uint64_t available = static_cast<uint64_t>(fileSize) - preambleSize - headerLength;
  if (available < dataBytes)
    fail("'", path, "' is truncated: ", describeType(dtype, shape), " needs ",
         dataBytes, " data bytes, the file has ", available);

  HostTensor tensor(dtype, shape);
  if (dataBytes != 0) {
    in.read(static_cast<char *>(tensor.data()),
            static_cast<std::streamsize>(dataBytes));
    if (!in)
      fail("error reading the data of '", path, "'");
  }
  if (dtype == DType::I1) { // normalize bools to 0/1
    auto *bytes = static_cast<uint8_t *>(tensor.data());
    for (uint64_t i = 0; i < dataBytes; ++i)
      bytes[i] = bytes[i] != 0;
  }
  return tensor;
}

void writeNpy(const std::string &path, const HostTensor &tensor) {
  const char *descr = descrOf(tensor.dtype());
  // bf16, f8E4M3FN, i4 and f4E2M1FN have no standard numpy dtype (ml_dtypes'
  // types save as opaque void records), so they are refused rather than
  // silently written as bytes of another type.
  if (!descr)
    fail("cannot write ", dtypeName(tensor.dtype()), " tensor to '", path,
         "': .npy has no standard spelling for it; cast it to f32 first");
  std::string header = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': (";
  const std::vector<int64_t> &shape = tensor.shape();
  for (size_t i = 0; i < shape.size(); ++i)
    header += (i ? ", " : "") + std::to_string(shape[i]);
  if (shape.size() == 1)
    header += ","; // a Python 1-tuple
  header += "), }";
  // Pad with spaces so that the data starts at a multiple of 64 bytes; a
  // header too long for v1's 16-bit length moves to v2's 32-bit one.
  bool v2 = header.size() + 1 + 10 + 63 > 0xffff;
  size_t preambleSize = v2 ? 12 : 10;
  size_t total = preambleSize + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string preamble(kMagic, kMagicSize);
  preamble += static_cast<char>(v2 ? 2 : 1);
  preamble += '\0';
  uint32_t length = static_cast<uint32_t>(header.size());
  preamble += static_cast<char>(length & 0xff);
  preamble += static_cast<char>((length >> 8) & 0xff);
  if (v2) {
    preamble += static_cast<char>((length >> 16) & 0xff);
    preamble += static_cast<char>((length >> 24) & 0xff);
  }

  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    fail("cannot open '", path, "' for writing");
  out.write(preamble.data(), static_cast<std::streamsize>(preamble.size()));
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(static_cast<const char *>(tensor.data()),
            static_cast<std::streamsize>(tensor.byteSize()));
  out.close();
  if (!out)
    fail("error writing '", path, "'");
}

} // namespace kiln
