import * as tf from '@tensorflow/tfjs-core';
import { globalSeedStream, type Initializer, type SeedStream } from '@tensorseq/layers-core';

/** Options of {@link orthogonal}. */
export interface OrthogonalOptions {
  /** Multiplier of the orthogonal matrix. @defaultValue 1 */
  gain?: number;
}

/**
 * Keras' `Orthogonal` initializer (the default for recurrent kernels): a random orthogonal matrix from the
 * QR decomposition of a Gaussian matrix, with the sign correction that makes it uniformly distributed.
 * Modified Gram-Schmidt yields the QR factor whose R has a positive diagonal, which is exactly Keras'
 * `q * sign(diag(r))`.
 *
 * @example
 * const w = orthogonal().apply([4, 16]); // rows are orthonormal: w @ wᵀ ≈ I₄
 */
export function orthogonal(options: OrthogonalOptions = {}): Initializer {
  const { gain = 1 } = options;
  return {
    className: 'Orthogonal',
    apply(shape: number[], seeds: SeedStream = globalSeedStream()) {
      const cols = shape[shape.length - 1] ?? 1;
      const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
      const tall = Math.max(rows, cols);
      const narrow = Math.min(rows, cols);
      const normal = tf.randomNormal([tall, narrow], 0, 1, 'float32', seeds.nextSeed());
      const a = Float64Array.from(normal.dataSync());
      normal.dispose();
      const q = orthonormalColumns(a, tall, narrow);
      const out = new Float32Array(rows * cols);
      // q is [tall, narrow]; Keras transposes it when the weight is wider than tall.
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          out[i * cols + j] = gain * (rows >= cols ? q[i * narrow + j] : q[j * narrow + i]);
        }
      }
      return tf.tensor(out, shape, 'float32');
    },
    getConfig: () => ({ gain }),
  };
}

/** Modified Gram-Schmidt (run twice for float stability) on the columns of a row-major [m, n] matrix. */
function orthonormalColumns(a: Float64Array, m: number, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += a[i * n + k] * a[i * n + j];
        for (let i = 0; i < m; i++) a[i * n + j] -= dot * a[i * n + k];
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += a[i * n + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < m; i++) a[i * n + j] /= norm;
  }
  return a;
}
