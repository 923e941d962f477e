import * as tf from '@tensorflow/tfjs-core';
import type { Window1D } from './conv-utils';

/**
 * Conv1D from differentiable tfjs-core ops: explicit zero padding (so 'same' and 'causal' follow
 * {@link window1d} exactly), then `tf.conv1d` with 'valid'. tfjs-core has no gradient for dilated
 * convolutions, so a dilated kernel is applied tap by tap instead: `Σ_j xpad[j·d : j·d + outLength] @ K[j]`. This is
 * the fallback on backends without synchronous data (webgl, webgpu) and the numerical oracle of the
 * typed-array path in tests.
 *
 * @param x - `[batch, inLength, channels]`.
 * @param kernel - `[size, channels, filters]` (Keras layout).
 * @param bias - `[filters]`, or null.
 * @param w - the window geometry from `window1d`.
 * @returns `[batch, outLength, filters]`.
 * @example
 * conv1dReference(tf.ones([1, 3, 1]), tf.ones([2, 1, 1]), null, window1d(3, { size: 2 })) // → [[[2], [2]]]
 */
export function conv1dReference(
  x: tf.Tensor3D,
  kernel: tf.Tensor,
  bias: tf.Tensor | null,
  w: Window1D,
): tf.Tensor3D {
  return tf.tidy(() => {
    const padded =
      w.padLeft + w.padRight > 0
        ? tf.pad(x, [
            [0, 0],
            [w.padLeft, w.padRight],
            [0, 0],
          ])
        : x;
    const y =
      w.dilation === 1
        ? tf.conv1d(padded, kernel as tf.Tensor3D, w.stride, 'valid')
        : dilatedByTaps(padded, kernel as tf.Tensor3D, w);
    return bias ? tf.add(y, bias) : y;
  });
}

/** Sum over kernel taps of a shifted, strided input slice times that tap's [channels, filters] matrix. */
function dilatedByTaps(padded: tf.Tensor3D, kernel: tf.Tensor3D, w: Window1D): tf.Tensor3D {
  const [batch, , channels] = padded.shape;
  const filters = kernel.shape[2];
  let sum: tf.Tensor | null = null;
  for (let j = 0; j < w.size; j++) {
    // Dilation implies stride 1 (Conv1D rejects both > 1), so a plain slice (which, unlike
    // stridedSlice, has a gradient in tfjs-core) selects the tap's inputs.
    const taps = tf.slice(padded, [0, j * w.dilation, 0], [batch, w.outLength, channels]);
    const tap = tf.reshape(tf.slice(kernel, [j, 0, 0], [1, channels, filters]), [channels, filters]);
    const term = tf.matMul(tf.reshape(taps, [batch * w.outLength, channels]), tap);
    sum = sum ? tf.add(sum, term) : term;
  }
  return tf.reshape(sum as tf.Tensor, [batch, w.outLength, filters]);
}
