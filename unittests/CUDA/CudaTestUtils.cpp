//===- CudaTestUtils.cpp - Helpers for the CUDA oracle tests --------------===//
#include "CudaTestUtils.h"
#include "kiln/Runtime/Half.h"

#include <cmath>
#include <cstring>

namespace kiln::test {

std::string cudaSkipReason() {
  if (!runtimeHasCuda())
    return "this Kiln runtime was built without CUDA";
  std::string why;
  std::vector<CudaDeviceInfo> devices = cudaDevices(&why);
  if (devices.empty())
    return "no CUDA device: " + why;
  return "";
}

void placeOnCuda(EnginePlan &plan) {
  for (StepDesc &step : plan.steps)
    step.backend = Backend::CUDA;
}

int32_t deviceComputeCapability() {
  return cudaDevices().front().computeCapability;
}

HostTensor randomTensor(std::mt19937 &gen, DType dtype,
                        std::vector<int64_t> shape, float lo, float hi,
                        float step) {
  HostTensor tensor(dtype, std::move(shape));
  std::uniform_real_distribution<float> dist(lo, hi);
  for (int64_t i = 0; i < tensor.numElements(); ++i) {
    float v = dist(gen);
    if (step > 0)
      v = std::round(v / step) * step;
    switch (dtype) {
    case DType::F32:
      static_cast<float *>(tensor.data())[i] = v;
      break;
    case DType::F16:
      static_cast<uint16_t *>(tensor.data())[i] = floatToHalf(v);
      break;
    case DType::BF16:
      static_cast<uint16_t *>(tensor.data())[i] = floatToBfloat16(v);
      break;
    default:
      fail("randomTensor: float dtypes only");
    }
  }
  return tensor;
}

float elementAsFloat(const HostTensor &tensor, int64_t i) {
  switch (tensor.dtype()) {
  case DType::F32:
    return static_cast<const float *>(tensor.data())[i];
  case DType::F16:
    return halfToFloat(static_cast<const uint16_t *>(tensor.data())[i]);
  case DType::BF16:
    return bfloat16ToFloat(static_cast<const uint16_t *>(tensor.data())[i]);
  case DType::I1:
    return static_cast<const uint8_t *>(tensor.data())[i];
  case DType::I32:
    return static_cast<float>(static_cast<const int32_t *>(tensor.data())[i]);
  default:
    fail("elementAsFloat: unsupported dtype");
  }
}

Tolerance roundingTolerance(DType dtype) {
  switch (dtype) {
  case DType::F16:
    return {2e-3f, 1e-3f};
  case DType::BF16:
    return {1.6e-2f, 8e-3f};
  default:
    return {2e-5f, 1e-6f};
  }
}

std::string expectMatchesReference(EnginePlan plan,
                                   const std::vector<HostTensor> &inputs,
                                   Tolerance tolerance, bool expectAllOnDevice,
                                   const std::string &what) {
  std::vector<TensorView> views;
  for (const HostTensor &input : inputs)
    views.push_back(input.view());
  EnginePlan referencePlan = plan;
  referencePlan.target = Target::cpu();
  for (StepDesc &step : referencePlan.steps)
    step.backend = Backend::Reference;
  auto reference = std::make_shared<Engine>(referencePlan);
  ExecutionContext host(reference);
  std::vector<HostTensor> expected = host.run(views);

  plan.target = Target::cuda(deviceComputeCapability());
  auto engine = std::make_shared<Engine>(plan);
  cuda::CudaExecutionContext device(engine);
  std::vector<HostTensor> got = device.run(views);
  if (expectAllOnDevice) {
    for (bool onDevice : device.onDevice())
      EXPECT_TRUE(onDevice) << what << "\n" << device.placement();
  }
  EXPECT_EQ(got.size(), expected.size()) << what;
  for (size_t o = 0; o < got.size() && o < expected.size(); ++o) {
    EXPECT_EQ(got[o].dtype(), expected[o].dtype()) << what;
    EXPECT_EQ(got[o].shape(), expected[o].shape()) << what;
    int mismatches = 0;
    for (int64_t i = 0; i < got[o].numElements() && mismatches < 5; ++i) {
      float want = elementAsFloat(expected[o], i);
      float have = elementAsFloat(got[o], i);
      bool ok = std::isnan(want)
                    ? std::isnan(have)
                    : (want == have || std::fabs(have - want) <=
                                           tolerance.atol +
                                               tolerance.rtol * std::fabs(want));
      if (!ok) {
        ++mismatches;
        ADD_FAILURE() << what << ": output " << o << " element " << i
                      << ": cuda " << have << ", reference " << want;
      }
    }
  }
  return device.placement();
}

} // namespace kiln::test
