/*
 * The engine's moment-trick SGD epoch in plain C, the yardstick of `npm run bench` (scripts/bench.ts compiles it with
 * cc -O3 -march=native): 2 → 10 → 10 → 2 without biases, N = 512, B = 64, every epoch a Fisher–Yates reshuffle from
 * xoroshiro128+ with Lemire's bounded draw, per step the batch moments and the fused step (src/engine/moment-gradient.ts),
 * the flush below 1e-300, and after every epoch the test MSE from moments. Its data are its own draws of the paper's
 * teacher task (Appendix A): the speed, not the numbers, is compared.
 * Usage: sgd-epoch EPOCHS LR BETA   prints "steps_per_second checksum".
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define L 3
#define N 512
#define NTEST 512
#define B 64
#define A 2 /* augmented input: no biases */
#define M 2
#define WIDTH (A * A + M * A + 1)
#define PACKED (A * A + M * A)

static const int w[L + 1] = {2, 10, 10, 2};
static int woff[L];
static double params[2 * 10 + 10 * 10 + 10 * 2];
static int nparams;
static double rows[N * WIDTH];
static double test[PACKED + 1];
static int order[N];
static double prefix[L + 1][10 * A]; /* [c][i], as ws.prefixT */
static double suffix[L + 1][M * 10];
static double g[M * A], h[M * 10], mom[PACKED];
static uint64_t s0 = 0x9e3779b97f4a7c15u, s1 = 0xbf58476d1ce4e5b9u;

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint32_t next(void) {
  uint64_t r = s0 + s1;
  s1 ^= s0;
  s0 = rotl(s0, 24) ^ s1 ^ (s1 << 16);
  s1 = rotl(s1, 37);
  return (uint32_t)r;
}

static inline uint32_t uniform_index(uint32_t n) {
  uint64_t p = (uint64_t)next() * n;
  uint32_t low = (uint32_t)p;
  if (low < n) {
    uint32_t t = (uint32_t)(-n) % n;
    while (low < t) {
      p = (uint64_t)next() * n;
      low = (uint32_t)p;
    }
  }
  return (uint32_t)(p >> 32);
}

static double gaussian(void) {
  double u = ((next() >> 5) + 1.0) / 134217729.0, v = (next() >> 5) / 134217728.0;
  return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

static void compute_prefixes(void) {
  for (int l = 1; l <= L; l++) {
    int rows_ = w[l], inner = w[l - 1];
    for (int c = 0; c < A; c++)
      for (int i = 0; i < rows_; i++) {
        double sum = 0;
        for (int k = 0; k < inner; k++) sum += params[woff[l - 1] + i * inner + k] * prefix[l - 1][c * inner + k];
        prefix[l][c * rows_ + i] = sum;
      }
  }
}

static void step(double lr, double beta) {
  compute_prefixes();
  const double *et = prefix[L];
  double coef = 2.0 / (B * M);
  for (int o = 0; o < M; o++)
    for (int c = 0; c < A; c++) {
      double sum = -mom[A * A + o * A + c];
      for (int k = 0; k < A; k++) sum += et[k * M + o] * mom[k * A + c];
      g[o * A + c] = coef * sum;
    }
  for (int l = L; l >= 1; l--) {
    int rows_ = w[l], cols = w[l - 1], wo = woff[l - 1];
    const double *s = suffix[l], *pt = prefix[l - 1];
    for (int o = 0; o < M; o++)
      for (int j = 0; j < cols; j++) {
        double sum = 0;
        for (int c = 0; c < A; c++) sum += g[o * A + c] * pt[c * cols + j];
        h[o * cols + j] = sum;
      }
    if (l > 1)
      for (int o = 0; o < M; o++)
        for (int j = 0; j < cols; j++) {
          double v = 0;
          for (int i = 0; i < rows_; i++) v += s[o * rows_ + i] * params[wo + i * cols + j];
          suffix[l - 1][o * cols + j] = v;
        }
    for (int i = 0; i < rows_; i++)
      for (int j = 0; j < cols; j++) {
        double sum = beta * params[wo + i * cols + j];
        for (int o = 0; o < M; o++) sum += s[o * rows_ + i] * h[o * cols + j];
        params[wo + i * cols + j] -= lr * sum;
      }
  }
}

static double test_mse(void) {
  compute_prefixes();
  const double *et = prefix[L];
  double cross = 0, quad = 0;
  for (int o = 0; o < M; o++)
    for (int c = 0; c < A; c++) {
      double es = 0;
      for (int k = 0; k < A; k++) es += et[k * M + o] * test[k * A + c];
      quad += es * et[c * M + o];
      cross += et[c * M + o] * test[A * A + o * A + c];
    }
  return (test[PACKED] - 2 * cross + quad) / (NTEST * M);
}

static void sample_row(double *row) {
  double x[A], sv[M] = {0.9, 0.8};
  for (int i = 0; i < A; i++) x[i] = gaussian();
  double yy = 0;
  for (int i = 0; i < A; i++)
    for (int j = 0; j < A; j++) row[i * A + j] = x[i] * x[j];
  for (int o = 0; o < M; o++) {
    double y = sv[o] * x[o] + 0.1 * gaussian();
    yy += y * y;
    for (int j = 0; j < A; j++) row[A * A + o * A + j] = y * x[j];
  }
  row[PACKED] = yy;
}

int main(int argc, char **argv) {
  if (argc < 4) return fprintf(stderr, "usage: sgd-epoch EPOCHS LR BETA\n"), 2;
  long epochs = atol(argv[1]);
  double lr = atof(argv[2]), beta = atof(argv[3]);
  for (int l = 0; l < L; l++) woff[l] = nparams, nparams += w[l + 1] * w[l];
  for (int s = 0; s < N; s++) sample_row(rows + s * WIDTH);
  for (int s = 0; s < NTEST; s++) {
    double row[WIDTH];
    sample_row(row);
    for (int k = 0; k < WIDTH; k++) test[k] += row[k];
  }
  for (int k = 0; k < nparams; k++) params[k] = gaussian() / sqrt(10.0);
  for (int i = 0; i < A; i++) prefix[0][i * A + i] = 1;
  for (int o = 0; o < M; o++) suffix[L][o * M + o] = 1;
  for (int i = 0; i < N; i++) order[i] = i;
  struct timespec t0, t1;
  double sink = 0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long e = 0; e < epochs; e++) {
    for (int i = N - 1; i > 0; i--) {
      int j = (int)uniform_index((uint32_t)i + 1), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int st = 0; st < N / B; st++) {
      double sum[PACKED] = {0};
      for (int b = st * B; b < st * B + B; b++)
        for (int k = 0; k < PACKED; k++) sum[k] += rows[order[b] * WIDTH + k];
      for (int k = 0; k < PACKED; k++) mom[k] = sum[k];
      step(lr, beta);
    }
    for (int k = 0; k < nparams; k++)
      if (fabs(params[k]) < 1e-300) params[k] = 0;
    sink += test_mse();
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("%.0f %.17g\n", epochs * (N / B) / seconds, sink);
  return 0;
}
