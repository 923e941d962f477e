// @tensorseq/kernels: WebAssembly SIMD kernels (wasm32 + simd128, no libc).
//
// The TypeScript side (src/wasm/wasm-runtime.ts) owns the memory layout: it grows the module's memory,
// copies inputs in at offsets above __heap_base, fills an RnnParams block with their addresses and
// calls one export per forward/backward pass. This file mirrors src/js/rnn-forward-js.ts and
// src/js/rnn-backward-js.ts step for step, with the same saved-buffer layout ([T, B, .], step-major),
// so a forward on one backend can be differentiated on the other.
//
// Build: sh scripts/build-wasm.sh (clang -O3 --target=wasm32 -msimd128 -nostdlib).

#include <wasm_simd128.h>

typedef int i32;
typedef unsigned int u32;
typedef long long i64;

#define EXPORT(name) __attribute__((export_name(#name)))
// Marks a loop already vectorized by hand (or too short to gain): clang's own vectorizing and unrolling
// of such loops grows the module (it tripled the embedding rows' growth) for no measurable gain.
#define ROWS_LOOP _Pragma("clang loop vectorize(disable) unroll(disable)")

// ---------------------------------------------------------------------------------------------------
// Scalar math without libc.

// tanh as Eigen's 13/6 rational approximation (a few ulp on float32): only multiply-adds and one
// division, so it vectorizes well and is about twice as fast as going through exp. Inputs are clamped
// where float32 tanh is already +-1.
static inline float ftanh(float x) {
  x = x < -7.90531110763549805f ? -7.90531110763549805f : (x > 7.90531110763549805f ? 7.90531110763549805f : x);
  float x2 = x * x;
  float p = -2.76076847742355e-16f;
  p = p * x2 + 2.00018790482477e-13f;
  p = p * x2 + -8.60467152213735e-11f;
  p = p * x2 + 5.12229709037114e-08f;
  p = p * x2 + 1.48572235717979e-05f;
  p = p * x2 + 6.37261928875436e-04f;
  p = p * x2 + 4.89352455891786e-03f;
  p = p * x;
  float q = 1.19825839466702e-06f;
  q = q * x2 + 1.18534705686654e-04f;
  q = q * x2 + 2.26843463243900e-03f;
  q = q * x2 + 4.89352518554385e-03f;
  return p / q;
}

// sigmoid(x) = (1 + tanh(x/2)) / 2, sharing the rational tanh.
static inline float fsigmoid(float x) { return 0.5f + 0.5f * ftanh(0.5f * x); }

enum { ACT_TANH = 0, ACT_RELU = 1, ACT_SIGMOID = 2, ACT_HARD_SIGMOID = 3, ACT_LINEAR = 4 };
enum { CELL_SIMPLE_RNN = 0, CELL_LSTM = 1, CELL_GRU = 2 };

static inline float fhard_sigmoid(float x) {
  float y = 0.2f * x + 0.5f;
  return y < 0 ? 0 : (y > 1 ? 1 : y);
}

// Applies `expr` (of x = the element) to `rows` runs of n elements, `ld` apart.
#define MAP_ROWS(expr)                          \
  for (i32 r = 0; r < rows; r++) {              \
    float* w = v + r * ld;                      \
    for (i32 i = 0; i < n; i++) {               \
      float x = w[i];                           \
      w[i] = (expr);                            \
    }                                           \
  }

// In-place activation of `rows` runs of n elements, `ld` apart (one gate's columns of a block of gate
// rows); the switch is outside the loops so each case vectorizes, and a step makes one call per gate
// rather than one per batch row.
static void activate_rows(i32 code, float* v, i32 rows, i32 ld, i32 n) {
  switch (code) {
    case ACT_TANH:
      MAP_ROWS(ftanh(x));
      break;
    case ACT_RELU:
      MAP_ROWS(x > 0 ? x : 0);
      break;
    case ACT_SIGMOID:
      MAP_ROWS(fsigmoid(x));
      break;
    case ACT_HARD_SIGMOID:
      MAP_ROWS(fhard_sigmoid(x));
      break;
    default:
      break;
  }
}

static void activate_run(i32 code, float* v, i32 n) { activate_rows(code, v, 1, n, n); }

// Applies `expr` (of y = the activation's output) to `rows` runs of n elements, `ld` apart, into out.
#define GRAD_ROWS(expr)                          \
  for (i32 r = 0; r < rows; r++) {               \
    float* o = out + r * ld;                     \
    const float* w = y + r * ld;                 \
    for (i32 i = 0; i < n; i++) o[i] = (expr);   \
  }

// out = act'(x) given y = act(x) (all five are monotone, so the output determines it), for `rows` runs
// of n elements `ld` apart, switch outside the loops so each case vectorizes.
static void activation_grad_rows(i32 code, float* out, const float* y, i32 rows, i32 ld, i32 n) {
  switch (code) {
    case ACT_TANH:
      GRAD_ROWS(1.0f - w[i] * w[i]);
      break;
    case ACT_RELU:
      GRAD_ROWS(w[i] > 0 ? 1.0f : 0.0f);
      break;
    case ACT_SIGMOID:
      GRAD_ROWS(w[i] * (1.0f - w[i]));
      break;
    case ACT_HARD_SIGMOID:
      GRAD_ROWS((w[i] > 0 && w[i] < 1) ? 0.2f : 0.0f);
      break;
    default:
      for (i32 r = 0; r < rows; r++)
        for (i32 i = 0; i < n; i++) out[r * ld + i] = 1.0f;
      break;
  }
}

static void activation_grad_run(i32 code, float* out, const float* y, i32 n) {
  activation_grad_rows(code, out, y, 1, n, n);
}

// ---------------------------------------------------------------------------------------------------
// SGEMM: C[m x n] (+)= op(A) @ op(B), row-major with leading dimensions. GotoBLAS structure: B is
// packed into k-major panels of NR columns, A into k-major panels of MR rows (the packing absorbs the
// transposes), and a 4x8 register-blocked micro-kernel does the multiply-adds with f32x4 vectors.

#define MR 4
#define NR 8
#define KC 256
#define MC 128
#define NC 512
// Widest C block whose untransposed A is read in place rather than packed (see gemm_src).
#define DIRECT_A_MAX_N 128

// Threads: the threaded build (src/wasm/kernels-mt) runs the same code in several instances over one
// shared memory, one instance per thread, each with its own stack. Static scratch is therefore indexed by
// the thread id (`tid`, 0 = the calling thread) that every parallel entry point receives.
#define MAX_THREADS 4

static float pack_a_buf[MAX_THREADS][MC * KC] __attribute__((aligned(16)));
static float pack_b_buf[MAX_THREADS][KC * NC] __attribute__((aligned(16)));

// [lo, hi) of thread `tid` of `nt` over n items, in whole multiples of `align` (the last takes the rest).
static void share(i32 n, i32 align, i32 tid, i32 nt, i32* lo, i32* hi) {
  i32 units = (n + align - 1) / align;
  i32 per = units / nt, extra = units % nt;
  i32 u0 = tid * per + (tid < extra ? tid : extra);
  i32 u1 = u0 + per + (tid < extra ? 1 : 0);
  *lo = u0 * align < n ? u0 * align : n;
  *hi = u1 * align < n ? u1 * align : n;
}

// 4x4 transpose of rows r0..r3 (4 floats each) into columns o[0..3].
static inline void transpose4(v128_t r0, v128_t r1, v128_t r2, v128_t r3, v128_t* o) {
  v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5);
  v128_t t1 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
  v128_t t2 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
  v128_t t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
  o[0] = wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5);
  o[1] = wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7);
  o[2] = wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5);
  o[3] = wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7);
}

// A as GEMM operand: op(A) rows [0, m1) come from `a`, rows [m1, ..) from `a2` (null: all from `a`).
// The second source lets one transposed GEMM read two matrices that share their k rows as if they sat
// side by side ([X | H]^T @ dG gives dKernel over dRecurrentKernel) without copying them together.
typedef struct {
  const float* a;
  i32 lda;
  const float* a2;
  i32 lda2, m1;
} ASrc;

// op(A)[i][p] for transposed A (A stored [k][m]).
static inline float at_t(const ASrc* s, i32 i, i32 p) {
  return i < s->m1 ? s->a[p * s->lda + i] : s->a2[p * s->lda2 + i - s->m1];
}

// Packs op(A)[i0:i0+mc, p0:p0+kc] into panels: panel r holds rows r*MR.. as [kc][MR], zero-padded.
static void pack_a(i32 ta, const ASrc* as, i32 i0, i32 p0, i32 mc, i32 kc, float* dst) {
  const float* a = as->a;
  i32 lda = as->lda;
  for (i32 ir = 0; ir < mc; ir += MR) {
    i32 mr = mc - ir < MR ? mc - ir : MR;
    if (!ta) {
      const float* src = a + (i0 + ir) * lda + p0;
      if (mr == MR) {
        i32 p = 0;
        for (; p + 4 <= kc; p += 4) {
          v128_t o[4];
          transpose4(wasm_v128_load(src + p), wasm_v128_load(src + lda + p), wasm_v128_load(src + 2 * lda + p),
                     wasm_v128_load(src + 3 * lda + p), o);
          for (i32 q = 0; q < 4; q++) wasm_v128_store(dst + 4 * q, o[q]);
          dst += 4 * MR;
        }
        for (; p < kc; p++) {
          dst[0] = src[p];
          dst[1] = src[lda + p];
          dst[2] = src[2 * lda + p];
          dst[3] = src[3 * lda + p];
          dst += MR;
        }
      } else {
        for (i32 p = 0; p < kc; p++) {
          for (i32 i = 0; i < MR; i++) dst[i] = i < mr ? src[i * lda + p] : 0.0f;
          dst += MR;
        }
      }
    } else {
      // op(A)[i][p] = A[p][i]: rows of the panel are contiguous in A (in a2 past m1).
      i32 r0 = i0 + ir;
      if (mr == MR && (r0 + MR <= as->m1 || r0 >= as->m1)) {
        const float* src = r0 < as->m1 ? a + p0 * lda + r0 : as->a2 + p0 * as->lda2 + r0 - as->m1;
        i32 ld = r0 < as->m1 ? lda : as->lda2;
        for (i32 p = 0; p < kc; p++) {
          wasm_v128_store(dst, wasm_v128_load(src + p * ld));
          dst += MR;
        }
      } else {
        for (i32 p = 0; p < kc; p++) {
          for (i32 i = 0; i < MR; i++) dst[i] = i < mr ? at_t(as, r0 + i, p0 + p) : 0.0f;
          dst += MR;
        }
      }
    }
  }
}

