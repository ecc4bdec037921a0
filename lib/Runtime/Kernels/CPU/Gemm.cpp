//===- Gemm.cpp - Packed, cache-blocked f32 GEMM for the CPU --------------===//
//
// Loop nest of one tile (rows [r0, r1) x columns [c0, c1) of C):
//   for each KC block of K:                   B block panels stay in L2
//     for each MR row panel:   pack A's MR x KC micro-panel (stays in L1)
//       for each NR column panel:  micro-kernel on the MR x NR tile of C
// After the last KC block the epilogue runs on the micro-tile just written.
// C of type f16/bf16 accumulates in an f32 scratch tile and is converted
// there. Scratch lives in thread-local buffers that grow to the largest
// call and are then reused (no allocation per call in steady state).
//
//===----------------------------------------------------------------------===//
#include "Gemm.h"
#include "MicroKernels.h"

#include "kiln/Runtime/Error.h"
#include "kiln/Runtime/Half.h"
#include "kiln/Runtime/ThreadPool.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace kiln::cpu {

//===----------------------------------------------------------------------===//
// Instruction sets
//===----------------------------------------------------------------------===//

const char *isaName(Isa isa) {
  switch (isa) {
  case Isa::Portable:
    return "portable";
  case Isa::AVX2:
    return "avx2";
  case Isa::AVX512:
    return "avx512";
  }
  return "unknown";
}

bool isaAvailable(Isa isa) {
  switch (isa) {
  case Isa::Portable:
    return true;
#if defined(__x86_64__) || defined(__i386__)
  // __builtin_cpu_supports checks that the OS saves the wider registers too.
  case Isa::AVX2:
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  case Isa::AVX512:
    return __builtin_cpu_supports("avx512f");
#else
  default:
    return false;
#endif
  }
  return false;
}

Isa bestIsa() {
  static const Isa best = [] {
    Isa isa = Isa::Portable;
    for (Isa candidate : {Isa::AVX2, Isa::AVX512})
      if (isaAvailable(candidate))
        isa = candidate;
    if (const char *env = std::getenv("KILN_CPU_ISA")) {
      for (Isa candidate : {Isa::Portable, Isa::AVX2, Isa::AVX512})
        if (std::strcmp(env, isaName(candidate)) == 0 &&
            static_cast<int>(candidate) <= static_cast<int>(isa))
          isa = candidate;
    }
    return isa;
  }();
  return best;
}

bool gemmSupportsType(DType dtype) {
  return dtype == DType::F32 || dtype == DType::F16 || dtype == DType::BF16;
}

//===----------------------------------------------------------------------===//
// Element access
//===----------------------------------------------------------------------===//

namespace {

inline float loadElement(DType dtype, const void *data, int64_t index) {
  switch (dtype) {
  case DType::F16:
    return halfToFloat(static_cast<const uint16_t *>(data)[index]);
  case DType::BF16:
    return bfloat16ToFloat(static_cast<const uint16_t *>(data)[index]);
  default:
    return static_cast<const float *>(data)[index];
  }
}

/// Calls f(loader) with a loader specialized for `dtype`, so that packing
/// loops do not switch per element.
template <typename F> void withLoader(DType dtype, F &&f) {
  switch (dtype) {
  case DType::F16:
    return f([](const void *d, int64_t i) {
      return halfToFloat(static_cast<const uint16_t *>(d)[i]);
    });
  case DType::BF16:
    return f([](const void *d, int64_t i) {
      return bfloat16ToFloat(static_cast<const uint16_t *>(d)[i]);
    });
  default:
    return f([](const void *d, int64_t i) {
      return static_cast<const float *>(d)[i];
    });
  }
}

void checkType(DType dtype, const char *what) {
  if (!gemmSupportsType(dtype))
    fail("cpu gemm: ", what, " has element type ", dtypeName(dtype),
         "; expected f32, f16 or bf16");
}

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// Grows (never shrinks) a thread-local float buffer and returns it.
float *scratch(std::vector<float> &buffer, int64_t floats) {
  if (static_cast<int64_t>(buffer.size()) < floats)
    buffer.resize(static_cast<size_t>(floats));
  return buffer.data();
}

thread_local std::vector<float> tlsAPanel, tlsTile, tlsCTile, tlsPackedB;

} // namespace

//===----------------------------------------------------------------------===//
// Epilogue
//===----------------------------------------------------------------------===//

