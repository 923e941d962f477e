import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { Embedding, Sequential } from '@tensorseq/layers-core';
import { describe, expect, it } from 'vitest';
import { embeddedSequencePays } from '../src/embedded-sequence';
import { GRU, LSTM, type RNN, SimpleRNN } from '../src/index';
import { KERNEL_PATHS, usePath } from './helpers/paths';

type Make = () => RNN;

const configs: [string, Make][] = [
  ['SimpleRNN', () => new SimpleRNN({ units: 5, seed: 1 })],
  [
    'SimpleRNN, returnSequences, goBackwards, relu',
    () => new SimpleRNN({ units: 3, activation: 'relu', returnSequences: true, goBackwards: true, seed: 2 }),
  ],
  [
    'SimpleRNN, no bias, recurrentDropout',
    () => new SimpleRNN({ units: 4, useBias: false, recurrentDropout: 0.4, seed: 3 }),
  ],
  ['LSTM', () => new LSTM({ units: 3, seed: 4 })],
  [
    'GRU Keras 2',
    () => new GRU({ units: 3, resetAfter: false, recurrentActivation: 'hardSigmoid', seed: 5 }),
  ],
];

const VOCAB = 6;
const IDS = [
  [1, 5, 0, 2, 2, 3, 4],
  [0, 0, 3, 1, 5, 5, 2],
  [4, 3, 2, 1, 0, 1, 2],
];

/** Loss and gradients (table, then every layer weight) of Embedding → `make()`, fused or one after the other. */
function run(make: Make, fused: boolean) {
  const embedding = new Embedding({ inputDim: VOCAB, outputDim: 4, seed: 9 });
  const rnn = make();
  const ids = tf.tensor2d(IDS, undefined, 'int32');
  embedding.build(ids.shape);
  rnn.build(embedding.computeOutputShape(ids.shape));
  const weights = [...embedding.weights, ...rnn.weights];
  const init = tf.tidy(() => weights.map((w, i) => tf.randomUniform(w.shape, -0.6, 0.6, 'float32', 100 + i)));
  embedding.setWeights(init.slice(0, 1));
  rnn.setWeights(init.slice(1));
  tf.dispose(init);
  let ranFused = false;
  const variables = weights.map((w) => w.variable);
  const { value, grads } = tf.variableGrads(() => {
    let y: tf.Tensor | null = null;
    if (fused) {
      y = embedding.applyFused(rnn, ids, { training: true });
      ranFused = y !== null;
    }
    y ??= rnn.apply(embedding.apply(ids) as tf.Tensor, { training: true }) as tf.Tensor;
    return tf.sum(tf.mul(y, tf.sin(tf.reshape(tf.range(0, y.size), y.shape)))) as tf.Scalar;
  }, variables);
  const out = {
    ranFused,
    loss: value.dataSync()[0] as number,
    grads: variables.map((v) => Array.from(grads[v.name]!.dataSync())),
  };
  tf.dispose([value, ...Object.values(grads), ids]);
  embedding.dispose();
  rnn.dispose();
  return out;
}

describe.each(KERNEL_PATHS.filter((p) => p.useFusedKernel))('Embedding → RNN on ids ($name)', (path) => {
  it.each(configs)('%s: same loss and gradients as the layers one after the other', (_name, make) => {
    usePath(path);
    const before = tf.memory().numTensors;
    const fused = run(make, true);
    const separate = run(make, false);
    expect(fused.ranFused).toBe(true);
    expect(fused.loss).toBeCloseTo(separate.loss, 4);
    expect(fused.grads.map((g) => g.length)).toEqual(separate.grads.map((g) => g.length));
    fused.grads.forEach((g, i) => {
      g.forEach((v, j) => {
        const r = separate.grads[i]![j] as number;
        expect(Math.abs(v - r)).toBeLessThan(1e-5 + 1e-4 * Math.abs(r));
      });
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('RNN.applyToEmbedding', () => {
  const table = () => tf.randomUniform([VOCAB, 4], -1, 1, 'float32', 1);
  const ids = () => tf.tensor2d(IDS, undefined, 'int32');

  it('declines where the ids path does not apply or pay', () => {
    usePath(KERNEL_PATHS.find((p) => p.useFusedKernel)!);
    const t = table();
    const i = ids();
    const declines = (rnn: RNN, args = { training: true }, idsTensor = i) => {
      rnn.build([3, 7, 4]);
      const y = rnn.applyToEmbedding({ table: t, ids: idsTensor }, args);
      rnn.dispose();
      return y === null;
    };
    expect(declines(new SimpleRNN({ units: 2, dropout: 0.3 }))).toBe(true);
    expect(declines(new SimpleRNN({ units: 2, useFusedKernel: false }))).toBe(true);
    expect(declines(new SimpleRNN({ units: 2, returnState: true }))).toBe(true);
    const short = tf.tensor2d([[1, 2, 3]], undefined, 'int32'); // 3 steps < 2 × 6 words
    expect(declines(new SimpleRNN({ units: 2 }), { training: true }, short)).toBe(true);
    // Input dropout only matters in training.
    const inference = new SimpleRNN({ units: 2, dropout: 0.3 });
    inference.build([3, 7, 4]);
    const y = inference.applyToEmbedding({ table: t, ids: i }, { training: false });
    expect(y?.shape).toEqual([3, 2]);
    tf.dispose([t, i, short, y as tf.Tensor]);
    inference.dispose();
  });

  it('pays when the batch has at least twice as many steps as the table has rows', () => {
    expect(embeddedSequencePays(10000, 128, 500)).toBe(true);
    expect(embeddedSequencePays(10000, 32, 200)).toBe(false);
    expect(embeddedSequencePays(6, 3, 4)).toBe(true);
  });

  it('runs inside Sequential: fit and predict agree with an unfused twin', () => {
    const path = KERNEL_PATHS.find((p) => p.useFusedKernel)!;
    usePath(path);
    let fusedRuns = 0;
    const make = (useFusedKernel: 'auto' | boolean) => {
      const model = new Sequential();
      model.add(new Embedding({ inputDim: VOCAB, outputDim: 4, inputLength: 7, seed: 3 }));
      // The twin without the fused kernel takes the gathered path (the reference loop).
      const rnn = new SimpleRNN({ units: 3, seed: 4, useFusedKernel });
      const direct = rnn.applyToEmbedding.bind(rnn);
      rnn.applyToEmbedding = (embedded, args) => {
        const out = direct(embedded, args);
        if (out !== null) fusedRuns++;
        return out;
      };
      model.add(rnn);
      model.compile({ optimizer: 'rmsprop', loss: 'mse' });
      return model;
    };
    const a = make('auto');
    const b = make(false);
    b.setWeights(a.getWeights());
    const x = ids();
    const y = tf.tensor2d([
      [0.1, 0.2, 0.3],
      [0.3, -0.2, 0],
      [-0.5, 0.5, 0],
    ]);
    const before = tf.memory().numTensors;
    for (let s = 0; s < 3; s++) {
      const la = a.trainOnBatch(x, y).loss;
      const lb = b.trainOnBatch(x, y).loss;
      expect(la).toBeCloseTo(lb, 5);
    }
    const pa = a.predict(x);
    const pb = b.predict(x);
    const worst = Math.max(...Array.from(pa.dataSync()).map((v, k) => Math.abs(v - pb.dataSync()[k]!)));
    expect(worst).toBeLessThan(1e-5);
    expect(fusedRuns).toBe(4); // three training steps and one predict batch
    tf.dispose([pa, pb]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    a.dispose();
    b.dispose();
  });
});