// Packs op(B)[p0:p0+kc, j0:j0+nc] into panels: panel c holds columns c*NR.. as [kc][NR], zero-padded.
static void pack_b(i32 tb, const float* b, i32 ldb, i32 p0, i32 j0, i32 kc, i32 nc, float* dst) {
  for (i32 jr = 0; jr < nc; jr += NR) {
    i32 nr = nc - jr < NR ? nc - jr : NR;
    if (!tb) {
      const float* src = b + p0 * ldb + j0 + jr;
      if (nr == NR) {
        for (i32 p = 0; p < kc; p++) {
          wasm_v128_store(dst, wasm_v128_load(src + p * ldb));
          wasm_v128_store(dst + 4, wasm_v128_load(src + p * ldb + 4));
          dst += NR;
        }
      } else {
        for (i32 p = 0; p < kc; p++) {
          for (i32 j = 0; j < NR; j++) dst[j] = j < nr ? src[p * ldb + j] : 0.0f;
          dst += NR;
        }
      }
    } else {
      // op(B)[p][j] = B[j][p].
      const float* src = b + (j0 + jr) * ldb + p0;
      i32 p = 0;
      if (nr == NR) {
        for (; p + 4 <= kc; p += 4) {
          v128_t lo[4], hi[4];
          transpose4(wasm_v128_load(src + p), wasm_v128_load(src + ldb + p), wasm_v128_load(src + 2 * ldb + p),
                     wasm_v128_load(src + 3 * ldb + p), lo);
          transpose4(wasm_v128_load(src + 4 * ldb + p), wasm_v128_load(src + 5 * ldb + p),
                     wasm_v128_load(src + 6 * ldb + p), wasm_v128_load(src + 7 * ldb + p), hi);
          for (i32 q = 0; q < 4; q++) {
            wasm_v128_store(dst + NR * q, lo[q]);
            wasm_v128_store(dst + NR * q + 4, hi[q]);
          }
          dst += 4 * NR;
        }
      }
      for (; p < kc; p++) {
        for (i32 j = 0; j < NR; j++) dst[j] = j < nr ? src[j * ldb + p] : 0.0f;
        dst += NR;
      }
    }
  }
}

// C tile [mr x nr] (+)= Ap panel @ Bp panel. `add` = 0 overwrites C.
// A is read as a[i * rs + p * ps]: a packed panel (rs = 1, ps = MR), or MR rows of a row-major A in place
// (rs = lda, ps = 1), which spares packing when op(A) = A: the multiply-adds are the same either way.
static inline __attribute__((always_inline)) void micro_kernel(i32 kc, const float* ap, i32 rs, i32 ps,
                                                               const float* bp, float* c, i32 ldc, i32 mr, i32 nr,
                                                               i32 add) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00;
  v128_t c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const float *a0p = ap, *a1p = ap + rs, *a2p = ap + 2 * rs, *a3p = ap + 3 * rs;
  for (i32 p = 0; p < kc; p++) {
    v128_t b0 = wasm_v128_load(bp);
    v128_t b1 = wasm_v128_load(bp + 4);
    v128_t a0 = wasm_v128_load32_splat(a0p);
    v128_t a1 = wasm_v128_load32_splat(a1p);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(a0, b0));
    c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(a0, b1));
    v128_t a2 = wasm_v128_load32_splat(a2p);
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(a1, b0));
    c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(a1, b1));
    v128_t a3 = wasm_v128_load32_splat(a3p);
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(a2, b0));
    c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(a2, b1));
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(a3, b0));
    c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(a3, b1));
    a0p += ps;
    a1p += ps;
    a2p += ps;
    a3p += ps;
    bp += NR;
  }
  if (mr == MR && nr == NR) {
    if (add) {
      c00 = wasm_f32x4_add(c00, wasm_v128_load(c));
      c01 = wasm_f32x4_add(c01, wasm_v128_load(c + 4));
      c10 = wasm_f32x4_add(c10, wasm_v128_load(c + ldc));
      c11 = wasm_f32x4_add(c11, wasm_v128_load(c + ldc + 4));
      c20 = wasm_f32x4_add(c20, wasm_v128_load(c + 2 * ldc));
      c21 = wasm_f32x4_add(c21, wasm_v128_load(c + 2 * ldc + 4));
      c30 = wasm_f32x4_add(c30, wasm_v128_load(c + 3 * ldc));
      c31 = wasm_f32x4_add(c31, wasm_v128_load(c + 3 * ldc + 4));
    }
    wasm_v128_store(c, c00);
    wasm_v128_store(c + 4, c01);
    wasm_v128_store(c + ldc, c10);
    wasm_v128_store(c + ldc + 4, c11);
    wasm_v128_store(c + 2 * ldc, c20);
    wasm_v128_store(c + 2 * ldc + 4, c21);
    wasm_v128_store(c + 3 * ldc, c30);
    wasm_v128_store(c + 3 * ldc + 4, c31);
    return;
  }
  float tile[MR * NR] __attribute__((aligned(16)));
  wasm_v128_store(tile, c00);
  wasm_v128_store(tile + 4, c01);
  wasm_v128_store(tile + 8, c10);
  wasm_v128_store(tile + 12, c11);
  wasm_v128_store(tile + 16, c20);
  wasm_v128_store(tile + 20, c21);
  wasm_v128_store(tile + 24, c30);
  wasm_v128_store(tile + 28, c31);
  for (i32 i = 0; i < mr; i++) {
    for (i32 j = 0; j < nr; j++) {
      c[i * ldc + j] = add ? c[i * ldc + j] + tile[i * NR + j] : tile[i * NR + j];
    }
  }
}

static void gemm_src(i32 ta, i32 tb, i32 m, i32 n, i32 k, const ASrc* as, const float* b, i32 ldb, float* c,
                     i32 ldc, i32 accumulate, i32 tid) {
  float* pa_buf = pack_a_buf[tid];
  float* pb_buf = pack_b_buf[tid];
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (!accumulate)
      for (i32 i = 0; i < m; i++)
        for (i32 j = 0; j < n; j++) c[i * ldc + j] = 0;
    return;
  }
  for (i32 jc = 0; jc < n; jc += NC) {
    i32 nc = n - jc < NC ? n - jc : NC;
    for (i32 pc = 0; pc < k; pc += KC) {
      i32 kc = k - pc < KC ? k - pc : KC;
      i32 add = accumulate || pc > 0;
      pack_b(tb, b, ldb, pc, jc, kc, nc, pb_buf);
      for (i32 ic = 0; ic < m; ic += MC) {
        i32 mc = m - ic < MC ? m - ic : MC;
        // Untransposed A feeding few columns (the conv taps: n = filters): packing would cost about 1/n of
        // the multiply-adds, so whole MR-row panels are read in place and only a partial last panel is
        // packed (zero-padded: no row past m is read). Wide products keep packed panels, which stay in
        // cache across their many column panels.
        i32 direct = ta || nc > DIRECT_A_MAX_N ? 0 : mc / MR * MR;
        if (direct < mc) pack_a(ta, as, ic + direct, pc, mc - direct, kc, pa_buf);
        for (i32 jr = 0; jr < nc; jr += NR) {
          i32 nr = nc - jr < NR ? nc - jr : NR;
          const float* bp = pb_buf + jr * kc;
          float* cp = c + ic * ldc + jc + jr;
          i32 ir = 0;
          for (; ir < direct; ir += MR)
            micro_kernel(kc, as->a + (ic + ir) * as->lda + pc, as->lda, 1, bp, cp + ir * ldc, ldc, MR, nr, add);
          for (; ir < mc; ir += MR) {
            i32 mr = mc - ir < MR ? mc - ir : MR;
            micro_kernel(kc, pa_buf + (ir - direct) * kc, 1, MR, bp, cp + ir * ldc, ldc, mr, nr, add);
          }
        }
      }
    }
  }
}

static void gemm(i32 ta, i32 tb, i32 m, i32 n, i32 k, const float* a, i32 lda, const float* b, i32 ldb,
                 float* c, i32 ldc, i32 accumulate, i32 tid) {
  ASrc as = {a, lda, 0, 0, m};
  gemm_src(ta, tb, m, n, k, &as, b, ldb, c, ldc, accumulate, tid);
}

// Thread `tid`'s share of a GEMM: a range of C's columns (or of its rows when C is tall and narrow).
// Every element of C sums over k in the same order whatever the split, so any thread count gives
// bit-identical results.
static void gemm_part(i32 ta, i32 tb, i32 m, i32 n, i32 k, const float* a, i32 lda, const float* b, i32 ldb,
                      float* c, i32 ldc, i32 accumulate, i32 tid, i32 nt) {
  i32 lo, hi;
  if (nt <= 1) {
    gemm(ta, tb, m, n, k, a, lda, b, ldb, c, ldc, accumulate, tid);
  } else if (n >= 4 * NR * nt || n >= m) {
    share(n, NR, tid, nt, &lo, &hi);
    gemm(ta, tb, m, hi - lo, k, a, lda, tb ? b + lo * ldb : b + lo, ldb, c + lo, ldc, accumulate, tid);
  } else {
    share(m, MR, tid, nt, &lo, &hi);
    gemm(ta, tb, hi - lo, n, k, ta ? a + lo : a + lo * lda, lda, b, ldb, c + lo * ldc, ldc, accumulate, tid);
  }
}

// Thread `tid`'s share of C = op(A) @ B for a transposed (possibly two-source) A, split by C's columns.
static void gemm_cols(i32 m, i32 n, i32 k, const ASrc* as, const float* b, i32 ldb, float* c, i32 ldc, i32 tid,
                      i32 nt) {
  i32 lo, hi;
  share(n, NR, tid, nt, &lo, &hi);
  if (hi > lo) gemm_src(1, 0, m, hi - lo, k, as, b + lo, ldb, c + lo, ldc, 0, tid);
}

EXPORT(sgemm)
void sgemm_export(i32 ta, i32 tb, i32 m, i32 n, i32 k, const float* a, const float* b, float* c, i32 accumulate) {
  gemm(ta, tb, m, n, k, a, ta ? m : k, b, tb ? k : n, c, n, accumulate, 0);
}

// args: ta, tb, m, n, k, a, b, c, accumulate (the arguments of sgemm, in memory for the threads).
EXPORT(sgemm_part)
void sgemm_part_export(const i32* args, i32 tid, i32 nt) {
  i32 ta = args[0], tb = args[1], m = args[2], n = args[3], k = args[4];
  gemm_part(ta, tb, m, n, k, (const float*)args[5], ta ? m : k, (const float*)args[6], tb ? k : n,
            (float*)args[7], n, args[8], tid, nt);
}

// ---------------------------------------------------------------------------------------------------
// Recurrent sequences. Field order must match PARAM_FIELDS in src/wasm/wasm-runtime.ts.

typedef struct {
  i32 cell, batch, time, features, units, act, rec_act, reset_after, go_backwards, training;
  // Inputs (null pointer = absent).
  const float *x, *kernel, *rk, *bias, *mask, *dm, *rdm;
  // State: h and c hold the initial states on entry and the final states on exit (forward), or the
  // final-state gradients on entry and the initial-state gradients on exit (backward).
  float *h, *c;
  // Forward: outputs [B,T,U] (null: not wanted, only the final states); saved [T,B,.] buffers (only slot 0 used without training; xs only
  // written when training or with an input dropout mask); scratch gx and gh [B, G*U] (one step's input and
  // recurrent products; backward: gh is [B, G*U + U], the activation derivatives of one step).
  float *outputs, *xs, *gx, *gates, *hin, *aux, *aux2, *gh;
  // Backward: upstream dOutputs or null; results; scratch.
  const float* dout;
  float *dx, *dkernel, *drk, *dbias, *dg, *dgh, *dhin;
  // Embedded inputs (null ids: x is [B, T, F] as usual). With ids [B, T], x is an embedding table
  // [vocab, F] and step t of row b reads x[ids[b, t]]; `proj` [vocab, G*U] holds the table's input
  // projection (forward) or its gradient (backward), and dx is the table's gradient [vocab, F].
  i32 vocab;
  const i32* ids;
  float* proj;
} RnnParams;

static i32 gate_count(i32 cell) { return cell == CELL_LSTM ? 4 : (cell == CELL_GRU ? 3 : 1); }

static i32 masked(const RnnParams* p, i32 b, i32 t) {
  return p->mask && p->mask[b * p->time + t] == 0.0f;
}

// ---------------------------------------------------------------------------------------------------
// Per-step GEMMs against a fixed B operand (the kernel, the recurrent kernel or their transposes): B is
// packed into panels once per call and thread, and every step runs only the micro-kernel over it. The
// multiply-adds and their order are those of gemm() (k fits one KC block), so results are identical.

