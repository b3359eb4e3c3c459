/*
 * The yardstick of `npm run bench` (scripts/bench.ts compiles it with cc -O3 -march=native): the moment-trick SGD
 * epoch with a per-epoch test metric written as fast as it can honestly be in plain C, for the paper's network
 * 2 → 10 → 10 → 2 without biases, N = 512, B = 64 (Appendix A). Every dimension is a compile-time constant. Per epoch:
 * a Fisher–Yates reshuffle from xoshiro256+ with Lemire's bounded draw on a 128-bit product; per step the batch's 7
 * distinct moments (Sxx is symmetric) summed from per-sample rows, the end-to-end 2×2 map E = W3 W2 W1 formed once, the
 * residual G = 2/(B m) (E Sxx − Syx) and every layer's gradient from it (the moment trick: no per-sample pass), all
 * from the old weights, then the step with weight decay; after the epoch the flush below 1e-300 and the test MSE from
 * the test set's moments. Its data are its own draws of the teacher task and its stream is not the engine's: the
 * speed, not the numbers, is compared.
 * Timed in the process's CPU time, as scripts/bench.ts times the JS paths, so a shared machine's load moves both alike.
 * Built with -DSEQUENTIAL_SUMS the batch's moments are summed sample by sample in one chain per moment, the order the
 * engine keeps (its bits are the JS kernels'); scripts/bench.ts builds that form also without fused multiply-add and
 * with 128-bit vectors, the width of WebAssembly SIMD: C computing as the engine must.
 * Usage: sgd-epoch EPOCHS LR BETA   prints "steps_per_second checksum".
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 512
#define NTEST 512
#define B 64
#define H 10 /* hidden width */
#define ROW 8 /* xx00 xx01 xx11 yx00 yx01 yx10 yx11 yy: 7 moments and |y|², one 64-byte line per sample */

static double W1[H][2], W2[H][H], W3[2][H];
typedef double v4 __attribute__((vector_size(32))); /* GCC/Clang vectors: AVX under -march=native */
static v4 rows[N][2] __attribute__((aligned(64)));
static double test[ROW];
static uint32_t order[N];
static uint64_t s[4] = {0x9e3779b97f4a7c15u, 0xbf58476d1ce4e5b9u, 0x94d049bb133111ebu, 0x2545f4914f6cdd1du};

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* xoshiro256+ (Blackman & Vigna): the top bits are the good ones, which the bounded draw below keeps. */
static inline uint64_t next(void) {
  const uint64_t r = s[0] + s[3], t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return r;
}

/* Uniform on [0, n) without bias: Lemire's multiply-and-reject on the 128-bit product. */
static inline uint32_t uniform_index(uint64_t n) {
  unsigned __int128 p = (unsigned __int128)next() * n;
  uint64_t low = (uint64_t)p;
  if (low < n) {
    const uint64_t t = -n % n;
    while (low < t) {
      p = (unsigned __int128)next() * n;
      low = (uint64_t)p;
    }
  }
  return (uint32_t)(p >> 64);
}

