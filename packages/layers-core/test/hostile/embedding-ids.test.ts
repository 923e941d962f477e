// Embedding treated a NaN id as id 0 (issue #16). Keras raises for out-of-range ids; NaN, ±Infinity and
// float ids that a cast to int32 would wrap into range must raise too.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Embedding, Sequential } from '../../src/index';
import '../helpers';

const layer = () => new Embedding({ inputDim: 10, outputDim: 2, name: 'emb' });

describe('Embedding: ids that are not ids', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [3e10, String(Math.fround(3e10))], // float32's nearest value
    [-1, '-1'],
    [10, '10'],
  ])('raises for a float id %s instead of looking up another row', (id, shown) => {
    const ids = tf.tensor2d([[1, id]], [1, 2], 'float32');
    expect(() => layer().apply(ids)).toThrow(
      `Embedding "emb": ids must be integers in [0, 9] (inputDim=10). Received: ids[1]=${shown} in input shape=[1, 2].`,
    );
    ids.dispose();
  });

  it('raises through predict (the model path) as well', () => {
    const model = new Sequential({
      layers: [new Embedding({ inputDim: 10, outputDim: 2, inputLength: 2, name: 'e2' })],
    });
    expect(() => model.predict({ data: Float32Array.of(Number.NaN, 1), shape: [1, 2] })).toThrow(
      'Embedding "e2": ids must be integers in [0, 9] (inputDim=10). Received: ids[0]=NaN in input shape=[1, 2].',
    );
    model.dispose();
  });

  it('still truncates float ids toward 0, as the cast to int32 in Keras does', () => {
    const emb = layer();
    const a = emb.apply(tf.tensor2d([[2.9, 0.5]], [1, 2], 'float32')) as tf.Tensor;
    const b = emb.apply(tf.tensor2d([[2, 0]], [1, 2], 'int32')) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
  });
});
