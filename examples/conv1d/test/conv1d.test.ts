import { useBackend } from '@tensorseq/backend-cpu';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMDB_CONV1D, JENA_CONV_GRU } from '../src/conv1d-experiments';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('conv1d experiments', () => {
  it('build the book models with Keras parameter counts', () => {
    // Embedding 1,280,000 + Conv1D 28,704 + Conv1D 7,200 + Dense 33.
    expect(IMDB_CONV1D.build({ numWords: 10000, maxlen: 500 }).countParams()).toBe(1315937);
    // Conv1D(32, 5) on 14 features: 2,272; on 32: 5,152; GRU(32) with resetAfter: 6,336; Dense: 33.
    expect(JENA_CONV_GRU.build?.({ timesteps: 240, features: 14 }).countParams()).toBe(
      2272 + 5152 + 6336 + 33,
    );
  });

  it('trains the IMDB convnet in --quick mode with its own optimizer', async () => {
    const lines: string[] = [];
    const result = await runImdbExperiment('imdb-conv1d', IMDB_CONV1D, {
      quick: true,
      log: (l) => lines.push(l),
    });
    expect(result.history.val_acc).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('Epoch '))).toHaveLength(2);
  });

  it('trains the Conv1D + GRU on Jena windows (the shipped hourly file) in --quick mode', async () => {
    const result = await runJenaExperiment('jena-conv-gru', JENA_CONV_GRU, {
      quick: true,
      epochs: 1,
      log: () => {},
    });
    expect(result.history.val_loss).toHaveLength(1);
    expect(result.config).toMatchObject({ step: '1h', timesteps: 72 });
  });
});
