//===- CudaExecutionContext.h - Running an engine on a CUDA device -*- C++ -*-===//
//
// Runs a static-shape engine built for `cuda:sm_XY` on device 0. Everything
// is planned when the context is created: one device allocation holds the
// constants (uploaded once), the inputs, the plan's arena and the library
// workspace; one pinned host block stages inputs and outputs; every step is
// prepared once: a step whose backend is cuda as a CUDA kernel, any other
// as a host step (its operands copied to a pinned mirror of device memory,
// the engine's kernel for it run there, its results copied back), which
// placement() reports. A run copies the inputs into staging and enqueues
// input copies, steps and output copies on one stream; from the second run
// on, an engine with no host steps replays them as one CUDA graph.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_CUDA_CUDAEXECUTIONCONTEXT_H
#define KILN_RUNTIME_CUDA_CUDAEXECUTIONCONTEXT_H

#include "kiln/Runtime/CUDA/CudaDevice.h"
#include "kiln/Runtime/CUDA/CudaKernel.h"
#include "kiln/Runtime/Engine.h"

#include <memory>
#include <string>
#include <vector>

namespace kiln::cuda {

struct CudaContextOptions {
  /// Replay steady-state runs as a CUDA graph (when every step runs on the
  /// device).
  bool useGraphs = true;
};

class CudaExecutionContext {
public:
  /// Throws kiln::Error when the engine is not built for CUDA, has dynamic
  /// shapes or control flow (not supported on CUDA yet), a cuda step no
  /// CUDA kernel takes, or the device cannot hold it.
  explicit CudaExecutionContext(std::shared_ptr<const Engine> engine,
                                CudaContextOptions options = {});
  ~CudaExecutionContext();
  CudaExecutionContext(const CudaExecutionContext &) = delete;
  CudaExecutionContext &operator=(const CudaExecutionContext &) = delete;

  /// Checks the inputs against the signature (as ExecutionContext does),
  /// runs the engine and returns one fresh host tensor per output.
  std::vector<HostTensor> run(const std::vector<TensorView> &inputs);

  /// Per top-level step: true when a CUDA kernel runs it (its backend is
  /// cuda), false when it runs on the host with copies around it.
  const std::vector<bool> &onDevice() const { return onDevice_; }
  /// One line per step: "step 0 matrix_multiply: cuda" or
  /// "step 1 top_k: host, reference (copies 2 operands in, 1 result out)".
  std::string placement() const;
  /// Whether the last run replayed a CUDA graph.
  bool lastRunReplayedGraph() const { return lastRunReplayed_; }
  /// Bytes of the one device allocation.
  int64_t deviceBytes() const { return device_.size(); }

private:
  void enqueue();
  void runHostStep(size_t index);
  TensorView deviceView(int32_t id) const;

  std::shared_ptr<const Engine> engine_;
  CudaContextOptions options_;
  Stream stream_;
  Libraries libraries_;
  DeviceMemory device_;
  PinnedMemory staging_; // inputs, then outputs
  PinnedMemory mirror_;  // host image of device_, for host steps
  std::vector<int64_t> deviceOffsets_;  // per buffer, into device_
  std::vector<int64_t> inputStaging_;   // per input, into staging_
  std::vector<int64_t> outputStaging_;  // per output, into staging_
  std::vector<std::unique_ptr<PreparedStep>> steps_; // null: host step
  std::vector<bool> onDevice_;
  std::vector<std::vector<TensorView>> stepOperands_, stepResults_;
  Graph graph_;
  bool graphsAllowed_ = false;
  int runs_ = 0;
  bool lastRunReplayed_ = false;
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_CUDAEXECUTIONCONTEXT_H
