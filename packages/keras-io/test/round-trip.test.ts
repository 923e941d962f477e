import * as tf from '@tensorflow/tfjs-core';
import type { Sequential } from '@tensorseq/layers-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeKerasModel, loadKerasModel, loadKerasWeights } from '../src/index';
import { bidirectionalModel, convModel, idsInput, recurrentModel, sequenceInput } from './models';
import './setup';

const ids = idsInput();
const seq = sequenceInput;

const cases: [string, () => Sequential, () => tf.Tensor][] = [
  ['recurrent (masked Embedding, GRU reset_after=false, TimeDistributed)', () => recurrentModel(), () => ids],
  ['conv (Conv1D same/causal, strides, dilation, pooling)', convModel, () => seq(20, 3)],
  ['Bidirectional (LSTM, concat)', () => bidirectionalModel('concat'), () => seq(7, 3)],
  ['Bidirectional (LSTM, ave)', () => bidirectionalModel('ave'), () => seq(7, 3)],
];

function predict(model: Sequential, x: tf.Tensor): Float32Array {
  const y = model.predict(x) as tf.Tensor;
  const data = y.dataSync() as Float32Array;
  y.dispose();
  return data;
}

describe('encodeKerasModel → loadKerasModel', () => {
  describe.each(['keras', 'h5'] as const)('format %s', (format) => {
    it.each(cases)('round-trips %s with the same predictions', async (_name, make, input) => {
      const model = make();
      const x = input();
      const before = predict(model, x);
      const bytes = await encodeKerasModel(model, { format });
      const loaded = await loadKerasModel(bytes);
      expect(loaded.layers.map((l) => l.className)).toEqual(model.layers.map((l) => l.className));
      expect(loaded.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
      expect(loaded.countParams()).toBe(model.countParams());
      expect(Array.from(predict(loaded, x))).toEqual(Array.from(before));
      model.dispose();
      loaded.dispose();
    });
  });

  it('keeps Keras 2 hardSigmoid in .h5 (read back as Keras 2) and refuses it in a Keras 3 .keras file', async () => {
    const model = recurrentModel('hardSigmoid');
    const before = predict(model, ids);
    const loaded = await loadKerasModel(await encodeKerasModel(model, { format: 'h5' }));
    expect(Array.from(predict(loaded, ids))).toEqual(Array.from(before));
    await expect(encodeKerasModel(model)).rejects.toThrow(
      'saveKerasModel: GRU recurrentActivation must have a Keras 3 equivalent for format "keras". Received: recurrentActivation="hardSigmoid" (Keras 2\'s clip(0.2x + 0.5); Keras 3\'s hard_sigmoid is relu6(x + 3) / 6). To fix this, save with { format: \'h5\' } for tf.keras 2, or train with "sigmoid".',
    );
    model.dispose();
    loaded.dispose();
  });

  it('leaks no tensors', async () => {
    const model = convModel();
    const x = seq(20, 3);
    const start = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      const loaded = await loadKerasModel(await encodeKerasModel(model, { format: i ? 'h5' : 'keras' }));
      loaded.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
    x.dispose();
    model.dispose();
  });
});

describe('loadKerasWeights', () => {
  it.each(['keras', 'h5'] as const)(
    'fills a fresh model of the same architecture from a %s file',
    async (format) => {
      const trained = bidirectionalModel('sum');
      const x = seq(7, 3);
      const bytes = await encodeKerasModel(trained, { format });
      const fresh = bidirectionalModel('sum', 6);
      expect(Array.from(predict(fresh, x))).not.toEqual(Array.from(predict(trained, x)));
      await loadKerasWeights(fresh, bytes);
      expect(Array.from(predict(fresh, x))).toEqual(Array.from(predict(trained, x)));
      trained.dispose();
      fresh.dispose();
    },
  );

  it('refuses weights whose shapes disagree with the model, before changing anything', async () => {
    const bytes = await encodeKerasModel(convModel());
    const other = bidirectionalModel();
    const before = other.getWeights().map((t) => Array.from(t.dataSync()));
    await expect(loadKerasWeights(other, bytes)).rejects.toThrow(
      'loadKerasWeights: model.weights.h5 must have the group "layers/gru/cell/vars" for layer "gru',
    );
    expect(other.getWeights().map((t) => Array.from(t.dataSync()))).toEqual(before);
    other.dispose();
  });
});

describe('Keras 3 Sequential configs', () => {
  it('takes the input shape from build_input_shape when there is no InputLayer', async () => {
    const model = convModel();
    const members = unzipSync(await encodeKerasModel(model));
    const config = JSON.parse(strFromU8(members['config.json']));
    expect(config.config.layers[0].class_name).toBe('InputLayer');
    config.config.layers.shift();
    const bytes = zipSync({ ...members, 'config.json': strToU8(JSON.stringify(config)) });
    const loaded = await loadKerasModel(bytes);
    expect(loaded.inputShape).toEqual([null, 20, 3]);
    const x = seq(20, 3);
    expect(Array.from(predict(loaded, x))).toEqual(Array.from(predict(model, x)));
    model.dispose();
    loaded.dispose();
  });
});
