//===- CudaDevice.h - Device memory, streams, pinned staging, graphs -*- C++ -*-===//
//
// The CUDA device layer of kiln_runtime: small owning wrappers over the CUDA
// runtime API, each throwing kiln::Error with the failing call and CUDA's
// message. Only built (and only includable) where a CUDA toolkit was found;
// kiln/Runtime/Device.h is the toolkit-free part.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_CUDA_CUDADEVICE_H
#define KILN_RUNTIME_CUDA_CUDADEVICE_H

#include <cuda_runtime_api.h>

#include <cstdint>
#include <string>

namespace kiln::cuda {

/// Throws kiln::Error "`what`: <CUDA's name and message>" unless `status` is
/// cudaSuccess.
void check(cudaError_t status, const char *what);

/// Device allocations are aligned to this (what cudaMalloc guarantees and
/// what vectorized kernels and cuBLASLt want).
constexpr int64_t kDeviceAlignment = 256;

inline int64_t alignUp(int64_t bytes, int64_t alignment = kDeviceAlignment) {
  return (bytes + alignment - 1) / alignment * alignment;
}

/// One cudaMalloc'ed block of device memory, owned. An execution context
/// plans all its device memory (constants, inputs, intermediates, kernel
/// workspace) into one of these, so a run allocates nothing.
class DeviceMemory {
public:
  DeviceMemory() = default;
  explicit DeviceMemory(int64_t bytes);
  ~DeviceMemory();
  DeviceMemory(DeviceMemory &&other) noexcept;
  DeviceMemory &operator=(DeviceMemory &&other) noexcept;
  DeviceMemory(const DeviceMemory &) = delete;
  DeviceMemory &operator=(const DeviceMemory &) = delete;

  uint8_t *data() const { return data_; }
  int64_t size() const { return size_; }

private:
  uint8_t *data_ = nullptr;
  int64_t size_ = 0;
};

/// Page-locked host memory (cudaMallocHost): the staging area through which
/// inputs and outputs move, so copies are asynchronous DMA and can be
/// captured in a CUDA graph at fixed addresses.
class PinnedMemory {
public:
  PinnedMemory() = default;
  explicit PinnedMemory(int64_t bytes);
  ~PinnedMemory();
  PinnedMemory(PinnedMemory &&other) noexcept;
  PinnedMemory &operator=(PinnedMemory &&other) noexcept;
  PinnedMemory(const PinnedMemory &) = delete;
  PinnedMemory &operator=(const PinnedMemory &) = delete;

  uint8_t *data() const { return data_; }
  int64_t size() const { return size_; }

private:
  uint8_t *data_ = nullptr;
  int64_t size_ = 0;
};

/// A non-blocking stream, owned. Work on it runs in order and asynchronously
/// to the host until synchronize().
class Stream {
public:
  Stream();
  ~Stream();
  Stream(const Stream &) = delete;
  Stream &operator=(const Stream &) = delete;

  cudaStream_t get() const { return stream_; }
  void synchronize() const;

private:
  cudaStream_t stream_ = nullptr;
};

/// A CUDA graph captured from a stream and instantiated: replaying it
/// launches every captured copy and kernel with one call.
class Graph {
public:
  Graph() = default;
  ~Graph();
  Graph(const Graph &) = delete;
  Graph &operator=(const Graph &) = delete;

  /// Starts capturing the work queued on `stream` (nothing runs until
  /// replay).
  static void beginCapture(const Stream &stream);
  /// Ends the capture begun on `stream` and instantiates it into this graph.
  void endCapture(const Stream &stream);
  /// Aborts a capture after an error, leaving the stream usable.
  static void abandonCapture(const Stream &stream) noexcept;
  bool ready() const { return exec_ != nullptr; }
  void launch(const Stream &stream) const;

private:
  cudaGraph_t graph_ = nullptr;
  cudaGraphExec_t exec_ = nullptr;
};

/// Makes device `ordinal` current for this thread.
void setDevice(int ordinal);

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_CUDADEVICE_H
