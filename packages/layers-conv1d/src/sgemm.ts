/**
 * `C (+)= op(A) @ op(B)` on row-major Float32Arrays, with op = transpose when the flag is set; `op(A)` is
 * [m, k], `op(B)` is [k, n], C is [m, n]. The same contract as `@tensorseq/kernels`' `sgemm`; this
 * plain-TypeScript version keeps the package self-contained. Loop orders keep the innermost loop on
 * contiguous memory, and zero entries of A (common after relu) are skipped.
 *
 * @example
 * const c = new Float32Array(1);
 * sgemm(false, false, 1, 1, 2, Float32Array.of(1, 2), Float32Array.of(3, 4), c); // c → [11]
 */
export function sgemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  accumulate = false,
): void {
  if (!accumulate) c.fill(0, 0, m * n);
  if (!transB) {
    axpyRows(transA, m, n, k, a, b, c);
  } else if (!transA) {
    dotRows(m, n, k, a, b, c);
  } else {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[p * m + i] * b[j * k + p];
        c[i * n + j] += s;
      }
    }
  }
}

/** B not transposed: row i of C accumulates `op(A)[i, p] · B[p, :]` (contiguous inner loop over n). */
function axpyRows(
  transA: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
): void {
  const strideI = transA ? 1 : k;
  const strideP = transA ? m : 1;
  for (let i = 0; i < m; i++) {
    const rowC = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * strideI + p * strideP];
      if (aip === 0) continue;
      const rowB = p * n;
      for (let j = 0; j < n; j++) c[rowC + j] += aip * b[rowB + j];
    }
  }
}

/** A plain, B transposed: every C entry is a dot product of two contiguous rows. */
function dotRows(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array): void {
  for (let i = 0; i < m; i++) {
    const rowA = i * k;
    for (let j = 0; j < n; j++) {
      const rowB = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[rowA + p] * b[rowB + p];
      c[i * n + j] += s;
    }
  }
}
