import * as tf from '@tensorflow/tfjs-core';
import { Dense, Embedding, type Layer, RMSprop, resolveLoss, Sequential } from '@tensorseq/layers-core';
import {
  expectClose,
  loadConformance,
  type ModelFixtureCase,
  type NamedFixtureTensor,
  reportChecked,
  toTensor,
} from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { Conv1D } from '../src/conv1d';
import { GlobalMaxPooling1D } from '../src/global-max-pooling1d';
import { MaxPooling1D } from '../src/max-pooling1d';
import { GRAD_TOL, OUT_TOL } from './tolerances';

const { cases } = loadConformance<{ cases: ModelFixtureCase[] }>('layers/models');
// The conv cases: every model with a Conv1D (the other models belong to layers-core and layers-recurrent).
const convCases = cases.filter((c) => c.layers.some((l) => l.type === 'Conv1D'));

function buildLayer({ name, type, config: k }: ModelFixtureCase['layers'][number]): Layer {
  switch (type) {
    case 'Embedding':
      return new Embedding({
        name,
        inputDim: k.input_dim as number,
        outputDim: k.output_dim as number,
        maskZero: (k.mask_zero as boolean | undefined) ?? false,
      });
    case 'Conv1D':
      return new Conv1D({
        name,
        filters: k.filters as number,
        kernelSize: k.kernel_size as number,
        strides: k.strides as number,
        padding: k.padding as 'valid' | 'same' | 'causal',
        dilationRate: k.dilation_rate as number,
        activation: k.activation as string,
        useBias: (k.use_bias as boolean | undefined) ?? true,
      });
    case 'MaxPooling1D':
      return new MaxPooling1D({
        name,
        poolSize: k.pool_size as number,
        strides: k.strides as number | null,
        padding: k.padding as 'valid' | 'same',
      });
    case 'GlobalMaxPooling1D':
      return new GlobalMaxPooling1D({ name });
    case 'Dense':
      return new Dense({ name, units: k.units as number, activation: k.activation as string });
    default:
      throw new Error(`models.conformance: layer type must be one this test builds. Received: type=${type}.`);
  }
}

function buildModel(c: ModelFixtureCase): { model: Sequential; x: tf.Tensor; y: tf.Tensor } {
  const model = new Sequential({ layers: c.layers.map(buildLayer) });
  model.build([null, ...c.input.shape.slice(1)]);
  model.setWeights(c.weights);
  const lossName = c.loss.type === 'binary_crossentropy' ? 'binaryCrossentropy' : c.loss.type;
  const { lr, rho, epsilon } = c.rmsprop_step1.keras2.hyper;
  model.compile({
    optimizer: new RMSprop({ learningRate: lr, rho, epsilon, variant: 'keras2' }),
    loss: lossName,
  });
  return { model, x: toTensor(c.input, 'int32'), y: toTensor(c.targets) };
}

function expectWeights(model: Sequential, expected: NamedFixtureTensor[], label: string): void {
  expect(model.weights.map((w) => w.name)).toEqual(expected.map((w) => w.name));
  model.weights.forEach((w, i) => {
    expectClose(w.read(), expected[i], { atol: 1e-5, rtol: 1e-4, label: `${label} ${w.name}` });
  });
}

describe('conv models conformance (layers/models.json)', () => {
  it('has conv cases', () => {
    expect(convCases.length).toBeGreaterThan(0);
  });

  it.each(convCases.map((c) => [c.id, c] as const))('%s: predictions, loss and gradients', (_id, c) => {
    const { model, x, y } = buildModel(c);
    const predictions = model.predict(x);
    expectClose(predictions, c.predictions, { ...OUT_TOL, label: c.id });
    const loss = resolveLoss(c.loss.type);
    const weights = model.weights;
    const { value, grads } = tf.variableGrads(
      () => tf.mean(loss.perSample(y, model.call(x))) as tf.Scalar,
      weights.map((w) => w.variable),
    );
    expectClose(value, c.loss.value, { ...OUT_TOL, label: `${c.id} loss` });
    for (const w of weights) {
      expectClose(grads[w.variable.name], c.grads[w.name], { ...GRAD_TOL, label: `${c.id} d${w.name}` });
    }
    tf.dispose([predictions, value, x, y, ...Object.values(grads)]);
    model.dispose();
  });

  it.each(convCases.map((c) => [c.id, c] as const))('%s: RMSprop (keras2) step and trajectory', (_id, c) => {
    const first = buildModel(c);
    first.model.trainOnBatch(first.x, first.y);
    expectWeights(first.model, c.rmsprop_step1.keras2.weights_after, `${c.id} step 1`);
    first.model.dispose();

    const { model, x, y } = buildModel(c);
    const trajectory = c.rmsprop_trajectory;
    if (!trajectory) throw new Error(`${c.id}: the fixture has no rmsprop_trajectory`);
    expect(trajectory.variant).toBe('keras2');
    trajectory.steps.forEach((step, i) => {
      const logs = model.trainOnBatch(x, y);
      expectClose(logs.loss, step.loss_before_step, { ...OUT_TOL, label: `${c.id} loss before step ${i}` });
      expectWeights(model, step.weights_after, `${c.id} after step ${i}`);
    });
    const loss = resolveLoss(c.loss.type);
    const last = tf.tidy(() => tf.mean(loss.perSample(y, model.call(x))));
    expectClose(last, trajectory.loss_after_last_step, { ...OUT_TOL, label: `${c.id} final loss` });
    last.dispose();
    tf.dispose([x, y, first.x, first.y]);
    model.dispose();
  });
});

afterAll(() => reportChecked('conv models conformance (layers/models.json)', convCases.length));