float activate(Activation activation, float x, float alpha, float beta) {
  switch (activation) {
  case Activation::None:
    return x;
  case Activation::Relu:
    return x > 0.0f ? x : 0.0f;
  case Activation::Sigmoid:
    return 1.0f / (1.0f + std::exp(-x));
  case Activation::Tanh:
    return std::tanh(x);
  case Activation::Gelu:
    return 0.5f * x * (1.0f + std::erf(x * 0.70710678118654752f));
  case Activation::GeluTanh: {
    float inner = 0.79788456080286536f * (x + 0.044715f * x * x * x);
    return 0.5f * x * (1.0f + std::tanh(inner));
  }
  case Activation::LeakyRelu:
    return x >= 0.0f ? x : alpha * x;
  case Activation::Clip:
    return std::min(std::max(x, alpha), beta);
  }
  return x;
}

void applyEpilogue(const Epilogue &e, float *c, int64_t ldc, int64_t rows,
                   int64_t cols, int64_t row0, int64_t col0) {
  if (e.isIdentity())
    return;
  for (int64_t i = 0; i < rows; ++i) {
    float *row = c + i * ldc;
    const int64_t m = row0 + i;
    if (e.alpha != 1.0f)
      for (int64_t j = 0; j < cols; ++j)
        row[j] *= e.alpha;
    if (e.bias) {
      if (e.biasPerRow) {
        float b = loadElement(e.biasType, e.bias, m);
        for (int64_t j = 0; j < cols; ++j)
          row[j] += b;
      } else if (e.biasType == DType::F32) {
        const float *b = static_cast<const float *>(e.bias) + col0;
        for (int64_t j = 0; j < cols; ++j)
          row[j] += b[j];
      } else {
        for (int64_t j = 0; j < cols; ++j)
          row[j] += loadElement(e.biasType, e.bias, col0 + j);
      }
    }
    auto addResidual = [&] {
      int64_t base = m * e.residualRowStride + col0;
      for (int64_t j = 0; j < cols; ++j)
        row[j] += e.residualScale *
                  loadElement(e.residualType, e.residual, base + j);
    };
    if (e.residual && !e.residualAfterActivation)
      addResidual();
    if (e.activation == Activation::Relu) {
      for (int64_t j = 0; j < cols; ++j)
        row[j] = row[j] > 0.0f ? row[j] : 0.0f;
    } else if (e.activation != Activation::None) {
      for (int64_t j = 0; j < cols; ++j)
        row[j] = activate(e.activation, row[j], e.activationAlpha,
                          e.activationBeta);
    }
    if (e.residual && e.residualAfterActivation)
      addResidual();
  }
}

//===----------------------------------------------------------------------===//
// Packing
//===----------------------------------------------------------------------===//

PackedLayout packedLayout(Isa isa) {
  PackedLayout layout;
  layout.nr = microKernel(isa).nr;
  layout.kc = 256;
  return layout;
}

int64_t packedBSize(const PackedLayout &layout, int64_t k, int64_t n) {
  return k * ceilDiv(n, layout.nr) * layout.nr;
}

namespace {

/// Packs column panels [p0, p1) of every KC block of B.
template <typename Load>
void packBPanels(const PackedLayout &layout, int64_t k, int64_t n,
                 const MatrixIn &b, float *packed, int64_t p0, int64_t p1,
                 Load load) {
  const int nr = layout.nr;
  const int64_t nPadded = ceilDiv(n, nr) * nr;
  for (int64_t k0 = 0; k0 < k; k0 += layout.kc) {
    const int64_t kc = std::min<int64_t>(layout.kc, k - k0);
    for (int64_t panel = p0; panel < p1; ++panel) {
      float *dst = packed + k0 * nPadded + panel * kc * nr;
      const int64_t j0 = panel * nr, cols = std::min<int64_t>(nr, n - j0);
      if (b.dtype == DType::F32 && b.colStride == 1 && cols == nr) {
        for (int64_t p = 0; p < kc; ++p)
          std::memcpy(dst + p * nr,
                      static_cast<const float *>(b.data) +
                          (k0 + p) * b.rowStride + j0,
                      sizeof(float) * nr);
        continue;
      }
      for (int64_t p = 0; p < kc; ++p) {
        int64_t base = (k0 + p) * b.rowStride + j0 * b.colStride;
        float *out = dst + p * nr;
        for (int64_t j = 0; j < cols; ++j)
          out[j] = load(b.data, base + j * b.colStride);
        for (int64_t j = cols; j < nr; ++j)
          out[j] = 0.0f;
      }
    }
  }
}

/// Packs rows [i0, i0 + rows) x columns [k0, k0 + kc) of A as kc steps of
/// `mr` values (rows past `rows` are zero).
template <typename Load>
void packAPanel(const MatrixIn &a, int64_t i0, int64_t rows, int64_t k0,
                int64_t kc, int mr, float *dst, Load load) {
  if (a.dtype == DType::F32 && a.rowStride == 1 && rows == mr) {
    // A transposed: each step's mr values are contiguous.
    const float *src = static_cast<const float *>(a.data);
    for (int64_t p = 0; p < kc; ++p)
      std::memcpy(dst + p * mr, src + i0 + (k0 + p) * a.colStride,
                  sizeof(float) * mr);
    return;
  }
  for (int64_t i = 0; i < rows; ++i) {
    int64_t base = (i0 + i) * a.rowStride + k0 * a.colStride;
    if (a.dtype == DType::F32 && a.colStride == 1) {
      const float *src = static_cast<const float *>(a.data) + base;
      for (int64_t p = 0; p < kc; ++p)
        dst[p * mr + i] = src[p];
    } else {
      for (int64_t p = 0; p < kc; ++p)
        dst[p * mr + i] = load(a.data, base + p * a.colStride);
    }
  }
  for (int64_t i = rows; i < mr; ++i)
    for (int64_t p = 0; p < kc; ++p)
      dst[p * mr + i] = 0.0f;
}

} // namespace

