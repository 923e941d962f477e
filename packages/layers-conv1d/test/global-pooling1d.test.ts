import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { expectClose } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { GlobalAveragePooling1D } from '../src/global-average-pooling1d';
import { GlobalMaxPooling1D } from '../src/global-max-pooling1d';

describe('GlobalMaxPooling1D / GlobalAveragePooling1D', () => {
  const x = tf.tensor3d(
    [
      [
        [1, 10],
        [3, 20],
        [8, 90],
      ],
      [
        [4, 1],
        [6, 5],
        [2, 3],
      ],
    ],
    [2, 3, 2],
  );

  it('reduces the step axis, or keeps it with keepdims', () => {
    expect((new GlobalMaxPooling1D().apply(x) as tf.Tensor).arraySync()).toEqual([
      [8, 90],
      [6, 5],
    ]);
    const avg = new GlobalAveragePooling1D({ keepdims: true });
    expect(avg.computeOutputShape([null, null, 2])).toEqual([null, 1, 2]);
    expect((avg.apply(x) as tf.Tensor).arraySync()).toEqual([[[4, 40]], [[4, 3]]]);
  });

  it('averages the unmasked steps only (an Embedding mask)', () => {
    const mask = tf.tensor2d(
      [
        [0, 1, 1],
        [1, 0, 0],
      ],
      [2, 3],
      'bool',
    );
    const avg = new GlobalAveragePooling1D();
    expect((avg.apply(x, { mask }) as tf.Tensor).arraySync()).toEqual([
      [5.5, 55],
      [4, 1],
    ]);
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(avg.apply(xi, { mask }) as tf.Tensor))(x);
    expect(Array.from(dx.dataSync())).toEqual([0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 0, 0, 0, 0]);
    expect(avg.computeMask(x, mask)).toBeNull();
  });

  it('ignores a mask in max pooling, as Keras does, and passes none on', () => {
    const mask = tf.tensor2d(
      [
        [1, 0, 0],
        [1, 1, 1],
      ],
      [2, 3],
      'bool',
    );
    const max = new GlobalMaxPooling1D();
    expect((max.apply(x, { mask }) as tf.Tensor).arraySync()).toEqual([
      [8, 90],
      [6, 5],
    ]);
    expect(max.computeMask(x, mask)).toBeNull();
  });

  it('matches tf.max (the fallback off cpu/wasm) in value and gradient', () => {
    const xr = tf.randomNormal([3, 17, 5], 0, 1, 'float32', 21);
    const layer = new GlobalMaxPooling1D();
    expectClose(layer.apply(xr) as tf.Tensor, tf.max(xr, 1), { atol: 0 });
    const grad = (f: (t: tf.Tensor) => tf.Tensor) =>
      tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), tf.range(1, 6))))(xr);
    expectClose(
      grad((t) => layer.apply(t) as tf.Tensor),
      grad((t) => tf.max(t, 1)),
      { atol: 0 },
    );
  });

  it('rejects inputs of the wrong rank', () => {
    expect(() => new GlobalMaxPooling1D().apply(tf.zeros([2, 3]))).toThrow(
      'GlobalMaxPooling1D: input must have rank 3. Received: input shape=[2, 3] (rank 2).',
    );
  });
});
