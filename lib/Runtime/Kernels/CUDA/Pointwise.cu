//===- Pointwise.cu - CUDA element_wise, unary and activation -------------===//
//
// One grid-stride kernel per family, the op a uniform run-time switch, the
// element type a template parameter. Float types only (f32, f16, bf16,
// computed in f32 with the semantics of the reference kernels,
// docs/engine-format.md); integer steps have no CUDA kernel here and run on
// the host. element_wise broadcasts size-1 dims of same-rank operands; when
// no operand broadcasts the loop does no index arithmetic.
//
//===----------------------------------------------------------------------===//
#include "DeviceMath.cuh"
#include "kiln/Runtime/CUDA/CudaKernel.h"

#include <cstring>
#include <string>
#include <utility>

namespace kiln::cuda {
namespace {

constexpr int kMaxRank = 8;
constexpr int kThreads = 256;

//===----------------------------------------------------------------------===//
// element_wise
//===----------------------------------------------------------------------===//

enum BinaryOp : int {
  kSum, kProd, kMax, kMin, kSub, kDiv, kPow, kFloorDiv, kEqual, kGreater, kLess
};

/// Offsets of the two operands for a linear result index.
struct BroadcastIndex {
  int rank = 0;
  int64_t dims[kMaxRank] = {};
  int64_t strides[2][kMaxRank] = {};
};

__device__ __forceinline__ float binary(int op, float a, float b) {
  switch (op) {
  case kSum:
    return a + b;
  case kProd:
    return a * b;
  case kMax:
    return nanMax(a, b);
  case kMin:
    return nanMin(a, b);
  case kSub:
    return a - b;
  case kDiv:
    return a / b;
  case kPow:
    return powf(a, b);
  case kFloorDiv:
    return floorf(a / b);
  case kEqual:
    return a == b;
  case kGreater:
    return a > b;
  case kLess:
    return a < b;
  }
  return 0.0f;
}

template <typename T, typename R>
__global__ void elementWiseKernel(const T *a, const T *b, R *r, int64_t n,
                                  int op, bool dense, BroadcastIndex index) {
  for (int64_t i = blockIdx.x * int64_t(blockDim.x) + threadIdx.x; i < n;
       i += int64_t(gridDim.x) * blockDim.x) {
    int64_t offA = i, offB = i;
    if (!dense) {
      offA = offB = 0;
      int64_t rest = i;
      for (int d = index.rank - 1; d >= 0; --d) {
        int64_t coordinate = rest % index.dims[d];
        rest /= index.dims[d];
        offA += coordinate * index.strides[0][d];
        offB += coordinate * index.strides[1][d];
      }
    }
    store(r, i, binary(op, load(a, offA), load(b, offB)));
  }
}

class ElementWiseStep : public PreparedStep {
public:
  ElementWiseStep(DType type, int op, bool comparison, bool dense,
                  BroadcastIndex index, int64_t count)
      : type_(type), op_(op), comparison_(comparison), dense_(dense),
        index_(index), count_(count) {}

