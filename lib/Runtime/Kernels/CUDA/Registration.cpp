//===- Registration.cpp - Which steps have a CUDA kernel ------------------===//
//
// The registry's (kernel, cuda) entries say which steps the CUDA backend
// takes (KernelRegistry::supports, for the compiler's backend choice) and
// give CUDA steps their engine-side kernel object. The device kernel itself
// is prepared and run by CudaExecutionContext; on the host the object
// refuses to run.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/CUDA/CudaKernel.h"
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/KernelRegistry.h"

namespace kiln {
namespace cuda {

PreparedStep::~PreparedStep() = default;

std::unique_ptr<PreparedStep>
prepareCudaStep(const StepDesc &step, const std::vector<TensorView> &operands,
                const std::vector<TensorView> &results,
                const Libraries &libraries) {
  if (step.kernel == "element_wise" || step.kernel == "unary" ||
      step.kernel == "activation")
    return preparePointwise(step, operands, results);
  if (step.kernel == "softmax")
    return prepareSoftmax(step, operands, results);
  if (step.kernel == "matrix_multiply")
    return prepareMatrixMultiply(step, operands, results, libraries);
  return nullptr;
}

bool cudaKernelTakes(const StepDesc &step,
                     const std::vector<TensorView> &operands,
                     const std::vector<TensorView> &results) {
  if (step.kernel == "matrix_multiply") {
#ifdef KILN_HAVE_CUBLASLT
    return matrixMultiplyTakes(step, operands, results);
#else
    return false;
#endif
  }
  // The other families decode and check without touching device memory.
  return prepareCudaStep(step, operands, results, Libraries{}) != nullptr;
}

std::vector<std::string> cudaKernelNames() {
  std::vector<std::string> names = {"activation", "element_wise", "softmax",
                                    "unary"};
#ifdef KILN_HAVE_CUBLASLT
  names.push_back("matrix_multiply");
#endif
  return names;
}

#ifndef KILN_HAVE_CUBLASLT
// Built without cuBLASLt: no CUDA matrix_multiply.
void *createBlasLtHandle() { return nullptr; }
void destroyBlasLtHandle(void *) {}
bool matrixMultiplyTakes(const StepDesc &, const std::vector<TensorView> &,
                         const std::vector<TensorView> &) {
  return false;
}
std::unique_ptr<PreparedStep>
prepareMatrixMultiply(const StepDesc &, const std::vector<TensorView> &,
                      const std::vector<TensorView> &, const Libraries &) {
  return nullptr;
}
#endif

namespace {

bool takes(const KernelSpec &spec) {
  return cudaKernelTakes(spec.step, spec.operands, spec.results);
}

class DeviceKernel : public Kernel {
public:
  explicit DeviceKernel(const KernelSpec &spec) {
    if (!takes(spec)) {
      std::string types;
      for (const TensorView &view : spec.operands)
        types += (types.empty() ? "" : ", ") + describeType(view.dtype, view.shape);
      fail("the CUDA kernel does not take this ", spec.step.kernel,
           " step (operands ", types, "); place it on another backend");
    }
  }
  void run(const KernelContext &) const override {
    fail("a CUDA kernel runs only in a CUDA execution context "
         "(kiln::cuda::CudaExecutionContext)");
  }
};

} // namespace
} // namespace cuda

void registerCudaKernels(KernelRegistry &registry) {
  for (const std::string &name : cuda::cudaKernelNames())
    registry.add(name, Backend::CUDA,
                 KernelFactory(&makeKernel<cuda::DeviceKernel>), cuda::takes);
}

} // namespace kiln
