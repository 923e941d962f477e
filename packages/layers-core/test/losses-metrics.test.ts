import * as tf from '@tensorflow/tfjs-core';
import { expectClose } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { Adam, Dense, resolveLoss, resolveMetric, SGD } from '../src/index';
import './helpers';

const yTrue = tf.tensor2d([
  [0, 1, 0],
  [1, 0, 0],
]);
const yPred = tf.tensor2d([
  [0.2, 0.7, 0.1],
  [0.3, 0.3, 0.4],
]);

describe('losses', () => {
  it('binaryCrossentropy equals −y ln p − (1−y) ln(1−p), averaged on the last axis', () => {
    const t = tf.tensor2d([[1], [0]]);
    const p = tf.tensor2d([[0.9], [0.2]]);
    const expected = [-Math.log(0.9), -Math.log(0.8)];
    expectClose(resolveLoss('binary_crossentropy').perSample(t, p), expected, { atol: 1e-6 });
    // p = 0 is clipped to 1e-7, not −∞.
    expectClose(
      resolveLoss('binaryCrossentropy').perSample(tf.tensor2d([[1]]), tf.tensor2d([[0]])),
      [-Math.log(1e-7)],
      {
        atol: 1e-3,
      },
    );
  });

  it('categorical and sparse categorical cross-entropy', () => {
    const expected = [-Math.log(0.7), -Math.log(0.3)];
    expectClose(resolveLoss('categoricalCrossentropy').perSample(yTrue, yPred), expected, { atol: 1e-6 });
    const sparse = tf.tensor1d([1, 0]);
    expectClose(resolveLoss('sparseCategoricalCrossentropy').perSample(sparse, yPred), expected, {
      atol: 1e-6,
    });
  });

  it('mse and mae', () => {
    expectClose(
      resolveLoss('mse').perSample(yTrue, yPred),
      [(0.04 + 0.09 + 0.01) / 3, (0.49 + 0.09 + 0.16) / 3],
      {
        atol: 1e-6,
      },
    );
    expectClose(resolveLoss('mae').perSample(yTrue, yPred), [(0.2 + 0.3 + 0.1) / 3, (0.7 + 0.3 + 0.4) / 3], {
      atol: 1e-6,
    });
  });
});

describe('metrics', () => {
  it('chooses the accuracy like Keras: binary for BCE or one unit, categorical or sparse otherwise', () => {
    const binary = resolveMetric('acc', 'binaryCrossentropy', 1);
    expectClose(
      binary.perSample(tf.tensor2d([[1], [0], [1]]), tf.tensor2d([[0.6], [0.5], [0.4]])),
      [1, 1, 0],
      {
        atol: 0,
      },
    );
    const categorical = resolveMetric('accuracy', 'categoricalCrossentropy', 3);
    expect(categorical.name).toBe('accuracy');
    expectClose(categorical.perSample(yTrue, yPred), [1, 0], { atol: 0 });
    const sparse = resolveMetric('acc', 'sparseCategoricalCrossentropy', 3);
    expectClose(sparse.perSample(tf.tensor1d([1, 2]), yPred), [1, 1], { atol: 0 });
    expectClose(resolveMetric('mae', 'meanSquaredError', 3).perSample(yTrue, yPred), [0.2, 1.4 / 3], { atol: 1e-6 });
  });
});

describe('Adam and SGD', () => {
  function weight(value: number[]) {
    const layer = new Dense({ units: 1, useBias: false });
    layer.build([null, value.length]);
    layer.weights[0].write(tf.tensor2d(value, [value.length, 1]));
    return layer.weights[0];
  }

  it("Adam's first step moves each weight by about lr·sign(g)", () => {
    const w = weight([1, -1]);
    const opt = new Adam({ learningRate: 0.1 });
    opt.applyGradients([{ weight: w, grad: tf.tensor2d([[0.5], [-2]]) }]);
    // t = 1: the bias-corrected moments are g and g², so the step is lr·g / (|g| + ε') ≈ lr·sign(g).
    expectClose(w.read(), [0.9, -0.9], { atol: 1e-5 });
    expect(opt.iterations).toBe(1);
  });

  it('SGD with momentum accumulates velocity', () => {
    const w = weight([0]);
    const opt = new SGD({ learningRate: 0.1, momentum: 0.9 });
    const g = tf.tensor2d([[1]]);
    opt.applyGradients([{ weight: w, grad: g }]);
    expectClose(w.read(), [-0.1], { atol: 1e-7 });
    opt.applyGradients([{ weight: w, grad: g }]);
    expectClose(w.read(), [-0.1 - 0.19], { atol: 1e-6 });
    expect(opt.getState().slots.map((s) => s.name)).toEqual([`${w.name}/momentum`]);
  });
});
