import * as tf from '@tensorflow/tfjs-core';
import { expectClose, loadConformance, reportChecked, toTensor } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { Dense } from '../src/index';
import { camelConfig, GRAD_TOL, type LayerCase, OUT_TOL } from './helpers';

const { cases } = loadConformance<{ cases: LayerCase[] }>('layers/dense');

describe('Dense', () => {
  it.each(cases.map((c) => [c.id, c] as const))('matches the Keras reference: %s', (_id, c) => {
    const layer = new Dense(camelConfig(c.config) as { units: number });
    const x = tf.variable(toTensor(c.inputs.x as { shape: number[]; data: number[] }));
    layer.build([null, ...x.shape.slice(1)]);
    expect(layer.weights.map((w) => w.name.split('/')[1])).toEqual(c.weights.map((w) => w.name));
    layer.setWeights(c.weights);
    const R = toTensor(c.loss.R);
    const vars = [x, ...layer.weights.map((w) => w.variable)];
    const { value, grads } = tf.variableGrads(() => {
      const y = layer.apply(x) as tf.Tensor;
      expectClose(y, c.output, { ...OUT_TOL, label: `${c.id} output` });
      return tf.sum(tf.mul(y, R)) as tf.Scalar;
    }, vars);
    expectClose(value, c.loss.value, OUT_TOL);
    expectClose(grads[x.name], c.grads.x, { ...GRAD_TOL, label: `${c.id} dx` });
    for (const w of layer.weights) {
      const key = w.name.split('/')[1];
      expectClose(grads[w.variable.name], c.grads[key], { ...GRAD_TOL, label: `${c.id} d${key}` });
    }
    tf.dispose([x, R, value, ...Object.values(grads)]);
    layer.dispose();
  });

  it('checks its options and input width', () => {
    expect(() => new Dense({ units: 0 })).toThrow(
      'Dense: units must be a positive integer. Received: units=0.',
    );
    expect(() => new Dense({ units: 2, activation: 'nope' })).toThrow(
      'Dense: activation must be one of "linear", "relu"',
    );
    const d = new Dense({ units: 2, name: 'd' });
    d.build([null, 3]);
    expect(() => d.apply(tf.ones([1, 4]))).toThrow(
      'Dense "d": input last axis must be 3. Received: input shape=[1, 4].',
    );
    d.dispose();
  });

  it('applies to 3-D inputs on the last axis', () => {
    const d = new Dense({ units: 2, kernelInitializer: 'ones' });
    const y = d.apply(tf.ones([2, 5, 3])) as tf.Tensor;
    expect(y.shape).toEqual([2, 5, 2]);
    expect(Array.from(y.dataSync()).every((v) => v === 3)).toBe(true);
    y.dispose();
    d.dispose();
  });
});

afterAll(() => reportChecked('dense conformance (layers/dense.json)', cases.length));
