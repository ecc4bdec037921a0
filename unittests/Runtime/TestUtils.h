//===- TestUtils.h - Helpers for runtime unit tests -------------*- C++ -*-===//
#ifndef KILN_UNITTESTS_RUNTIME_TESTUTILS_H
#define KILN_UNITTESTS_RUNTIME_TESTUTILS_H

#include "kiln/Runtime/Engine.h"
#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Half.h"
#include "kiln/Runtime/Tensor.h"

#include <cstring>
#include <string>
#include <vector>

namespace kiln::test {

/// Builds EnginePlans by hand; arena buffers are bump-allocated (64-byte
/// aligned) unless an explicit offset is given.
class PlanBuilder {
public:
  EnginePlan plan;

  int32_t input(const std::string &name, DType dtype, std::vector<int64_t> shape);
  int32_t constant(const HostTensor &value);
  int32_t arena(DType dtype, std::vector<int64_t> shape, int64_t offset = -1);
  void step(const std::string &kernel, std::vector<int32_t> operands,
            std::vector<int32_t> results, AttrMap attrs = {},
            const std::string &location = "");
  void output(const std::string &name, int32_t buffer);
};

template <typename T>
HostTensor makeTensor(DType dtype, std::vector<int64_t> shape,
                      const std::vector<T> &values) {
  HostTensor tensor(dtype, std::move(shape));
  if (static_cast<int64_t>(values.size() * sizeof(T)) != tensor.byteSize())
    fail("makeTensor: ", values.size(), " values do not fill ",
         describeType(tensor.dtype(), tensor.shape()));
  if (!values.empty())
    std::memcpy(tensor.data(), values.data(), values.size() * sizeof(T));
  return tensor;
}

inline HostTensor f32(std::vector<int64_t> shape, const std::vector<float> &v) {
  return makeTensor(DType::F32, std::move(shape), v);
}
inline HostTensor i32(std::vector<int64_t> shape, const std::vector<int32_t> &v) {
  return makeTensor(DType::I32, std::move(shape), v);
}
inline HostTensor i64(std::vector<int64_t> shape, const std::vector<int64_t> &v) {
  return makeTensor(DType::I64, std::move(shape), v);
}
inline HostTensor i1(std::vector<int64_t> shape, const std::vector<uint8_t> &v) {
  return makeTensor(DType::I1, std::move(shape), v);
}
HostTensor f16(std::vector<int64_t> shape, const std::vector<float> &v);

template <typename T> std::vector<T> values(const HostTensor &tensor) {
  std::vector<T> result(static_cast<size_t>(tensor.byteSize()) / sizeof(T));
  if (!result.empty())
    std::memcpy(result.data(), tensor.data(), result.size() * sizeof(T));
  return result;
}
std::vector<float> f16Values(const HostTensor &tensor);

/// Runs a one-step plan: every tensor in `inputs` is an engine input, the
/// step writes one arena result of `resultType`/`resultShape`.
HostTensor runKernel(const std::string &kernel,
                     const std::vector<const HostTensor *> &inputs,
                     DType resultType, std::vector<int64_t> resultShape,
                     AttrMap attrs = {});

/// Runs `plan` on `inputs` through Engine + ExecutionContext.
std::vector<HostTensor> runPlan(const EnginePlan &plan,
                                const std::vector<const HostTensor *> &inputs);

/// An engine file's bytes.
using Bytes = std::vector<uint8_t>;

/// Recomputes the payload checksum of an engine file whose payload bytes a
/// test changed, so that the reader checks the content, not the checksum.
void reseal(Bytes &bytes);

/// The message of loading `bytes` as an engine, or "" if it loads.
std::string loadError(const Bytes &bytes);

/// Changes 1 to `maxFlips` random payload bytes of `bytes` per attempt
/// (seeded by `seed`), re-seals them, and loads, constructs and runs (on
/// zero inputs) whatever loads; engines with buffers of 16 MiB or more are
/// only loaded. Every attempt must load or throw kiln::Error; any other
/// outcome fails the test. Returns how many attempts were refused.
int refusedCorruptions(const Bytes &bytes, unsigned seed, int attempts,
                       int maxFlips);

/// The message of the kiln::Error that `fn` throws, or "" if it throws none.
template <typename F> std::string errorOf(F &&fn) {
  try {
    fn();
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

} // namespace kiln::test

#endif // KILN_UNITTESTS_RUNTIME_TESTUTILS_H