  void run(const StepArgs &args) const override {
    if (count_ == 0)
      return;
    const void *a = args.operands[0].data, *b = args.operands[1].data;
    void *r = args.results[0].data;
    unsigned blocks = gridFor(count_, kThreads);
    dispatchFloat(type_, [&](auto tag) {
      using T = decltype(tag);
      if (comparison_)
        elementWiseKernel<T, uint8_t><<<blocks, kThreads, 0, args.stream>>>(
            static_cast<const T *>(a), static_cast<const T *>(b),
            static_cast<uint8_t *>(r), count_, op_, dense_, index_);
      else
        elementWiseKernel<T, T><<<blocks, kThreads, 0, args.stream>>>(
            static_cast<const T *>(a), static_cast<const T *>(b),
            static_cast<T *>(r), count_, op_, dense_, index_);
    });
    checkLaunch("element_wise kernel launch");
  }

private:
  DType type_;
  int op_;
  bool comparison_, dense_;
  BroadcastIndex index_;
  int64_t count_;
};

int64_t product(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

const std::string *stringAttr(const StepDesc &step, const char *name) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end())
    return nullptr;
  return std::get_if<std::string>(&it->second);
}

/// A float attribute, `fallback` when absent; false when it has another type.
bool floatAttr(const StepDesc &step, const char *name, float fallback,
               float &value) {
  auto it = step.attrs.find(name);
  if (it == step.attrs.end()) {
    value = fallback;
    return true;
  }
  if (const double *d = std::get_if<double>(&it->second)) {
    value = static_cast<float>(*d);
    return true;
  }
  return false;
}

std::unique_ptr<PreparedStep>
prepareElementWise(const StepDesc &step, const std::vector<TensorView> &operands,
                   const std::vector<TensorView> &results) {
  static const std::pair<const char *, int> table[] = {
      {"kSUM", kSum},         {"kPROD", kProd},   {"kMAX", kMax},
      {"kMIN", kMin},         {"kSUB", kSub},     {"kDIV", kDiv},
      {"kPOW", kPow},         {"kFLOOR_DIV", kFloorDiv},
      {"kEQUAL", kEqual},     {"kGREATER", kGreater}, {"kLESS", kLess}};
  if (operands.size() != 2 || results.size() != 1)
    return nullptr;
  const std::string *name = stringAttr(step, "op");
  if (!name)
    return nullptr;
  int op = -1;
  for (const auto &entry : table)
    if (*name == entry.first)
      op = entry.second;
  if (op < 0)
    return nullptr; // logical ops (integer only) or a bad name: the host says
  const TensorView &a = operands[0], &b = operands[1], &r = results[0];
  bool comparison = op == kEqual || op == kGreater || op == kLess;
  if (!isCudaFloat(a.dtype) || b.dtype != a.dtype ||
      r.dtype != (comparison ? DType::I1 : a.dtype))
    return nullptr;
  size_t rank = r.shape.size();
  if (rank > kMaxRank || a.shape.size() != rank || b.shape.size() != rank)
    return nullptr;
  BroadcastIndex index;
  index.rank = static_cast<int>(rank);
  bool dense = a.shape == r.shape && b.shape == r.shape;
  for (int k = 0; k < 2; ++k) {
    const std::vector<int64_t> &shape = operands[k].shape;
    int64_t stride = 1;
    for (size_t d = rank; d-- > 0;) {
      if (shape[d] != r.shape[d] && shape[d] != 1)
        return nullptr;
      index.dims[d] = r.shape[d];
      index.strides[k][d] = shape[d] == r.shape[d] ? stride : 0;
      stride *= shape[d];
    }
  }
  return std::make_unique<ElementWiseStep>(a.dtype, op, comparison, dense,
                                           index, product(r.shape));
}

//===----------------------------------------------------------------------===//
// unary
//===----------------------------------------------------------------------===//

enum UnaryOp : int {
  kExp, kLog, kSqrt, kRecip, kAbs, kNeg, kSin, kCos, kTan, kSinh, kCosh,
  kAsin, kAcos, kAtan, kAsinh, kAcosh, kAtanh, kCeil, kFloor, kErf, kSign,
  kRound
};

__device__ __forceinline__ float unary(int op, float x) {
  switch (op) {
  case kExp: return expf(x);
  case kLog: return logf(x);
  case kSqrt: return sqrtf(x);
  case kRecip: return 1.0f / x;
  case kAbs: return fabsf(x);
  case kNeg: return -x;
  case kSin: return sinf(x);
  case kCos: return cosf(x);
  case kTan: return tanf(x);
  case kSinh: return sinhf(x);
  case kCosh: return coshf(x);
  case kAsin: return asinf(x);
  case kAcos: return acosf(x);
  case kAtan: return atanf(x);
  case kAsinh: return asinhf(x);
  case kAcosh: return acoshf(x);
  case kAtanh: return atanhf(x);
  case kCeil: return ceilf(x);
  case kFloor: return floorf(x);
  case kErf: return erff(x);
  case kSign: return isnan(x) ? x : (x > 0.0f ? 1.0f : (x < 0.0f ? -1.0f : 0.0f));
  case kRound: return rintf(x); // half to even
  }
  return x;
}

//===----------------------------------------------------------------------===//
// activation
//===----------------------------------------------------------------------===//

enum Activation : int {
  kRelu, kSigmoid, kTanh, kLeakyRelu, kElu, kSelu, kSoftsign, kSoftplus,
  kClip, kHardSigmoid, kScaledTanh, kThresholdedRelu, kGeluErf, kGeluTanh
};

__device__ __forceinline__ float activate(int kind, float x, float alpha,
                                          float beta) {
  if (isnan(x))
    return x;
  switch (kind) {
  case kRelu: return x > 0.0f ? x : 0.0f;
  case kSigmoid: return 1.0f / (1.0f + expf(-x));
  case kTanh: return tanhf(x);
  case kLeakyRelu: return x >= 0.0f ? x : alpha * x;
  case kElu: return x >= 0.0f ? x : alpha * expm1f(x);
  case kSelu: return beta * (x >= 0.0f ? x : alpha * expm1f(x));
  case kSoftsign: return x / (1.0f + fabsf(x));
  case kSoftplus: {
    float z = beta * x;
    return alpha * (z > 20.0f ? z : log1pf(expf(z)));
  }
  case kClip: return fminf(fmaxf(x, alpha), beta);
  case kHardSigmoid: return fminf(fmaxf(alpha * x + beta, 0.0f), 1.0f);
  case kScaledTanh: return alpha * tanhf(beta * x);
  case kThresholdedRelu: return x > alpha ? x : 0.0f;
  case kGeluErf: return 0.5f * x * (1.0f + erff(x * 0.70710678118654752f));
  case kGeluTanh:
    return 0.5f * x *
           (1.0f + tanhf(0.79788456080286536f * (x + 0.044715f * x * x * x)));
  }
  return x;
}

/// unary when `isActivation` is false, activation otherwise.
template <typename T>
__global__ void mapKernel(const T *x, T *r, int64_t n, bool isActivation,
                          int op, float alpha, float beta) {
  for (int64_t i = blockIdx.x * int64_t(blockDim.x) + threadIdx.x; i < n;
       i += int64_t(gridDim.x) * blockDim.x) {
    float v = load(x, i);
    store(r, i, isActivation ? activate(op, v, alpha, beta) : unary(op, v));
  }
}

class MapStep : public PreparedStep {
public:
  MapStep(DType type, bool isActivation, int op, float alpha, float beta,
          int64_t count)
      : type_(type), isActivation_(isActivation), op_(op), alpha_(alpha),
        beta_(beta), count_(count) {}

