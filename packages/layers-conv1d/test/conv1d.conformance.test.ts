import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { resolveActivation } from '@tensorseq/layers-core';
import { expectClose, loadConformance, reportChecked, toTensor } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { type ConvPadding, window1d } from '../src/conv-utils';
import { Conv1D } from '../src/conv1d';
import { conv1dReference } from '../src/conv1d-reference';
import { type FusedActivation, isFusedActivation } from '../src/fused-activation';
import { conv1dKernel } from '../src/run-kernel';
import { GRAD_TOL, type LayerCase, OUT_TOL } from './tolerances';

const { cases } = loadConformance<{ cases: LayerCase[] }>('layers/conv1d.json');

function options(c: LayerCase) {
  const k = c.config as Record<string, number | string | boolean>;
  return {
    filters: k.filters as number,
    kernelSize: k.kernel_size as number,
    strides: k.strides as number,
    padding: k.padding as ConvPadding,
    dilationRate: k.dilation_rate as number,
    activation: k.activation as string,
    useBias: k.use_bias as boolean,
  };
}

// The registered TensorseqConv1D kernel (taps at stride 1, im2col otherwise) and the tfjs-op reference.
const paths = { kernel: conv1dKernel, reference: conv1dReference };

describe('Conv1D conformance (layers/conv1d.json)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(Object.keys(paths) as (keyof typeof paths)[])('%s path', (path) => {
    it.each(cases.map((c) => [c.id, c] as const))('%s: output and gradients', (_id, c) => {
      const o = options(c);
      const x = toTensor(c.inputs.x) as tf.Tensor3D;
      const w = window1d(x.shape[1], {
        size: o.kernelSize,
        stride: o.strides,
        padding: o.padding,
        dilation: o.dilationRate,
      });
      const weights = c.weights.map((wt) => toTensor(wt));
      const r = toTensor(c.loss.R);
      // The kernel runs relu/linear inside itself (as Conv1D does); other activations run after.
      const act = resolveActivation(o.activation);
      const fused = path !== 'reference' && isFusedActivation(act.name);
      const f = (...args: tf.Tensor[]) => {
        const [xi, ki, bi = null] = args as [tf.Tensor3D, tf.Tensor, tf.Tensor?];
        if (fused) return paths[path](xi, ki, bi, w, act.name as FusedActivation);
        return act.apply(paths[path](xi, ki, bi, w));
      };
      const y = f(x, ...weights);
      expectClose(y, c.output, { ...OUT_TOL, label: c.id });
      const grads = tf.grads((...args: tf.Tensor[]) => tf.sum(tf.mul(f(...args), r)))([x, ...weights]);
      expectClose(grads[0], c.grads.x, { ...GRAD_TOL, label: c.id });
      c.weights.forEach((wt, i) => {
        expectClose(grads[i + 1], c.grads[wt.name], { ...GRAD_TOL, label: c.id });
      });
      tf.dispose([x, y, r, ...weights, ...grads]);
    });
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: the layer reproduces the output', (_id, c) => {
    const layer = new Conv1D(options(c));
    const x = toTensor(c.inputs.x);
    layer.build(x.shape);
    layer.setWeights(c.weights);
    const y = layer.apply(x) as tf.Tensor;
    expectClose(y, c.output, { ...OUT_TOL, label: c.id });
    expect(layer.computeOutputShape(x.shape)).toEqual(c.output.shape);
    tf.dispose([x, y]);
    layer.dispose();
  });
});

afterAll(() => reportChecked('conv1d conformance (layers/conv1d.json)', cases.length));
