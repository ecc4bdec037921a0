/* The machine's limits, measured: f32 FMA peak and streaming-read bandwidth.
 *
 *   limits fma THREADS SECONDS      -> prints "isa GFLOPS"
 *   limits read THREADS MIB PASSES  -> prints "GB/s"
 *
 * Built on the fly by bench/machine.py with the system C compiler; the
 * vector width is chosen at run time (CPUID via __builtin_cpu_supports), so
 * the build needs no -march flag. */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* Independent accumulator chains: enough of them to cover FMA latency times
 * the number of FMA pipes (Zen 4: 4 cycles x 2 pipes; 12 leaves headroom). */
#define CHAINS 12

__attribute__((target("avx512f"))) static double fmaAvx512(long iters) {
  const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
  __m512 c0 = _mm512_set1_ps(0), c1 = _mm512_set1_ps(1), c2 = _mm512_set1_ps(2), c3 = _mm512_set1_ps(3),
         c4 = _mm512_set1_ps(4), c5 = _mm512_set1_ps(5), c6 = _mm512_set1_ps(6), c7 = _mm512_set1_ps(7),
         c8 = _mm512_set1_ps(8), c9 = _mm512_set1_ps(9), c10 = _mm512_set1_ps(10), c11 = _mm512_set1_ps(11);
  for (long n = 0; n < iters; ++n) {
#define STEP(c) c = _mm512_fmadd_ps(c, a, b)
    STEP(c0); STEP(c1); STEP(c2); STEP(c3); STEP(c4); STEP(c5);
    STEP(c6); STEP(c7); STEP(c8); STEP(c9); STEP(c10); STEP(c11);
#undef STEP
  }
  __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(c0, c1), _mm512_add_ps(c2, c3)),
                           _mm512_add_ps(_mm512_add_ps(c4, c5), _mm512_add_ps(c6, c7)));
  s = _mm512_add_ps(s, _mm512_add_ps(_mm512_add_ps(c8, c9), _mm512_add_ps(c10, c11)));
  return _mm512_reduce_add_ps(s);
}

__attribute__((target("avx2,fma"))) static double fmaAvx2(long iters) {
  const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
  __m256 c0 = _mm256_set1_ps(0), c1 = _mm256_set1_ps(1), c2 = _mm256_set1_ps(2), c3 = _mm256_set1_ps(3),
         c4 = _mm256_set1_ps(4), c5 = _mm256_set1_ps(5), c6 = _mm256_set1_ps(6), c7 = _mm256_set1_ps(7),
         c8 = _mm256_set1_ps(8), c9 = _mm256_set1_ps(9), c10 = _mm256_set1_ps(10), c11 = _mm256_set1_ps(11);
  for (long n = 0; n < iters; ++n) {
#define STEP(c) c = _mm256_fmadd_ps(c, a, b)
    STEP(c0); STEP(c1); STEP(c2); STEP(c3); STEP(c4); STEP(c5);
    STEP(c6); STEP(c7); STEP(c8); STEP(c9); STEP(c10); STEP(c11);
#undef STEP
  }
  __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(c0, c1), _mm256_add_ps(c2, c3)),
                           _mm256_add_ps(_mm256_add_ps(c4, c5), _mm256_add_ps(c6, c7)));
  s = _mm256_add_ps(s, _mm256_add_ps(_mm256_add_ps(c8, c9), _mm256_add_ps(c10, c11)));
  float out[8];
  _mm256_storeu_ps(out, s);
  return out[0] + out[1] + out[2] + out[3] + out[4] + out[5] + out[6] + out[7];
}

static double fmaScalar(long iters) {
  float acc[CHAINS];
  for (int i = 0; i < CHAINS; ++i) acc[i] = (float)i;
  for (long n = 0; n < iters; ++n)
    for (int i = 0; i < CHAINS; ++i) acc[i] = acc[i] * 0.999999f + 1e-7f;
  double s = 0;
  for (int i = 0; i < CHAINS; ++i) s += acc[i];
  return s;
}

static int lanes;
static double (*fmaKernel)(long);

static void chooseIsa(const char **name) {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) {
    fmaKernel = fmaAvx512, lanes = 16, *name = "avx512f";
  } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    fmaKernel = fmaAvx2, lanes = 8, *name = "avx2+fma";
  } else {
    fmaKernel = fmaScalar, lanes = 1, *name = "scalar";
  }
}

struct Job {
  long iters;      /* fma: loop trips */
  const float *data; /* read: this thread's slice */
  size_t count;
  int passes;
  double sink;
  double seconds;
  pthread_barrier_t *barrier;
};

static void *fmaThread(void *p) {
  struct Job *job = p;
  pthread_barrier_wait(job->barrier);
  double t = now();
  job->sink = fmaKernel(job->iters);
  job->seconds = now() - t;
  return NULL;
}

