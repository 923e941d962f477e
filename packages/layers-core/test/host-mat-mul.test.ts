import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { registerGradients } from '../src/index';
import { hostMatMul } from '../src/ops/host-mat-mul';
import { isHostMemoryBackend } from '../src/ops/host-memory-backend';

const close = (a: tf.Tensor, b: tf.Tensor) => {
  const x = a.dataSync();
  const y = b.dataSync();
  expect(x.length).toBe(y.length);
  for (let i = 0; i < x.length; i++)
    expect(Math.abs(x[i] - y[i])).toBeLessThanOrEqual(1e-4 + 1e-4 * Math.abs(y[i]));
};

registerGradients(); // tf.matMul's own gradient is the reference

describe('hostMatMul', () => {
  it('runs on the cpu backend, which keeps tensors in host memory', async () => {
    await tf.setBackend('cpu');
    expect(isHostMemoryBackend()).toBe(true);
  });

  it.each([
    [1, 1, 1],
    [3, 5, 2],
    [32, 160, 1],
    [17, 33, 9],
  ])('matches tf.matMul and its gradients for [%i, %i] @ [%i]', (m, k, n) => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.randomNormal([m, k], 0, 1, 'float32', 1) as tf.Tensor2D;
      const w = tf.randomNormal([k, n], 0, 1, 'float32', 2) as tf.Tensor2D;
      const r = tf.randomNormal([m, n], 0, 1, 'float32', 3);
      close(hostMatMul(x, w), tf.matMul(x, w));
      const loss = (f: (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor) => (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(f(a as tf.Tensor2D, b as tf.Tensor2D), r));
      const [dxOurs, dwOurs] = tf.grads(loss(hostMatMul))([x, w]);
      const [dxRef, dwRef] = tf.grads(loss((a, b) => tf.matMul(a, b)))([x, w]);
      close(dxOurs, dxRef);
      close(dwOurs, dwRef);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
