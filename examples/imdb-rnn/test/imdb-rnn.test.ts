import { useBackend } from '@tensorseq/backend-cpu';
import { reviewTensors, runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMDB_RNN_EXPERIMENTS } from '../src/imdb-rnn-experiments';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('IMDB_RNN_EXPERIMENTS', () => {
  it('builds the book models with Keras parameter counts', () => {
    const sizes = { numWords: 10000, maxlen: 500 };
    // Keras: 320,000 embedding + 2,080 SimpleRNN / 8,320 LSTM / 16,640 BiLSTM + Dense.
    expect(IMDB_RNN_EXPERIMENTS.simplernn.build(sizes).countParams()).toBe(320000 + 2080 + 33);
    expect(IMDB_RNN_EXPERIMENTS.lstm.build(sizes).countParams()).toBe(320000 + 8320 + 33);
    expect(IMDB_RNN_EXPERIMENTS.bilstm.build(sizes).countParams()).toBe(320000 + 16640 + 65);
    expect(IMDB_RNN_EXPERIMENTS['reversed-lstm'].build(sizes).countParams()).toBe(1280000 + 20608 + 33);
  });
});

describe('reviewTensors', () => {
  it('pads and truncates at the front like pad_sequences, reversing first when asked', () => {
    const split = {
      sequences: [
        [1, 5, 6, 7],
        [1, 9],
      ],
      labels: Int32Array.of(1, 0),
    };
    expect(reviewTensors(split, { maxlen: 3 }).x).toEqual({
      data: Int32Array.of(5, 6, 7, 0, 1, 9),
      shape: [2, 3],
    });
    expect(reviewTensors(split, { maxlen: 3, reverse: true }).x.data).toEqual(
      Int32Array.of(6, 5, 1, 0, 9, 1),
    );
    expect(reviewTensors(split, { maxlen: 3, limit: 1 }).y).toEqual({
      data: Float32Array.of(1),
      shape: [1, 1],
    });
  });
});

describe('runImdbExperiment --quick', () => {
  it('trains the bidirectional LSTM and reports one history entry per epoch', async () => {
    const lines: string[] = [];
    const result = await runImdbExperiment('bilstm', IMDB_RNN_EXPERIMENTS.bilstm, {
      quick: true,
      epochs: 2,
      log: (l) => lines.push(l),
    });
    expect(result.history.val_acc).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('Epoch '))).toHaveLength(2);
    expect(result.config).toMatchObject({ quick: true, epochs: 2, maxlen: 50 });
    expect(result.final.val_acc).toBe(result.history.val_acc[1]);
  });

  it('caps the reviews so an epoch has at most --steps batches', async () => {
    const result = await runImdbExperiment('reversed-lstm', IMDB_RNN_EXPERIMENTS['reversed-lstm'], {
      quick: true,
      epochs: 1,
      steps: 1,
      log: () => {},
    });
    // 1 step × batch 32 / 0.8 training share = 40 reviews.
    expect(result.config.reviews).toBe(40);
  });
});
