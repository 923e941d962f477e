import * as tf from '@tensorflow/tfjs-core';
import { TensorseqWeightUpdate } from '@tensorseq/kernels';
import { describe, expect, it } from 'vitest';
import { Adam, Dense, type HostOptimizer, RMSprop, Sequential, SGD } from '../src/index';

/** `count` updates of a fresh 300×40 Dense kernel with `opt` (same seed, same gradients); the final values. */
function stepWith(opt: HostOptimizer, count: number): Float32Array {
  const layer = new Dense({ units: 40, seed: 3 });
  layer.build([null, 300]);
  const w = layer.weights[0];
  for (let step = 0; step < count; step++) {
    const grad = tf.randomNormal(w.shape, 0, 1, 'float32', step + 1);
    opt.applyGradients([{ weight: w, grad }]);
    grad.dispose();
  }
  const values = w.read().dataSync().slice() as Float32Array;
  layer.dispose();
  return values;
}

/** Three steps of `make()` on a fresh 300×40 weight. */
function train(make: () => HostOptimizer): Float32Array {
  return stepWith(make(), 3);
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

describe('HostOptimizer slots', () => {
  it.each(optimizers)('%s: dispose forgets the slots', (_, make) => {
    const opt = make();
    stepWith(opt, 2);
    expect(opt.getState().slots.length).toBeGreaterThan(0);
    opt.dispose();
    expect(opt.getState().slots).toEqual([]);
  });

  it('RMSprop: after dispose, updates start from zero averages like a fresh optimizer', () => {
    const used = new RMSprop({ learningRate: 0.01 });
    stepWith(used, 3);
    used.dispose();
    expect(Array.from(stepWith(used, 3))).toEqual(
      Array.from(stepWith(new RMSprop({ learningRate: 0.01 }), 3)),
    );
  });

  it('setState replaces the slots with copies that updates do not write back into the state', () => {
    const source = new RMSprop({ learningRate: 0.01 });
    stepWith(source, 2);
    const state = source.getState();
    const before = state.slots.map((s) => Array.from(s.data));
    const restored = new RMSprop({ learningRate: 0.01 });
    restored.setState(state);
    stepWith(restored, 1);
    expect(state.slots.map((s) => Array.from(s.data))).toEqual(before);
    expect(restored.getState().slots.map((s) => Array.from(s.data))).not.toEqual(before);
  });

  it('Sequential.dispose disposes an optimizer that compile created, not one it was given', () => {
    const run = (optimizer: 'rmsprop' | RMSprop) => {
      const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [4], seed: 1 })] });
      model.compile({ optimizer, loss: 'mse' });
      const [x, y] = [tf.ones([2, 4]), tf.ones([2, 1])];
      model.trainOnBatch(x, y);
      tf.dispose([x, y]);
      const opt = model.optimizer as HostOptimizer;
      model.dispose();
      return opt.getState().slots.length;
    };
    expect(run('rmsprop')).toBe(0);
    expect(run(new RMSprop())).toBeGreaterThan(0);
  });
});