#define PACKED_SLOT (KC * 256)
enum { SLOT_K = 0, SLOT_R0 = 1, SLOT_R1 = 2, SLOTS = 3 };
static float packed_slots[MAX_THREADS][SLOTS][PACKED_SLOT] __attribute__((aligned(16)));

typedef struct {
  i32 tb, k, n, ldb;
  const float* b;
  // Null when op(B) does not fit a slot: gemm() packs it per call instead.
  const float* panels;
} PackedB;

static PackedB packed_b(i32 tb, const float* b, i32 ldb, i32 k, i32 n, i32 tid, i32 slot) {
  PackedB pb = {tb, k, n, ldb, b, 0};
  i32 padded = (n + NR - 1) / NR * NR;
  if (k > 0 && k <= KC && k * padded <= PACKED_SLOT) {
    pack_b(tb, b, ldb, 0, 0, k, n, packed_slots[tid][slot]);
    pb.panels = packed_slots[tid][slot];
  }
  return pb;
}

// C[m x n] (+)= A[m x k] (row-major, read in place) @ op(B).
static void gemm_packed(i32 m, const float* a, i32 lda, const PackedB* pb, float* c, i32 ldc, i32 accumulate,
                        i32 tid) {
  i32 k = pb->k, n = pb->n;
  if (!pb->panels) {
    gemm(0, pb->tb, m, n, k, a, lda, pb->b, pb->ldb, c, ldc, accumulate, tid);
    return;
  }
  if (m <= 0) return;
  i32 full = m / MR * MR;
  // A partial last panel of rows is packed (zero-padded) so no row past m is read.
  if (full < m) pack_a(0, &(ASrc){a, lda, 0, 0, m}, full, 0, m - full, k, pack_a_buf[tid]);
  // Row panels outside: a panel's rows of A stay in L1 across B's (L1/L2-resident) column panels, and C's
  // rows are finished one after another, which matters when they lie far apart (dx rows are T*F apart).
  for (i32 ir = 0; ir < m; ir += MR) {
    i32 mr = m - ir < MR ? m - ir : MR;
    const float* ap = ir < full ? a + ir * lda : pack_a_buf[tid];
    i32 rs = ir < full ? lda : 1, ps = ir < full ? 1 : MR;
    for (i32 jr = 0; jr < n; jr += NR) {
      i32 nr = n - jr < NR ? n - jr : NR;
      micro_kernel(k, ap, rs, ps, pb->panels + jr * k, c + ir * ldc + jr, ldc, mr, nr, accumulate);
    }
  }
}

// Every recurrent function below works on batch rows [b0, b1) or steps [s0, s1): the threaded build
// splits a sequence's batch rows across threads for the whole recurrence (rows are independent), and the
// big GEMMs before and after it by rows or columns. Per row, the math and its order are the same as on
// one thread, so results do not depend on the thread count.

static void gather_inputs(const RnnParams* p, i32 s0, i32 s1) {
  i32 B = p->batch, T = p->time, F = p->features;
  for (i32 s = s0; s < s1; s++) {
    i32 t = p->go_backwards ? T - 1 - s : s;
    for (i32 b = 0; b < B; b++) {
      const float* src = p->x + (b * T + t) * F;
      float* dst = p->xs + (s * B + b) * F;
      if (p->dm) {
        const float* m = p->dm + b * F;
        for (i32 f = 0; f < F; f++) dst[f] = src[f] * m[f];
      } else {
        for (i32 f = 0; f < F; f++) dst[f] = src[f];
      }
    }
  }
}

// The step functions below work on runs of unmasked rows (one run [b0, b1) without a mask): a masked row
// carries its state and writes nothing, and a run's gate block is contiguous, so each gate's activation is
// one call over the run. Per element the math is the same as row by row.

// The first run [*lo, *hi) of unmasked rows of step t at or after *hi, before b1; 0 when none is left.
static i32 next_run(const RnnParams* p, i32 t, i32 b1, i32* lo, i32* hi) {
  i32 b = *hi;
  while (b < b1 && masked(p, b, t)) b++;
  if (b >= b1) return 0;
  *lo = b;
  while (b < b1 && !masked(p, b, t)) b++;
  *hi = b;
  return 1;
}

#define FOR_UNMASKED_RUNS(p, t, b0, b1, lo, hi) for (i32 lo = b0, hi = b0; next_run(p, t, b1, &lo, &hi);)

static void simple_rnn_step(const RnnParams* p, const float* gx, float* gates, i32 t, i32 b0, i32 b1) {
  i32 U = p->units;
  FOR_UNMASKED_RUNS(p, t, b0, b1, lo, hi) {
    i32 n = (hi - lo) * U;
    float* restrict g = gates + lo * U;
    const float* restrict x = gx + lo * U;
    const float* restrict r = p->gh + lo * U;
    float* restrict h = p->h + lo * U;
    for (i32 i = 0; i < n; i++) g[i] = x[i] + r[i];
    activate_run(p->act, g, n);
    for (i32 i = 0; i < n; i++) h[i] = g[i];
  }
}

static void lstm_step(const RnnParams* p, const float* gx, float* gates, float* cprev, float* cact, i32 t, i32 b0,
                      i32 b1) {
  i32 U = p->units, GU = 4 * U;
  FOR_UNMASKED_RUNS(p, t, b0, b1, lo, hi) {
    i32 n = hi - lo;
    float* restrict gr = gates + lo * GU;
    const float* restrict x = gx + lo * GU;
    const float* restrict r = p->gh + lo * GU;
    for (i32 i = 0; i < n * GU; i++) gr[i] = x[i] + r[i];
    activate_rows(p->rec_act, gr, n, GU, 2 * U);
    activate_rows(p->act, gr + 2 * U, n, GU, U);
    activate_rows(p->rec_act, gr + 3 * U, n, GU, U);
    for (i32 b = lo; b < hi; b++) {
      const float* restrict g = gates + b * GU;
      float* restrict c = p->c + b * U;
      float* restrict cp = cprev + b * U;
      float* restrict ca = cact + b * U;
      #pragma clang loop vectorize(enable)
      for (i32 j = 0; j < U; j++) {
        cp[j] = c[j];
        float cn = g[U + j] * c[j] + g[j] * g[2 * U + j];
        c[j] = cn;
        ca[j] = cn;
      }
    }
    activate_run(p->act, cact + lo * U, n * U);
    for (i32 b = lo; b < hi; b++) {
      const float* restrict o = gates + b * GU + 3 * U;
      const float* restrict ca = cact + b * U;
      float* restrict h = p->h + b * U;
      for (i32 j = 0; j < U; j++) h[j] = o[j] * ca[j];
    }
  }
}

static void gru_after_step(const RnnParams* p, const float* gx, float* gates, float* rech, i32 t, i32 b0, i32 b1) {
  i32 U = p->units, GU = 3 * U;
  const float* br = p->bias ? p->bias + GU : 0;
  FOR_UNMASKED_RUNS(p, t, b0, b1, lo, hi) {
    i32 n = hi - lo;
    for (i32 b = lo; b < hi; b++) {
      float* restrict g = gates + b * GU;
      const float* restrict x = gx + b * GU;
      float* restrict r = p->gh + b * GU;
      if (br)
        for (i32 j = 0; j < GU; j++) r[j] += br[j];
      for (i32 j = 0; j < 2 * U; j++) g[j] = x[j] + r[j];
    }
    activate_rows(p->rec_act, gates + lo * GU, n, GU, 2 * U);
    for (i32 b = lo; b < hi; b++) {
      float* restrict g = gates + b * GU;
      const float* restrict x = gx + b * GU;
      const float* restrict r = p->gh + b * GU;
      float* restrict rh = rech + b * U;
      for (i32 j = 0; j < U; j++) {
        rh[j] = r[2 * U + j];
        g[2 * U + j] = x[2 * U + j] + g[U + j] * rh[j];
      }
    }
    activate_rows(p->act, gates + lo * GU + 2 * U, n, GU, U);
    for (i32 b = lo; b < hi; b++) {
      const float* restrict g = gates + b * GU;
      float* restrict h = p->h + b * U;
      for (i32 j = 0; j < U; j++) {
        float z = g[j];
        h[j] = z * h[j] + (1.0f - z) * g[2 * U + j];
      }
    }
  }
}

// resetAfter false: the reset gate is needed before the candidate's recurrent matmul.
// `rzr` is the recurrent kernel's z and r columns packed, `rhh` its candidate columns. z, r and r*h_in are
// computed for masked rows too (r*h_in feeds the second GEMM); only the state update skips them.
static void gru_before_step(const RnnParams* p, const float* gx, float* gates, const float* hin, float* rh, i32 t,
                            i32 b0, i32 b1, i32 tid, const PackedB* rzr, const PackedB* rhh) {
  i32 U = p->units, GU = 3 * U, n = b1 - b0;
  gemm_packed(n, hin + b0 * U, U, rzr, p->gh + b0 * GU, GU, 0, tid);
  for (i32 b = b0; b < b1; b++) {
    float* restrict g = gates + b * GU;
    const float* restrict x = gx + b * GU;
    const float* restrict r = p->gh + b * GU;
    for (i32 j = 0; j < 2 * U; j++) g[j] = x[j] + r[j];
  }
  activate_rows(p->rec_act, gates + b0 * GU, n, GU, 2 * U);
  for (i32 b = b0; b < b1; b++) {
    const float* restrict g = gates + b * GU;
    const float* restrict hb = hin + b * U;
    float* restrict rb = rh + b * U;
    for (i32 j = 0; j < U; j++) rb[j] = g[U + j] * hb[j];
  }
  gemm_packed(n, rh + b0 * U, U, rhh, p->gh + b0 * GU + 2 * U, GU, 0, tid);
  FOR_UNMASKED_RUNS(p, t, b0, b1, lo, hi) {
    for (i32 b = lo; b < hi; b++) {
      float* restrict g = gates + b * GU;
      const float* restrict x = gx + b * GU;
      const float* restrict r = p->gh + b * GU;
      for (i32 j = 0; j < U; j++) g[2 * U + j] = x[2 * U + j] + r[2 * U + j];
    }
    activate_rows(p->act, gates + lo * GU + 2 * U, hi - lo, GU, U);
    for (i32 b = lo; b < hi; b++) {
      const float* restrict g = gates + b * GU;
      float* restrict h = p->h + b * U;
      for (i32 j = 0; j < U; j++) {
        float z = g[j];
        h[j] = z * h[j] + (1.0f - z) * g[2 * U + j];
      }
    }
  }
}

// dst = src (add 0) or dst += src (add 1) over n floats, four at a time. Kept small by hand: clang's own
// vectorizing and unrolling of these short rows grows the module for no gain.
static __attribute__((noinline)) void embedded_row(float* dst, const float* src, i32 n, i32 add) {
  i32 j = 0;
  ROWS_LOOP
  for (; j + 4 <= n; j += 4) {
    v128_t v = wasm_v128_load(src + j);
    wasm_v128_store(dst + j, add ? wasm_f32x4_add(wasm_v128_load(dst + j), v) : v);
  }
  ROWS_LOOP
  for (; j < n; j++) dst[j] = add ? dst[j] + src[j] : src[j];
}

// Embedded inputs, forward phase 1 (split by rows): proj = table @ kernel, the input projection of every
// word once. A step then copies its rows (and adds the bias as project_step does): the same multiply-adds
// in the same order as projecting the gathered rows, at vocab/(B*T) of the cost.
static void embedded_project(const RnnParams* p, i32 tid, i32 nt) {
  i32 GU = gate_count(p->cell) * p->units, F = p->features;
  gemm_part(0, 0, p->vocab, GU, F, p->x, F, p->kernel, GU, p->proj, GU, 0, tid, nt);
}

