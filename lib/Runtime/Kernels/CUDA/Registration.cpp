//===- Registration.cpp - Which steps have a CUDA kernel ------------------===//
#include "kiln/Runtime/CUDA/CudaKernel.h"

namespace kiln::cuda {

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

std::vector<std::string> cudaKernelNames() {
  std::vector<std::string> names = {"activation", "element_wise", "softmax",
                                    "unary"};
#ifdef KILN_HAVE_CUBLASLT
  names.push_back("matrix_multiply");
#endif
  return names;
}

#ifndef KILN_HAVE_CUBLASLT
// Built without cuBLASLt: matrix_multiply steps of CUDA engines run on the
// host.
void *createBlasLtHandle() { return nullptr; }
void destroyBlasLtHandle(void *) {}
std::unique_ptr<PreparedStep>
prepareMatrixMultiply(const StepDesc &, const std::vector<TensorView> &,
                      const std::vector<TensorView> &, const Libraries &) {
  return nullptr;
}
#endif

} // namespace kiln::cuda
