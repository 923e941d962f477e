import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { Embedding, Sequential } from '@tensorseq/layers-core';
import { describe, expect, it } from 'vitest';
import { Bidirectional, GRU, LSTM, RNN, RnnCell, SimpleRNN } from '../src/index';

describe('clear errors', () => {
  it('rejects units <= 0 and non-integers', () => {
    expect(() => new LSTM({ units: 0 })).toThrow(
      'LSTM: units must be a positive integer. Received: units=0.',
    );
    expect(() => new GRU({ units: 2.5 })).toThrow(
      'GRU: units must be a positive integer. Received: units=2.5.',
    );
  });
  it('rejects dropout outside [0, 1)', () => {
    expect(() => new SimpleRNN({ units: 2, dropout: 1 })).toThrow(
      'SimpleRNN: dropout must be a number in [0, 1). Received: dropout=1.',
    );
    expect(() => new LSTM({ units: 2, recurrentDropout: -0.1 })).toThrow(
      'LSTM: recurrentDropout must be a number in [0, 1). Received: recurrentDropout=-0.1.',
    );
  });
  it('rejects unknown activations and merge modes', () => {
    expect(() => new GRU({ units: 2, recurrentActivation: 'softmax' as 'sigmoid' })).toThrow(
      'GRU: recurrentActivation must be one of "tanh", "relu", "sigmoid", "hardSigmoid", "linear". Received: recurrentActivation="softmax".',
    );
    expect(() => new Bidirectional(new LSTM({ units: 2 }), { mergeMode: 'max' as 'sum' })).toThrow(
      'Bidirectional: mergeMode must be one of "concat", "sum", "mul", "ave", null. Received: mergeMode="max".',
    );
  });
  it('rejects inputs that are not 3-D', () => {
    const layer = new LSTM({ units: 2 });
    const x = tf.ones([2, 3]);
    expect(() => layer.apply(x)).toThrow(
      'LSTM: inputs must be 3-D [batch, time, features]. Received: inputShape=[2, 3].',
    );
    x.dispose();
  });
  it('rejects stateful without a fixed batch size', () => {
    const layer = new GRU({ units: 2, stateful: true, inputShape: [5, 3] });
    expect(() => layer.build([null, 5, 3])).toThrow(
      'GRU: batch size must be fixed when stateful is true. Received: inputShape=[null, 5, 3]. To fix this, pass batchInputShape (or inputShape and batchSize) to the first layer of the model.',
    );
  });
  it('rejects returnState where one output is expected (Sequential)', () => {
    const layer = new LSTM({ units: 2, returnState: true });
    expect(() => layer.computeOutputShape([null, 5, 3])).toThrow(
      'LSTM: returnState must be false for a layer with one output (e.g. inside Sequential). Received: returnState=true. To fix this, call the layer directly to get [output, ...states].',
    );
    expect(layer.outputShapes([null, 5, 3])).toEqual([
      [null, 2],
      [null, 2],
      [null, 2],
    ]);
    const model = new Sequential();
    model.add(new Embedding({ inputDim: 10, outputDim: 3, inputShape: [5] }));
    expect(() => model.add(new GRU({ units: 2, returnState: true, name: 'gru_rs' }))).toThrow(
      'GRU: returnState must be false for a layer with one output (e.g. inside Sequential). Received: returnState=true.',
    );
    model.dispose();
  });
  it('rejects a mask whose shape does not match [batch, time]', () => {
    const layer = new SimpleRNN({ units: 2 });
    const x = tf.ones([2, 5, 3]);
    const mask = tf.ones([3, 5]);
    expect(() => layer.apply(x, { mask })).toThrow(
      'SimpleRNN: mask must have shape [batch, time] = [2, 5]. Received: mask.shape=[3, 5].',
    );
    tf.dispose([x, mask]);
  });
  it('rejects a batch that differs from the stateful batch size', () => {
    const layer = new SimpleRNN({ units: 2, stateful: true, batchInputShape: [2, 4, 3] });
    tf.tidy(() => {
      layer.apply(tf.ones([2, 4, 3]));
      expect(() => layer.apply(tf.ones([3, 4, 3]))).toThrow(
        'SimpleRNN: batch size must equal the stateful batch size 2. Received: batch=3.',
      );
    });
    layer.dispose();
  });
  it('rejects useFusedKernel: true for a cell without a fused kernel', () => {
    class Doubler extends RnnCell {
      static override readonly className = 'Doubler';
      readonly units = 2;
      readonly stateCount = 1;
      readonly dropoutMasks = new SimpleRNN({ units: 2 }).cell.dropoutMasks;
      step(_input: tf.Tensor2D, states: tf.Tensor2D[]) {
        const h = tf.mul(states[0], 2) as tf.Tensor2D;
        return { output: h, states: [h] };
      }
    }
    const layer = new RNN({ cell: new Doubler(), useFusedKernel: true });
    const x = tf.ones([1, 2, 2]);
    expect(() => layer.apply(x)).toThrow(
      'RNN: useFusedKernel must be "auto" or false when the fused kernel is not eligible. Received: useFusedKernel=true (the cell has no fused kernel).',
    );
    const auto = new RNN({ cell: new Doubler() });
    expect((auto.apply(x) as tf.Tensor).shape).toEqual([1, 2]);
    x.dispose();
  });
  it('falls back to the reference loop, or explains, when the backend has no fused kernel registered', () => {
    const backend = tf.getBackend();
    const config = tf.getKernel('TensorseqLstmSequence', backend);
    expect(config).toBeDefined();
    tf.unregisterKernel('TensorseqLstmSequence', backend);
    try {
      const x = tf.ones([2, 3, 4]);
      const fused = new LSTM({ units: 2, useFusedKernel: true });
      expect(() => fused.apply(x)).toThrow(
        `LSTM: useFusedKernel must be "auto" or false when the fused kernel is not eligible. Received: useFusedKernel=true (the "${backend}" backend has no TensorseqLstmSequence kernel registered; select it with useBackend() from a @tensorseq/backend-* adapter, which registers it).`,
      );
      const auto = new LSTM({ units: 2 });
      expect((auto.apply(x) as tf.Tensor).shape).toEqual([2, 2]);
      tf.dispose(x);
    } finally {
      tf.registerKernel(config as tf.KernelConfig);
    }
  });
});
