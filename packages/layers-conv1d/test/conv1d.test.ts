import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { deserializeLayer, SeedStream } from '@tensorseq/layers-core';
import { expectClose } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { window1d } from '../src/conv-utils';
import { Conv1D } from '../src/conv1d';
import { conv1dReference } from '../src/conv1d-reference';
import { registerConv1dLayers } from '../src/register';
import { conv1dKernel } from '../src/run-kernel';

function seededNormal(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 1, 'float32', new SeedStream(seed).nextSeed());
}

describe('Conv1D', () => {
  it('has the parameter count of Keras (Conv1D(32, 7) on 128 channels: 28,704)', () => {
    const conv = new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu' });
    conv.build([null, 500, 128]);
    expect(conv.countParams()).toBe(28_704);
    expect(conv.weights.map((w) => [w.name, w.shape])).toEqual([
      [`${conv.name}/kernel`, [7, 128, 32]],
      [`${conv.name}/bias`, [32]],
    ]);
    conv.dispose();
  });

  it('computes output shapes for every padding, and keeps unknown lengths unknown', () => {
    const shape = (padding: 'valid' | 'same' | 'causal', strides = 1, dilationRate = 1) =>
      new Conv1D({ filters: 3, kernelSize: 5, padding, strides, dilationRate }).computeOutputShape([
        2, 20, 4,
      ]);
    expect(shape('valid')).toEqual([2, 16, 3]);
    expect(shape('valid', 3)).toEqual([2, 6, 3]);
    expect(shape('valid', 1, 2)).toEqual([2, 12, 3]);
    expect(shape('same', 3)).toEqual([2, 7, 3]);
    expect(shape('causal', 1, 4)).toEqual([2, 20, 3]);
    const conv = new Conv1D({ filters: 32, kernelSize: 5, inputShape: [null, 14] });
    expect(conv.computeOutputShape([null, null, 14])).toEqual([null, null, 32]);
  });

  it('runs on variable-length inputs once built for [null, channels]', () => {
    const conv = new Conv1D({ filters: 4, kernelSize: 3, padding: 'causal', inputShape: [null, 2], seed: 1 });
    conv.build([null, null, 2]);
    for (const length of [1, 5, 9]) {
      const y = conv.apply(tf.ones([2, length, 2])) as tf.Tensor;
      expect(y.shape).toEqual([2, length, 4]);
      y.dispose();
    }
    conv.dispose();
  });

  it('makes a causal output depend on past steps only', () => {
    const conv = new Conv1D({ filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2, seed: 3 });
    const x = seededNormal([1, 10, 2], 4);
    const changed = tf.concat([tf.slice(x, [0, 0, 0], [1, 6, 2]), tf.fill([1, 4, 2], 9)], 1);
    const [a, b] = [conv.apply(x) as tf.Tensor, conv.apply(changed) as tf.Tensor];
    expectClose(tf.slice(a, [0, 0, 0], [1, 6, 2]), tf.slice(b, [0, 0, 0], [1, 6, 2]), { atol: 1e-6 });
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeGreaterThan(1e-3);
    conv.dispose();
  });

  it.each([
    ['valid', 1, 1],
    ['valid', 3, 1],
    ['same', 2, 1],
    ['same', 1, 3],
    ['causal', 1, 2],
    ['causal', 4, 1],
  ] as const)(
    'the kernel matches the tfjs-op reference at a bigger shape (%s, strides %i, dilation %i)',
    (padding, stride, dilation) => {
      const x = seededNormal([3, 37, 5], 10) as tf.Tensor3D;
      const kernel = seededNormal([4, 5, 6], 11);
      const bias = seededNormal([6], 12);
      const dy = seededNormal([3, window1d(37, { size: 4, stride, padding, dilation }).outLength, 6], 13);
      const w = window1d(37, { size: 4, stride, padding, dilation });
      const run = (f: typeof conv1dKernel) => {
        const y = f(x, kernel, bias, w);
        const g = tf.grads((a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => f(a as tf.Tensor3D, k, b, w))(
          [x, kernel, bias],
          dy,
        );
        return [y, ...g];
      };
      const reference = run(conv1dReference);
      run(conv1dKernel).forEach((t, i) => {
        expectClose(t, reference[i], { atol: 1e-4, rtol: 1e-4, label: `kernel output ${i}` });
      });
    },
  );

  it('leaks no tensors in a forward and backward pass', () => {
    const conv = new Conv1D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', seed: 2 });
    const x = seededNormal([2, 9, 3], 5);
    conv.build(x.shape);
    const before = tf.memory().numTensors;
    const y = conv.apply(x) as tf.Tensor;
    y.dispose();
    const { value, grads } = tf.variableGrads(() => tf.sum(conv.apply(x) as tf.Tensor));
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    conv.dispose();
  });

  it('round-trips its config through deserializeLayer', () => {
    registerConv1dLayers();
    const conv = new Conv1D({ filters: 8, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh' });
    const copy = deserializeLayer({ className: 'Conv1D', config: conv.getConfig() });
    expect(copy).toBeInstanceOf(Conv1D);
    expect(copy.getConfig()).toEqual(conv.getConfig());
  });

  describe('errors', () => {
    it('rejects non-positive sizes', () => {
      expect(() => new Conv1D({ filters: 0, kernelSize: 3 })).toThrow(
        'Conv1D: filters must be a positive integer. Received: filters=0.',
      );
      expect(() => new Conv1D({ filters: 2, kernelSize: -1 })).toThrow(
        'Conv1D: kernelSize must be a positive integer. Received: kernelSize=-1.',
      );
      expect(() => new Conv1D({ filters: 2, kernelSize: 3, strides: 1.5 })).toThrow(
        'Conv1D: strides must be a positive integer. Received: strides=1.5.',
      );
      expect(() => new Conv1D({ filters: 2, kernelSize: 3, dilationRate: 0 })).toThrow(
        'Conv1D: dilationRate must be a positive integer. Received: dilationRate=0.',
      );
    });

    it('rejects strides > 1 with dilationRate > 1, like Keras', () => {
      expect(() => new Conv1D({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(
        'Conv1D: strides must be 1 when dilationRate > 1 (TensorFlow does not support both). Received: strides=2, dilationRate=2.',
      );
    });

    it('rejects an unknown padding or activation', () => {
      expect(() => new Conv1D({ filters: 2, kernelSize: 3, padding: 'full' as 'same' })).toThrow(
        'Conv1D: padding must be one of "valid", "same", "causal". Received: padding="full".',
      );
      expect(() => new Conv1D({ filters: 2, kernelSize: 3, activation: 'gelu' })).toThrow(
        /^Conv1D: activation must be one of "linear", "relu", .*\. Received: activation="gelu"\.$/,
      );
    });

    it('rejects a kernel longer than a valid input', () => {
      const conv = new Conv1D({ filters: 2, kernelSize: 3, dilationRate: 3 });
      expect(() => conv.computeOutputShape([1, 6, 2])).toThrow(
        'Conv1D: input length must be at least the window span 7 (size 3, dilation 3) with padding "valid". Received: inputLength=6. To fix this, use longer inputs, a smaller window or padding "same".',
      );
      conv.build([null, null, 2]);
      expect(() => conv.apply(tf.zeros([1, 6, 2]))).toThrow('Received: inputLength=6.');
      const same = new Conv1D({ filters: 2, kernelSize: 3, dilationRate: 3, padding: 'same' });
      expect(same.computeOutputShape([1, 6, 2])).toEqual([1, 6, 2]);
    });

    it('rejects inputs of the wrong rank or channel count', () => {
      const conv = new Conv1D({ filters: 2, kernelSize: 3 });
      expect(() => conv.apply(tf.zeros([4, 3]))).toThrow(
        'Conv1D: input must have rank 3. Received: input shape=[4, 3] (rank 2).',
      );
      conv.build([null, 10, 3]);
      expect(() => conv.apply(tf.zeros([1, 10, 4]))).toThrow(
        'Conv1D: input channels must be 3 (the size the layer was built for). Received: channels=4.',
      );
    });
  });
});
