import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Dense, loadModel, Sequential, TimeDistributed } from '../src/index';
import './helpers';

describe('TimeDistributed', () => {
  it('applies the wrapped Dense to every timestep, with its weights', () => {
    const td = new TimeDistributed(new Dense({ units: 2, activation: 'relu' }));
    td.build([null, 3, 4]);
    expect(td.computeOutputShape([null, 3, 4])).toEqual([null, 3, 2]);
    expect(td.weights.map((w) => w.shape)).toEqual([[4, 2], [2]]);
    expect(td.countParams()).toBe(10);
    const kernel = tf.tensor2d([1, -1, 2, 0, 0, 1, -1, 3], [4, 2]);
    const bias = tf.tensor1d([0.5, -0.5]);
    td.setWeights([kernel, bias]);
    const x = tf.tensor3d(
      Array.from({ length: 24 }, (_, i) => (i % 7) - 3),
      [2, 3, 4],
    );
    const y = td.apply(x) as tf.Tensor;
    // Reference: the same Dense on each [batch, features] slice.
    const expected = tf.relu(tf.add(tf.matMul(tf.reshape(x, [6, 4]), kernel), bias));
    expect(y.shape).toEqual([2, 3, 2]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([kernel, bias, x, y, expected]);
    td.dispose();
  });

  it('passes masks through and freezes the wrapped layer with itself', () => {
    const inner = new Dense({ units: 1 });
    const td = new TimeDistributed(inner);
    td.build([null, 2, 3]);
    const mask = tf.tensor2d([[1, 0]]);
    expect(td.computeMask(tf.zeros([1, 2, 3]), mask)).toBe(mask);
    td.trainable = false;
    expect(inner.trainable).toBe(false);
    expect(td.trainableWeights).toHaveLength(0);
    mask.dispose();
    td.dispose();
  });

  it('refuses inputs without a time axis and non-layers', () => {
    const td = new TimeDistributed(new Dense({ units: 1 }), { name: 'td' });
    expect(() => td.build([null, 3])).toThrow(
      'TimeDistributed "td": input shape must have rank ≥ 3 ([batch, time, ...features]). Received: input shape=[null, 3].',
    );
    expect(() => new TimeDistributed({} as Dense)).toThrow(
      'TimeDistributed: layer must be a Layer instance (e.g. new Dense({ units: 8 })). Received: layer=[object Object].',
    );
  });

  it('survives save / loadModel', async () => {
    // A memory round trip: the same topology and weights codec as every other target, in any runtime.
    const model = new Sequential({
      layers: [new TimeDistributed(new Dense({ units: 3, activation: 'softmax' }), { inputShape: [4, 2] })],
    });
    const loaded = await loadModel(await model.save());
    const x = tf.ones([1, 4, 2]);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(loaded.layers[0]).toBeInstanceOf(TimeDistributed);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });
});
