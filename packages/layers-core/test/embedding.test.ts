import * as tf from '@tensorflow/tfjs-core';
import { expectClose, loadConformance, toTensor } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { Embedding } from '../src/index';
import { scatterAddRows } from '../src/ops/embedding-lookup';
import { camelConfig, GRAD_TOL, type LayerCase, OUT_TOL } from './helpers';

const { cases } = loadConformance<{ cases: LayerCase[] }>('layers/embedding');

describe('Embedding', () => {
  it.each(cases.map((c) => [c.id, c] as const))('matches the Keras reference: %s', (_id, c) => {
    const layer = new Embedding(camelConfig(c.config) as { inputDim: number; outputDim: number });
    const ids = toTensor(c.inputs.ids as { shape: number[]; data: number[] }, 'int32');
    layer.build([null, ...ids.shape.slice(1)]);
    layer.setWeights(c.weights);
    const R = toTensor(c.loss.R);
    const { value, grads } = tf.variableGrads(() => {
      const y = layer.apply(ids) as tf.Tensor;
      expectClose(y, c.output, { ...OUT_TOL, label: `${c.id} output` });
      return tf.sum(tf.mul(y, R)) as tf.Scalar;
    }, [layer.weights[0].variable]);
    expectClose(value, c.loss.value, OUT_TOL);
    expectClose(grads[layer.weights[0].variable.name], c.grads.embeddings, GRAD_TOL);
    const mask = layer.computeMask(ids, null);
    if (c.output_mask)
      expectClose(tf.cast(mask as tf.Tensor, 'float32'), c.output_mask, { atol: 0, rtol: 0 });
    else expect(mask).toBeNull();
    tf.dispose([ids, R, value, mask as tf.Tensor, ...Object.values(grads)]);
    layer.dispose();
  });

  it('scatter-adds repeated ids in one pass', () => {
    const out = scatterAddRows([1, 2, 3, 4, 5, 6], [2, 0, 2], 3, 2);
    expect(Array.from(out)).toEqual([3, 4, 0, 0, 6, 8]);
  });

  it('uses uniform(-0.05, 0.05) by default and names out-of-range ids', () => {
    const layer = new Embedding({ inputDim: 100, outputDim: 4, name: 'emb', seed: 1 });
    layer.build([null, 3]);
    const values = layer.weights[0].read().dataSync();
    expect(Math.max(...values)).toBeLessThanOrEqual(0.05);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
    expect(() => layer.apply(tf.tensor2d([[1, 100, 2]], undefined, 'int32'))).toThrow(
      'Embedding "emb": ids must be integers in [0, 99] (inputDim=100). Received: ids[1]=100 in input shape=[1, 3].',
    );
    expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(
      'Embedding: inputDim must be a positive integer. Received: inputDim=0.',
    );
    layer.dispose();
  });

  it('infers [batch, inputLength, outputDim] from inputLength', () => {
    const layer = new Embedding({ inputDim: 10000, outputDim: 8, inputLength: 20 });
    expect(layer.batchInputShape).toEqual([null, 20]);
    expect(layer.computeOutputShape([null, 20])).toEqual([null, 20, 8]);
  });
});