  void run(const StepArgs &args) const override {
    if (count_ == 0)
      return;
    unsigned blocks = gridFor(count_, kThreads);
    dispatchFloat(type_, [&](auto tag) {
      using T = decltype(tag);
      mapKernel<T><<<blocks, kThreads, 0, args.stream>>>(
          static_cast<const T *>(args.operands[0].data),
          static_cast<T *>(args.results[0].data), count_, isActivation_, op_,
          alpha_, beta_);
    });
    checkLaunch(isActivation_ ? "activation kernel launch"
                              : "unary kernel launch");
  }

private:
  DType type_;
  bool isActivation_;
  int op_;
  float alpha_, beta_;
  int64_t count_;
};

std::unique_ptr<PreparedStep>
prepareMap(const StepDesc &step, const std::vector<TensorView> &operands,
           const std::vector<TensorView> &results, bool isActivation) {
  static const std::pair<const char *, int> unaryTable[] = {
      {"kEXP", kExp},     {"kLOG", kLog},     {"kSQRT", kSqrt},
      {"kRECIP", kRecip}, {"kABS", kAbs},     {"kNEG", kNeg},
      {"kSIN", kSin},     {"kCOS", kCos},     {"kTAN", kTan},
      {"kSINH", kSinh},   {"kCOSH", kCosh},   {"kASIN", kAsin},
      {"kACOS", kAcos},   {"kATAN", kAtan},   {"kASINH", kAsinh},
      {"kACOSH", kAcosh}, {"kATANH", kAtanh}, {"kCEIL", kCeil},
      {"kFLOOR", kFloor}, {"kERF", kErf},     {"kSIGN", kSign},
      {"kROUND", kRound}}; // kNOT is integer/i1 only
  static const std::pair<const char *, int> activationTable[] = {
      {"kRELU", kRelu},
      {"kSIGMOID", kSigmoid},
      {"kTANH", kTanh},
      {"kLEAKY_RELU", kLeakyRelu},
      {"kELU", kElu},
      {"kSELU", kSelu},
      {"kSOFTSIGN", kSoftsign},
      {"kSOFTPLUS", kSoftplus},
      {"kCLIP", kClip},
      {"kHARD_SIGMOID", kHardSigmoid},
      {"kSCALED_TANH", kScaledTanh},
      {"kTHRESHOLDED_RELU", kThresholdedRelu},
      {"kGELU_ERF", kGeluErf},
      {"kGELU_TANH", kGeluTanh}};
  if (operands.size() != 1 || results.size() != 1)
    return nullptr;
  const TensorView &x = operands[0], &r = results[0];
  if (!isCudaFloat(x.dtype) || r.dtype != x.dtype || r.shape != x.shape)
    return nullptr;
  const std::string *name = stringAttr(step, isActivation ? "type" : "op");
  if (!name)
    return nullptr;
  int op = -1;
  if (isActivation) {
    for (const auto &entry : activationTable)
      if (*name == entry.first)
        op = entry.second;
  } else {
    for (const auto &entry : unaryTable)
      if (*name == entry.first)
        op = entry.second;
  }
  float alpha = 0.0f, beta = 0.0f;
  if (op < 0 || (isActivation && (!floatAttr(step, "alpha", 0.0f, alpha) ||
                                  !floatAttr(step, "beta", 0.0f, beta))))
    return nullptr;
  return std::make_unique<MapStep>(x.dtype, isActivation, op, alpha, beta,
                                   product(x.shape));
}

} // namespace

std::unique_ptr<PreparedStep>
preparePointwise(const StepDesc &step, const std::vector<TensorView> &operands,
                 const std::vector<TensorView> &results) {
  if (step.kernel == "element_wise")
    return prepareElementWise(step, operands, results);
  if (step.kernel == "unary")
    return prepareMap(step, operands, results, /*isActivation=*/false);
  if (step.kernel == "activation")
    return prepareMap(step, operands, results, /*isActivation=*/true);
  return nullptr;
}

} // namespace kiln::cuda
