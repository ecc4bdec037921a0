//===- Tensor.h - Host tensors and views ------------------------*- C++ -*-===//
#ifndef KILN_RUNTIME_TENSOR_H
#define KILN_RUNTIME_TENSOR_H

#include "kiln/Runtime/DType.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kiln {

/// A non-owning view of a dense, row-major tensor.
struct TensorView {
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  void *data = nullptr;

  int64_t numElements() const;
  int64_t byteSize() const;
  template <typename T> T *as() const { return static_cast<T *>(data); }
};

/// An owning, dense, row-major host tensor (64-byte aligned storage).
class HostTensor {
public:
  HostTensor() = default;
  HostTensor(DType dtype, std::vector<int64_t> shape);

  DType dtype() const { return dtype_; }
  const std::vector<int64_t> &shape() const { return shape_; }
  int64_t numElements() const;
  int64_t byteSize() const;
  void *data() { return storage_.get(); }
  const void *data() const { return storage_.get(); }
  TensorView view() const;

private:
  struct FreeDeleter {
    void operator()(void *p) const;
  };
  DType dtype_ = DType::F32;
  std::vector<int64_t> shape_;
  std::unique_ptr<void, FreeDeleter> storage_;
};

/// "2x3xf32"-style spelling used in error messages.
std::string describeType(DType dtype, const std::vector<int64_t> &shape);

} // namespace kiln

#endif // KILN_RUNTIME_TENSOR_H