// Forward, phase 1 (split by steps): gather the inputs into xs where the backward pass needs them (or
// the input dropout mask applies). The projection itself runs per step inside the recurrence, on rows
// that are still in cache, instead of writing a [T, B, G*U] buffer and reading it back.
EXPORT(rnn_forward_project)
void rnn_forward_project(RnnParams* p, i32 tid, i32 nt) {
  i32 s0, s1;
  if (p->ids) {
    embedded_project(p, tid, nt);
    return;
  }
  if (!p->training && !p->dm) return;
  share(p->time, 1, tid, nt, &s0, &s1);
  gather_inputs(p, s0, s1);
}

// The input projection of step s for rows [b0, b1): gx[b] = x_t[b] @ kernel + bias, gx being [B, G*U]
// scratch. Without a gathered xs, x_t is read in place (its rows are T*F apart).
static void project_step(const RnnParams* p, const PackedB* kernel, i32 s, i32 t, i32 b0, i32 b1, i32 tid) {
  i32 B = p->batch, T = p->time, F = p->features, GU = kernel->n;
  i32 gathered = p->training || p->dm;
  if (p->ids) {
    for (i32 b = b0; b < b1; b++) embedded_row(p->gx + b * GU, p->proj + p->ids[b * T + t] * GU, GU, 0);
  } else {
    const float* a = gathered ? p->xs + (s * B + b0) * F : p->x + (b0 * T + t) * F;
    gemm_packed(b1 - b0, a, gathered ? F : T * F, kernel, p->gx + b0 * GU, GU, 0, tid);
  }
  if (p->bias) {
    for (i32 b = b0; b < b1; b++) {
      float* row = p->gx + b * GU;
      for (i32 j = 0; j < GU; j++) row[j] += p->bias[j];
    }
  }
}

// Forward, phase 2 (split by batch rows): the recurrence over every step.
EXPORT(rnn_forward_recur)
void rnn_forward_recur(RnnParams* p, i32 tid, i32 nt) {
  i32 B = p->batch, T = p->time, F = p->features, U = p->units;
  i32 GU = gate_count(p->cell) * U;
  i32 gru_before = p->cell == CELL_GRU && !p->reset_after;
  i32 b0, b1;
  share(B, 1, tid, nt, &b0, &b1);
  if (b1 <= b0) return;
  PackedB kernel = p->ids ? (PackedB){0, F, GU, GU, p->kernel, 0} : packed_b(0, p->kernel, GU, F, GU, tid, SLOT_K);
  // GRU resetAfter false multiplies the z, r columns and the candidate's columns separately.
  PackedB r0 = packed_b(0, p->rk, GU, U, gru_before ? 2 * U : GU, tid, SLOT_R0);
  PackedB r1 = gru_before ? packed_b(0, p->rk + 2 * U, GU, U, U, tid, SLOT_R1) : r0;
  for (i32 s = 0; s < T; s++) {
    i32 t = p->go_backwards ? T - 1 - s : s;
    i32 so = p->training ? s * B : 0;
    float* hin = p->hin + so * U;
    for (i32 i = b0 * U; i < b1 * U; i++) hin[i] = p->rdm ? p->h[i] * p->rdm[i] : p->h[i];
    if (p->cell == CELL_GRU && p->rdm)
      for (i32 i = b0 * U; i < b1 * U; i++) p->aux2[so * U + i] = p->h[i];
    project_step(p, &kernel, s, t, b0, b1, tid);
    const float* gx = p->gx;
    float* gates = p->gates + so * GU;
    if (gru_before) {
      gru_before_step(p, gx, gates, hin, p->aux + so * U, t, b0, b1, tid, &r0, &r1);
    } else {
      gemm_packed(b1 - b0, hin + b0 * U, U, &r0, p->gh + b0 * GU, GU, 0, tid);
      if (p->cell == CELL_LSTM)
        lstm_step(p, gx, gates, p->aux + so * U, p->aux2 + so * U, t, b0, b1);
      else if (p->cell == CELL_GRU)
        gru_after_step(p, gx, gates, p->aux + so * U, t, b0, b1);
      else
        simple_rnn_step(p, gx, gates, t, b0, b1);
    }
    if (p->outputs) {
      for (i32 b = b0; b < b1; b++) {
        float* out = p->outputs + (b * T + s) * U;
        for (i32 j = 0; j < U; j++) out[j] = p->h[b * U + j];
      }
    }
  }
}

EXPORT(rnn_forward)
void rnn_forward(RnnParams* p) {
  rnn_forward_project(p, 0, 1);
  rnn_forward_recur(p, 0, 1);
}

// ---------------------------------------------------------------------------------------------------
// Backward. On entry p->h / p->c hold dL/d(final states) (zeros when absent); per step (last processed
// first) the gate gradients go to dg (input side) and dgh (recurrent side, a separate buffer only for
// GRU resetAfter), then dh_{t-1} = direct part + (dgh @ U^T) * recurrent dropout mask.

// Derivatives of a step's gate block rows [b0, b1) of [B, G*U]: blocks [0, rec_blocks*U) use the
// recurrent activation, the next U the cell activation, the rest (lstm's o) the recurrent activation.
static void gate_grads(const RnnParams* p, float* out, const float* gates, i32 GU, i32 rec_blocks, i32 b0, i32 b1) {
  i32 U = p->units, n = b1 - b0, rec = rec_blocks * U;
  float* d = out + b0 * GU;
  const float* g = gates + b0 * GU;
  activation_grad_rows(p->rec_act, d, g, n, GU, rec);
  activation_grad_rows(p->act, d + rec, g + rec, n, GU, U);
  if (GU > rec + U) activation_grad_rows(p->rec_act, d + rec + U, g + rec + U, n, GU, GU - rec - U);
}

static void zero_row(float* row, i32 n) {
  for (i32 j = 0; j < n; j++) row[j] = 0;
}

static void simple_rnn_step_grad(const RnnParams* p, i32 s, i32 t, i32 b0, i32 b1) {
  i32 B = p->batch, U = p->units;
  activation_grad_run(p->act, p->gh + b0 * U, p->gates + (s * B + b0) * U, (b1 - b0) * U);
  for (i32 b = b0; b < b1; b++) {
    float* dg = p->dg + (s * B + b) * U;
    if (masked(p, b, t)) {
      zero_row(dg, U);
      continue;
    }
    const float* dy = p->gh + b * U;
    float* dh = p->h + b * U;
    for (i32 j = 0; j < U; j++) {
      dg[j] = dh[j] * dy[j];
      dh[j] = 0;
    }
  }
}

static void lstm_step_grad(const RnnParams* p, i32 s, i32 t, i32 b0, i32 b1) {
  i32 B = p->batch, U = p->units, GU = 4 * U;
  float* dgates = p->gh;
  float* dcact = p->gh + B * GU;
  gate_grads(p, dgates, p->gates + s * B * GU, GU, 2, b0, b1);
  activation_grad_run(p->act, dcact + b0 * U, p->aux2 + (s * B + b0) * U, (b1 - b0) * U);
  for (i32 b = b0; b < b1; b++) {
    float* restrict dg = p->dg + (s * B + b) * GU;
    if (masked(p, b, t)) {
      zero_row(dg, GU);
      continue;
    }
    const float* restrict g = p->gates + (s * B + b) * GU;
    const float* restrict cprev = p->aux + (s * B + b) * U;
    const float* restrict cact = p->aux2 + (s * B + b) * U;
    const float* restrict d = dgates + b * GU;
    const float* restrict dca = dcact + b * U;
    float* restrict dh = p->h + b * U;
    float* restrict dc = p->c + b * U;
    #pragma clang loop vectorize(enable)
    for (i32 j = 0; j < U; j++) {
      float i = g[j], f = g[U + j], gg = g[2 * U + j], o = g[3 * U + j];
      float ac = cact[j];
      float dcn = dc[j] + dh[j] * o * dca[j];
      dg[j] = dcn * gg * d[j];
      dg[U + j] = dcn * cprev[j] * d[U + j];
      dg[2 * U + j] = dcn * i * d[2 * U + j];
      dg[3 * U + j] = dh[j] * ac * d[3 * U + j];
      dc[j] = dcn * f;
      dh[j] = 0;
    }
  }
}

static void gru_after_step_grad(const RnnParams* p, i32 s, i32 t, i32 b0, i32 b1) {
  i32 B = p->batch, U = p->units, GU = 3 * U;
  gate_grads(p, p->gh, p->gates + s * B * GU, GU, 2, b0, b1);
  const float* hprev_all = p->rdm ? p->aux2 : p->hin;
  for (i32 b = b0; b < b1; b++) {
    float* restrict dg = p->dg + (s * B + b) * GU;
    float* restrict dgh = p->dgh + (s * B + b) * GU;
    if (masked(p, b, t)) {
      zero_row(dg, GU);
      zero_row(dgh, GU);
      continue;
    }
    const float* restrict g = p->gates + (s * B + b) * GU;
    const float* restrict rech = p->aux + (s * B + b) * U;
    const float* restrict hprev = hprev_all + (s * B + b) * U;
    const float* restrict d = p->gh + b * GU;
    float* restrict dh = p->h + b * U;
    #pragma clang loop vectorize(enable)
    for (i32 j = 0; j < U; j++) {
      float z = g[j], r = g[U + j], hh = g[2 * U + j];
      float dpre_h = dh[j] * (1.0f - z) * d[2 * U + j];
      float dz = dh[j] * (hprev[j] - hh) * d[j];
      float dr = dpre_h * rech[j] * d[U + j];
      dg[j] = dz;
      dg[U + j] = dr;
      dg[2 * U + j] = dpre_h;
      dgh[j] = dz;
      dgh[U + j] = dr;
      dgh[2 * U + j] = dpre_h * r;
      dh[j] = dh[j] * z;
    }
  }
}

// `rht` is the candidate columns of the recurrent kernel transposed and packed, `rzrt` its z and r columns.
static void gru_before_step_grad(const RnnParams* p, i32 s, i32 t, i32 b0, i32 b1, i32 tid, const PackedB* rht,
                                 const PackedB* rzrt) {
  i32 B = p->batch, U = p->units, GU = 3 * U, n = b1 - b0;
  gate_grads(p, p->gh, p->gates + s * B * GU, GU, 2, b0, b1);
  const float* hin = p->hin + s * B * U;
  const float* hprev_all = p->rdm ? p->aux2 : p->hin;
  float* dg_s = p->dg + s * B * GU;
  for (i32 b = b0; b < b1; b++) {
    float* restrict dg = dg_s + b * GU;
    if (masked(p, b, t)) {
      zero_row(dg, GU);
      continue;
    }
    const float* restrict g = p->gates + (s * B + b) * GU;
    const float* restrict hprev = hprev_all + (s * B + b) * U;
    const float* restrict d = p->gh + b * GU;
    float* restrict dh = p->h + b * U;
    #pragma clang loop vectorize(enable)
    for (i32 j = 0; j < U; j++) {
      float z = g[j], hh = g[2 * U + j];
      dg[j] = dh[j] * (hprev[j] - hh) * d[j];
      dg[2 * U + j] = dh[j] * (1.0f - z) * d[2 * U + j];
      dh[j] = dh[j] * z;
    }
  }
  // d(r*h_in) = dPreH @ U_h^T, then split into the reset gate's gradient and the h_in part.
  gemm_packed(n, dg_s + b0 * GU + 2 * U, GU, rht, p->dhin + b0 * U, U, 0, tid);
  for (i32 b = b0; b < b1; b++) {
    const float* restrict g = p->gates + (s * B + b) * GU;
    const float* restrict d = p->gh + b * GU;
    float* restrict dg = dg_s + b * GU;
    i32 m = masked(p, b, t);
    for (i32 j = 0; j < U; j++) {
      float drh = p->dhin[b * U + j];
      float r = g[U + j];
      dg[U + j] = m ? 0.0f : drh * hin[b * U + j] * d[U + j];
      p->dhin[b * U + j] = drh * r;
    }
  }
  gemm_packed(n, dg_s + b0 * GU, GU, rzrt, p->dhin + b0 * U, U, 1, tid);
}

