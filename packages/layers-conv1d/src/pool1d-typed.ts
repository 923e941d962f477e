import * as tf from '@tensorflow/tfjs-core';
import type { Window1D } from './conv-utils';

/** First and one-past-last real input step of output window `t` (padding cells excluded). */
function windowRange(t: number, w: Window1D): [number, number] {
  const start = t * w.stride - w.padLeft;
  return [Math.max(start, 0), Math.min(start + w.size, w.inLength)];
}

/**
 * Max pooling over steps as one custom gradient on typed arrays. Padding cells never win; the gradient
 * goes to the single arg-max of each window (the first one on ties), as in TensorFlow.
 *
 * @param x - `[batch, inLength, channels]` float32.
 * @param w - the window geometry from `window1d` (dilation 1).
 * @returns `[batch, outLength, channels]`.
 * @example
 * maxPool1dTyped(tf.tensor3d([1, 3, 2, 0], [1, 4, 1]), window1d(4, { size: 2, stride: 2 })) // → [[[3], [2]]]
 */
export function maxPool1dTyped(x: tf.Tensor3D, w: Window1D): tf.Tensor3D {
  const [batch, , channels] = x.shape;
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const xd = (args[0] as tf.Tensor).dataSync() as Float32Array;
    const y = new Float32Array(batch * w.outLength * channels);
    const argmax = new Int32Array(y.length);
    for (let b = 0; b < batch; b++) {
      const base = b * w.inLength * channels;
      for (let t = 0; t < w.outLength; t++) {
        const [lo, hi] = windowRange(t, w);
        const o = (b * w.outLength + t) * channels;
        for (let c = 0; c < channels; c++) {
          y[o + c] = xd[base + lo * channels + c];
          argmax[o + c] = base + lo * channels + c;
        }
        for (let s = lo + 1; s < hi; s++) {
          const row = base + s * channels;
          for (let c = 0; c < channels; c++) {
            if (xd[row + c] > y[o + c]) {
              y[o + c] = xd[row + c];
              argmax[o + c] = row + c;
            }
          }
        }
      }
    }
    return {
      value: tf.tensor3d(y, [batch, w.outLength, channels]),
      gradFunc: (dy: tf.Tensor) => {
        const dyd = dy.dataSync() as Float32Array;
        const dx = new Float32Array(batch * w.inLength * channels);
        for (let i = 0; i < dyd.length; i++) dx[argmax[i]] += dyd[i];
        return tf.tensor3d(dx, x.shape);
      },
    };
  });
  return run(x) as tf.Tensor3D;
}

/**
 * Average pooling over steps as one custom gradient on typed arrays. Each window divides by its number
 * of REAL cells (TensorFlow's avg_pool under 'same'), and the gradient spreads back the same way.
 *
 * @param x - `[batch, inLength, channels]` float32.
 * @param w - the window geometry from `window1d` (dilation 1).
 * @returns `[batch, outLength, channels]`.
 * @example
 * avgPool1dTyped(tf.tensor3d([1, 3, 2], [1, 3, 1]), window1d(3, { size: 2, stride: 2, padding: 'same' }))
 * // → [[[2], [2]]]
 */
export function avgPool1dTyped(x: tf.Tensor3D, w: Window1D): tf.Tensor3D {
  const [batch, , channels] = x.shape;
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const xd = (args[0] as tf.Tensor).dataSync() as Float32Array;
    const y = new Float32Array(batch * w.outLength * channels);
    for (let b = 0; b < batch; b++) {
      const base = b * w.inLength * channels;
      for (let t = 0; t < w.outLength; t++) {
        const [lo, hi] = windowRange(t, w);
        const o = (b * w.outLength + t) * channels;
        for (let s = lo; s < hi; s++) {
          const row = base + s * channels;
          for (let c = 0; c < channels; c++) y[o + c] += xd[row + c];
        }
        const scale = 1 / (hi - lo);
        for (let c = 0; c < channels; c++) y[o + c] *= scale;
      }
    }
    return {
      value: tf.tensor3d(y, [batch, w.outLength, channels]),
      gradFunc: (dy: tf.Tensor) => {
        const dyd = dy.dataSync() as Float32Array;
        const dx = new Float32Array(batch * w.inLength * channels);
        for (let b = 0; b < batch; b++) {
          const base = b * w.inLength * channels;
          for (let t = 0; t < w.outLength; t++) {
            const [lo, hi] = windowRange(t, w);
            const o = (b * w.outLength + t) * channels;
            const scale = 1 / (hi - lo);
            for (let s = lo; s < hi; s++) {
              const row = base + s * channels;
              for (let c = 0; c < channels; c++) dx[row + c] += dyd[o + c] * scale;
            }
          }
        }
        return tf.tensor3d(dx, x.shape);
      },
    };
  });
  return run(x) as tf.Tensor3D;
}
