/**
 * The orthogonal factor Keras' `Orthogonal` initializer returns, computed in float64 by modified
 * Gram-Schmidt: QR of `a` ([rows, cols], transposed first when rows < cols, as Keras does), with each
 * column's sign chosen so R's diagonal is positive (`q *= sign(diag(r))`), times `gain`.
 */
export function orthogonalMatrix(
  a: ArrayLike<number>,
  rows: number,
  cols: number,
  gain: number,
): Float32Array {
  const transposed = rows < cols;
  const m = transposed ? cols : rows; // tall side
  const n = transposed ? rows : cols;
  // Column-major copy of the tall matrix: column j is q[j*m .. j*m+m).
  const q = new Float64Array(m * n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = a[i * cols + j];
      if (transposed) q[i * m + j] = v;
      else q[j * m + i] = v;
    }
  }
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < m; i++) dot += q[k * m + i] * q[j * m + i];
      for (let i = 0; i < m; i++) q[j * m + i] -= dot * q[k * m + i];
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += q[j * m + i] * q[j * m + i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < m; i++) q[j * m + i] /= norm;
  }
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      out[i * cols + j] = gain * (transposed ? q[i * m + j] : q[j * m + i]);
    }
  }
  return out;
}