__attribute__((target("avx2"))) static double sumAvx2(const float *x, size_t n) {
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    s0 = _mm256_add_ps(s0, _mm256_load_ps(x + i));
    s1 = _mm256_add_ps(s1, _mm256_load_ps(x + i + 8));
    s2 = _mm256_add_ps(s2, _mm256_load_ps(x + i + 16));
    s3 = _mm256_add_ps(s3, _mm256_load_ps(x + i + 24));
  }
  float out[8];
  _mm256_storeu_ps(out, _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
  double s = 0;
  for (int k = 0; k < 8; ++k) s += out[k];
  for (; i < n; ++i) s += x[i];
  return s;
}

static double sumScalar(const float *x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; ++i) s += x[i];
  return s;
}

static double (*sumKernel)(const float *, size_t);

static void *readThread(void *p) {
  struct Job *job = p;
  double best = 1e30;
  for (int k = 0; k < job->passes; ++k) {
    pthread_barrier_wait(job->barrier);
    double t = now();
    job->sink += sumKernel(job->data, job->count);
    double dt = now() - t;
    if (dt < best) best = dt;
    pthread_barrier_wait(job->barrier);
  }
  job->seconds = best;
  return NULL;
}

static int runThreads(int threads, struct Job *jobs, void *(*body)(void *)) {
  pthread_t ids[256];
  for (int i = 0; i < threads; ++i)
    if (pthread_create(&ids[i], NULL, body, &jobs[i]) != 0) {
      fprintf(stderr, "limits: cannot start thread %d\n", i);
      return 1;
    }
  for (int i = 0; i < threads; ++i) pthread_join(ids[i], NULL);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[1], "fma") && strcmp(argv[1], "read"))) {
    fprintf(stderr, "usage: limits fma THREADS SECONDS | limits read THREADS MIB PASSES\n");
    return 2;
  }
  int threads = atoi(argv[2]);
  if (threads < 1 || threads > 256) {
    fprintf(stderr, "limits: THREADS must be 1..256, got %s\n", argv[2]);
    return 2;
  }
  const char *isa;
  chooseIsa(&isa);
  struct Job jobs[256];
  memset(jobs, 0, sizeof jobs);
  pthread_barrier_t barrier;
  pthread_barrier_init(&barrier, NULL, threads);
  for (int i = 0; i < threads; ++i) jobs[i].barrier = &barrier;

  if (!strcmp(argv[1], "fma")) {
    double seconds = atof(argv[3]);
    /* Calibrate the trip count on one thread, then run it on all. */
    long iters = 1 << 16;
    for (;;) {
      double t = now();
      volatile double sink = fmaKernel(iters);
      (void)sink;
      if (now() - t > 0.05) break;
      iters *= 2;
    }
    double t = now();
    volatile double sink = fmaKernel(iters);
    (void)sink;
    iters = (long)(iters * seconds / (now() - t)) + 1;
    for (int i = 0; i < threads; ++i) jobs[i].iters = iters;
    if (runThreads(threads, jobs, fmaThread)) return 1;
    /* All threads' work over the slowest thread's time: a thread that lost
     * its core to another process lowers the number, never raises it. */
    double slowest = 0;
    for (int i = 0; i < threads; ++i)
      if (jobs[i].seconds > slowest) slowest = jobs[i].seconds;
    printf("%s %.3f\n", isa, 2.0 * CHAINS * lanes * iters * threads / slowest / 1e9);
    return 0;
  }

  if (argc < 5) {
    fprintf(stderr, "usage: limits read THREADS MIB PASSES\n");
    return 2;
  }
  size_t bytes = (size_t)atol(argv[3]) << 20;
  int passes = atoi(argv[4]);
  sumKernel = __builtin_cpu_supports("avx2") ? sumAvx2 : sumScalar;
  float *data = aligned_alloc(64, bytes);
  if (!data) {
    fprintf(stderr, "limits: cannot allocate %s MiB\n", argv[3]);
    return 1;
  }
  size_t count = bytes / sizeof(float), slice = count / threads / 32 * 32;
  /* Each thread touches its own slice first, so its pages are its own. */
  for (size_t i = 0; i < count; ++i) data[i] = (float)(i & 1023);
  for (int i = 0; i < threads; ++i) {
    jobs[i].data = data + i * slice;
    jobs[i].count = slice;
    jobs[i].passes = passes;
  }
  if (runThreads(threads, jobs, readThread)) return 1;
  double slowest = 0;
  for (int i = 0; i < threads; ++i)
    if (jobs[i].seconds > slowest) slowest = jobs[i].seconds;
  printf("%.3f\n", (double)slice * threads * sizeof(float) / slowest / 1e9);
  free(data);
  return 0;
}
