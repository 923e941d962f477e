import * as tf from '@tensorflow/tfjs-core';
import type { Window1D } from './conv-utils';

/**
 * Max pooling from tfjs-core ops (`tf.maxPool` over a `[batch, 1, steps, channels]` view, whose 'same'
 * padding is TensorFlow's). The fallback on backends without synchronous data and the test oracle.
 *
 * @example
 * maxPool1dReference(tf.tensor3d([1, 3, 2, 0], [1, 4, 1]), window1d(4, { size: 2, stride: 2 })) // → [[[3], [2]]]
 */
export function maxPool1dReference(x: tf.Tensor3D, w: Window1D): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, length, channels] = x.shape;
    const padding = w.padLeft + w.padRight > 0 ? 'same' : 'valid';
    const x4 = tf.reshape(x, [batch, 1, length, channels]) as tf.Tensor4D;
    const y = tf.maxPool(x4, [1, w.size], [1, w.stride], padding);
    return tf.reshape(y, [batch, w.outLength, channels]) as tf.Tensor3D;
  });
}

/**
 * Average pooling from tfjs-core ops: explicit zero padding, `tf.avgPool` 'valid' (which divides by the
 * pool size), then a rescale by `size / realCells` per window so that padding cells do not count
 * (TensorFlow's 'same'), with a gradient that follows.
 *
 * @example
 * avgPool1dReference(tf.tensor3d([1, 3, 2], [1, 3, 1]), window1d(3, { size: 2, stride: 2, padding: 'same' }))
 * // → [[[2], [2]]]
 */
export function avgPool1dReference(x: tf.Tensor3D, w: Window1D): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, length, channels] = x.shape;
    const padded = tf.pad(x, [
      [0, 0],
      [w.padLeft, w.padRight],
      [0, 0],
    ]);
    const paddedLength = length + w.padLeft + w.padRight;
    const x4 = tf.reshape(padded, [batch, 1, paddedLength, channels]) as tf.Tensor4D;
    const pooled = tf.avgPool(x4, [1, w.size], [1, w.stride], 'valid');
    const y = tf.reshape(pooled, [batch, w.outLength, channels]) as tf.Tensor3D;
    if (w.padLeft + w.padRight === 0) return y;
    const rescale = new Float32Array(w.outLength);
    for (let t = 0; t < w.outLength; t++) {
      const start = t * w.stride - w.padLeft;
      const real = Math.min(start + w.size, length) - Math.max(start, 0);
      rescale[t] = w.size / real;
    }
    return tf.mul(y, tf.tensor3d(rescale, [1, w.outLength, 1])) as tf.Tensor3D;
  });
}
