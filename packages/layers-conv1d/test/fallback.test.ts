import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { TensorseqConv1D, TensorseqMaxPool1D } from '@tensorseq/kernels';
import { type Layer, SeedStream } from '@tensorseq/layers-core';
import { expectClose } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { AveragePooling1D } from '../src/average-pooling1d';
import { Conv1D } from '../src/conv1d';
import { GlobalMaxPooling1D } from '../src/global-max-pooling1d';
import { MaxPooling1D } from '../src/max-pooling1d';

// A backend without tensorseq's kernels: tfjs-backend-cpu with only tfjs' own kernels, as a backend
// selected without a @tensorseq/backend-* adapter would be.
const PLAIN = 'cpu-without-tensorseq';
const tested = tf.getBackend();
tf.registerBackend(PLAIN, () => new MathBackendCPU());
for (const config of tf.getKernelsForBackend('cpu')) {
  if (!config.kernelName.startsWith('Tensorseq')) tf.registerKernel({ ...config, backendName: PLAIN });
}

/** The layer's output and the gradients of a weighted sum w.r.t. its input and weights, as arrays. */
function forwardAndGrads(layer: Layer, x: tf.Tensor, r: tf.Tensor): number[][] {
  return tf.tidy(() => {
    const f = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar;
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(layer.apply(xi) as tf.Tensor, r)))(x);
    const weightGrads = layer.weights.length > 0 ? Object.values(tf.variableGrads(f).grads) : [];
    const y = layer.apply(x) as tf.Tensor;
    return [y, dx, ...weightGrads].map((t) => Array.from(t.dataSync()));
  });
}

const cases: [string, () => Layer, number[]][] = [
  [
    'Conv1D (relu, same)',
    () => new Conv1D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', seed: 1 }),
    [2, 11, 4],
  ],
  [
    'Conv1D (tanh, strided)',
    () => new Conv1D({ filters: 2, kernelSize: 4, strides: 2, activation: 'tanh', seed: 2 }),
    [2, 13, 3],
  ],
  [
    'Conv1D (causal, dilated)',
    () => new Conv1D({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'causal', seed: 3 }),
    [2, 9, 3],
  ],
  ['MaxPooling1D (same)', () => new MaxPooling1D({ poolSize: 3, strides: 2, padding: 'same' }), [2, 10, 3]],
  [
    'AveragePooling1D (same)',
    () => new AveragePooling1D({ poolSize: 4, strides: 3, padding: 'same' }),
    [2, 10, 3],
  ],
  ['GlobalMaxPooling1D', () => new GlobalMaxPooling1D(), [2, 7, 3]],
];

describe('a backend without the tensorseq kernels', () => {
  afterAll(async () => {
    await tf.setBackend(tested);
  });

  it('has none of them, while the tested backend has them', () => {
    expect(tf.getKernel(TensorseqConv1D, tested)).toBeDefined();
    expect(tf.getKernel(TensorseqMaxPool1D, tested)).toBeDefined();
    expect(tf.getKernel(TensorseqConv1D, PLAIN)).toBeUndefined();
  });

  it.each(cases)('%s falls back to the reference ops with the same numbers', async (_name, make, shape) => {
    await tf.setBackend(tested);
    const layer = make();
    const seeds = new SeedStream(11);
    const x = tf.randomNormal(shape, 0, 1, 'float32', seeds.nextSeed());
    const r = tf.randomNormal(layer.computeOutputShape(shape) as number[], 0, 1, 'float32', seeds.nextSeed());
    const fused = forwardAndGrads(layer, x, r);
    await tf.setBackend(PLAIN);
    const fallback = forwardAndGrads(layer, x, r);
    fallback.forEach((values, i) => {
      expectClose(tf.tensor(values), tf.tensor(fused[i]), { atol: 1e-5, rtol: 1e-4, label: `output ${i}` });
    });
    tf.dispose([x, r]);
    layer.dispose();
  });

  it('refuses useFusedKernel: true there, saying why', async () => {
    await tf.setBackend(PLAIN);
    const conv = new Conv1D({ filters: 2, kernelSize: 2, useFusedKernel: true });
    const pool = new MaxPooling1D({ useFusedKernel: true });
    const x = tf.ones([1, 4, 2]);
    expect(() => conv.apply(x)).toThrow(
      `Conv1D: useFusedKernel must be "auto" or false when the fused kernel is not available. Received: useFusedKernel=true (the "${PLAIN}" backend has no TensorseqConv1D kernel registered; select it with useBackend() from a @tensorseq/backend-* adapter, which registers it).`,
    );
    expect(() => pool.apply(x)).toThrow('MaxPooling1D: useFusedKernel must be "auto" or false when');
    x.dispose();
    conv.dispose();
  });

  it('runs the reference ops with useFusedKernel: false even where the kernel exists', async () => {
    await tf.setBackend(tested);
    const conv = new Conv1D({ filters: 2, kernelSize: 2, useFusedKernel: false, seed: 4 });
    const fast = new Conv1D({ filters: 2, kernelSize: 2, seed: 4 });
    const x = tf.randomNormal([1, 5, 2], 0, 1, 'float32', 5);
    expectClose(conv.apply(x) as tf.Tensor, fast.apply(x) as tf.Tensor, { atol: 1e-6 });
    expect(conv.getConfig().useFusedKernel).toBe(false);
    x.dispose();
  });
});
