//===- CudaKernel.h - Steps prepared for a CUDA device ----------*- C++ -*-===//
//
// A CUDA kernel for a step is prepared once, when an execution context is
// created: attributes decoded, launch shapes and library plans (cuBLASLt
// algorithms) made. Running it only enqueues work on a stream (so a run can
// be captured in a CUDA graph): no allocation, no lookups, no host sync.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_CUDA_CUDAKERNEL_H
#define KILN_RUNTIME_CUDA_CUDAKERNEL_H

#include "kiln/Runtime/EnginePlan.h"
#include "kiln/Runtime/Tensor.h"

#include <cuda_runtime_api.h>

#include <memory>
#include <vector>

namespace kiln::cuda {

/// Per-context resources that prepared steps share.
struct Libraries {
  /// cublasLtHandle_t, or null where the runtime was built without cuBLASLt.
  void *cublasLt = nullptr;
  /// Scratch in the context's device arena for library calls.
  void *workspace = nullptr;
  int64_t workspaceBytes = 0;
};

/// Device memory a step needs for library calls (cuBLASLt's recommended
/// workspace on Hopper).
constexpr int64_t kLibraryWorkspaceBytes = int64_t(32) << 20;

/// Device views (TensorView::data in device memory) of one step's operands
/// and results, with their planned shapes.
struct StepArgs {
  const std::vector<TensorView> &operands;
  const std::vector<TensorView> &results;
  cudaStream_t stream;
  const Libraries &libraries;
};

class PreparedStep {
public:
  virtual ~PreparedStep();
  /// Enqueues the step on args.stream; throws kiln::Error if a launch fails.
  virtual void run(const StepArgs &args) const = 0;
};

/// The CUDA kernel for `step` with these operand and result views (device
/// addresses, fixed for the execution context's life), or nullptr when no CUDA kernel implements the step for
/// them: the step then runs on the host (and reports bad attributes there,
/// as the reference kernel does).
std::unique_ptr<PreparedStep>
prepareCudaStep(const StepDesc &step, const std::vector<TensorView> &operands,
                const std::vector<TensorView> &results,
                const Libraries &libraries);

/// The step kernels that have a CUDA implementation (for some types).
std::vector<std::string> cudaKernelNames();

/// Whether a CUDA kernel takes `step` with these operand and result types
/// (data pointers unused): what the registry's (kernel, cuda) entries answer
/// to KernelRegistry::supports.
bool cudaKernelTakes(const StepDesc &step,
                     const std::vector<TensorView> &operands,
                     const std::vector<TensorView> &results);

/// A cuBLASLt handle (cublasLtHandle_t), or null where the runtime was built
/// without cuBLASLt.
void *createBlasLtHandle();
void destroyBlasLtHandle(void *handle);

// One per kernel family (lib/Runtime/Kernels/CUDA).
std::unique_ptr<PreparedStep>
preparePointwise(const StepDesc &step, const std::vector<TensorView> &operands,
                 const std::vector<TensorView> &results);
std::unique_ptr<PreparedStep>
prepareSoftmax(const StepDesc &step, const std::vector<TensorView> &operands,
               const std::vector<TensorView> &results);
bool matrixMultiplyTakes(const StepDesc &step,
                         const std::vector<TensorView> &operands,
                         const std::vector<TensorView> &results);
std::unique_ptr<PreparedStep>
prepareMatrixMultiply(const StepDesc &step,
                      const std::vector<TensorView> &operands,
                      const std::vector<TensorView> &results,
                      const Libraries &libraries);

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_CUDAKERNEL_H
