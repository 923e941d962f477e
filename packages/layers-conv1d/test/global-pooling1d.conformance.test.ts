import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { expectClose, loadConformance, reportChecked, toTensor } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { GlobalAveragePooling1D } from '../src/global-average-pooling1d';
import { GlobalMaxPooling1D } from '../src/global-max-pooling1d';
import { GRAD_TOL, type LayerCase, OUT_TOL } from './tolerances';

const { cases } = loadConformance<{ cases: LayerCase[] }>('layers/global_pooling1d.json');
const layers = { GlobalMaxPooling1D, GlobalAveragePooling1D };

describe('global 1D pooling conformance (layers/global_pooling1d.json)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: output and input gradient', (_id, c) => {
    const layer = new layers[c.layer as keyof typeof layers]();
    const x = toTensor(c.inputs.x);
    const r = toTensor(c.loss.R);
    const y = layer.apply(x) as tf.Tensor;
    expectClose(y, c.output, { ...OUT_TOL, label: c.id });
    expect(layer.computeOutputShape(x.shape)).toEqual(c.output.shape);
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(layer.apply(xi) as tf.Tensor, r)))(x);
    expectClose(dx, c.grads.x, { ...GRAD_TOL, label: c.id });
    tf.dispose([x, y, r, dx]);
  });
});

afterAll(() => reportChecked('global pooling conformance (layers/global_pooling1d.json)', cases.length));