// m[at, at + 4), and m[at] — zeroed where keep (when not null) is not positive: relu's derivative
// applied to its incoming gradient, keep being relu's output.
static inline v128_t kept4(const float* m, const float* keep, i32 at) {
  v128_t v = wasm_v128_load(m + at);
  return keep ? wasm_v128_and(v, wasm_f32x4_gt(wasm_v128_load(keep + at), wasm_f32x4_splat(0))) : v;
}

static inline float kept1(const float* m, const float* keep, i32 at) {
  return !keep || keep[at] > 0 ? m[at] : 0;
}

// out[j] = the sum of column j of m (kept4's mask applied) over rows 0, 1, … in that order. Sixteen
// columns at a time stay in registers over every row: summing into out in memory chains each row's add
// behind the last row's store.
static void column_sums(const float* m, const float* keep, i32 rows, i32 cols, i32 ld, float* out) {
  i32 j = 0;
  ROWS_LOOP
  for (; j + 16 <= cols; j += 16) {
    v128_t s0 = wasm_f32x4_splat(0), s1 = s0, s2 = s0, s3 = s0;
    ROWS_LOOP
    for (i32 r = 0; r < rows; r++) {
      i32 at = r * ld + j;
      s0 = wasm_f32x4_add(s0, kept4(m, keep, at));
      s1 = wasm_f32x4_add(s1, kept4(m, keep, at + 4));
      s2 = wasm_f32x4_add(s2, kept4(m, keep, at + 8));
      s3 = wasm_f32x4_add(s3, kept4(m, keep, at + 12));
    }
    wasm_v128_store(out + j, s0);
    wasm_v128_store(out + j + 4, s1);
    wasm_v128_store(out + j + 8, s2);
    wasm_v128_store(out + j + 12, s3);
  }
  ROWS_LOOP
  for (; j + 4 <= cols; j += 4) {
    v128_t s0 = wasm_f32x4_splat(0);
    ROWS_LOOP
    for (i32 r = 0; r < rows; r++) s0 = wasm_f32x4_add(s0, kept4(m, keep, r * ld + j));
    wasm_v128_store(out + j, s0);
  }
  ROWS_LOOP
  for (; j < cols; j++) {
    float s0 = 0;
    ROWS_LOOP
    for (i32 r = 0; r < rows; r++) s0 += kept1(m, keep, r * ld + j);
    out[j] = s0;
  }
}

// dx at step s for rows [b0, b1): dg[s] @ kernel^T times the input dropout mask, written in place into
// dx [B, T, F] (rows T*F apart) while dg[s] is still in cache.
static void input_grad_step(const RnnParams* p, const PackedB* kt, i32 s, i32 t, i32 b0, i32 b1, i32 tid) {
  i32 B = p->batch, T = p->time, F = p->features, GU = kt->k;
  float* dx = p->dx + (b0 * T + t) * F;
  gemm_packed(b1 - b0, p->dg + (s * B + b0) * GU, GU, kt, dx, T * F, 0, tid);
  if (p->dm) {
    for (i32 b = b0; b < b1; b++) {
      float* row = dx + (b - b0) * T * F;
      const float* m = p->dm + b * F;
      for (i32 f = 0; f < F; f++) row[f] *= m[f];
    }
  }
}

// Backward, phase 1 (split by batch rows): backpropagation through every step, and dx.
EXPORT(rnn_backward_recur)
void rnn_backward_recur(RnnParams* p, i32 tid, i32 nt) {
  i32 B = p->batch, T = p->time, F = p->features, U = p->units;
  i32 GU = gate_count(p->cell) * U;
  i32 gru_before = p->cell == CELL_GRU && !p->reset_after;
  float* dgh_all = (p->cell == CELL_GRU && p->reset_after) ? p->dgh : p->dg;
  i32 b0, b1;
  share(B, 1, tid, nt, &b0, &b1);
  if (b1 <= b0) return;
  PackedB kt = p->ids ? (PackedB){1, GU, F, GU, p->kernel, 0} : packed_b(1, p->kernel, GU, GU, F, tid, SLOT_K);
  // dh_in = dG @ U^T; GRU resetAfter false takes the candidate's columns and the z, r columns apart.
  PackedB r0 = gru_before ? packed_b(1, p->rk + 2 * U, GU, U, U, tid, SLOT_R0) : packed_b(1, p->rk, GU, GU, U, tid, SLOT_R0);
  PackedB r1 = gru_before ? packed_b(1, p->rk, GU, 2 * U, U, tid, SLOT_R1) : r0;
  for (i32 s = T - 1; s >= 0; s--) {
    i32 t = p->go_backwards ? T - 1 - s : s;
    if (p->dout) {
      for (i32 b = b0; b < b1; b++) {
        const float* d = p->dout + (b * T + s) * U;
        for (i32 j = 0; j < U; j++) p->h[b * U + j] += d[j];
      }
    }
    if (gru_before) {
      gru_before_step_grad(p, s, t, b0, b1, tid, &r0, &r1);
    } else {
      if (p->cell == CELL_LSTM)
        lstm_step_grad(p, s, t, b0, b1);
      else if (p->cell == CELL_GRU)
        gru_after_step_grad(p, s, t, b0, b1);
      else
        simple_rnn_step_grad(p, s, t, b0, b1);
      gemm_packed(b1 - b0, dgh_all + (s * B + b0) * GU, GU, &r0, p->dhin + b0 * U, U, 0, tid);
    }
    for (i32 i = b0 * U; i < b1 * U; i++) p->h[i] += p->rdm ? p->dhin[i] * p->rdm[i] : p->dhin[i];
    if (!p->ids) input_grad_step(p, &kt, s, t, b0, b1, tid);
  }
}

// Embedded inputs, backward phase 2 (split by columns): dProj = the input-side gate gradients of every
// step summed by word, dproj[ids[b, t]] += dg[s, b], each element in step order on any split.
EXPORT(rnn_backward_embed)
void rnn_backward_embed(RnnParams* p, i32 tid, i32 nt) {
  i32 B = p->batch, T = p->time, GU = gate_count(p->cell) * p->units;
  i32 c0, c1;
  share(GU, 4, tid, nt, &c0, &c1);
  if (!p->ids || c1 <= c0) return;
  for (i32 v = 0; v < p->vocab; v++) __builtin_memset(p->proj + v * GU + c0, 0, (u32)(c1 - c0) * sizeof(float));
  for (i32 s = 0; s < T; s++) {
    i32 t = p->go_backwards ? T - 1 - s : s;
    for (i32 b = 0; b < B; b++)
      embedded_row(p->proj + p->ids[b * T + t] * GU + c0, p->dg + (s * B + b) * GU + c0, c1 - c0, 1);
  }
}

// Embedded inputs, backward phase 3: dKernel = table^T @ dProj and d(table) = dProj @ kernel^T.
static void embedded_weight_grads(const RnnParams* p, i32 tid, i32 nt) {
  i32 GU = gate_count(p->cell) * p->units, F = p->features, V = p->vocab;
  gemm_part(1, 0, F, GU, V, p->x, F, p->proj, GU, p->dkernel, GU, 0, tid, nt);
  gemm_part(0, 1, V, F, GU, p->proj, GU, p->kernel, GU, p->dx, F, 0, tid, nt);
}

// Backward, phase 2 (after rnn_backward_embed): the weight gradients (split by columns) and the bias sums.
EXPORT(rnn_backward_weights)
void rnn_backward_weights(RnnParams* p, i32 tid, i32 nt) {
  i32 B = p->batch, T = p->time, F = p->features, U = p->units;
  i32 GU = gate_count(p->cell) * U;
  i32 gru_before = p->cell == CELL_GRU && !p->reset_after;
  float* dgh_all = (p->cell == CELL_GRU && p->reset_after) ? p->dgh : p->dg;
  i32 c0, c1;
  // dKernel = Xs^T @ dG and dRecurrentKernel = Hin^T @ dG share dG: where the two results are adjacent
  // ([F + U, G*U]), one GEMM over [Xs | Hin]^T packs dG once and fills both (GRU resetAfter differentiates
  // the recurrent side through dGh, so its two stay apart).
  i32 fused = p->drk == p->dkernel + F * GU && !(p->cell == CELL_GRU && p->reset_after) && !p->ids;
  if (p->ids) {
    embedded_weight_grads(p, tid, nt);
  } else if (fused && gru_before) {
    // The candidate's recurrent input is r * h_in (aux), the other gates' h_in.
    ASrc xh = {p->xs, F, p->hin, U, F}, xa = {p->xs, F, p->aux, U, F};
    gemm_cols(F + U, 2 * U, T * B, &xh, p->dg, GU, p->dkernel, GU, tid, nt);
    gemm_cols(F + U, U, T * B, &xa, p->dg + 2 * U, GU, p->dkernel + 2 * U, GU, tid, nt);
  } else if (fused) {
    ASrc xh = {p->xs, F, p->hin, U, F};
    gemm_cols(F + U, GU, T * B, &xh, p->dg, GU, p->dkernel, GU, tid, nt);
  }
  if (!fused) {
    if (gru_before) {
      gemm_part(1, 0, U, 2 * U, T * B, p->hin, U, p->dg, GU, p->drk, GU, 0, tid, nt);
      gemm_part(1, 0, U, U, T * B, p->aux, U, p->dg + 2 * U, GU, p->drk + 2 * U, GU, 0, tid, nt);
    } else {
      gemm_part(1, 0, U, GU, T * B, p->hin, U, dgh_all, GU, p->drk, GU, 0, tid, nt);
    }
    if (!p->ids) gemm_part(1, 0, F, GU, T * B, p->xs, F, p->dg, GU, p->dkernel, GU, 0, tid, nt);
  }
  if (p->dbias) {
    share(GU, 4, tid, nt, &c0, &c1);
    column_sums(p->dg + c0, 0, T * B, c1 - c0, GU, p->dbias + c0);
    if (p->cell == CELL_GRU && p->reset_after) column_sums(p->dgh + c0, 0, T * B, c1 - c0, GU, p->dbias + GU + c0);
  }
}

EXPORT(rnn_backward)
void rnn_backward(RnnParams* p) {
  rnn_backward_recur(p, 0, 1);
  rnn_backward_embed(p, 0, 1);
  rnn_backward_weights(p, 0, 1);
}

// ---------------------------------------------------------------------------------------------------
// Conv1D with stride 1 as GEMMs over the padded batch, read as one [batch*span, C] matrix X: output
// step t of sample b is act(sum_j X[b*span + t + j*d] @ K[j] + bias). Field order must match
// CONV_FIELDS in src/wasm/wasm-runtime.ts. Threads split the output rows (forward), channels of dK and
// rows of dX (backward): each output element sums its taps in the same order on any split.

