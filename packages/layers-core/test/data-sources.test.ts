import * as tf from '@tensorflow/tfjs-core';
import * as tfd from '@tensorflow/tfjs-data';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { type Batch, Dense, Sequential, setGlobalSeed } from '../src/index';
import './helpers';

function model(): Sequential {
  setGlobalSeed(3);
  const m = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2], activation: 'sigmoid' })] });
  m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc'] });
  return m;
}

interface HostBatch extends Batch {
  xs: { data: Float32Array; shape: number[] };
  ys: { data: Float32Array; shape: number[] };
}

/** Four batches of 8 rows: label = 1 when the first feature is positive. */
function batches(): HostBatch[] {
  return Array.from({ length: 4 }, (_, b) => {
    const xs = new Float32Array(16).map((_, i) => Math.sin(b * 16 + i));
    const ys = new Float32Array(8).map((_, r) => (xs[2 * r] > 0 ? 1 : 0));
    return { xs: { data: xs, shape: [8, 2] }, ys: { data: ys, shape: [8, 1] } };
  });
}

describe('Sequential.add', () => {
  it('refuses a tfjs-layers layer, naming it and saying what to use instead', () => {
    const m = new Sequential();
    expect(() => m.add(tfl.layers.dense({ units: 1, name: 'their_dense' }) as never)).toThrow(
      new TypeError(
        'Sequential.add: layer must be a tensorseq Layer. Received: layer=Dense "their_dense" (a @tensorflow/tfjs-layers layer). ' +
          'To fix this, use the tensorseq layer of the same name (e.g. `new Dense({ units: 1 })` from @tensorseq/layers-core, ' +
          'LSTM from @tensorseq/layers-recurrent, Conv1D from @tensorseq/layers-conv1d) or subclass Layer. ' +
          'If it is a tensorseq layer, two copies of @tensorseq/layers-core are installed: dedupe them.',
      ),
    );
    expect(() => m.add({} as never)).toThrow('Received: layer=Object. To fix this');
    expect(m.layers).toHaveLength(0);
  });
});

describe('Sequential.fit on datasets and async iterables', () => {
  it('trains one full pass per epoch over a tfjs-data Dataset, without stepsPerEpoch', async () => {
    const m = model();
    const seen: number[] = [];
    const ds = tfd.array(
      batches().map((b) => ({ xs: tf.tensor(b.xs.data, b.xs.shape), ys: tf.tensor(b.ys.data, b.ys.shape) })),
    );
    const history = await m.fit(ds as never, {
      epochs: 3,
      verbose: 0,
      callbacks: [{ onEpochEnd: () => void seen.push(tf.memory().numTensors) }],
    });
    expect(history.history.loss).toHaveLength(3);
    expect(history.history.loss[2]).toBeLessThan(history.history.loss[0]);
    expect(seen[2]).toBe(seen[1]); // no tensor leaks across epochs
  });

  it('accepts any re-iterable AsyncIterable of { xs, ys }, also as validation data', async () => {
    const m = model();
    const data = {
      async *[Symbol.asyncIterator]() {
        yield* batches();
      },
    };
    let steps = 0;
    const history = await m.fit(data, {
      epochs: 2,
      verbose: 0,
      validationData: data,
      callbacks: [{ onBatchEnd: () => void steps++ }],
    });
    expect(steps).toBe(8);
    expect(history.history.val_loss).toHaveLength(2);
    const logs = await m.evaluate(data);
    expect(logs.loss).toBeCloseTo(history.history.val_loss[1], 5);
  });

  it('warns and stops when a one-shot generator has nothing left for the next epoch', async () => {
    const m = model();
    async function* once() {
      yield* batches();
    }
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (msg: string) => void warnings.push(msg);
    try {
      const history = await m.fit(once(), { epochs: 3, verbose: 0 });
      expect(history.history.loss).toHaveLength(1);
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([
      'Sequential.fit: the data must yield at least one batch per epoch. Received: none in epoch 2; training stopped. To fix this, pass a re-iterable source (a Dataset, an array, a function returning a fresh iterator) or set stepsPerEpoch.',
    ]);
  });
});
