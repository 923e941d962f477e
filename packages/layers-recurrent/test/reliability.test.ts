import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Bidirectional, GRU, LSTM, type RNN, SimpleRNN } from '../src/index';
import { KERNEL_PATHS, usePath } from './helpers/paths';

/** One RMSprop training step of `layers` (then a linear read-out) on x, as fit() would run it. */
function trainStep(
  layers: (RNN | Bidirectional)[],
  x: tf.Tensor,
  mask: tf.Tensor | null,
  opt: tf.Optimizer,
): void {
  const forward = () => {
    let h = x;
    let m = mask;
    for (const layer of layers) {
      const next = layer.apply(h, { training: true, mask: m }) as tf.Tensor;
      m = layer.computeMask(h, m);
      h = next;
    }
    return tf.mean(tf.square(h)) as tf.Scalar;
  };
  if (!layers.every((l) => l.built)) tf.tidy(forward); // builds the weights, as fit() does before step 1
  const varList = layers.flatMap((l) => l.trainableWeights.map((w) => w.read()));
  const loss = opt.minimize(forward, true, varList);
  loss?.dispose();
}

describe.each(KERNEL_PATHS)('reliability on the $name path', (path) => {
  it('leaks no tensors across epochs (dropout, masks, stateful, Bidirectional)', () => {
    usePath(path);
    const f = path.useFusedKernel;
    const layers = [
      new GRU({ units: 4, dropout: 0.2, recurrentDropout: 0.3, returnSequences: true, useFusedKernel: f }),
      new Bidirectional(new LSTM({ units: 3, returnSequences: true, useFusedKernel: f })),
      new SimpleRNN({ units: 2, stateful: true, batchInputShape: [3, 5, 6], useFusedKernel: f }),
    ];
    const x = tf.randomNormal([3, 5, 4]);
    const mask = tf.tensor2d([
      [1, 1, 1, 1, 1],
      [0, 1, 1, 1, 1],
      [0, 0, 0, 1, 1],
    ]);
    const opt = tf.train.rmsprop(1e-3);
    const counts: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      for (let batch = 0; batch < 3; batch++) trainStep(layers, x, mask, opt);
      layers[2].resetStates();
      counts.push(tf.memory().numTensors);
    }
    // Epoch 1 creates the optimizer's accumulators; every later epoch must end where it started.
    expect(counts.slice(1)).toEqual([counts[1], counts[1], counts[1]]);
    tf.dispose([x, mask]);
    opt.dispose();
    for (const layer of layers) layer.dispose();
  });

  it('trains on 2,000-step sequences without stack overflow', () => {
    usePath(path);
    const layer = new LSTM({ units: 4, useFusedKernel: path.useFusedKernel });
    const x = tf.randomNormal([2, 2000, 3]);
    const opt = tf.train.rmsprop(1e-3);
    tf.tidy(() => layer.apply(x));
    const before = tf.memory().numTensors;
    trainStep([layer], x, null, opt);
    const grads = tf.tidy(() => {
      const { grads: g } = tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar);
      return Object.values(g).map((t) => tf.all(tf.isFinite(t)).dataSync()[0]);
    });
    expect(grads).toEqual([1, 1, 1]);
    expect(tf.memory().numTensors - before).toBe(3 + 3); // the weights' RMSprop accumulators, nothing else
    x.dispose();
    opt.dispose();
    layer.dispose();
  }, 120_000);
});
