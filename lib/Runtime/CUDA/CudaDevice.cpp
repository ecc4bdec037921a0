//===- CudaDevice.cpp - The CUDA device layer -----------------------------===//
#include "kiln/Runtime/CUDA/CudaDevice.h"
#include "kiln/Runtime/Device.h"
#include "kiln/Runtime/Error.h"

#include <cctype>
#include <utility>

#ifndef KILN_CUDA_ARCHITECTURES
#error "KILN_CUDA_ARCHITECTURES (CMAKE_CUDA_ARCHITECTURES) must be defined"
#endif

namespace kiln {

bool runtimeHasCuda() { return true; }

std::vector<int32_t> cudaKernelArchitectures() {
  // CMake's list, e.g. "80;90" or "90a-real": the leading digits of each.
  std::vector<int32_t> archs;
  std::string list = KILN_CUDA_ARCHITECTURES;
  size_t i = 0;
  while (i < list.size()) {
    if (!std::isdigit(static_cast<unsigned char>(list[i]))) {
      ++i;
      continue;
    }
    int32_t value = 0;
    while (i < list.size() && std::isdigit(static_cast<unsigned char>(list[i])))
      value = value * 10 + (list[i++] - '0');
    archs.push_back(value);
    while (i < list.size() && list[i] != ';')
      ++i;
  }
  return archs;
}

std::vector<CudaDeviceInfo> cudaDevices(std::string *why) {
  int count = 0;
  cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) {
    if (why)
      *why = std::string("cudaGetDeviceCount: ") + cudaGetErrorString(status);
    cudaGetLastError(); // clear the sticky-free error so later calls work
    return {};
  }
  if (count == 0 && why)
    *why = "the CUDA driver reports no device";
  std::vector<CudaDeviceInfo> devices;
  for (int ordinal = 0; ordinal < count; ++ordinal) {
    cudaDeviceProp props;
    if (cudaGetDeviceProperties(&props, ordinal) != cudaSuccess)
      continue;
    CudaDeviceInfo info;
    info.ordinal = ordinal;
    info.name = props.name;
    info.computeCapability = props.major * 10 + props.minor;
    info.multiprocessors = props.multiProcessorCount;
    info.memoryBytes = static_cast<int64_t>(props.totalGlobalMem);
    devices.push_back(std::move(info));
  }
  return devices;
}

namespace cuda {

void check(cudaError_t status, const char *what) {
  if (status != cudaSuccess)
    fail(what, ": ", cudaGetErrorName(status), ": ",
         cudaGetErrorString(status));
}

void setDevice(int ordinal) { check(cudaSetDevice(ordinal), "cudaSetDevice"); }

DeviceMemory::DeviceMemory(int64_t bytes) : size_(bytes) {
  if (bytes < 0)
    fail("cannot allocate ", bytes, " bytes of device memory");
  if (bytes > 0) {
    void *p = nullptr;
    cudaError_t status = cudaMalloc(&p, static_cast<size_t>(bytes));
    if (status != cudaSuccess) {
      cudaGetLastError();
      fail("cudaMalloc of ", bytes, " bytes: ", cudaGetErrorString(status));
    }
    data_ = static_cast<uint8_t *>(p);
  }
}

DeviceMemory::~DeviceMemory() {
  if (data_)
    cudaFree(data_);
}

DeviceMemory::DeviceMemory(DeviceMemory &&other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

DeviceMemory &DeviceMemory::operator=(DeviceMemory &&other) noexcept {
  if (this != &other) {
    if (data_)
      cudaFree(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

PinnedMemory::PinnedMemory(int64_t bytes) : size_(bytes) {
  if (bytes < 0)
    fail("cannot allocate ", bytes, " bytes of pinned host memory");
  if (bytes > 0) {
    void *p = nullptr;
    cudaError_t status = cudaMallocHost(&p, static_cast<size_t>(bytes));
    if (status != cudaSuccess) {
      cudaGetLastError();
      fail("cudaMallocHost of ", bytes, " bytes: ", cudaGetErrorString(status));
    }
    data_ = static_cast<uint8_t *>(p);
  }
}

PinnedMemory::~PinnedMemory() {
  if (data_)
    cudaFreeHost(data_);
}

PinnedMemory::PinnedMemory(PinnedMemory &&other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

PinnedMemory &PinnedMemory::operator=(PinnedMemory &&other) noexcept {
  if (this != &other) {
    if (data_)
      cudaFreeHost(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

Stream::Stream() {
  check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking),
        "cudaStreamCreateWithFlags");
}

Stream::~Stream() {
  if (stream_)
    cudaStreamDestroy(stream_);
}

void Stream::synchronize() const {
  check(cudaStreamSynchronize(stream_), "cudaStreamSynchronize");
}

Graph::~Graph() {
  if (exec_)
    cudaGraphExecDestroy(exec_);
  if (graph_)
    cudaGraphDestroy(graph_);
}

void Graph::beginCapture(const Stream &stream) {
  check(cudaStreamBeginCapture(stream.get(), cudaStreamCaptureModeThreadLocal),
        "cudaStreamBeginCapture");
}

void Graph::endCapture(const Stream &stream) {
  cudaGraph_t graph = nullptr;
  check(cudaStreamEndCapture(stream.get(), &graph), "cudaStreamEndCapture");
  cudaGraphExec_t exec = nullptr;
  cudaError_t status = cudaGraphInstantiate(&exec, graph, 0);
  if (status != cudaSuccess) {
    cudaGraphDestroy(graph);
    check(status, "cudaGraphInstantiate");
  }
  if (exec_)
    cudaGraphExecDestroy(exec_);
  if (graph_)
    cudaGraphDestroy(graph_);
  graph_ = graph;
  exec_ = exec;
}

void Graph::abandonCapture(const Stream &stream) noexcept {
  cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
  if (cudaStreamIsCapturing(stream.get(), &status) == cudaSuccess &&
      status != cudaStreamCaptureStatusNone) {
    cudaGraph_t graph = nullptr;
    if (cudaStreamEndCapture(stream.get(), &graph) == cudaSuccess && graph)
      cudaGraphDestroy(graph);
  }
  cudaGetLastError();
}

void Graph::launch(const Stream &stream) const {
  check(cudaGraphLaunch(exec_, stream.get()), "cudaGraphLaunch");
}

} // namespace cuda
} // namespace kiln
