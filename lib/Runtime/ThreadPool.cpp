//===- ThreadPool.cpp - Intra-op parallelism for CPU kernels --------------===//
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <string>

#ifdef __linux__
#include <sched.h>
#endif
#include <unistd.h>

namespace kiln {
namespace {

/// The pool whose chunk this thread is running, if any (nested calls run
/// inline instead of waiting on the pool they are part of).
thread_local const ThreadPool *currentPool = nullptr;

struct CurrentPoolScope {
  const ThreadPool *saved;
  explicit CurrentPoolScope(const ThreadPool *pool) : saved(currentPool) {
    currentPool = pool;
  }
  ~CurrentPoolScope() { currentPool = saved; }
};

} // namespace

int ThreadPool::defaultThreadCount() {
  if (const char *env = std::getenv("KILN_NUM_THREADS")) {
    char *end = nullptr;
    long value = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && value > 0)
      return static_cast<int>(std::min<long>(value, 1024));
  }
#ifdef __linux__
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0)
      return count;
  }
#endif
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? static_cast<int>(hw) : 1;
}

ThreadPool &ThreadPool::global() {
  static ThreadPool pool;
  return pool;
}

ThreadPool::ThreadPool(int numThreads)
    : numThreads_(numThreads > 0 ? numThreads : defaultThreadCount()),
      ownerProcess_(static_cast<int64_t>(getpid())) {
  workers_.reserve(static_cast<size_t>(numThreads_ - 1));
  for (int i = 1; i < numThreads_; ++i)
    workers_.emplace_back([this, i] { workerLoop(i); });
}

ThreadPool::~ThreadPool() {
  if (static_cast<int64_t>(getpid()) != ownerProcess_) {
    // A forked child: the workers exist only in the parent.
    for (std::thread &worker : workers_)
      worker.detach();
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  start_.notify_all();
  for (std::thread &worker : workers_)
    worker.join();
}

int64_t ThreadPool::numChunks(int64_t n) const {
  return n <= 0 ? 0 : std::min<int64_t>(n, numThreads_);
}

void ThreadPool::runChunk(int64_t chunk) {
  int64_t begin = chunk * n_ / chunks_, end = (chunk + 1) * n_ / chunks_;
  try {
    fn_(state_, begin, end);
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error_)
      error_ = std::current_exception();
  }
}

void ThreadPool::workerLoop(int index) {
  CurrentPoolScope scope(this);
  uint64_t seen = 0;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_)
        return;
      seen = generation_;
    }
    if (index < chunks_)
      runChunk(index);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (--pending_ == 0)
        done_.notify_one();
    }
  }
}

void ThreadPool::run(int64_t n, Trampoline fn, void *state) {
  int64_t chunks = numChunks(n);
  if (chunks == 0)
    return;
  // Inline: one chunk, a pool of one, a nested call from a chunk, or a
  // child process forked after the pool started (its workers did not fork).
  if (chunks == 1 || currentPool == this ||
      static_cast<int64_t>(getpid()) != ownerProcess_) {
    fn(state, 0, n);
    return;
  }
  std::lock_guard<std::mutex> call(callMutex_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    fn_ = fn;
    state_ = state;
    n_ = n;
    chunks_ = chunks;
    error_ = nullptr;
    pending_ = static_cast<int>(workers_.size());
    ++generation_;
  }
  start_.notify_all();
  {
    CurrentPoolScope scope(this);
    runChunk(0);
  }
  std::exception_ptr error;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return pending_ == 0; });
    error = error_;
    error_ = nullptr;
  }
  if (error)
    std::rethrow_exception(error);
}

} // namespace kiln
