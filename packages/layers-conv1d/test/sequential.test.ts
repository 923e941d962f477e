import * as tf from '@tensorflow/tfjs-core';
import { Dense, Embedding, Sequential } from '@tensorseq/layers-core';
import { GRU } from '@tensorseq/layers-recurrent';
import { expectClose } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { Conv1D } from '../src/conv1d';
import { GlobalAveragePooling1D } from '../src/global-average-pooling1d';
import { MaxPooling1D } from '../src/max-pooling1d';

describe('conv layers inside Sequential', () => {
  it('trains Conv1D → MaxPooling1D → Conv1D → GRU → Dense on variable-length sequences', () => {
    const model = new Sequential();
    model.add(new Conv1D({ filters: 8, kernelSize: 5, activation: 'relu', inputShape: [null, 3], seed: 1 }));
    model.add(new MaxPooling1D({ poolSize: 3 }));
    model.add(new Conv1D({ filters: 8, kernelSize: 5, activation: 'relu', seed: 2 }));
    model.add(new GRU({ units: 4, dropout: 0.1, recurrentDropout: 0.5, seed: 3 }));
    model.add(new Dense({ units: 1, seed: 4 }));
    model.compile({ optimizer: 'rmsprop', loss: 'mae' });
    expect(model.outputShape).toEqual([null, 1]);
    expect(model.countParams()).toBe(5 * 3 * 8 + 8 + (5 * 8 * 8 + 8) + 3 * (8 * 4 + 4 * 4 + 4 * 2) + 5);
    const before = model.getWeights();
    const tensors = tf.memory().numTensors;
    for (const length of [40, 61]) {
      const x = tf.randomNormal([2, length, 3], 0, 1, 'float32', length);
      const y = tf.ones([2, 1]);
      const logs = model.trainOnBatch(x, y);
      expect(Number.isFinite(logs.loss)).toBe(true);
      const p = model.predict(x);
      expect(p.shape).toEqual([2, 1]);
      tf.dispose([x, y, p]);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    const after = model.getWeights();
    expect(before.some((w, i) => tf.max(tf.abs(tf.sub(w, after[i]))).dataSync()[0] > 0)).toBe(true);
    tf.dispose([...before, ...after]);
    model.dispose();
  });

  it('lets GlobalAveragePooling1D honour an Embedding mask', () => {
    const model = new Sequential();
    model.add(new Embedding({ inputDim: 6, outputDim: 2, maskZero: true, inputLength: 4, seed: 5 }));
    model.add(new GlobalAveragePooling1D());
    const ids = tf.tensor2d(
      [
        [0, 0, 3, 5],
        [2, 4, 1, 0],
      ],
      [2, 4],
      'int32',
    );
    const pooled = model.predict(ids);
    const table = model.getWeights()[0];
    const rows = table.arraySync() as number[][];
    const mean = (ids: number[]) => [0, 1].map((j) => ids.reduce((s, i) => s + rows[i][j], 0) / ids.length);
    expectClose(pooled, [...mean([3, 5]), ...mean([2, 4, 1])], { atol: 1e-6 });
    tf.dispose([ids, pooled, table]);
    model.dispose();
  });
});
