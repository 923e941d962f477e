import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { TensorseqTapGather } from '@tensorseq/kernels';
import { Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';
import { expectClose } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { Conv1D } from '../src/conv1d';
import { embeddingConv1dPays } from '../src/embedding-conv1d';

const VOCAB = 50;

function seededIds(batch: number, steps: number, seed: number): tf.Tensor2D {
  let a = seed;
  const ids = Int32Array.from({ length: batch * steps }, () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a % VOCAB;
  });
  return tf.tensor2d(ids, [batch, steps], 'int32');
}

/** Embedding(50, 6) + Conv1D(4, 3) with fixed weights, built. */
function layers(options: Partial<ConstructorParameters<typeof Conv1D>[0]> = {}) {
  const embedding = new Embedding({ inputDim: VOCAB, outputDim: 6, seed: 11 });
  const conv = new Conv1D({ filters: 4, kernelSize: 3, activation: 'relu', seed: 12, ...options });
  embedding.build([null, 20]);
  conv.build([null, 20, 6]);
  return { embedding, conv };
}

/** The outputs and the gradients of sum(y²) for the table, the kernel and the bias. */
function outputsAndGrads(run: () => tf.Tensor, weights: tf.Variable[]): tf.Tensor[] {
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(run())) as tf.Scalar, weights);
  return [value, ...weights.map((w) => grads[w.name])];
}

describe('Conv1D on an Embedding (tap gather)', () => {
  const { embedding, conv } = layers();
  afterAll(() => {
    embedding.dispose();
    conv.dispose();
  });
  const ids = seededIds(8, 20, 3);
  const weights = [...embedding.weights, ...conv.weights].map((w) => w.read() as tf.Variable);

  it('pays off only when the batch has at least twice as many output steps as words', () => {
    expect(embeddingConv1dPays(10000, 128, 494)).toBe(true);
    expect(embeddingConv1dPays(10000, 1, 494)).toBe(false);
    expect(embeddingConv1dPays(50, 8, 18)).toBe(true);
  });

  it('gives the output and the gradients of the Conv1D on table[ids]', () => {
    expect(tf.getKernel(TensorseqTapGather, tf.getBackend())).toBeDefined();
    const fused = outputsAndGrads(
      () => embedding.applyFused(conv, ids, { training: true }) as tf.Tensor,
      weights,
    );
    const plain = outputsAndGrads(() => conv.apply(embedding.apply(ids) as tf.Tensor) as tf.Tensor, weights);
    expect(fused.map((t) => t.shape)).toEqual(plain.map((t) => t.shape));
    for (const [i, t] of fused.entries()) expectClose(t, plain[i], { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([...fused, ...plain]);
  });

  it('declines where it does not apply, so the layers run as usual', () => {
    const small = seededIds(2, 20, 4); // 2 × 18 output steps < 2 × 50 words
    expect(embedding.applyFused(conv, small)).toBeNull();
    for (const options of [
      { padding: 'same' as const },
      { strides: 2 },
      { dilationRate: 2 },
      { useFusedKernel: false },
    ]) {
      const other = layers(options);
      expect(other.embedding.applyFused(other.conv, ids)).toBeNull();
      other.embedding.dispose();
      other.conv.dispose();
    }
    const masking = new Embedding({ inputDim: VOCAB, outputDim: 6, maskZero: true });
    expect(masking.applyFused(conv, ids)).toBeNull();
    masking.dispose();
    small.dispose();
  });

  it('checks the ids before the kernel reads the table', () => {
    const bad = tf.tensor2d([[1, 2, 3, VOCAB]], [1, 4], 'int32');
    const wide = tf.tile(bad, [60, 1]);
    expect(() => embedding.applyFused(conv, wide)).toThrow(`ids must be integers in [0, ${VOCAB - 1}]`);
    tf.dispose([bad, wide]);
  });

  it('trains a Sequential through it with a flat tensor count, as the unfused model does', async () => {
    const build = () => {
      const model = new Sequential();
      model.add(new Embedding({ inputDim: VOCAB, outputDim: 6, inputLength: 20, seed: 21 }));
      model.add(new Conv1D({ filters: 4, kernelSize: 3, activation: 'relu', seed: 22 }));
      model.compile({ optimizer: new RMSprop(), loss: 'meanSquaredError' });
      return model;
    };
    const model = build();
    const y = tf.ones([8, 18, 4]);
    await model.trainOnBatch(ids, y);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await model.trainOnBatch(ids, y);
    expect(tf.memory().numTensors).toBe(before);
    const predicted = model.predict(ids) as tf.Tensor;
    expect(predicted.shape).toEqual([8, 18, 4]);
    tf.dispose([predicted, y]);
    model.dispose();
  });
});