void packB(const PackedLayout &layout, int64_t k, int64_t n, const MatrixIn &b,
           float *packed, ThreadPool *threads) {
  checkType(b.dtype, "B");
  const int64_t panels = ceilDiv(n, layout.nr);
  if (k <= 0 || panels <= 0)
    return;
  withLoader(b.dtype, [&](auto load) {
    auto body = [&](int64_t p0, int64_t p1) {
      packBPanels(layout, k, n, b, packed, p0, p1, load);
    };
    // Packing is memory-bound: only worth the pool for large matrices.
    if (threads && k * n >= (1 << 16))
      threads->parallelFor(panels, body);
    else
      body(0, panels);
  });
}

//===----------------------------------------------------------------------===//
// The driver
//===----------------------------------------------------------------------===//

namespace {

struct Problem {
  MicroKernel uk;
  PackedLayout layout;
  int64_t m, n, k, nPadded;
  MatrixIn a;
  const float *packedB;
  MatrixOut c;
  const Epilogue *epilogue;
};

void storeConverted(const float *src, int64_t cols, DType dtype, void *dst,
                    int64_t index) {
  if (dtype == DType::F16) {
    uint16_t *out = static_cast<uint16_t *>(dst) + index;
    for (int64_t j = 0; j < cols; ++j)
      out[j] = floatToHalf(src[j]);
  } else if (dtype == DType::BF16) {
    uint16_t *out = static_cast<uint16_t *>(dst) + index;
    for (int64_t j = 0; j < cols; ++j)
      out[j] = floatToBfloat16(src[j]);
  } else {
    std::memcpy(static_cast<float *>(dst) + index, src, sizeof(float) * cols);
  }
}

/// One tile: row panels [rp0, rp1) x column panels [cp0, cp1).
template <typename Load>
void runTile(const Problem &p, int64_t rp0, int64_t rp1, int64_t cp0,
             int64_t cp1, Load load) {
  const int mr = p.uk.mr, nr = p.uk.nr;
  const int64_t row0 = rp0 * mr, row1 = std::min(p.m, rp1 * mr);
  const int64_t col0 = cp0 * nr, col1 = std::min(p.n, cp1 * nr);
  const bool direct = p.c.dtype == DType::F32;
  // Where f32 results accumulate: C itself, or a scratch tile.
  float *cBase;
  int64_t ldc;
  if (direct) {
    cBase = static_cast<float *>(p.c.data) + row0 * p.c.rowStride + col0;
    ldc = p.c.rowStride;
  } else {
    ldc = (cp1 - cp0) * nr;
    cBase = scratch(tlsCTile, (rp1 - rp0) * mr * ldc);
  }
  float *aPanel = scratch(tlsAPanel, static_cast<int64_t>(mr) * p.layout.kc);
  float *tile = scratch(tlsTile, static_cast<int64_t>(mr) * nr);

  for (int64_t k0 = 0; k0 < p.k; k0 += p.layout.kc) {
    const int64_t kc = std::min<int64_t>(p.layout.kc, p.k - k0);
    const bool first = k0 == 0, last = k0 + kc == p.k;
    for (int64_t rp = rp0; rp < rp1; ++rp) {
      const int64_t i0 = rp * mr, rows = std::min<int64_t>(mr, p.m - i0);
      packAPanel(p.a, i0, rows, k0, kc, mr, aPanel, load);
      for (int64_t cp = cp0; cp < cp1; ++cp) {
        const int64_t j0 = cp * nr, cols = std::min<int64_t>(nr, p.n - j0);
        const float *bPanel = p.packedB + k0 * p.nPadded + cp * kc * nr;
        float *c = cBase + (i0 - row0) * ldc + (j0 - col0);
        MicroKernelFn kernel = p.uk.rows[rows];
        if (cols == nr) {
          kernel(kc, aPanel, bPanel, c, ldc, !first);
        } else {
          kernel(kc, aPanel, bPanel, tile, nr, false);
          for (int64_t i = 0; i < rows; ++i)
            for (int64_t j = 0; j < cols; ++j)
              c[i * ldc + j] =
                  first ? tile[i * nr + j] : c[i * ldc + j] + tile[i * nr + j];
        }
        if (!last)
          continue;
        applyEpilogue(*p.epilogue, c, ldc, rows, cols, i0, j0);
        if (!direct)
          for (int64_t i = 0; i < rows; ++i)
            storeConverted(c + i * ldc, cols, p.c.dtype, p.c.data,
                           (i0 + i) * p.c.rowStride + j0);
      }
    }
  }
  (void)row1;
  (void)col1;
}

/// C = epilogue(0) when K is empty.
void fillEmptyK(const Problem &p) {
  std::vector<float> row(static_cast<size_t>(p.n));
  for (int64_t i = 0; i < p.m; ++i) {
    std::fill(row.begin(), row.end(), 0.0f);
    applyEpilogue(*p.epilogue, row.data(), p.n, 1, p.n, i, 0);
    storeConverted(row.data(), p.n, p.c.dtype, p.c.data, i * p.c.rowStride);
  }
}

} // namespace

