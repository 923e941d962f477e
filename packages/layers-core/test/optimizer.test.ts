import * as tf from '@tensorflow/tfjs-core';
import { TensorseqWeightUpdate } from '@tensorseq/kernels';
import { describe, expect, it } from 'vitest';
import { Adam, Dense, type HostOptimizer, RMSprop, SGD } from '../src/index';

/** Three steps of `make()` on a fresh 300×40 weight (same seed, same gradients); the final values. */
function train(make: () => HostOptimizer): Float32Array {
  const layer = new Dense({ units: 40, seed: 3 });
  layer.build([null, 300]);
  const opt = make();
  const w = layer.weights[0];
  for (let step = 0; step < 3; step++) {
    const grad = tf.randomNormal(w.shape, 0, 1, 'float32', step + 1);
    opt.applyGradients([{ weight: w, grad }]);
    grad.dispose();
  }
  const values = w.read().dataSync().slice() as Float32Array;
  layer.dispose();
  return values;
}

/** Runs `f` with the weight-update kernel unregistered from the active backend (the host loop path). */
function withoutKernel<T>(f: () => T): T {
  const config = tf.getKernel(TensorseqWeightUpdate, tf.getBackend());
  if (!config) return f();
  tf.unregisterKernel(TensorseqWeightUpdate, tf.getBackend());
  try {
    return f();
  } finally {
    tf.registerKernel(config);
  }
}

const optimizers: [string, () => HostOptimizer][] = [
  ['RMSprop', () => new RMSprop({ learningRate: 0.01 })],
  ['Adam', () => new Adam({ learningRate: 0.01 })],
  ['SGD', () => new SGD({ learningRate: 0.1, momentum: 0.9 })],
];

describe('HostOptimizer weight updates', () => {
  it('runs in the backend kernel where there is one (tensorseq host backends)', () => {
    expect(tf.getKernel(TensorseqWeightUpdate, tf.getBackend())).toBeDefined();
  });

  it.each(optimizers)('%s: the kernel and the host loop give the same bits', (_, make) => {
    expect(Array.from(train(make))).toEqual(Array.from(withoutKernel(() => train(make))));
  });

  it('never changes an array read from a weight, and keeps the tensor count flat', () => {
    const layer = new Dense({ units: 64, seed: 1 });
    layer.build([null, 512]);
    const w = layer.weights[0];
    const opt = new RMSprop();
    const grad = tf.onesLike(w.read());
    opt.applyGradients([{ weight: w, grad }]);
    const read = w.read().dataSync();
    const snapshot = read.slice();
    const tensors = tf.memory().numTensors;
    for (let step = 0; step < 4; step++) opt.applyGradients([{ weight: w, grad }]);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(read).toEqual(snapshot);
    expect(w.read().dataSync()[0]).toBeLessThan(snapshot[0]);
    grad.dispose();
    layer.dispose();
  });
});
