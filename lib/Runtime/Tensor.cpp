//===- Tensor.cpp - Host tensors and views --------------------------------===//
#include "kiln/Runtime/Tensor.h"
#include "kiln/Runtime/Error.h"

#include <cstdlib>
#include <cstring>
#include <limits>

namespace kiln {

static int64_t countElements(const std::vector<int64_t> &shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

int64_t TensorView::numElements() const { return countElements(shape); }
int64_t TensorView::byteSize() const {
  return dtypeByteSize(dtype, numElements());
}

void HostTensor::FreeDeleter::operator()(void *p) const { std::free(p); }

HostTensor::HostTensor(DType dtype, std::vector<int64_t> shape)
    : dtype_(dtype), shape_(std::move(shape)) {
  // Guard the size computation itself: a negative dimension or a product that
  // overflows would otherwise turn into a tiny or huge allocation.
  int64_t count = 1;
  for (int64_t dim : shape_) {
    if (dim < 0)
      fail("cannot allocate a tensor of type ", describeType(dtype_, shape_),
           ": negative dimension");
    if (dim != 0 && count > std::numeric_limits<int64_t>::max() / 64 / dim)
      fail("cannot allocate a tensor of type ", describeType(dtype_, shape_),
           ": too many elements");
    count *= dim;
  }
  // Always allocate at least one aligned block so that data() is non-null even
  // for empty tensors.
  size_t bytes = static_cast<size_t>(dtypeByteSize(dtype_, count));
  size_t rounded = bytes == 0 ? 64 : (bytes + 63) / 64 * 64;
  void *memory = std::aligned_alloc(64, rounded);
  if (!memory)
    fail("out of memory allocating ", bytes, " bytes for a tensor of type ",
         describeType(dtype_, shape_));
  std::memset(memory, 0, rounded);
  storage_.reset(memory);
}

int64_t HostTensor::numElements() const { return countElements(shape_); }
int64_t HostTensor::byteSize() const {
  return dtypeByteSize(dtype_, numElements());
}

TensorView HostTensor::view() const {
  TensorView view;
  view.dtype = dtype_;
  view.shape = shape_;
  view.data = storage_.get();
  return view;
}

std::string describeType(DType dtype, const std::vector<int64_t> &shape) {
  std::string text;
  for (int64_t dim : shape)
    text += (dim < 0 ? std::string("?") : std::to_string(dim)) + "x";
  return text + dtypeName(dtype);
}

} // namespace kiln
