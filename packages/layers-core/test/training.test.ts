import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  type Batch,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  RMSprop,
  Sequential,
  SGD,
  setGlobalSeed,
  TerminateOnNaN,
} from '../src/index';
import './helpers';

/** A learnable toy task: label = 1 when the sequence contains id 1. */
function toyData(n: number, maxlen = 6, seed = 1) {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const ids = new Int32Array(n * maxlen);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < maxlen; t++) ids[i * maxlen + t] = 2 + Math.floor(rand() * 18);
    if (i % 2 === 0) {
      ids[i * maxlen + Math.floor(rand() * maxlen)] = 1;
      labels[i] = 1;
    }
  }
  return { x: { data: ids, shape: [n, maxlen] }, y: { data: labels, shape: [n] } };
}

function toyModel(seed = 42, dropout = 0) {
  setGlobalSeed(seed);
  const model = new Sequential();
  model.add(new Embedding({ inputDim: 20, outputDim: 4, inputLength: 6 }));
  model.add(new Flatten());
  if (dropout) model.add(new Dropout({ rate: dropout }));
  model.add(new Dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

describe('Sequential training', () => {
  it('learns a toy task with History keys like Keras', async () => {
    const { x, y } = toyData(200);
    const model = toyModel();
    model.compile({
      optimizer: new RMSprop({ learningRate: 0.01 }),
      loss: 'binaryCrossentropy',
      metrics: ['acc'],
    });
    const h = await model.fit(x, y, { epochs: 12, batchSize: 16, validationSplit: 0.2, verbose: 0, seed: 1 });
    expect(Object.keys(h.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    expect(h.epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(h.history.loss[11]).toBeLessThan(h.history.loss[0]);
    expect(h.history.acc[11]).toBeGreaterThan(0.9);
    const logs = await model.evaluate(x, y);
    expect(Object.keys(logs)).toEqual(['loss', 'acc']);
    expect(logs.acc).toBeGreaterThan(0.9);
    model.dispose();
  });

  it('keeps the tensor count flat across epochs and leaves none behind in predict/evaluate', async () => {
    const { x, y } = toyData(64);
    const model = toyModel(1, 0.3);
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['acc', 'mae'] });
    const counts: number[] = [];
    await model.fit(x, y, {
      epochs: 3,
      batchSize: 10,
      validationData: [x, y],
      verbose: 0,
      callbacks: [{ onEpochEnd: () => void counts.push(tf.memory().numTensors) }],
    });
    expect(counts).toHaveLength(3);
    expect(new Set(counts).size).toBe(1);
    const before = tf.memory().numTensors;
    await model.evaluate(x, y, { batchSize: 7 });
    tf.dispose(model.predict(x, { batchSize: 7 }));
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('gives identical weights for two seeded runs (initializers, shuffling, dropout)', async () => {
    const { x, y } = toyData(48);
    const run = async () => {
      const model = toyModel(7, 0.5);
      model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy' });
      await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, seed: 3 });
      const w = model.getWeights().map((t) => Array.from(t.dataSync()));
      model.dispose();
      return w;
    };
    expect(await run()).toEqual(await run());
  });

  it('trains from an async generator with a validation generator', async () => {
    const { x, y } = toyData(64);
    async function* batches(): AsyncGenerator<Batch> {
      for (let i = 0; ; i = (i + 16) % 64) {
        yield {
          xs: { data: x.data.subarray(i * 6, (i + 16) * 6), shape: [16, 6] },
          ys: tf.tensor2d(y.data.subarray(i, i + 16), [16, 1]),
        };
      }
    }
    const model = toyModel(3);
    model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
    const before = tf.memory().numTensors;
    const h = await model.fit(batches(), {
      stepsPerEpoch: 4,
      epochs: 2,
      validationData: batches(),
      validationSteps: 2,
      verbose: 0,
    });
    expect(Object.keys(h.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    // The caller's yielded ys tensors are theirs to dispose; fit adds nothing else.
    expect(tf.memory().numTensors - before).toBe(4 * 2 + 2 * 2);
    model.dispose();
  });

  it('takes the validation split from the end, before shuffling', async () => {
    const model = new Sequential({
      layers: [new Dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })],
    });
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mae' });
    const x = [[0], [0], [0], [0], [0]];
    const y = [[0], [0], [0], [0], [10]];
    const h = await model.fit(x, y, { validationSplit: 0.2, verbose: 0 });
    expect(h.history.loss[0]).toBe(0);
    expect(h.history.val_loss[0]).toBe(10);
    model.dispose();
  });

  it('reports bad inputs clearly', async () => {
    const model = toyModel();
    const { x, y } = toyData(10);
    await expect(model.fit(x, y)).rejects.toThrow(
      'Sequential.fit: the model must be compiled first. Received: no compile() call. To fix this, call model.compile({ optimizer, loss }) before fit.',
    );
    expect(() => model.compile({ optimizer: 'adagrad', loss: 'mse' })).toThrow(
      'compile: optimizer must be one of "rmsprop", "adam", "sgd" or an Optimizer. Received: optimizer="adagrad".',
    );
    expect(() => model.compile({ optimizer: tf.train.rmsprop(0.001) as never, loss: 'mse' })).toThrow(
      'compile: optimizer must be a tensorseq Optimizer (RMSprop, Adam, SGD or a HostOptimizer). Received: another object with applyGradients (a tfjs-core optimizer?).',
    );
    expect(() => model.compile({ optimizer: 'rmsprop', loss: 'hinge' })).toThrow(
      'compile: loss must be one of "binaryCrossentropy", "categoricalCrossentropy", "sparseCategoricalCrossentropy", "meanSquaredError", "meanAbsoluteError", "mse", "mae". Received: loss="hinge".',
    );
    expect(() => model.compile({ optimizer: 'rmsprop', loss: 'mse', metrics: ['f1'] })).toThrow(
      'compile: metrics must be one of "acc", "accuracy", "binaryAccuracy", "categoricalAccuracy", "sparseCategoricalAccuracy" or a loss name. Received: metric="f1".',
    );
    model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy' });
    await expect(model.fit(x, { data: y.data.subarray(0, 8), shape: [8] })).rejects.toThrow(
      'Sequential.fit: x and y must have the same number of samples. Received: x shape=(10, 6), y shape=(8,).',
    );
    await expect(model.fit({ data: x.data.subarray(0, 50), shape: [10, 5] }, y)).rejects.toThrow(
      'Sequential.fit: x must have shape (None, 6) to fit the first layer "embedding',
    );
    const bad = Float32Array.from(y.data);
    bad[3] = 2;
    await expect(model.fit(x, { data: bad, shape: [10] })).rejects.toThrow(
      'Sequential.fit: y must hold labels in [0, 1] for loss "binaryCrossentropy". Received: y[3]=2.',
    );
    await expect(model.fit(x, { data: y.data, shape: [10, 1] }, { batchSize: 0 })).rejects.toThrow(
      'Sequential.fit: batchSize must be a positive integer. Received: batchSize=0.',
    );
    model.dispose();
  });

  it('stops on a NaN loss with TerminateOnNaN and says where', async () => {
    const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'rmsprop', loss: 'mse' });
    const x = new Float32Array(40).fill(1);
    x[25] = Number.NaN; // sample 12 → batch 3 with batchSize 4
    const messages: string[] = [];
    const stopper = new TerminateOnNaN({ log: (m) => messages.push(m) });
    const h = await model.fit(
      { data: x, shape: [20, 2] },
      { data: new Float32Array(20), shape: [20, 1] },
      {
        epochs: 3,
        batchSize: 4,
        shuffle: false,
        verbose: 0,
        callbacks: [stopper],
      },
    );
    expect(messages).toEqual([
      'TerminateOnNaN: batch 3 of epoch 1 gave loss=NaN; training stopped. Check the inputs for NaN/Infinity or lower the learning rate.',
    ]);
    expect(h.epoch).toEqual([0]);
    expect(model.stopTraining).toBe(true);
    model.dispose();
  });
});
