//===- kiln-cpu-bench.cpp - FMA peak and GEMM throughput of this CPU ------===//
//
// Measures the machine's FMA peak (independent FMA chains on every thread,
// for each instruction set this CPU runs) and the CPU GEMM's throughput on
// the same threads, and prints GEMM / peak. Not a test: numbers depend on
// the machine and its load.
//
//   kiln-cpu-bench [--threads N] [--isa avx512|avx2|portable]
//                  [--size MxNxK]... [--dtype f32|f16|bf16] [--repeat R]
//
//===----------------------------------------------------------------------===//
#include "Gemm.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Half.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

using namespace kiln;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int64_t kPeakIterations = 20000000;

#if defined(__x86_64__)
// 16 independent chains cover the FMA latency x throughput of current x86
// cores; the accumulators are returned so the loop is not removed.
__attribute__((target("avx512f"))) float peakAvx512(int64_t iterations) {
  __m512 acc[16];
  for (int i = 0; i < 16; ++i)
    acc[i] = _mm512_set1_ps(static_cast<float>(i));
  const __m512 x = _mm512_set1_ps(0.999999f), y = _mm512_set1_ps(1e-7f);
  for (int64_t it = 0; it < iterations; ++it)
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i)
      acc[i] = _mm512_fmadd_ps(acc[i], x, y);
  __m512 sum = acc[0];
  for (int i = 1; i < 16; ++i)
    sum = _mm512_add_ps(sum, acc[i]);
  return _mm512_reduce_add_ps(sum);
}

__attribute__((target("avx2,fma"))) float peakAvx2(int64_t iterations) {
  __m256 acc[12];
  for (int i = 0; i < 12; ++i)
    acc[i] = _mm256_set1_ps(static_cast<float>(i));
  const __m256 x = _mm256_set1_ps(0.999999f), y = _mm256_set1_ps(1e-7f);
  for (int64_t it = 0; it < iterations; ++it)
#pragma GCC unroll 12
    for (int i = 0; i < 12; ++i)
      acc[i] = _mm256_fmadd_ps(acc[i], x, y);
  __m256 sum = acc[0];
  for (int i = 1; i < 12; ++i)
    sum = _mm256_add_ps(sum, acc[i]);
  float out[8];
  _mm256_storeu_ps(out, sum);
  return out[0] + out[7];
}
#endif

/// GFLOP/s of `isa`'s FMA loop on every thread of `pool` at once.
double measurePeak(cpu::Isa isa, ThreadPool &pool) {
#if defined(__x86_64__)
  if (isa == cpu::Isa::Portable)
    return 0.0;
  const int64_t iterations =
      isa == cpu::Isa::AVX512 ? kPeakIterations / 2 : kPeakIterations / 2;
  const double flopsPerIteration = isa == cpu::Isa::AVX512 ? 16 * 16 * 2 : 12 * 8 * 2;
  std::vector<float> sink(static_cast<size_t>(pool.size()));
  double best = 0.0;
  for (int trial = 0; trial < 3; ++trial) {
    auto start = Clock::now();
    pool.parallelFor(pool.size(), [&](int64_t b, int64_t e) {
      for (int64_t t = b; t < e; ++t)
        sink[t] = isa == cpu::Isa::AVX512 ? peakAvx512(iterations)
                                          : peakAvx2(iterations);
    });
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    best = std::max(best, flopsPerIteration * iterations * pool.size() /
                              seconds / 1e9);
  }
  if (sink[0] == 12345.0f)
    std::printf(" ");
  return best;
#else
  (void)isa;
  (void)pool;
  return 0.0;
#endif
}

struct Size {
  int64_t m, n, k;
};

[[noreturn]] void usage(const char *message) {
  std::fprintf(stderr,
               "kiln-cpu-bench: %s\nusage: kiln-cpu-bench [--threads N] "
               "[--isa avx512|avx2|portable] [--size MxNxK]... "
               "[--dtype f32|f16|bf16] [--repeat R]\n",
               message);
  std::exit(2);
}

} // namespace

