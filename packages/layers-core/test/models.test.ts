import * as tf from '@tensorflow/tfjs-core';
import {
  expectClose,
  loadConformance,
  type ModelFixtureCase,
  reportChecked,
  toTensor,
} from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { Dense, Embedding, Flatten, type Layer, RMSprop, resolveLoss, Sequential } from '../src/index';
import { camelConfig, GRAD_TOL, OUT_TOL } from './helpers';

const fixture = loadConformance<{ cases: ModelFixtureCase[] }>('layers/models');
const makers: Record<string, (c: Record<string, unknown>) => Layer> = {
  Embedding: (c) => new Embedding(c as unknown as { inputDim: number; outputDim: number }),
  Flatten: (c) => new Flatten(c),
  Dense: (c) => new Dense(c as unknown as { units: number }),
};
// Cases with recurrent or convolutional layers run in those packages' tests (they need their layers).
const coreCases = fixture.cases.filter((c) => c.layers.every((l) => l.type in makers));
const variants = { keras2: 'keras2', 'keras2.0': 'keras2.0', keras3_tfjs: 'keras3' } as const;

function buildModel(c: ModelFixtureCase): Sequential {
  const model = new Sequential({ name: `m_${c.id}` });
  for (const l of c.layers)
    model.add(makers[l.type]({ ...camelConfig(l.config), name: `${c.id}_${l.name}` }));
  model.build([null, ...c.input.shape.slice(1)]);
  expect(model.weights.map((w) => w.name.replace(`${c.id}_`, ''))).toEqual(c.weights.map((w) => w.name));
  model.setWeights(c.weights);
  return model;
}

describe('models.json (core layers only)', () => {
  it('covers the Embedding+Flatten+Dense and multi-hot Dense stack cases', () => {
    expect(coreCases.map((c) => c.id).sort()).toEqual(
      fixture.cases
        .filter((c) => !c.layers.some((l) => /RNN|LSTM|GRU|Bidirectional|Conv|Pool/.test(l.type)))
        .map((c) => c.id)
        .sort(),
    );
    expect(coreCases.length).toBeGreaterThanOrEqual(2);
  });

  it.each(coreCases.map((c) => [c.id, c] as const))('%s: predictions, loss and gradients', (_id, c) => {
    const model = buildModel(c);
    const x = toTensor(c.input);
    const y = toTensor(c.targets);
    const pred = model.predict(x);
    expectClose(pred, c.predictions, { ...OUT_TOL, label: `${c.id} predictions` });
    const loss = resolveLoss(c.loss.type);
    const { value, grads } = tf.variableGrads(
      () => tf.mean(loss.perSample(y, model.call(x, { training: true }))) as tf.Scalar,
      model.weights.map((w) => w.variable),
    );
    expectClose(value, c.loss.value, OUT_TOL);
    for (const w of model.weights) {
      expectClose(grads[w.variable.name], c.grads[w.name.replace(`${c.id}_`, '')], {
        ...GRAD_TOL,
        label: `${c.id} d${w.name}`,
      });
    }
    tf.dispose([x, y, pred, value, ...Object.values(grads)]);
    model.dispose();
  });

  it.each(coreCases.map((c) => [c.id, c] as const))(
    '%s: one RMSprop step from the stored gradients',
    (_id, c) => {
      for (const [variant, step] of Object.entries(c.rmsprop_step1)) {
        const model = buildModel(c);
        const opt = new RMSprop({
          variant: variants[variant as keyof typeof variants],
          learningRate: step.hyper.lr,
          rho: step.hyper.rho,
        });
        const grads = model.weights.map((w) =>
          tf.tensor(c.grads[w.name.replace(`${c.id}_`, '')].data, w.shape),
        );
        opt.applyGradients(model.weights.map((weight, i) => ({ weight, grad: grads[i] })));
        const accumulators = step.accumulators_after;
        if (!accumulators) throw new Error(`${c.id} ${variant}: the fixture has no accumulators_after`);
        model.weights.forEach((w, i) => {
          expectClose(w.read(), step.weights_after[i], {
            atol: 1e-6,
            rtol: 1e-5,
            label: `${c.id} ${variant} ${w.name}`,
          });
          expectClose(opt.getState().slots[i].data, accumulators[i].data, {
            atol: 1e-10,
            rtol: 1e-4,
          });
        });
        tf.dispose(grads);
        model.dispose();
      }
    },
  );

  it.each(coreCases.filter((c) => c.rmsprop_trajectory).map((c) => [c.id, c] as const))(
    '%s: full-batch RMSprop trajectory through trainOnBatch',
    (_id, c) => {
      const model = buildModel(c);
      model.compile({ optimizer: new RMSprop(), loss: c.loss.type });
      const x = toTensor(c.input);
      const y = toTensor(c.targets);
      const trajectory = c.rmsprop_trajectory as NonNullable<ModelFixtureCase['rmsprop_trajectory']>;
      for (const step of trajectory.steps) {
        const logs = model.trainOnBatch(x, y);
        expectClose(logs.loss, step.loss_before_step, OUT_TOL);
        model.weights.forEach((w, i) => {
          expectClose(w.read(), step.weights_after[i], {
            atol: 1e-5,
            rtol: 1e-4,
            label: `${c.id} ${w.name}`,
          });
        });
      }
      const final = tf.tidy(() => tf.mean(resolveLoss(c.loss.type).perSample(y, model.predict(x))));
      expectClose(final, trajectory.loss_after_last_step, OUT_TOL);
      tf.dispose([x, y, final]);
      model.dispose();
    },
  );
});

afterAll(() => reportChecked('core models conformance (layers/models.json)', coreCases.length));
