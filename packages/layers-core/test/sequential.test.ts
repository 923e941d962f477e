import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  Activation,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  type Layer,
  Sequential,
  type Shape,
} from '../src/index';
import './helpers';

/** Records the mask each call receives (a pass-through layer for mask propagation tests). */
class MaskProbe extends Dense {
  seen: (number[] | null)[] = [];
  override call(inputs: tf.Tensor, args: { mask?: tf.Tensor | null }): tf.Tensor {
    this.seen.push(args.mask ? Array.from(args.mask.dataSync()) : null);
    return super.call(inputs, args);
  }
}

describe('Sequential', () => {
  it("prints Keras' summary with the book's parameter counts", () => {
    const model = new Sequential({ name: 'book' });
    model.add(new Embedding({ inputDim: 10000, outputDim: 8, inputLength: 20, name: 'embedding_1' }));
    model.add(new Flatten({ name: 'flatten_1' }));
    model.add(new Dense({ units: 1, activation: 'sigmoid', name: 'dense_1' }));
    const lines = model.summary({ printFn: () => {} });
    expect(lines).toEqual([
      'Model: "book"',
      '_'.repeat(65),
      'Layer (type)                 Output Shape              Param #',
      '='.repeat(65),
      'embedding_1 (Embedding)      (None, 20, 8)             80000',
      '_'.repeat(65),
      'flatten_1 (Flatten)          (None, 160)               0',
      '_'.repeat(65),
      'dense_1 (Dense)              (None, 1)                 161',
      '='.repeat(65),
      'Total params: 80,161',
      'Trainable params: 80,161',
      'Non-trainable params: 0',
      '_'.repeat(65),
    ]);
    expect(model.countParams()).toBe(80161);
    model.dispose();
  });

  it('splits trainable and frozen parameters (a frozen pre-trained Embedding)', () => {
    const emb = new Embedding({ inputDim: 10000, outputDim: 100, inputLength: 100 });
    const model = new Sequential({
      layers: [emb, new Flatten(), new Dense({ units: 32, activation: 'relu' }), new Dense({ units: 1 })],
    });
    emb.trainable = false;
    const lines = model.summary({ printFn: () => {} });
    expect(lines.slice(-4, -1)).toEqual([
      'Total params: 1,320,065',
      'Trainable params: 320,065',
      'Non-trainable params: 1,000,000',
    ]);
    expect(model.trainableWeights).toHaveLength(4);
    model.dispose();
  });

  it('infers shapes as layers are added, or from the data on first use', () => {
    const eager = new Sequential();
    eager.add(new Dense({ units: 16, activation: 'relu', inputShape: [10000] }));
    eager.add(new Dropout({ rate: 0.5 }));
    eager.add(new Dense({ units: 1, activation: 'sigmoid' }));
    expect(eager.outputShape).toEqual([null, 1]);
    const lazy = new Sequential({
      layers: [new Dense({ units: 3 }), new Activation({ activation: 'softmax' })],
    });
    expect(lazy.built).toBe(false);
    expect(() => lazy.summary()).toThrow('Sequential.summary: the model must be built.');
    const y = lazy.predict(tf.ones([2, 5]));
    expect(y.shape).toEqual([2, 3]);
    expect(lazy.inputShape).toEqual([null, 5]);
    tf.dispose(y);
    eager.dispose();
    lazy.dispose();
  });

  it('passes masks downstream through layers that support them', () => {
    const probe = new MaskProbe({ units: 2 });
    const model = new Sequential({
      layers: [
        new Embedding({ inputDim: 5, outputDim: 3, maskZero: true }),
        new Dropout({ rate: 0.1 }),
        probe,
      ],
    });
    const y = model.predict(tf.tensor2d([[0, 2, 3]], undefined, 'int32'));
    expect(probe.seen).toEqual([[0, 1, 1]]);
    y.dispose();
    model.dispose();
  });

  it('predicts in batches without leaking tensors', () => {
    const model = new Sequential({
      layers: [new Dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })],
    });
    const x = tf.ones([70, 3]);
    const before = tf.memory().numTensors;
    const y = model.predict(x, { batchSize: 32 });
    expect(y.shape).toEqual([70, 2]);
    expect(Array.from(y.dataSync()).every((v) => v === 3)).toBe(true);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });

  it('names the first layer and the shapes when the input does not fit', () => {
    const model = new Sequential({
      layers: [new Embedding({ inputDim: 10, outputDim: 2, inputLength: 20, name: 'emb' })],
    });
    expect(() => model.predict(tf.zeros([4, 30]))).toThrow(
      'Sequential.predict: x must have shape (None, 20) to fit the first layer "emb". Received: x shape=(4, 30).',
    );
    expect(() => model.add(new Dense({ units: 1, name: 'emb' }))).toThrow(
      'Sequential.add: layer names must be unique. Received: a second layer named "emb".',
    );
    model.dispose();
  });

  it('round-trips its topology through getConfig / fromConfig', () => {
    const layers: Layer[] = [
      new Embedding({ inputDim: 30, outputDim: 3, inputLength: 5 }),
      new Flatten(),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ];
    const model = new Sequential({ layers });
    const copy = Sequential.fromConfig(JSON.parse(JSON.stringify(model.getConfig())));
    expect(copy.outputShape).toEqual([null, 1] as Shape);
    expect(copy.layers.map((l) => l.getConfig())).toEqual(model.layers.map((l) => l.getConfig()));
    model.dispose();
    copy.dispose();
  });
});
