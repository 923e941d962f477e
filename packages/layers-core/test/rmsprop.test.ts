import * as tf from '@tensorflow/tfjs-core';
import { expectClose, type FixtureTensor, loadConformance, reportChecked } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { Dense, RMSprop, type RmspropVariant } from '../src/index';
import './helpers';

interface RmspropCase {
  id: string;
  variant: string;
  hyper: { lr: number; rho: number; epsilon: number; epsilon_inside_sqrt: boolean };
  params_initial: FixtureTensor;
  steps: { grad: FixtureTensor; params_after: FixtureTensor; accumulator_after: FixtureTensor }[];
}

const fixture = loadConformance<{ cases: RmspropCase[] }>('layers/rmsprop');
const variantOf: Record<string, RmspropVariant> = {
  keras2: 'keras2',
  'keras2.0': 'keras2.0',
  keras3_tfjs: 'keras3',
};

describe('RMSprop', () => {
  it.each(fixture.cases.map((c) => [c.id, c] as const))('follows the reference steps: %s', (_id, c) => {
    const opt = new RMSprop({ variant: variantOf[c.variant], learningRate: c.hyper.lr, rho: c.hyper.rho });
    expect(opt.epsilon).toBe(c.hyper.epsilon);
    // A one-weight layer hosts the parameters; the stored gradients are fed directly (README advice).
    const layer = new Dense({ units: 1, useBias: false, name: `p_${c.id}` });
    layer.build([null, c.params_initial.data.length]);
    const w = layer.weights[0];
    const init = tf.tensor(c.params_initial.data, w.shape);
    w.write(init);
    const tiny = c.id.includes('tiny');
    for (const step of c.steps) {
      const grad = tf.tensor(step.grad.data, w.shape);
      opt.applyGradients([{ weight: w, grad }]);
      const tol = tiny ? { atol: 1e-9, rtol: 1e-6 } : { atol: 1e-6, rtol: 1e-5 };
      expectClose(w.read(), step.params_after.data, { ...tol, label: `${c.id} params` });
      const acc = opt.getState().slots[0].data;
      expectClose(acc, step.accumulator_after.data, {
        atol: 1e-12,
        rtol: 1e-5,
        label: `${c.id} accumulator`,
      });
      grad.dispose();
    }
    init.dispose();
    layer.dispose();
  });

  it('defaults to Keras 2 (epsilon 1e-7 outside the square root) and checks its options', () => {
    const opt = new RMSprop();
    expect(opt.getConfig()).toEqual({ learningRate: 0.001, rho: 0.9, variant: 'keras2', epsilon: 1e-7 });
    expect(() => new RMSprop({ variant: 'keras4' as RmspropVariant })).toThrow(
      'RMSprop: variant must be one of "keras2", "keras2.0", "keras3". Received: variant="keras4".',
    );
  });
});

afterAll(() => reportChecked('rmsprop conformance (layers/rmsprop.json)', fixture.cases.length));
