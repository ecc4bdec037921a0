//===- CPUThreadPoolTest.cpp - The runtime's thread pool ------------------===//
#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/ThreadPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <set>
#include <thread>
#include <vector>

using namespace kiln;

namespace {

TEST(CPUThreadPool, StaticChunksCoverTheRangeOnce) {
  for (int threads : {1, 2, 3, 5}) {
    ThreadPool pool(threads);
    EXPECT_EQ(pool.size(), threads);
    for (int64_t n : {0, 1, 2, 3, 7, 100}) {
      std::vector<std::atomic<int>> hits(static_cast<size_t>(n));
      std::atomic<int> chunks{0};
      pool.parallelFor(n, [&](int64_t begin, int64_t end) {
        EXPECT_LT(begin, end);
        ++chunks;
        for (int64_t i = begin; i < end; ++i)
          ++hits[i];
      });
      for (int64_t i = 0; i < n; ++i)
        EXPECT_EQ(hits[i].load(), 1) << "n = " << n << ", i = " << i;
      EXPECT_EQ(chunks.load(), pool.numChunks(n));
      EXPECT_EQ(pool.numChunks(n), std::min<int64_t>(n, threads));
    }
  }
}

TEST(CPUThreadPool, ChunksRunOnSeveralThreads) {
  ThreadPool pool(3);
  std::mutex mutex;
  std::set<std::thread::id> ids;
  pool.parallelFor(3, [&](int64_t, int64_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::lock_guard<std::mutex> lock(mutex);
    ids.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(ids.size(), 3u);
}

TEST(CPUThreadPool, NestedCallsRunInline) {
  ThreadPool pool(2);
  std::atomic<int64_t> total{0};
  pool.parallelFor(4, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i)
      pool.parallelFor(10, [&](int64_t b2, int64_t e2) { total += e2 - b2; });
  });
  EXPECT_EQ(total.load(), 40);
}

TEST(CPUThreadPool, ConcurrentCallersShareOnePool) {
  ThreadPool pool(2);
  std::atomic<int64_t> total{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&] {
      for (int r = 0; r < 50; ++r)
        pool.parallelFor(64, [&](int64_t b, int64_t e) { total += e - b; });
    });
  for (std::thread &t : callers)
    t.join();
  EXPECT_EQ(total.load(), 4 * 50 * 64);
}

TEST(CPUThreadPool, ExceptionsReachTheCaller) {
  ThreadPool pool(3);
  try {
    pool.parallelFor(3, [&](int64_t b, int64_t) {
      if (b > 0)
        fail("chunk ", b, " failed");
    });
    FAIL() << "expected an exception";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("failed"), std::string::npos);
  }
  // The pool still works afterwards.
  std::atomic<int> n{0};
  pool.parallelFor(3, [&](int64_t b, int64_t e) { n += int(e - b); });
  EXPECT_EQ(n.load(), 3);
}

TEST(CPUThreadPool, DefaultSizeFollowsTheEnvironment) {
  const char *saved = std::getenv("KILN_NUM_THREADS");
  std::string savedValue = saved ? saved : "";
  setenv("KILN_NUM_THREADS", "3", 1);
  EXPECT_EQ(ThreadPool::defaultThreadCount(), 3);
  setenv("KILN_NUM_THREADS", "zero", 1);
  EXPECT_GE(ThreadPool::defaultThreadCount(), 1);
  if (saved)
    setenv("KILN_NUM_THREADS", savedValue.c_str(), 1);
  else
    unsetenv("KILN_NUM_THREADS");
  EXPECT_GE(ThreadPool::global().size(), 1);
}

} // namespace
