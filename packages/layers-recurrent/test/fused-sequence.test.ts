import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Bidirectional, GRU, LSTM, type RNN, SimpleRNN } from '../src/index';
import { KERNEL_PATHS, usePath } from './helpers/paths';

type Make = (fused: boolean) => RNN | Bidirectional;

// Configurations the fixtures do not cover: dropout (same seed → same masks on both paths), relu,
// stacked inputs, masks with goBackwards and returnSequences, odd sizes.
const configs: [string, Make][] = [
  [
    'LSTM dropout + recurrentDropout',
    (f) =>
      new LSTM({
        units: 5,
        dropout: 0.3,
        recurrentDropout: 0.4,
        returnSequences: true,
        seed: 3,
        useFusedKernel: f,
      }),
  ],
  [
    'GRU resetAfter, relu, dropout',
    (f) =>
      new GRU({
        units: 3,
        activation: 'relu',
        dropout: 0.2,
        recurrentDropout: 0.5,
        seed: 4,
        useFusedKernel: f,
      }),
  ],
  [
    'GRU Keras 2.0, recurrentDropout, goBackwards',
    (f) =>
      new GRU({
        units: 4,
        resetAfter: false,
        recurrentActivation: 'hardSigmoid',
        recurrentDropout: 0.3,
        goBackwards: true,
        returnSequences: true,
        seed: 5,
        useFusedKernel: f,
      }),
  ],
  [
    'SimpleRNN, dropout, no bias',
    (f) => new SimpleRNN({ units: 7, useBias: false, dropout: 0.5, seed: 6, useFusedKernel: f }),
  ],
  [
    'Bidirectional GRU, mask',
    (f) =>
      new Bidirectional(new GRU({ units: 2, returnSequences: true, seed: 7, useFusedKernel: f }), {
        seed: 8,
      }),
  ],
];

function run(make: Make, fused: boolean, x: tf.Tensor, mask: tf.Tensor) {
  const layer = make(fused);
  layer.build(x.shape);
  const init = tf.tidy(() =>
    layer.weights.map((w, i) => tf.randomUniform(w.shape, -0.5, 0.5, 'float32', 100 + i)),
  );
  layer.setWeights(init);
  tf.dispose(init);
  const xv = tf.variable(x, true);
  const { value, grads } = tf.variableGrads(() => {
    const y = layer.apply(xv, { training: true, mask }) as tf.Tensor;
    return tf.sum(tf.mul(y, tf.sin(tf.reshape(tf.range(0, y.size), y.shape)))) as tf.Scalar;
  }, [xv, ...layer.weights.map((w) => w.read())]);
  const out = {
    loss: value.dataSync()[0],
    grads: [xv, ...layer.weights.map((w) => w.read())].map((v) => Array.from(grads[v.name].dataSync())),
  };
  tf.dispose([value, ...Object.values(grads), xv]);
  layer.dispose();
  return out;
}

describe.each(KERNEL_PATHS.filter((p) => p.useFusedKernel))(
  'fused kernel ($name) vs reference loop',
  (path) => {
    it.each(configs)('%s: same loss and gradients', (_name, make) => {
      usePath(path);
      const x = tf.randomNormal([3, 6, 4], 0, 1, 'float32', 1);
      const mask = tf.tensor2d([
        [1, 1, 1, 1, 1, 1],
        [0, 0, 1, 1, 0, 1],
        [1, 1, 1, 0, 0, 0],
      ]);
      const fused = run(make, true, x, mask);
      const reference = run(make, false, x, mask);
      expect(fused.loss).toBeCloseTo(reference.loss, 4);
      fused.grads.forEach((g, i) => {
        g.forEach((v, j) => {
          expect(Math.abs(v - reference.grads[i][j])).toBeLessThan(
            1e-4 + 1e-4 * Math.abs(reference.grads[i][j]),
          );
        });
      });
      tf.dispose([x, mask]);
    });
  },
);
