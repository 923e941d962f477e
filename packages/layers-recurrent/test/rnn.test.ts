import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Bidirectional, GRU, LSTM, RNN, SimpleRNN, SimpleRNNCell } from '../src/index';
import { KERNEL_PATHS, usePath } from './helpers/paths';

describe.each(KERNEL_PATHS)('RNN on the $name path', (path) => {
  const fused = path.useFusedKernel;
  beforeEach(() => usePath(path));

  it('returns [batch, units], or [batch, time, units] with returnSequences', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([2, 7, 3]);
      expect((new LSTM({ units: 4, useFusedKernel: fused }).apply(x) as tf.Tensor).shape).toEqual([2, 4]);
      const seq = new GRU({ units: 4, returnSequences: true, useFusedKernel: fused });
      expect((seq.apply(x) as tf.Tensor).shape).toEqual([2, 7, 4]);
      expect(seq.computeOutputShape([null, 7, 3])).toEqual([null, 7, 4]);
    });
  });

  it('returnState returns [output, h, c] and the output equals h', () => {
    tf.tidy(() => {
      const layer = new LSTM({ units: 3, returnState: true, useFusedKernel: fused });
      const [out, h, c] = layer.apply(tf.randomNormal([2, 5, 4])) as tf.Tensor[];
      expect(c.shape).toEqual([2, 3]);
      expect(Array.from(out.dataSync())).toEqual(Array.from(h.dataSync()));
    });
  });

  it('stacks: a recurrent layer fed by another one’s sequence output', () => {
    tf.tidy(() => {
      const first = new GRU({ units: 5, returnSequences: true, useFusedKernel: fused });
      const second = new LSTM({ units: 2, useFusedKernel: fused });
      const y = second.apply(first.apply(tf.randomNormal([3, 6, 4])) as tf.Tensor) as tf.Tensor;
      expect(y.shape).toEqual([3, 2]);
    });
  });

  it('stateful: a batch split in two halves gives the same final output as the whole sequence', () => {
    const x = tf.randomNormal([2, 8, 3], 0, 1, 'float32', 3);
    const whole = new GRU({ units: 4, seed: 9, useFusedKernel: fused });
    const stateful = new GRU({
      units: 4,
      seed: 9,
      stateful: true,
      batchInputShape: [2, 4, 3],
      useFusedKernel: fused,
    });
    const expected = tf.tidy(() => (whole.apply(x) as tf.Tensor).arraySync() as number[][]);
    stateful.build([2, 4, 3]);
    stateful.setWeights(whole.getWeights());
    const [a, b] = tf.split(x, 2, 1);
    tf.tidy(() => stateful.apply(a));
    const got = tf.tidy(() => (stateful.apply(b) as tf.Tensor).arraySync());
    expect(got).toEqual(expected.map((row) => row.map((v) => expect.closeTo(v, 5))));
    stateful.resetStates();
    const fresh = tf.tidy(() => (stateful.apply(b) as tf.Tensor).arraySync());
    const fromZero = tf.tidy(() => (whole.apply(b) as tf.Tensor).arraySync() as number[][]);
    expect(fresh).toEqual(fromZero.map((row) => row.map((v) => expect.closeTo(v, 5))));
    tf.dispose([x, a, b]);
    whole.dispose();
    stateful.dispose();
  });

  it('masked steps carry the previous output and state (Embedding maskZero semantics)', () => {
    tf.tidy(() => {
      const layer = new SimpleRNN({ units: 3, returnSequences: true, useFusedKernel: fused });
      const x = tf.randomNormal([1, 4, 2]);
      const y = layer.apply(x, { mask: tf.tensor2d([[0, 1, 0, 1]], undefined, 'bool') }) as tf.Tensor;
      const [t0, t1, t2] = tf.unstack(y, 1).map((t) => Array.from(t.dataSync()));
      expect(t0).toEqual([0, 0, 0]);
      expect(t2).toEqual(t1);
    });
  });
});

describe('RNN configuration', () => {
  it('round-trips LSTM, GRU and Bidirectional configs', () => {
    const lstm = new LSTM({
      units: 3,
      recurrentActivation: 'hardSigmoid',
      dropout: 0.1,
      returnSequences: true,
    });
    const copy = LSTM.fromConfig(lstm.getConfig());
    expect({ ...copy.getConfig(), name: lstm.name }).toEqual(lstm.getConfig());
    const bi = new Bidirectional(new GRU({ units: 2, resetAfter: false }), { mergeMode: 'sum' });
    const biCopy = Bidirectional.fromConfig(bi.getConfig());
    expect(biCopy.mergeMode).toBe('sum');
    expect(biCopy.backwardLayer.goBackwards).toBe(true);
    const generic = new RNN({ cell: new SimpleRNNCell({ units: 2 }) });
    expect(RNN.fromConfig(generic.getConfig()).cell).toBeInstanceOf(SimpleRNNCell);
  });

  it('freezing the layer freezes its cell weights', () => {
    const layer = new SimpleRNN({ units: 2 });
    layer.build([null, 3, 2]);
    expect(layer.trainableWeights).toHaveLength(3);
    layer.trainable = false;
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.nonTrainableWeights).toHaveLength(3);
    layer.dispose();
  });
});
