//===- Softmax.cu - CUDA softmax ------------------------------------------===//
//
// softmax along `axis`, in f32: exp(x - max) / sum(exp(x - max)). A NaN on a
// row makes the whole row NaN, as in the reference kernel (max propagates
// NaN). Along the last axis one block reduces each row (warp shuffles, then
// one shared word per warp); along another axis each thread walks one
// (outer, inner) column, so neighbouring threads read neighbouring elements.
//
//===----------------------------------------------------------------------===//
#include "DeviceMath.cuh"
#include "kiln/Runtime/CUDA/CudaKernel.h"

namespace kiln::cuda {
namespace {

constexpr unsigned kFullMask = 0xffffffffu;

template <bool IsMax> __device__ float blockReduce(float value, float *shared) {
  for (int offset = 16; offset > 0; offset /= 2) {
    float other = __shfl_xor_sync(kFullMask, value, offset);
    value = IsMax ? nanMax(value, other) : value + other;
  }
  int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  int warps = (blockDim.x + 31) / 32;
  __syncthreads(); // `shared` may still be read from the previous reduction
  if (lane == 0)
    shared[warp] = value;
  __syncthreads();
  value = lane < warps ? shared[lane] : (IsMax ? -INFINITY : 0.0f);
  for (int offset = 16; offset > 0; offset /= 2) {
    float other = __shfl_xor_sync(kFullMask, value, offset);
    value = IsMax ? nanMax(value, other) : value + other;
  }
  return value;
}

template <typename T>
__global__ void softmaxRowsKernel(const T *x, T *r, int64_t length) {
  __shared__ float shared[32];
  const T *row = x + blockIdx.x * length;
  T *out = r + blockIdx.x * length;
  float maxValue = -INFINITY;
  for (int64_t j = threadIdx.x; j < length; j += blockDim.x)
    maxValue = nanMax(maxValue, load(row, j));
  maxValue = blockReduce<true>(maxValue, shared);
  float sum = 0.0f;
  for (int64_t j = threadIdx.x; j < length; j += blockDim.x)
    sum += expf(load(row, j) - maxValue);
  sum = blockReduce<false>(sum, shared);
  float scale = 1.0f / sum;
  for (int64_t j = threadIdx.x; j < length; j += blockDim.x)
    store(out, j, expf(load(row, j) - maxValue) * scale);
}

template <typename T>
__global__ void softmaxColumnsKernel(const T *x, T *r, int64_t outer,
                                     int64_t length, int64_t inner) {
  int64_t columns = outer * inner;
  for (int64_t c = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
       c < columns; c += int64_t(gridDim.x) * blockDim.x) {
    int64_t base = (c / inner) * length * inner + c % inner;
    float maxValue = -INFINITY;
    for (int64_t j = 0; j < length; ++j)
      maxValue = nanMax(maxValue, load(x, base + j * inner));
    float sum = 0.0f;
    for (int64_t j = 0; j < length; ++j)
      sum += expf(load(x, base + j * inner) - maxValue);
    float scale = 1.0f / sum;
    for (int64_t j = 0; j < length; ++j)
      store(r, base + j * inner, expf(load(x, base + j * inner) - maxValue) * scale);
  }
}

class SoftmaxStep : public PreparedStep {
public:
  SoftmaxStep(DType type, int64_t outer, int64_t length, int64_t inner)
      : type_(type), outer_(outer), length_(length), inner_(inner) {}

  void run(const StepArgs &args) const override {
    if (outer_ * length_ * inner_ == 0)
      return;
    dispatchFloat(type_, [&](auto tag) {
      using T = decltype(tag);
      const T *x = static_cast<const T *>(args.operands[0].data);
      T *r = static_cast<T *>(args.results[0].data);
      if (inner_ == 1) {
        int threads = length_ >= 1024 ? 1024
                                      : static_cast<int>((length_ + 31) / 32 * 32);
        // One block per row; gridDim.x allows 2^31 - 1 rows.
        softmaxRowsKernel<T><<<static_cast<unsigned>(outer_), threads, 0,
                               args.stream>>>(x, r, length_);
      } else {
        softmaxColumnsKernel<T><<<gridFor(outer_ * inner_, 256), 256, 0,
                                  args.stream>>>(x, r, outer_, length_, inner_);
      }
    });
    checkLaunch("softmax kernel launch");
  }

private:
  DType type_;
  int64_t outer_, length_, inner_;
};

} // namespace

std::unique_ptr<PreparedStep>
prepareSoftmax(const StepDesc &step, const std::vector<TensorView> &operands,
               const std::vector<TensorView> &results) {
  if (operands.size() != 1 || results.size() != 1)
    return nullptr;
  const TensorView &x = operands[0], &r = results[0];
  auto it = step.attrs.find("axis");
  if (it == step.attrs.end() || !std::holds_alternative<int64_t>(it->second))
    return nullptr;
  int64_t axis = std::get<int64_t>(it->second);
  if (!isCudaFloat(x.dtype) || r.dtype != x.dtype || r.shape != x.shape ||
      axis < 0 || static_cast<size_t>(axis) >= x.shape.size())
    return nullptr;
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= x.shape[d];
  for (size_t d = axis + 1; d < x.shape.size(); ++d)
    inner *= x.shape[d];
  if (inner == 1 && outer > 0x7fffffff)
    return nullptr;
  return std::make_unique<SoftmaxStep>(x.dtype, outer, x.shape[axis], inner);
}

} // namespace kiln::cuda
