//===- ThreadPool.h - Intra-op parallelism for CPU kernels ------*- C++ -*-===//
//
// A fixed set of worker threads that run one parallel-for at a time, split
// into static chunks (chunk t of T covers [t*n/T, (t+1)*n/T)). The calling
// thread runs chunk 0 itself, so a pool of size 1 has no workers and runs
// everything inline.
//
// One pool may be shared by several execution contexts running on different
// threads: their parallel-fors take turns (a mutex serializes them), which
// on a machine with as many workers as cores is what the cores could do
// anyway. A parallel-for issued from inside a chunk (a nested one) runs
// inline on that thread instead of waiting for the pool it is part of, and
// so does every parallel-for in a process forked from the pool's (the
// workers stay in the parent).
//
// Nothing is allocated per call: the body is passed by reference through a
// type-erased function pointer, never copied into a std::function.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_THREADPOOL_H
#define KILN_RUNTIME_THREADPOOL_H

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace kiln {

class ThreadPool {
public:
  /// A pool that runs parallel-fors on `numThreads` threads (the caller and
  /// numThreads - 1 workers); numThreads <= 0 means defaultThreadCount().
  explicit ThreadPool(int numThreads = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;

  /// Threads a parallel-for uses, the caller included.
  int size() const { return numThreads_; }

  /// Calls body(begin, end) over static chunks of [0, n), at most one chunk
  /// per thread and none empty, and returns when all are done. An exception
  /// thrown by a chunk is rethrown here (the first one, if several throw).
  template <typename F> void parallelFor(int64_t n, F &&body) {
    using Body = std::remove_reference_t<F>;
    run(n, [](void *state, int64_t begin, int64_t end) {
      (*static_cast<Body *>(state))(begin, end);
    }, const_cast<void *>(static_cast<const void *>(&body)));
  }

  /// Chunks that parallelFor(n, ...) makes: min(n, size()), 0 for n <= 0.
  int64_t numChunks(int64_t n) const;

  /// KILN_NUM_THREADS when set to a positive integer, else the cores this
  /// process may run on (its CPU affinity mask), at least 1.
  static int defaultThreadCount();

  /// A process-wide pool of defaultThreadCount() threads, created on first
  /// use.
  static ThreadPool &global();

private:
  using Trampoline = void (*)(void *, int64_t, int64_t);
  void run(int64_t n, Trampoline fn, void *state);
  void workerLoop(int index);
  void runChunk(int64_t chunk);

  int numThreads_ = 1;
  int64_t ownerProcess_ = 0; // the pid that started the workers
  std::vector<std::thread> workers_;

  std::mutex callMutex_; // one parallel-for at a time

  std::mutex mutex_;
  std::condition_variable start_, done_;
  uint64_t generation_ = 0;
  bool stopping_ = false;
  int pending_ = 0; // workers still running the current job

  // The current job, written under mutex_ before generation_ changes.
  Trampoline fn_ = nullptr;
  void *state_ = nullptr;
  int64_t n_ = 0, chunks_ = 0;
  std::exception_ptr error_;
};

} // namespace kiln

#endif // KILN_RUNTIME_THREADPOOL_H
