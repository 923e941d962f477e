import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { TensorseqAvgPool1D, TensorseqMaxPool1D } from '@tensorseq/kernels';
import { expectClose, loadConformance, reportChecked, toTensor } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { AveragePooling1D } from '../src/average-pooling1d';
import { type Window1D, window1d } from '../src/conv-utils';
import { MaxPooling1D } from '../src/max-pooling1d';
import { avgPool1dReference, maxPool1dReference } from '../src/pool1d-reference';
import type { Pooling1DOptions } from '../src/pooling1d';
import { pool1dKernel } from '../src/run-kernel';
import { GRAD_TOL, type LayerCase, OUT_TOL } from './tolerances';

type PoolCase = LayerCase & { derived: { windows: [number, number][] } };
const { cases } = loadConformance<{ cases: PoolCase[] }>('layers/pooling1d.json');

type Kernel = (x: tf.Tensor3D, w: Window1D) => tf.Tensor3D;
const kernels: Record<string, Record<'kernel' | 'reference', Kernel>> = {
  MaxPooling1D: { kernel: (x, w) => pool1dKernel(TensorseqMaxPool1D, x, w), reference: maxPool1dReference },
  AveragePooling1D: {
    kernel: (x, w) => pool1dKernel(TensorseqAvgPool1D, x, w),
    reference: avgPool1dReference,
  },
};
const layers = { MaxPooling1D, AveragePooling1D };

function options(c: PoolCase): Required<Pooling1DOptions> {
  const k = c.config as { pool_size: number; strides: number | null; padding: 'valid' | 'same' };
  return { poolSize: k.pool_size, strides: k.strides, padding: k.padding } as Required<Pooling1DOptions>;
}

describe('1D pooling conformance (layers/pooling1d.json)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(['kernel', 'reference'] as const)('%s path', (path) => {
    it.each(cases.map((c) => [c.id, c] as const))('%s: output and input gradient', (_id, c) => {
      const o = options(c);
      const x = toTensor(c.inputs.x) as tf.Tensor3D;
      const w = window1d(x.shape[1], {
        size: o.poolSize,
        stride: o.strides ?? o.poolSize,
        padding: o.padding,
      });
      // The fixture spells out every window over real cells: the geometry must agree with it.
      const windows = c.derived.windows.map((_, t) => {
        const start = t * w.stride - w.padLeft;
        return [Math.max(start, 0), Math.min(start + w.size, w.inLength)];
      });
      expect(windows).toEqual(c.derived.windows);
      const kernel = kernels[c.layer][path];
      const r = toTensor(c.loss.R);
      const y = kernel(x, w);
      expectClose(y, c.output, { ...OUT_TOL, label: c.id });
      const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(kernel(xi as tf.Tensor3D, w), r)))(x);
      expectClose(dx, c.grads.x, { ...GRAD_TOL, label: c.id });
      tf.dispose([x, y, r, dx]);
    });
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: the layer reproduces the output', (_id, c) => {
    const layer = new layers[c.layer as keyof typeof layers](options(c));
    const x = toTensor(c.inputs.x);
    const y = layer.apply(x) as tf.Tensor;
    expectClose(y, c.output, { ...OUT_TOL, label: c.id });
    expect(layer.computeOutputShape(x.shape)).toEqual(c.output.shape);
    tf.dispose([x, y]);
  });
});

afterAll(() => reportChecked('pooling conformance (layers/pooling1d.json)', cases.length));
