/**
 * Strided single-precision GEMM in plain TypeScript: C[m×n] (+)= op(A) @ op(B), with A, B, C addressed
 * by (offset, leading dimension) so callers can multiply column blocks of a gate matrix in place.
 * op(A) is m×k (A stored k×m when transA); op(B) is k×n (B stored n×k when transB).
 *
 * Same structure as the C kernel, scaled down for a JIT: k is cut into blocks of KC; op(B)'s block is
 * packed into k-major panels of 4 columns and op(A)'s rows into k-major pairs (packing absorbs the
 * transposes and makes every inner-loop read sequential), then a 2×4 register block of scalar
 * accumulators runs over the block (about 4× the throughput of a plain triple loop in V8).
 */
const KC = 256;
let packedB = new Float32Array(KC * 64);
const packedA = new Float32Array(KC * 2);

export function gemmJs(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  aOff: number,
  lda: number,
  b: Float32Array,
  bOff: number,
  ldb: number,
  c: Float32Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (!accumulate) for (let i = 0; i < m; i++) c.fill(0, cOff + i * ldc, cOff + i * ldc + n);
    return;
  }
  const panels = Math.ceil(n / 4);
  if (packedB.length < KC * panels * 4) packedB = new Float32Array(KC * panels * 4);
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    packB(transB, b, bOff, ldb, p0, kc, n, packedB);
    const add = accumulate || p0 > 0;
    for (let i = 0; i < m; i += 2) {
      const rows = Math.min(2, m - i);
      packA(transA, a, aOff, lda, i, rows, p0, kc, packedA);
      for (let jp = 0; jp < panels; jp++) {
        microKernel(
          kc,
          packedB,
          jp * kc * 4,
          c,
          cOff + i * ldc + jp * 4,
          ldc,
          rows,
          Math.min(4, n - jp * 4),
          add,
        );
      }
    }
  }
}

/** op(B)[p0:p0+kc, :] → panels of 4 columns, each [kc][4], zero-padded on the right. */
function packB(
  transB: boolean,
  b: Float32Array,
  bOff: number,
  ldb: number,
  p0: number,
  kc: number,
  n: number,
  dst: Float32Array,
): void {
  let d = 0;
  for (let j0 = 0; j0 < n; j0 += 4) {
    for (let p = p0; p < p0 + kc; p++) {
      for (let q = 0; q < 4; q++) {
        const j = j0 + q;
        dst[d++] = j >= n ? 0 : transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
      }
    }
  }
}

/** op(A)[i0:i0+rows, p0:p0+kc] → [kc][2], zero-padded when only one row is left. */
function packA(
  transA: boolean,
  a: Float32Array,
  aOff: number,
  lda: number,
  i0: number,
  rows: number,
  p0: number,
  kc: number,
  dst: Float32Array,
): void {
  for (let p = 0; p < kc; p++) {
    for (let r = 0; r < 2; r++) {
      const i = i0 + r;
      dst[2 * p + r] = r >= rows ? 0 : transA ? a[aOff + (p0 + p) * lda + i] : a[aOff + i * lda + p0 + p];
    }
  }
}

function microKernel(
  kc: number,
  bp: Float32Array,
  bStart: number,
  c: Float32Array,
  cStart: number,
  ldc: number,
  rows: number,
  cols: number,
  add: boolean,
): void {
  const ap = packedA;
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s03 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  for (let p = 0, q = bStart; p < 2 * kc; p += 2, q += 4) {
    const x0 = ap[p];
    const x1 = ap[p + 1];
    const b0 = bp[q];
    const b1 = bp[q + 1];
    const b2 = bp[q + 2];
    const b3 = bp[q + 3];
    s00 += x0 * b0;
    s01 += x0 * b1;
    s02 += x0 * b2;
    s03 += x0 * b3;
    s10 += x1 * b0;
    s11 += x1 * b1;
    s12 += x1 * b2;
    s13 += x1 * b3;
  }
  store(c, cStart, cols, add, s00, s01, s02, s03);
  if (rows > 1) store(c, cStart + ldc, cols, add, s10, s11, s12, s13);
}

function store(
  c: Float32Array,
  at: number,
  cols: number,
  add: boolean,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
): void {
  if (add) {
    c[at] += v0;
    if (cols > 1) c[at + 1] += v1;
    if (cols > 2) c[at + 2] += v2;
    if (cols > 3) c[at + 3] += v3;
  } else {
    c[at] = v0;
    if (cols > 1) c[at + 1] = v1;
    if (cols > 2) c[at + 2] = v2;
    if (cols > 3) c[at + 3] = v3;
  }
}