static double gaussian(void) {
  const double u = ((next() >> 11) + 1.0) * 0x1p-53, v = (next() >> 11) * 0x1p-53;
  return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* E = W3 W2 W1 (2×2), with P1 = W1 and P2 = W2 W1 kept for the gradients. */
static inline void end_to_end(double P2[H][2], double E[2][2]) {
  for (int i = 0; i < H; i++) {
    double a = 0, b = 0;
    for (int k = 0; k < H; k++) a += W2[i][k] * W1[k][0], b += W2[i][k] * W1[k][1];
    P2[i][0] = a, P2[i][1] = b;
  }
  for (int o = 0; o < 2; o++) {
    double a = 0, b = 0;
    for (int k = 0; k < H; k++) a += W3[o][k] * P2[k][0], b += W3[o][k] * P2[k][1];
    E[o][0] = a, E[o][1] = b;
  }
}

static inline void step(const double m[ROW], double lr, double beta) {
  double P2[H][2], E[2][2], G[2][2], S1[2][H], h2[2][H];
  end_to_end(P2, E);
  const double coef = 2.0 / (B * 2);
  for (int o = 0; o < 2; o++) {
    G[o][0] = coef * (E[o][0] * m[0] + E[o][1] * m[1] - m[3 + 2 * o]);
    G[o][1] = coef * (E[o][0] * m[1] + E[o][1] * m[2] - m[4 + 2 * o]);
  }
  /* Suffixes from the old weights: S2 = W3, S1 = W3 W2. */
  for (int o = 0; o < 2; o++)
    for (int j = 0; j < H; j++) {
      double v = 0;
      for (int i = 0; i < H; i++) v += W3[o][i] * W2[i][j];
      S1[o][j] = v;
    }
  for (int o = 0; o < 2; o++)
    for (int j = 0; j < H; j++) h2[o][j] = G[o][0] * W1[j][0] + G[o][1] * W1[j][1];
  /* W1 -= lr (S1ᵀ G + β W1), W2 -= lr (W3ᵀ G W1ᵀ + β W2), W3 -= lr (G P2ᵀ + β W3). */
  for (int i = 0; i < H; i++)
    for (int c = 0; c < 2; c++) W1[i][c] -= lr * (S1[0][i] * G[0][c] + S1[1][i] * G[1][c] + beta * W1[i][c]);
  for (int i = 0; i < H; i++)
    for (int j = 0; j < H; j++) W2[i][j] -= lr * (W3[0][i] * h2[0][j] + W3[1][i] * h2[1][j] + beta * W2[i][j]);
  for (int o = 0; o < 2; o++)
    for (int j = 0; j < H; j++) W3[o][j] -= lr * (G[o][0] * P2[j][0] + G[o][1] * P2[j][1] + beta * W3[o][j]);
}

/* Test MSE from the test set's moments: (Σ|y|² − 2 tr(E Syxᵀ) + tr(E Sxx Eᵀ)) / (N m). */
static double test_mse(void) {
  double P2[H][2], E[2][2];
  end_to_end(P2, E);
  const double *t = test;
  double cross = 0, quad = 0;
  for (int o = 0; o < 2; o++) {
    cross += E[o][0] * t[3 + 2 * o] + E[o][1] * t[4 + 2 * o];
    quad += E[o][0] * (E[o][0] * t[0] + E[o][1] * t[1]) + E[o][1] * (E[o][0] * t[1] + E[o][1] * t[2]);
  }
  return (t[7] - 2 * cross + quad) / (NTEST * 2);
}

static void sample_row(double *row) {
  const double x0 = gaussian(), x1 = gaussian();
  const double y0 = 0.9 * x0 + 0.1 * gaussian(), y1 = 0.8 * x1 + 0.1 * gaussian();
  const double r[ROW] = {x0 * x0, x0 * x1, x1 * x1, y0 * x0, y0 * x1, y1 * x0, y1 * x1, y0 * y0 + y1 * y1};
  for (int k = 0; k < ROW; k++) row[k] = r[k];
}

static void flush(double *p, int count) {
  for (int k = 0; k < count; k++)
    if (fabs(p[k]) < 1e-300) p[k] = 0;
}

int main(int argc, char **argv) {
  if (argc < 4) return fprintf(stderr, "usage: sgd-epoch EPOCHS LR BETA\n"), 2;
  const long epochs = atol(argv[1]);
  const double lr = atof(argv[2]), beta = atof(argv[3]);
  for (int n = 0; n < N; n++) sample_row((double *)rows[n]);
  for (int n = 0; n < NTEST; n++) {
    double row[ROW];
    sample_row(row);
    for (int k = 0; k < ROW; k++) test[k] += row[k];
  }
  const double init = 1 / sqrt(10.0);
  for (int i = 0; i < H; i++) W1[i][0] = gaussian() * init, W1[i][1] = gaussian() * init;
  for (int i = 0; i < H; i++)
    for (int j = 0; j < H; j++) W2[i][j] = gaussian() * init;
  for (int o = 0; o < 2; o++)
    for (int j = 0; j < H; j++) W3[o][j] = gaussian() * init;
  for (int n = 0; n < N; n++) order[n] = n;
  struct timespec t0, t1;
  double sink = 0;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (long e = 0; e < epochs; e++) {
    for (uint32_t i = N - 1; i > 0; i--) {
      const uint32_t j = uniform_index(i + 1), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int st = 0; st < N / B; st++) {
#ifdef SEQUENTIAL_SUMS
      v4 l = {0}, h = {0};
      for (int b = st * B; b < st * B + B; b++) l += rows[order[b]][0], h += rows[order[b]][1];
#else
      /* Four partial sums per half-row, so the adds are not one chain of B latencies. */
      v4 lo[4] = {{0}}, hi[4] = {{0}};
      for (int b = st * B; b < st * B + B; b += 4)
        for (int q = 0; q < 4; q++) lo[q] += rows[order[b + q]][0], hi[q] += rows[order[b + q]][1];
      const v4 l = (lo[0] + lo[1]) + (lo[2] + lo[3]), h = (hi[0] + hi[1]) + (hi[2] + hi[3]);
#endif
      const double m[ROW] = {l[0], l[1], l[2], l[3], h[0], h[1], h[2], h[3]};
      step(m, lr, beta);
    }
    flush(&W1[0][0], 2 * H);
    flush(&W2[0][0], H * H);
    flush(&W3[0][0], 2 * H);
    sink += test_mse();
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  const double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("%.0f %.17g\n", epochs * (N / B) / seconds, sink);
  return 0;
}
