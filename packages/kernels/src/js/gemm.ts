/**
 * Strided single-precision GEMM in plain TypeScript: C[m×n] (+)= op(A) @ op(B), with A, B, C addressed
 * by (offset, leading dimension) so callers can multiply column blocks of a gate matrix in place.
 * op(A) is m×k (A stored k×m when transA); op(B) is k×n (B stored n×k when transB). Loop orders keep
 * the innermost loop contiguous in memory for every transpose case.
 */
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
  if (!accumulate) {
    for (let i = 0; i < m; i++) c.fill(0, cOff + i * ldc, cOff + i * ldc + n);
  }
  if (transA && !transB) {
    // Outer products over k: reads A and B once each, C (small for the weight gradients) stays in cache.
    for (let p = 0; p < k; p++) {
      const ap = aOff + p * lda;
      const bp = bOff + p * ldb;
      for (let i = 0; i < m; i++) {
        const av = a[ap + i];
        if (av === 0) continue;
        const ci = cOff + i * ldc;
        for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
      }
    }
    return;
  }
  if (!transB) {
    // Rank-1 row updates: C[i, :] += A[i, p] * B[p, :].
    for (let i = 0; i < m; i++) {
      const ci = cOff + i * ldc;
      for (let p = 0; p < k; p++) {
        const av = a[aOff + i * lda + p];
        if (av === 0) continue;
        const bp = bOff + p * ldb;
        for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
      }
    }
    return;
  }
  if (!transA) {
    // Dot products of contiguous rows: C[i, j] += A[i, :] · B[j, :].
    for (let i = 0; i < m; i++) {
      const ai = aOff + i * lda;
      const ci = cOff + i * ldc;
      for (let j = 0; j < n; j++) {
        const bj = bOff + j * ldb;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
        c[ci + j] += s;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const ci = cOff + i * ldc;
    for (let j = 0; j < n; j++) {
      const bj = bOff + j * ldb;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[aOff + p * lda + i] * b[bj + p];
      c[ci + j] += s;
    }
  }
}
