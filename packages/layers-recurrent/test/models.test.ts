import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { Dense, Embedding, type Layer, RMSprop, resolveLoss, Sequential } from '@tensorseq/layers-core';
import { type ModelFixtureCase, reportChecked } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { Bidirectional, GRU, LSTM, type RecurrentActivation, SimpleRNN } from '../src/index';
import { expectClose, GRAD_TOL, loadConformance, OUTPUT_TOL, toTensor } from './helpers/conformance';
import { KERNEL_PATHS, usePath } from './helpers/paths';

const RECURRENT = /^(SimpleRNN|LSTM|GRU|Bidirectional)$/;
const cases = loadConformance<ModelFixtureCase>('models');
// The recurrent cases; the others (Dense, Flatten, Conv1D stacks) are tested by their own packages.
const recurrentCases = cases.filter((c) => c.layers.some((l) => RECURRENT.test(l.type)));

/** Keras snake_case config → camelCase options, Keras 2 activation names → ours. */
function options(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      v === 'hard_sigmoid' ? ('hardSigmoid' satisfies RecurrentActivation) : v,
    ]),
  );
}

function makeLayer(
  type: string,
  config: Record<string, unknown>,
  name: string,
  useFusedKernel: boolean,
): Layer {
  const o = { ...options(config), name, useFusedKernel } as {
    units: number;
    name: string;
    useFusedKernel: boolean;
  };
  switch (type) {
    case 'Embedding':
      return new Embedding(o as unknown as { inputDim: number; outputDim: number; name: string });
    case 'Dense':
      return new Dense(o);
    case 'SimpleRNN':
      return new SimpleRNN(o);
    case 'LSTM':
      return new LSTM(o);
    case 'GRU':
      return new GRU(o);
    case 'Bidirectional': {
      const { layer, mergeMode, ...inner } = o as unknown as { layer: string; mergeMode: 'concat' };
      return new Bidirectional(makeLayer(layer, inner, `${name}_fwd`, useFusedKernel) as LSTM, {
        name,
        mergeMode,
      });
    }
    default:
      throw new Error(`makeLayer: type must be a layer these cases use. Received: type=${type}.`);
  }
}

function buildModel(c: ModelFixtureCase, useFusedKernel: boolean, tag: string): Sequential {
  const model = new Sequential({ name: `m_${c.id}_${tag}` });
  for (const l of c.layers)
    model.add(makeLayer(l.type, l.config, `${c.id}_${tag}_${l.name}`, useFusedKernel));
  model.build([null, ...c.input.shape.slice(1)]);
  expect(model.weights.map((w) => w.shape)).toEqual(c.weights.map((w) => w.shape));
  model.setWeights(c.weights);
  return model;
}

describe('models.json recurrent cases', () => {
  it('covers every model with a recurrent layer (masked Embedding + LSTM and BiLSTM included)', () => {
    expect(recurrentCases.map((c) => c.id)).toEqual(
      expect.arrayContaining(['emb_maskzero_lstm_dense_bce', 'emb_bilstm_dense_bce', 'gru_dense_mae']),
    );
  });

  describe.each(KERNEL_PATHS)('$name path', (path) => {
    it.each(recurrentCases.map((c) => [c.id, c] as const))(
      '%s: predictions, loss and gradients',
      (_id, c) => {
        usePath(path);
        const model = buildModel(c, path.useFusedKernel, `${path.name}_g`);
        const x = toTensor(c.input);
        const y = toTensor(c.targets);
        const pred = model.predict(x);
        expectClose(pred, c.predictions, OUTPUT_TOL, `${c.id} predictions`);
        const loss = resolveLoss(c.loss.type);
        const { value, grads } = tf.variableGrads(
          () => tf.mean(loss.perSample(y, model.call(x, { training: true }))) as tf.Scalar,
          model.weights.map((w) => w.variable),
        );
        expectClose(value, { shape: [], data: [c.loss.value] }, OUTPUT_TOL, `${c.id} loss`);
        model.weights.forEach((w, i) => {
          expectClose(
            grads[w.variable.name],
            c.grads[c.weights[i].name],
            GRAD_TOL,
            `${c.id} d${c.weights[i].name}`,
          );
        });
        tf.dispose([x, y, pred, value, ...Object.values(grads)]);
        model.dispose();
      },
    );

    it.each(recurrentCases.filter((c) => c.rmsprop_trajectory).map((c) => [c.id, c] as const))(
      '%s: full-batch RMSprop (keras2) trajectory through trainOnBatch',
      (_id, c) => {
        usePath(path);
        const model = buildModel(c, path.useFusedKernel, `${path.name}_t`);
        model.compile({ optimizer: new RMSprop({ variant: 'keras2' }), loss: c.loss.type });
        const x = toTensor(c.input);
        const y = toTensor(c.targets);
        const trajectory = c.rmsprop_trajectory as NonNullable<ModelFixtureCase['rmsprop_trajectory']>;
        for (const [s, step] of trajectory.steps.entries()) {
          const logs = model.trainOnBatch(x, y);
          expectClose(
            tf.scalar(logs.loss),
            { shape: [], data: [step.loss_before_step] },
            OUTPUT_TOL,
            `${c.id} loss ${s}`,
          );
          model.weights.forEach((w, i) => {
            expectClose(
              w.read(),
              step.weights_after[i],
              { atol: 1e-5, rtol: 1e-4 },
              `${c.id} step ${s} ${w.name}`,
            );
          });
        }
        const final = tf.tidy(() => tf.mean(resolveLoss(c.loss.type).perSample(y, model.predict(x))));
        expectClose(
          final,
          { shape: [], data: [trajectory.loss_after_last_step] },
          OUTPUT_TOL,
          `${c.id} final loss`,
        );
        tf.dispose([x, y, final]);
        model.dispose();
      },
    );
  });
});

afterAll(() =>
  reportChecked(
    'recurrent models conformance (layers/models.json) × kernel paths',
    recurrentCases.length * KERNEL_PATHS.length,
  ),
);
