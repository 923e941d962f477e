import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Activation, Dense, Dropout, deserializeLayer, Flatten, registerCoreLayers } from '../src/index';
import './helpers';

describe('Dropout', () => {
  it('drops about `rate` of the inputs and rescales the rest only when training', () => {
    const layer = new Dropout({ rate: 0.25, seed: 3 });
    const x = tf.ones([100, 40]);
    const inference = layer.apply(x) as tf.Tensor;
    expect(inference).toBe(x);
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const values = Array.from(y.dataSync());
    const kept = values.filter((v) => v !== 0);
    expect(new Set(kept.map((v) => v.toFixed(5)))).toEqual(new Set([(1 / 0.75).toFixed(5)]));
    expect(Math.abs(1 - kept.length / values.length - 0.25)).toBeLessThan(0.03);
    expect(() => new Dropout({ rate: 1 })).toThrow(
      'Dropout: rate must be a number in [0, 1). Received: rate=1.',
    );
    tf.dispose([x, y]);
  });

  it('draws the same masks for the same seed', () => {
    const a = new Dropout({ rate: 0.5, seed: 9 }).apply(tf.ones([4, 4]), { training: true }) as tf.Tensor;
    const b = new Dropout({ rate: 0.5, seed: 9 }).apply(tf.ones([4, 4]), { training: true }) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
  });
});

describe('Activation and Flatten', () => {
  it('applies the activation and passes masks', () => {
    const layer = new Activation({ activation: 'relu' });
    const y = layer.apply(tf.tensor2d([[-1, 2]])) as tf.Tensor;
    expect(y.arraySync()).toEqual([[0, 2]]);
    const mask = tf.tensor2d([[1, 0]]);
    expect(layer.computeMask(y, mask)).toBe(mask);
    tf.dispose([y, mask]);
  });

  it('flattens all but the batch axis and needs known sizes', () => {
    const layer = new Flatten({ name: 'flat' });
    expect(layer.computeOutputShape([null, 20, 8])).toEqual([null, 160]);
    expect(() => layer.computeOutputShape([null, null, 8])).toThrow(
      'Flatten "flat": input shape must be fully known except the batch axis. Received: input shape=[null, null, 8]. To fix this, pass inputLength to the Embedding before it.',
    );
    const y = layer.apply(tf.zeros([3, 2, 5])) as tf.Tensor;
    expect(y.shape).toEqual([3, 10]);
    y.dispose();
  });
});

describe('layer configs', () => {
  it('rebuild every core layer through deserializeLayer', () => {
    registerCoreLayers();
    const layers = [
      new Dense({ units: 3, activation: 'tanh', useBias: false, name: 'd1' }),
      new Dropout({ rate: 0.2, noiseShape: [null, 1, 4], name: 'dr' }),
      new Activation({ activation: 'softmax', name: 'act' }),
      new Flatten({ name: 'fl' }),
    ];
    for (const layer of layers) {
      const copy = deserializeLayer({
        className: layer.className,
        config: JSON.parse(JSON.stringify(layer.getConfig())),
      });
      expect(copy.className).toBe(layer.className);
      expect(copy.getConfig()).toEqual(layer.getConfig());
    }
  });
});