int main(int argc, char **argv) {
  int threads = 0, repeat = 10;
  cpu::Isa isa = cpu::bestIsa();
  DType dtype = DType::F32;
  std::vector<Size> sizes;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc)
        usage(("missing value after " + arg).c_str());
      return argv[++i];
    };
    if (arg == "--threads") {
      threads = std::atoi(value().c_str());
    } else if (arg == "--repeat") {
      repeat = std::max(1, std::atoi(value().c_str()));
    } else if (arg == "--isa") {
      std::string name = value();
      bool found = false;
      for (cpu::Isa c : {cpu::Isa::Portable, cpu::Isa::AVX2, cpu::Isa::AVX512})
        if (name == cpu::isaName(c))
          isa = c, found = true;
      if (!found)
        usage(("unknown --isa " + name).c_str());
      if (!cpu::isaAvailable(isa))
        usage(("this CPU cannot run --isa " + name).c_str());
    } else if (arg == "--dtype") {
      std::string name = value();
      auto parsed = dtypeFromName(name);
      if (!parsed || !cpu::gemmSupportsType(*parsed))
        usage(("unsupported --dtype " + name).c_str());
      dtype = *parsed;
    } else if (arg == "--size") {
      Size s;
      std::string text = value();
      if (std::sscanf(text.c_str(), "%ldx%ldx%ld", &s.m, &s.n, &s.k) != 3 ||
          s.m <= 0 || s.n <= 0 || s.k <= 0)
        usage(("bad --size " + text).c_str());
      sizes.push_back(s);
    } else {
      usage(("unknown argument " + arg).c_str());
    }
  }
  if (sizes.empty())
    sizes.push_back({1024, 1024, 1024});

  ThreadPool pool(threads);
  double peak = 0.0;
  for (cpu::Isa c : {cpu::Isa::AVX2, cpu::Isa::AVX512}) {
    if (!cpu::isaAvailable(c))
      continue;
    double gflops = measurePeak(c, pool);
    std::printf("fma peak %-8s %2d threads: %8.1f GFLOP/s\n", cpu::isaName(c),
                pool.size(), gflops);
    peak = std::max(peak, gflops);
  }

  std::mt19937 gen(1);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  for (const Size &s : sizes) {
    int64_t elemSize = dtypeSize(dtype);
    std::vector<uint8_t> a(s.m * s.k * elemSize), b(s.k * s.n * elemSize),
        c(s.m * s.n * elemSize);
    auto fill = [&](std::vector<uint8_t> &bytes) {
      for (int64_t i = 0; i < static_cast<int64_t>(bytes.size()) / elemSize; ++i) {
        float v = dist(gen);
        if (dtype == DType::F32)
          reinterpret_cast<float *>(bytes.data())[i] = v;
        else if (dtype == DType::F16)
          reinterpret_cast<uint16_t *>(bytes.data())[i] = floatToHalf(v);
        else
          reinterpret_cast<uint16_t *>(bytes.data())[i] = floatToBfloat16(v);
      }
    };
    fill(a);
    fill(b);
    cpu::MatrixIn ma{a.data(), dtype, s.k, 1}, mb{b.data(), dtype, s.n, 1};
    cpu::MatrixOut mc{c.data(), dtype, s.n};
    cpu::PackedLayout layout = cpu::packedLayout(isa);
    std::vector<float> packed(cpu::packedBSize(layout, s.k, s.n));
    cpu::packB(layout, s.k, s.n, mb, packed.data(), &pool);

    auto time = [&](auto &&fn) {
      fn(); // warm up
      std::vector<double> seconds;
      for (int r = 0; r < repeat; ++r) {
        auto start = Clock::now();
        fn();
        seconds.push_back(
            std::chrono::duration<double>(Clock::now() - start).count());
      }
      std::sort(seconds.begin(), seconds.end());
      return std::make_pair(seconds[seconds.size() / 2], seconds.front());
    };
    double flops = 2.0 * s.m * s.n * s.k;
    auto [median, best] = time([&] {
      cpu::gemmPacked(isa, s.m, s.n, s.k, ma, packed.data(), mc, {}, &pool);
    });
    auto [medianAll, bestAll] =
        time([&] { cpu::gemm(isa, s.m, s.n, s.k, ma, mb, mc, {}, &pool); });
    std::printf("gemm %s %ldx%ldx%ld %s %d threads: prepacked B median %.1f "
                "GFLOP/s (best %.1f) = %.0f%% of peak; packing B each call "
                "median %.1f GFLOP/s = %.0f%%\n",
                cpu::isaName(isa), s.m, s.n, s.k, dtypeName(dtype), pool.size(),
                flops / median / 1e9, flops / best / 1e9,
                peak > 0 ? 100.0 * flops / median / 1e9 / peak : 0.0,
                flops / medianAll / 1e9,
                peak > 0 ? 100.0 * flops / medianAll / 1e9 / peak : 0.0);
    (void)bestAll;
  }
  return 0;
}
