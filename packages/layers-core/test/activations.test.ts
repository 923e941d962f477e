import * as tf from '@tensorflow/tfjs-core';
import { expectClose } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { activationNames, resolveActivation } from '../src/index';
import './helpers';

const xs = [-3, -1, -0.2, 0, 0.7, 2.6];
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const SELU_A = 1.6732632423543772;
const SELU_S = 1.0507009873554805;
const reference: Record<string, (x: number) => number> = {
  linear: (x) => x,
  relu: (x) => Math.max(0, x),
  sigmoid: sig,
  hardSigmoid: (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)),
  tanh: Math.tanh,
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  selu: (x) => SELU_S * (x > 0 ? x : SELU_A * (Math.exp(x) - 1)),
  softplus: (x) => Math.log1p(Math.exp(x)),
  softsign: (x) => x / (1 + Math.abs(x)),
  swish: (x) => x * sig(x),
  silu: (x) => x * sig(x),
};

describe('resolveActivation', () => {
  it.each(Object.keys(reference))('%s matches its formula', (name) => {
    const act = resolveActivation(name);
    expect(act.name).toBe(name);
    const y = act.apply(tf.tensor1d(xs));
    expectClose(y, xs.map(reference[name]), { atol: 1e-5, rtol: 1e-5 });
    y.dispose();
  });

  it('softmax normalizes the last axis', () => {
    const y = resolveActivation('softmax').apply(tf.tensor2d([[1, 2, 3]]));
    const e = [1, 2, 3].map(Math.exp);
    const s = e.reduce((a, b) => a + b);
    expectClose(y, { shape: [1, 3], data: e.map((v) => v / s) }, { atol: 1e-6 });
    y.dispose();
  });

  it("accepts Keras' snake_case, null for linear, and rejects unknown names", () => {
    expect(resolveActivation('hard_sigmoid').name).toBe('hardSigmoid');
    expect(resolveActivation(null).name).toBe('linear');
    expect(activationNames).toHaveLength(12);
    expect(() => resolveActivation('gelu', 'LSTM')).toThrow(
      'LSTM: activation must be one of "linear", "relu", "sigmoid", "hardSigmoid", "tanh", "softmax", "elu", "selu", "softplus", "softsign", "swish", "silu". Received: activation="gelu".',
    );
  });
});