typedef struct {
  // act: ACT_LINEAR or ACT_RELU, applied by the forward; the backward masks dy by y > 0 under relu.
  i32 batch, span, channels, filters, size, dilation, out_len, rows, act;
  // The backward reads y (the forward's output) under relu; a null dk skips dK and dbias, a null dx
  // skips dX.
  const float *x, *kernel, *bias, *dy;
  // dfull has (size-1)*dilation zero rows before and after its `rows` rows; kflip is [size*filters,
  // channels] scratch (the kernel with its taps reversed and transposed, for dX as one GEMM); dkparts
  // holds one partial dK per DK_CHUNK rows (undilated only).
  float *y, *dfull, *dk, *dx, *dbias, *kflip, *dkparts;
  // The nonzero elements of dfull counted by each share of the spread phase (MAX_THREADS ints).
  i32* nonzero;
} ConvParams;

// Rows of dfull per partial dK: a fixed size, so the partials, and their sum in chunk order, are the same
// bits on any number of threads.
#define DK_CHUNK 1024

// y[0, n) rows of `Fo` (+)= bias, then relu, in place: the rows were just written, so still in cache.
static void conv_epilogue(float* y, i32 n, i32 Fo, const float* bias, i32 relu) {
  if (!bias && !relu) return;
  if ((Fo & 3) == 0) {
    v128_t zero = wasm_f32x4_splat(0);
    for (i32 r = 0; r < n; r++, y += Fo) {
      for (i32 o = 0; o < Fo; o += 4) {
        v128_t v = wasm_v128_load(y + o);
        if (bias) v = wasm_f32x4_add(v, wasm_v128_load(bias + o));
        if (relu) v = wasm_f32x4_max(v, zero);
        wasm_v128_store(y + o, v);
      }
    }
    return;
  }
  for (i32 r = 0; r < n; r++, y += Fo) {
    if (bias)
      for (i32 o = 0; o < Fo; o++) y[o] += bias[o];
    if (relu)
      for (i32 o = 0; o < Fo; o++) y[o] = y[o] > 0 ? y[o] : 0;
  }
}

// Each thread takes a range of the output rows (b, t) and runs one GEMM per sample it touches, straight
// into y: the rows straddling two samples are never computed and y needs no copy out of a scratch.
EXPORT(conv1d_forward)
void conv1d_forward(ConvParams* p, i32 tid, i32 nt) {
  i32 C = p->channels, Fo = p->filters, d = p->dilation, L = p->out_len;
  i32 r0, r1;
  share(p->batch * L, MR, tid, nt, &r0, &r1);
  i32 relu = p->act == ACT_RELU;
  for (i32 b = r0 / (L > 0 ? L : 1); L > 0 && b * L < r1; b++) {
    i32 t0 = r0 > b * L ? r0 - b * L : 0;
    i32 t1 = r1 < (b + 1) * L ? r1 - b * L : L;
    const float* xb = p->x + (b * p->span + t0) * C;
    float* yb = p->y + (b * L + t0) * Fo;
    if (d == 1) {
      // Undilated, the taps of step t are the contiguous window x[t*C, (t+size)*C): one GEMM whose A rows
      // overlap (lda = C, k = size*C) against the kernel read as [size*C, filters].
      gemm(0, 0, t1 - t0, Fo, p->size * C, xb, C, p->kernel, Fo, yb, Fo, 0, tid);
    } else {
      for (i32 j = 0; j < p->size; j++)
        gemm(0, 0, t1 - t0, Fo, C, xb + j * d * C, C, p->kernel + j * C * Fo, Fo, yb, Fo, j > 0, tid);
    }
    conv_epilogue(yb, t1 - t0, Fo, p->bias, relu);
  }
}

// counts with each lane's element of v counted when nonzero (a true comparison is -1).
static inline v128_t count_nonzero4(v128_t counts, v128_t v) {
  return wasm_i32x4_sub(counts, wasm_f32x4_ne(v, wasm_f32x4_splat(0)));
}

// The sum of the four lanes of counts.
static inline i32 lanes_sum(v128_t counts) {
  return wasm_i32x4_extract_lane(counts, 0) + wasm_i32x4_extract_lane(counts, 1) +
         wasm_i32x4_extract_lane(counts, 2) + wasm_i32x4_extract_lane(counts, 3);
}

// The nonzero elements of v[0, n).
static i32 count_nonzero(const float* v, i32 n) {
  v128_t counts = wasm_i32x4_splat(0);
  i32 i = 0, total = 0;
  ROWS_LOOP
  for (; i + 4 <= n; i += 4) counts = count_nonzero4(counts, wasm_v128_load(v + i));
  ROWS_LOOP
  for (; i < n; i++) total += v[i] != 0;
  return total + lanes_sum(counts);
}

// Whether the backward's gradient GEMMs may skip dfull's zeros (tests turn it off to compare the paths),
// and how many backward calls did (tests check that the sparse path ran).
static i32 conv_sparse_allowed = 1;
static i32 conv_sparse_runs = 0;

EXPORT(conv1d_set_sparse)
void conv1d_set_sparse(i32 allowed) { conv_sparse_allowed = allowed; }

EXPORT(conv1d_sparse_runs)
i32 conv1d_sparse_runs(void) { return conv_sparse_runs; }

// At most one nonzero in this many elements of dfull, an undilated backward skips its zeros: dy is that
// sparse behind a global max pooling (one position per sample and filter) or a wide max pooling, and
// the dense GEMMs would multiply-add zeros almost throughout.
#define SPARSE_DFULL_RATIO 16

// Widest size * channels whose dK column sums fit the sparse path's stack accumulator.
#define SPARSE_DK_MAX_Q 4096

// Whether the sparse path can apply to this call at all.
static i32 conv_sparse_shape(const ConvParams* p) {
  return conv_sparse_allowed && p->dilation == 1 && p->size * p->channels <= SPARSE_DK_MAX_Q;
}

__attribute__((noinline, minsize)) static i32 conv_sparse(const ConvParams* p, i32 nt) {
  if (!conv_sparse_shape(p)) return 0;
  i64 nonzero = 0;
  for (i32 i = 0; i < nt; i++) nonzero += p->nonzero[i];
  return nonzero * SPARSE_DFULL_RATIO <= (i64)p->rows * p->filters;
}

// acc[0, n) += x[0, n) * v, four at a time (the products and sums of the GEMM's micro-kernel, lane by lane).
static inline void axpy_row(float* acc, const float* x, float v, i32 n) {
  v128_t vv = wasm_f32x4_splat(v);
  i32 q = 0;
  ROWS_LOOP
  for (; q + 4 <= n; q += 4)
    wasm_v128_store(acc + q, wasm_f32x4_add(wasm_v128_load(acc + q), wasm_f32x4_mul(wasm_v128_load(x + q), vv)));
  ROWS_LOOP
  for (; q < n; q++) acc[q] += x[q] * v;
}

// column[q * ld] = acc[q] + column[q * ld] for q in [0, n): a k-block's sums added to C as the GEMM's
// micro-kernel adds them.
static void add_block_sums(float* column, i32 ld, const float* acc, i32 n) {
  ROWS_LOOP
  for (i32 q = 0; q < n; q++) column[q * ld] = acc[q] + column[q * ld];
}

// Partial dK of chunk c (see conv1d_backward_grads) from dfull's nonzeros alone, with the dense GEMM's
// bits: that GEMM sums each element over the chunk's rows in KC-row blocks, in row order within a block
// from zero, then adds the block sums in order. A zero of dfull adds an exact zero to a sum, so summing
// only the nonzeros in the same order, block by block, gives the same result (unless x holds an
// infinity or NaN that the dense path would have multiplied by zero).
__attribute__((noinline, minsize)) static void sparse_dk_chunk(const ConvParams* p, const float* dfull, i32 c) {
  i32 C = p->channels, Fo = p->filters, Q = p->size * C;
  i32 r0 = c * DK_CHUNK, r1 = p->rows - r0 < DK_CHUNK ? p->rows : r0 + DK_CHUNK;
  float* part = p->dkparts + c * Q * Fo;
  float acc[SPARSE_DK_MAX_Q] __attribute__((aligned(16)));
  ROWS_LOOP
  for (i32 f = 0; f < Fo; f++) {
    ROWS_LOOP
    for (i32 q = 0; q < Q; q++) part[q * Fo + f] = 0;
    i32 block = -1;
    ROWS_LOOP
    for (i32 r = r0; r < r1; r++) {
      float v = dfull[r * Fo + f];
      if (v == 0) continue;
      if ((r - r0) / KC != block) {
        if (block >= 0) add_block_sums(part + f, Fo, acc, Q);
        ROWS_LOOP
        for (i32 q = 0; q < Q; q++) acc[q] = 0;
        block = (r - r0) / KC;
      }
      axpy_row(acc, p->x + r * C, v, Q);
    }
    if (block >= 0) add_block_sums(part + f, Fo, acc, Q);
  }
}

// dX rows [lo, hi) from dfull's nonzeros alone, with the dense GEMM's bits: dX[r] sums dfull[r - pad + i,
// f] * kflip[i*Fo + f] over i, then f, from zero; source rows in increasing order and their nonzeros by
// filter add the same terms in that order (the zeros it skips add exact zeros).
__attribute__((noinline, minsize)) static void sparse_dx(const ConvParams* p, const float* dfull, i32 lo, i32 hi) {
  i32 C = p->channels, Fo = p->filters, K = p->size, pad = K - 1;
  ROWS_LOOP
  for (i32 i = lo * C; i < hi * C; i++) p->dx[i] = 0;
  i32 s0 = lo - pad > 0 ? lo - pad : 0, s1 = hi < p->rows ? hi : p->rows;
  ROWS_LOOP
  for (i32 src = s0; src < s1; src++) {
    const float* row = dfull + src * Fo;
    if (count_nonzero(row, Fo) == 0) continue;
    // Output r = src + pad - i takes tap i: i ascends as r descends; for each r the taps arrive in
    // ascending source rows, which is ascending i.
    ROWS_LOOP
    for (i32 f = 0; f < Fo; f++) {
      float v = row[f];
      if (v == 0) continue;
      ROWS_LOOP
      for (i32 i = 0; i < K; i++) {
        i32 r = src + pad - i;
        if (r >= lo && r < hi) axpy_row(p->dx + r * C, p->kflip + (i * Fo + f) * C, v, C);
      }
    }
  }
}

// Backward, phase 1 (split by rows): dy, masked by the activation's derivative, spread onto the full
// rows (straddling rows get zeros), counting its nonzeros.
EXPORT(conv1d_backward_spread)
void conv1d_backward_spread(ConvParams* p, i32 tid, i32 nt) {
  i32 Fo = p->filters, C = p->channels, K = p->size, pad = (p->size - 1) * p->dilation;
  i32 r0, r1;
  float* dfull = p->dfull + pad * Fo;
  if (tid == 0) {
    for (i32 i = 0; i < pad * Fo; i++) p->dfull[i] = 0;
    for (i32 i = 0; i < pad * Fo; i++) dfull[p->rows * Fo + i] = 0;
    if (p->dx)
      for (i32 i = 0; i < K; i++)
        for (i32 f = 0; f < Fo; f++)
          for (i32 c = 0; c < C; c++) p->kflip[(i * Fo + f) * C + c] = p->kernel[((K - 1 - i) * C + c) * Fo + f];
  }
  i32 relu = p->act == ACT_RELU, span = p->span, L = p->out_len;
  share(p->rows, 1, tid, nt, &r0, &r1);
  v128_t counts = wasm_i32x4_splat(0);
  i32 nonzero = 0;
  // Row r of dfull is step t = r % span of sample b = r / span: walked sample by sample, without a
  // division per row.
  for (i32 b = r0 / span, r = r0; r < r1; b++) {
    i32 t0 = r - b * span, t1 = r1 - b * span < span ? r1 - b * span : span;
    i32 real = t1 < L ? t1 : L;
    float* dst = dfull + r * Fo;
    if (real > t0) {
      i32 n = (real - t0) * Fo, at = (b * L + t0) * Fo, i = 0;
      const float* src = p->dy + at;
      const float* keep = relu ? p->y + at : 0;
      // Branch-free under relu (kept4): on real activations the sign of y is a coin flip, and a
      // mispredicted branch per element cost more than the rest of the pass.
      ROWS_LOOP
      for (; i + 4 <= n; i += 4) {
        v128_t v = kept4(src, keep, i);
        wasm_v128_store(dst + i, v);
        counts = count_nonzero4(counts, v);
      }
      ROWS_LOOP
      for (; i < n; i++) {
        dst[i] = kept1(src, keep, i);
        nonzero += dst[i] != 0;
      }
    }
    // The rows past the last output step of the sample (the windows that straddle two samples).
    if (t1 > real && t1 > t0) {
      i32 from = real > t0 ? real : t0;
      __builtin_memset(dfull + (b * span + from) * Fo, 0, (u32)((t1 - from) * Fo) * sizeof(float));
    }
    r = b * span + t1;
  }
  p->nonzero[tid] = nonzero + lanes_sum(counts);
}

