import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { TensorseqAvgPool1D, TensorseqMaxPool1D } from '@tensorseq/kernels';
import { deserializeLayer, SeedStream } from '@tensorseq/layers-core';
import { expectClose } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { AveragePooling1D } from '../src/average-pooling1d';
import { window1d } from '../src/conv-utils';
import { MaxPooling1D } from '../src/max-pooling1d';
import { avgPool1dReference, maxPool1dReference } from '../src/pool1d-reference';
import { registerConv1dLayers } from '../src/register';
import { pool1dKernel } from '../src/run-kernel';

describe('MaxPooling1D / AveragePooling1D', () => {
  it('defaults strides to poolSize and keeps unknown lengths unknown', () => {
    const pool = new MaxPooling1D({ poolSize: 5 });
    expect(pool.strides).toBe(5);
    expect(pool.computeOutputShape([null, 494, 32])).toEqual([null, 98, 32]);
    expect(pool.computeOutputShape([null, null, 32])).toEqual([null, null, 32]);
    expect(
      new AveragePooling1D({ poolSize: 3, strides: 2, padding: 'same' }).computeOutputShape([4, 7, 2]),
    ).toEqual([4, 4, 2]);
  });

  it('averages over real cells only under "same"', () => {
    const y = new AveragePooling1D({ poolSize: 2, padding: 'same' }).apply(tf.tensor3d([1, 3, 5], [1, 3, 1]));
    expect((y as tf.Tensor).arraySync()).toEqual([[[2], [5]]]);
  });

  it('sends the max-pool gradient to the single arg-max (first on ties)', () => {
    const x = tf.tensor3d([2, 2, 1, 4], [1, 4, 1]);
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(new MaxPooling1D().apply(xi) as tf.Tensor))(x);
    expect(Array.from(dx.dataSync())).toEqual([1, 0, 0, 1]);
  });

  it.each([
    [3, 1, 'valid'],
    [4, 3, 'same'],
    [5, 2, 'same'],
    [2, 2, 'valid'],
  ] as const)(
    'the registered kernels match the tfjs-op reference (pool %i, strides %i, %s)',
    (size, stride, padding) => {
      const x = tf.randomNormal([3, 23, 4], 0, 1, 'float32', new SeedStream(7).nextSeed()) as tf.Tensor3D;
      const w = window1d(23, { size, stride, padding });
      const dy = tf.randomNormal([3, w.outLength, 4], 0, 1, 'float32', new SeedStream(8).nextSeed());
      const pairs = [
        [TensorseqMaxPool1D, maxPool1dReference],
        [TensorseqAvgPool1D, avgPool1dReference],
      ] as const;
      for (const [name, reference] of pairs) {
        const kernel = (xi: tf.Tensor3D) => pool1dKernel(name, xi, w);
        expectClose(kernel(x), reference(x, w), { atol: 1e-6 });
        const g = (f: (xi: tf.Tensor3D) => tf.Tensor) =>
          tf.grad((xi: tf.Tensor) => f(xi as tf.Tensor3D))(x, dy);
        expectClose(
          g(kernel),
          g((xi) => reference(xi, w)),
          { atol: 1e-5 },
        );
      }
    },
  );

  it('leaks no tensors in a forward and backward pass', () => {
    const x = tf.ones([2, 9, 3]);
    const before = tf.memory().numTensors;
    for (const pool of [new MaxPooling1D({ poolSize: 3 }), new AveragePooling1D({ padding: 'same' })]) {
      const dx = tf.grad((xi: tf.Tensor) => tf.sum(pool.apply(xi) as tf.Tensor))(x);
      dx.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('round-trips its config through deserializeLayer', () => {
    registerConv1dLayers();
    const pool = new AveragePooling1D({ poolSize: 3, strides: 1, padding: 'same' });
    const copy = deserializeLayer({ className: 'AveragePooling1D', config: pool.getConfig() });
    expect(copy).toBeInstanceOf(AveragePooling1D);
    expect(copy.getConfig()).toEqual(pool.getConfig());
  });

  describe('errors', () => {
    it('rejects non-positive sizes and unknown paddings', () => {
      expect(() => new MaxPooling1D({ poolSize: 0 })).toThrow(
        'MaxPooling1D: poolSize must be a positive integer. Received: poolSize=0.',
      );
      expect(() => new AveragePooling1D({ strides: -2 })).toThrow(
        'AveragePooling1D: strides must be a positive integer. Received: strides=-2.',
      );
      expect(() => new MaxPooling1D({ padding: 'causal' as 'same' })).toThrow(
        'MaxPooling1D: padding must be one of "valid", "same". Received: padding="causal".',
      );
    });

    it('rejects a pool longer than a valid input, and inputs of the wrong rank', () => {
      expect(() => new MaxPooling1D({ poolSize: 5 }).apply(tf.zeros([1, 4, 2]))).toThrow(
        'MaxPooling1D: input length must be at least the window span 5 (size 5, dilation 1) with padding "valid". Received: inputLength=4. To fix this, use longer inputs, a smaller window or padding "same".',
      );
      expect(() => new AveragePooling1D().apply(tf.zeros([1, 4, 2, 1]))).toThrow(
        'AveragePooling1D: input must have rank 3. Received: input shape=[1, 4, 2, 1] (rank 4).',
      );
    });
  });
});