void gemmPacked(Isa isa, int64_t m, int64_t n, int64_t k, const MatrixIn &a,
                const float *packedB, const MatrixOut &c,
                const Epilogue &epilogue, ThreadPool *threads) {
  checkType(a.dtype, "A");
  checkType(c.dtype, "C");
  if (!isaAvailable(isa))
    fail("cpu gemm: this CPU cannot run the ", isaName(isa), " micro-kernel");
  if (m < 0 || n < 0 || k < 0)
    fail("cpu gemm: negative size ", m, "x", n, "x", k);
  if (m == 0 || n == 0)
    return;
  Problem p;
  p.uk = microKernel(isa);
  p.layout = packedLayout(isa);
  p.m = m, p.n = n, p.k = k;
  p.nPadded = ceilDiv(n, p.uk.nr) * p.uk.nr;
  p.a = a, p.packedB = packedB, p.c = c, p.epilogue = &epilogue;
  if (k == 0)
    return fillEmptyK(p);

  // Tiles: at most kMaxTileRows x kMaxTileCols, as many as a multiple of
  // the threads that share them, split in whole micro-tiles.
  const int64_t rowPanels = ceilDiv(m, p.uk.mr), colPanels = ceilDiv(n, p.uk.nr);
  const int64_t maxTileRows = c.dtype == DType::F32 ? 1024 : 256;
  const int64_t maxTileCols = 512;
  int64_t tilesM = std::min(rowPanels, ceilDiv(m, maxTileRows));
  int64_t tilesN = std::min(colPanels, ceilDiv(n, maxTileCols));
  int64_t numThreads = threads ? threads->size() : 1;
  // Below ~2 MFLOP a parallel-for costs more than it saves.
  if (2 * m * n * k < (int64_t(1) << 21))
    numThreads = 1;
  while ((tilesM * tilesN) % numThreads != 0) {
    bool growM = tilesM < rowPanels &&
                 (tilesN >= colPanels ||
                  rowPanels * p.uk.mr / tilesM >= colPanels * p.uk.nr / tilesN);
    if (growM)
      ++tilesM;
    else if (tilesN < colPanels)
      ++tilesN;
    else
      break;
  }
  withLoader(a.dtype, [&](auto load) {
    auto body = [&](int64_t t0, int64_t t1) {
      for (int64_t t = t0; t < t1; ++t) {
        int64_t tm = t / tilesN, tn = t % tilesN;
        runTile(p, tm * rowPanels / tilesM, (tm + 1) * rowPanels / tilesM,
                tn * colPanels / tilesN, (tn + 1) * colPanels / tilesN, load);
      }
    };
    int64_t tiles = tilesM * tilesN;
    if (threads && numThreads > 1)
      threads->parallelFor(tiles, body);
    else
      body(0, tiles);
  });
}

void gemm(Isa isa, int64_t m, int64_t n, int64_t k, const MatrixIn &a,
          const MatrixIn &b, const MatrixOut &c, const Epilogue &epilogue,
          ThreadPool *threads) {
  PackedLayout layout = packedLayout(isa);
  float *packed = scratch(tlsPackedB, packedBSize(layout, k, n));
  packB(layout, k, n, b, packed, threads);
  gemmPacked(isa, m, n, k, a, packed, c, epilogue, threads);
}

} // namespace kiln::cpu