// Backward, phase 2: dK[j] = X_j^T @ dfull (split by channels), dbias = the column sums of dfull (split
// by filters) and dX[r] = sum_j dfull[r - j*d] @ K[j]^T (split by rows of dX).
EXPORT(conv1d_backward_grads)
void conv1d_backward_grads(ConvParams* p, i32 tid, i32 nt) {
  i32 C = p->channels, Fo = p->filters, d = p->dilation, total = p->batch * p->span;
  i32 pad = (p->size - 1) * d;
  const float* dfull = p->dfull + pad * Fo;
  i32 lo, hi;
  share(total, MR, tid, nt, &lo, &hi);
  if (p->dk && p->dbias) {
    // The straddling rows of dfull are zeros, so its column sums are the (masked) dy's.
    share(Fo, 1, tid, nt, &lo, &hi);
    column_sums(dfull + lo, 0, p->rows, hi - lo, Fo, p->dbias + lo);
    share(total, MR, tid, nt, &lo, &hi);
  }
  if (d == 1) {
    // dK as [size*C, filters] = (the overlapping windows)^T @ dfull (see conv1d_forward), as partial GEMMs
    // over chunks of rows that the threads share (conv1d_backward_reduce sums them). dK is small and its
    // k = rows long: split by rows, no thread packs the other's part of dfull.
    i32 sparse = conv_sparse(p, nt);
    if (sparse && tid == 0) conv_sparse_runs++;
    if (p->dk) {
      i32 KCF = p->size * C * Fo, chunks = (p->rows + DK_CHUNK - 1) / DK_CHUNK, c0, c1;
      share(chunks, 1, tid, nt, &c0, &c1);
      for (i32 c = c0; c < c1; c++) {
        i32 r = c * DK_CHUNK, n = p->rows - r < DK_CHUNK ? p->rows - r : DK_CHUNK;
        if (sparse)
          sparse_dk_chunk(p, dfull, c);
        else
          gemm(1, 0, p->size * C, Fo, n, p->x + r * C, C, dfull + r * Fo, Fo, p->dkparts + c * KCF, Fo, 0, tid);
      }
    }
    // dX[r] = sum_i dfull[r - (size-1) + i] @ K[size-1-i]^T: a window of `size` contiguous rows of the
    // zero-padded dfull against kflip, one GEMM.
    if (p->dx && hi > lo) {
      if (sparse)
        sparse_dx(p, dfull, lo, hi);
      else
        gemm(0, 0, hi - lo, C, p->size * Fo, p->dfull + lo * Fo, Fo, p->kflip, C, p->dx + lo * C, C, 0, tid);
    }
    return;
  }
  if (p->dk)
    for (i32 j = 0; j < p->size; j++) {
      gemm_part(1, 0, C, Fo, p->rows, p->x + j * d * C, C, dfull, Fo, p->dk + j * C * Fo, Fo, 0, tid, nt);
    }
  if (!p->dx) return;
  for (i32 i = lo * C; i < hi * C; i++) p->dx[i] = 0;
  for (i32 j = 0; j < p->size; j++) {
    i32 first = lo > j * d ? lo : j * d;
    i32 last = hi < j * d + p->rows ? hi : j * d + p->rows;
    if (last <= first) continue;
    gemm(0, 1, last - first, C, Fo, dfull + (first - j * d) * Fo, Fo, p->kernel + j * C * Fo, Fo, p->dx + first * C, C,
         1, tid);
  }
}

// Backward, phase 3 (undilated, with dK; split by elements of dK): dK = the partials summed in chunk order.
EXPORT(conv1d_backward_reduce)
__attribute__((minsize)) void conv1d_backward_reduce(ConvParams* p, i32 tid, i32 nt) {
  if (!p->dk || p->dilation != 1) return;
  i32 KCF = p->size * p->channels * p->filters, chunks = (p->rows + DK_CHUNK - 1) / DK_CHUNK, lo, hi;
  share(KCF, 4, tid, nt, &lo, &hi);
  for (i32 i = lo; i < hi; i++) p->dk[i] = p->dkparts[i];
  for (i32 c = 1; c < chunks; c++) {
    const float* part = p->dkparts + c * KCF;
    for (i32 i = lo; i < hi; i++) p->dk[i] += part[i];
  }
}

// ---------------------------------------------------------------------------------------------------
// Tap gather: a stride-1 'valid' Conv1D run on embedding ids. table [vocab, size*F] holds each word's
// per-tap products (embedding @ kernel[j], side by side); y[b, t] = act(sum_j table[ids[b, t + j], j] +
// bias). The backward scatters dz = dy * act'(y) back: dtable[ids[b, t + j], j] += dz[b, t], and dbias.
// Field order must match TAP_FIELDS in src/wasm/wasm-runtime.ts.

typedef struct {
  i32 batch, steps, filters, size, out_len, vocab, relu;
  const i32* ids;
  const float *table, *bias, *dy, *y;
  float *out, *dtable, *dbias;
  // tap_scatter's scratch: out_len * filters floats per thread.
  float* dz;
} TapParams;

static inline v128_t relu4(v128_t v) {
  v128_t zero = wasm_f32x4_splat(0);
  return wasm_v128_bitselect(zero, v, wasm_f32x4_lt(v, zero));
}

// out[0, F) = (first ? 0 + src : out + src), four at a time.
static inline void tap_add_row(float* out, const float* src, i32 F, i32 first) {
  i32 f = 0;
  v128_t zero = wasm_f32x4_splat(0);
  ROWS_LOOP
  for (; f + 4 <= F; f += 4)
    wasm_v128_store(out + f, wasm_f32x4_add(first ? zero : wasm_v128_load(out + f), wasm_v128_load(src + f)));
  ROWS_LOOP
  for (; f < F; f++) out[f] = (first ? 0.0f : out[f]) + src[f];
}

// out[0, F) = act(out + bias), four at a time.
static inline void tap_finish_row(float* out, const float* bias, i32 F, i32 relu) {
  i32 f = 0;
  ROWS_LOOP
  for (; f + 4 <= F; f += 4) {
    v128_t acc = wasm_v128_load(out + f);
    if (bias) acc = wasm_f32x4_add(acc, wasm_v128_load(bias + f));
    wasm_v128_store(out + f, relu ? relu4(acc) : acc);
  }
  ROWS_LOOP
  for (; f < F; f++) {
    float acc = out[f] + (bias ? bias[f] : 0.0f);
    out[f] = relu && acc < 0 ? 0 : acc;
  }
}

// Threads split the batch rows. Token by token: token p's whole table row (its K taps side by side, one
// contiguous read) adds tap j into output p - j, so each table row is fetched once, in one sequential
// burst, rather than as K scattered pieces. Output t receives taps j = 0, 1, … in that order (tokens t,
// t + 1, …), then the bias: the sum order of the tap-by-tap loop, so the same bits on any split.
EXPORT(tap_gather)
void tap_gather(TapParams* p, i32 tid, i32 nt) {
  i32 F = p->filters, K = p->size, L = p->out_len, row = K * F, tokens = L + K - 1;
  i32 relu = p->relu;
  i32 b0, b1;
  share(p->batch, 1, tid, nt, &b0, &b1);
  ROWS_LOOP
  for (i32 b = b0; b < b1; b++) {
    const i32* ids = p->ids + b * p->steps;
    float* out = p->out + b * L * F;
    ROWS_LOOP
    for (i32 q = 0; q < tokens; q++) {
      const float* src = p->table + ids[q] * row;
      i32 j0 = q - L + 1 > 0 ? q - L + 1 : 0, j1 = q < K - 1 ? q : K - 1;
      ROWS_LOOP
      for (i32 j = j0; j <= j1; j++) {
        float* o = out + (q - j) * F;
        tap_add_row(o, src + j * F, F, j == 0);
        if (j == K - 1) tap_finish_row(o, p->bias, F, relu);
      }
    }
  }
}

// dbias, split by filters: each thread sums its columns of dz (dy where relu passed) over (b, t) in that
// order, so the same bits on any split.
static void tap_bias_sums(const TapParams* p, i32 tid, i32 nt) {
  i32 F = p->filters, f0, f1;
  share(F, 4, tid, nt, &f0, &f1);
  column_sums(p->dy + f0, p->relu ? p->y + f0 : 0, p->batch * p->out_len, f1 - f0, F, p->dbias + f0);
}

// The first i in [0, n) with ids[i] outside [0, limit), or -1: the tap kernels' ids check, run before them
// (an id outside the table would read, or backward write, another row's memory).
EXPORT(first_out_of_range)
i32 first_out_of_range(const i32* ids, i32 n, i32 limit) {
  v128_t top = wasm_i32x4_splat(limit);
  i32 i = 0;
  ROWS_LOOP
  for (; i + 4 <= n; i += 4)
    if (wasm_v128_any_true(wasm_u32x4_ge(wasm_v128_load(ids + i), top))) break;
  ROWS_LOOP
  for (; i < n; i++)
    if ((unsigned)ids[i] >= (unsigned)limit) return i;
  return -1;
}

// The thread that owns table row v: blocks of 16 rows dealt round-robin, so frequent ids (low ones, in
// a frequency-ranked vocabulary) spread over the threads and two threads share a cache line only where
// their blocks meet.
static inline i32 tap_owner(i32 v, i32 nt) { return (v >> 4) % nt; }

// Threads split the table rows (tap_owner), so no two threads write the same row, and dbias by filters
// (tap_bias_sums). Token by token (as tap_gather): token p's whole row gets dz[p - j] added into tap j, one
// contiguous read-modify-write per token. dtable[v, j] accumulates over the outputs t = p - j in (b, t)
// order on any split, and dbias in (b, t) order. The masked dz of one batch row is computed once into
// `dzb` (L * F floats of scratch) instead of once per tap. Without a dtable, only dbias, split by filters.
EXPORT(tap_scatter)
void tap_scatter(TapParams* p, i32 tid, i32 nt) {
  i32 F = p->filters, K = p->size, L = p->out_len, row = K * F, tokens = L + K - 1;
  if (p->dbias) tap_bias_sums(p, tid, nt);
  if (!p->dtable) return;
  // A thread's rows come in blocks of 16 (tap_owner): one bulk fill per block.
  ROWS_LOOP
  for (i32 v = 0; v < p->vocab; v += 16) {
    i32 rows = p->vocab - v < 16 ? p->vocab - v : 16;
    if (tap_owner(v, nt) == tid) __builtin_memset(p->dtable + v * row, 0, (u32)(rows * row) * sizeof(float));
  }
  float* dzb = p->dz + tid * L * F;
  const float* keep = p->relu ? p->y : 0;
  ROWS_LOOP
  for (i32 b = 0; b < p->batch; b++) {
    const i32* ids = p->ids + b * p->steps;
    i32 at = b * L * F, n = L * F, i = 0;
    ROWS_LOOP
    for (; i + 4 <= n; i += 4) wasm_v128_store(dzb + i, kept4(p->dy, keep, at + i));
    ROWS_LOOP
    for (; i < n; i++) dzb[i] = kept1(p->dy, keep, at + i);
    ROWS_LOOP
    for (i32 q = 0; q < tokens; q++) {
      i32 v = ids[q];
      if (tap_owner(v, nt) != tid) continue;
      float* dst = p->dtable + v * row;
      i32 j0 = q - L + 1 > 0 ? q - L + 1 : 0, j1 = q < K - 1 ? q : K - 1;
      ROWS_LOOP
      for (i32 j = j0; j <= j1; j++) tap_add_row(dst + j * F, dzb + (q - j) * F, F, 0);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// RMSprop's weight update, in double precision like the TypeScript loop it replaces (JavaScript numbers),
// so both give the same bits: a = rho*a + (1 - rho)*g*g; out = p - lr*g / (sqrt(a) + eps), or
// / sqrt(a + eps) with `inside`; a and out are rounded to float32 once, as a Float32Array store does.
// Field order must match RMSPROP_FIELDS in src/wasm/wasm-runtime.ts. Threads split the elements.

typedef struct {
  i32 n, inside;
  const float *p, *g;
  float *a, *out;
  const double* hyper;  // learning rate, rho, epsilon
} RmspropParams;

static inline double rmsprop_step(const RmspropParams* r, i32 i, double lr, double rho, double eps) {
  double gi = r->g[i];
  double ai = rho * (double)r->a[i] + (1 - rho) * gi * gi;
  r->a[i] = (float)ai;
  double denominator = r->inside ? __builtin_sqrt(ai + eps) : __builtin_sqrt(ai) + eps;
  return (double)r->p[i] - (lr * gi) / denominator;
}

EXPORT(rmsprop_update)
void rmsprop_update(const RmspropParams* r, i32 tid, i32 nt) {
  double lr = r->hyper[0], rho = r->hyper[1], eps = r->hyper[2];
  i32 i0, i1;
  share(r->n, 4, tid, nt, &i0, &i1);
  for (i32 i = i0; i < i1; i++) r->out[i] = (float)rmsprop_step(r, i, lr, rho, eps);
}

// ---------------------------------------------------------------------------------------------------
// 1D max pooling over [batch, in_len, C]: output cell (b, t, c) is the first maximum of input steps
// [t*stride - pad_left, + size) clipped to the real steps (padding never wins; a NaN that comes first
// stays, later ones lose: every comparison is `v > best`, as in src/js/max-pool1d-js.ts). Branch-free
// selects, four channels at a time: on real activations the scalar compare-and-branch mispredicts
// about half the time.

static inline void pool_window(i32 t, i32 stride, i32 pad_left, i32 size, i32 in_len, i32* lo, i32* hi) {
  i32 start = t * stride - pad_left;
  *lo = start > 0 ? start : 0;
  *hi = start + size < in_len ? start + size : in_len;
}

// Field order must match POOL_FIELDS in src/wasm/wasm-runtime.ts. Threads split the samples: a
// window never leaves its sample, so every output (and every dx element's sum) is the same on any split.
typedef struct {
  i32 batch, in_len, channels, size, stride, pad_left, out_len;
  const float *x, *dy;
  float *y, *dx;
} PoolParams;

EXPORT(maxpool1d_forward)
__attribute__((minsize)) void maxpool1d_forward(const PoolParams* p, i32 tid, i32 nt) {
  i32 C = p->channels, in_len = p->in_len, out_len = p->out_len, C4 = C & ~3;
  i32 b0, b1;
  share(p->batch, 1, tid, nt, &b0, &b1);
  for (i32 b = b0; b < b1; b++) {
    const float* xb = p->x + b * in_len * C;
    for (i32 t = 0; t < out_len; t++) {
      i32 lo, hi;
      pool_window(t, p->stride, p->pad_left, p->size, in_len, &lo, &hi);
      float* yo = p->y + (b * out_len + t) * C;
      const float* first = xb + lo * C;
      i32 c = 0;
      for (; c < C4; c += 4) {
        v128_t best = wasm_v128_load(first + c);
        for (i32 s = lo + 1; s < hi; s++) {
          v128_t v = wasm_v128_load(xb + s * C + c);
          best = wasm_v128_bitselect(v, best, wasm_f32x4_gt(v, best));
        }
        wasm_v128_store(yo + c, best);
      }
      for (; c < C; c++) {
        float best = first[c];
        for (i32 s = lo + 1; s < hi; s++) {
          float v = xb[s * C + c];
          best = v > best ? v : best;
        }
        yo[c] = best;
      }
    }
  }
}

// Windows that never overlap (stride >= size, no padding, every window starting inside the input, as
// Keras' default strides = pool_size): each input step belongs to at most one window, so dx is written once,
// step by step: 0 + dy at the window's first maximum (the sum the scatter below makes onto zeros, bit for
// bit, -0 included), zero elsewhere. No zeroing pass and no scattered adds (a quarter of the time).
static void maxpool1d_backward_disjoint(const PoolParams* p, i32 b0, i32 b1) {
  i32 C = p->channels, in_len = p->in_len, C4 = C & ~3;
  v128_t zero = wasm_f32x4_splat(0);
  for (i32 b = b0; b < b1; b++) {
    const float* xb = p->x + b * in_len * C;
    float* dxb = p->dx + b * in_len * C;
    // Steps [0, done) are written: gaps between windows and the steps after the last get zeros.
    i32 done = 0;
    for (i32 t = 0; t < p->out_len; t++) {
      i32 lo, hi;
      pool_window(t, p->stride, 0, p->size, in_len, &lo, &hi);
      for (i32 i = done * C; i < lo * C; i++) dxb[i] = 0;
      const float* dyo = p->dy + (b * p->out_len + t) * C;
      i32 c = 0;
      for (; c < C4; c += 4) {
        v128_t best = wasm_v128_load(xb + lo * C + c);
        v128_t at = wasm_i32x4_splat(lo);
        for (i32 s = lo + 1; s < hi; s++) {
          v128_t v = wasm_v128_load(xb + s * C + c);
          v128_t gt = wasm_f32x4_gt(v, best);
          best = wasm_v128_bitselect(v, best, gt);
          at = wasm_v128_bitselect(wasm_i32x4_splat(s), at, gt);
        }
        v128_t g = wasm_v128_load(dyo + c);
        for (i32 s = lo; s < hi; s++) {
          v128_t hit = wasm_i32x4_eq(at, wasm_i32x4_splat(s));
          wasm_v128_store(dxb + s * C + c, wasm_f32x4_add(zero, wasm_v128_and(g, hit)));
        }
      }
      for (; c < C; c++) {
        i32 at = lo;
        for (i32 s = lo + 1; s < hi; s++) at = xb[s * C + c] > xb[at * C + c] ? s : at;
        for (i32 s = lo; s < hi; s++) dxb[s * C + c] = s == at ? 0.0f + dyo[c] : 0.0f;
      }
      done = hi;
    }
    for (i32 i = done * C; i < in_len * C; i++) dxb[i] = 0;
  }
}

// Per sample: its dx rows zeroed (they stay in cache for what follows), then each dy cell added at its
// window's first maximum (cells in (t, c) order, so overlapping windows add in the same order as the
// TypeScript twin).
EXPORT(maxpool1d_backward)
__attribute__((minsize)) void maxpool1d_backward(const PoolParams* p, i32 tid, i32 nt) {
  i32 C = p->channels, in_len = p->in_len, out_len = p->out_len, C4 = C & ~3;
  const float* x = p->x;
  float* dx = p->dx;
  i32 b0, b1;
  share(p->batch, 1, tid, nt, &b0, &b1);
  if (p->pad_left == 0 && p->stride >= p->size && (out_len - 1) * p->stride < in_len) {
    maxpool1d_backward_disjoint(p, b0, b1);
    return;
  }
  for (i32 b = b0; b < b1; b++) {
    i32 base = b * in_len * C;
    for (i32 i = 0; i < in_len * C; i++) dx[base + i] = 0;
    for (i32 t = 0; t < out_len; t++) {
      i32 lo, hi;
      pool_window(t, p->stride, p->pad_left, p->size, in_len, &lo, &hi);
      const float* dyo = p->dy + (b * out_len + t) * C;
      i32 first = base + lo * C;
      i32 c = 0;
      for (; c < C4; c += 4) {
        v128_t best = wasm_v128_load(x + first + c);
        v128_t at = wasm_i32x4_add(wasm_i32x4_splat(first + c), wasm_i32x4_make(0, 1, 2, 3));
        for (i32 s = lo + 1; s < hi; s++) {
          i32 row = base + s * C + c;
          v128_t v = wasm_v128_load(x + row);
          v128_t gt = wasm_f32x4_gt(v, best);
          best = wasm_v128_bitselect(v, best, gt);
          at = wasm_v128_bitselect(wasm_i32x4_add(wasm_i32x4_splat(row), wasm_i32x4_make(0, 1, 2, 3)), at, gt);
        }
        dx[wasm_i32x4_extract_lane(at, 0)] += dyo[c];
        dx[wasm_i32x4_extract_lane(at, 1)] += dyo[c + 1];
        dx[wasm_i32x4_extract_lane(at, 2)] += dyo[c + 2];
        dx[wasm_i32x4_extract_lane(at, 3)] += dyo[c + 3];
      }
      for (; c < C; c++) {
        i32 at = first + c;
        for (i32 s = lo + 1; s < hi; s++) {
          i32 row = base + s * C + c;
          at = x[row] > x[at] ? row : at;
        }
        dx[at] += dyo[c];
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Embedding rows: the lookup (gather of table rows by id) and its gradient (scatter-add of rows into
// the table's shape), four floats at a time. Ids are checked by the caller for the gather; the
// scatter-add skips ids outside [0, num_rows). Each output element sums its rows in row order, as the
// TypeScript fallback (src/js/embedding-rows-js.ts) does, so both give the same bits. The loops are
// vectorized by hand (ROWS_LOOP).

EXPORT(gather_rows)
void gather_rows(const float* table, const i32* ids, i32 n, i32 width, float* out) {
  i32 w4 = width & ~3;
  for (i32 i = 0; i < n; i++) {
    const float* s = table + ids[i] * width;
    float* d = out + i * width;
    i32 j = 0;
    ROWS_LOOP
    for (; j < w4; j += 4) wasm_v128_store(d + j, wasm_v128_load(s + j));
    ROWS_LOOP
    for (; j < width; j++) d[j] = s[j];
  }
}

EXPORT(scatter_add_rows)
void scatter_add_rows(const float* x, const i32* ids, i32 n, i32 num_rows, i32 width, float* out) {
  __builtin_memset(out, 0, (u32)(num_rows * width) * sizeof(float));  // memory.fill (bulk memory)
  i32 w4 = width & ~3;
  for (i32 i = 0; i < n; i++) {
    i32 id = ids[i];
    if (id < 0 || id >= num_rows) continue;
    const float* s = x + i * width;
    float* d = out + id * width;
    i32 j = 0;
    ROWS_LOOP
    for (; j < w4; j += 4) wasm_v128_store(d + j, wasm_f32x4_add(wasm_v128_load(d + j), wasm_v128_load(s + j)));
    ROWS_LOOP
    for (; j < width; j++) d[j] += s[j];
  }
}
