import { useBackend } from '@tensorseq/backend-cpu';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { beforeAll, describe, expect, it } from 'vitest';
import { JENA_EXPERIMENTS } from '../src/jena-experiments';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('JENA_EXPERIMENTS', () => {
  it('builds the book models with Keras parameter counts (today’s GRU: resetAfter)', () => {
    const sizes = { timesteps: 240, features: 14 };
    // Flatten 240×14 → Dense(32): 3360·32 + 32, then Dense(1): 33.
    expect(JENA_EXPERIMENTS.dense.build(sizes).countParams()).toBe(3360 * 32 + 32 + 33);
    // GRU(32) with resetAfter: 3·(14·32 + 32·32 + 2·32) = 4,608; Dense: 33.
    expect(JENA_EXPERIMENTS.gru.build(sizes).countParams()).toBe(4608 + 33);
    expect(JENA_EXPERIMENTS['bidirectional-gru'].build(sizes).countParams()).toBe(2 * 4608 + 65);
    // GRU(64) on 32 inputs: 3·(32·64 + 64·64 + 2·64) = 18,816.
    expect(JENA_EXPERIMENTS['stacked-gru'].build(sizes).countParams()).toBe(4608 + 18816 + 65);
  });
});

// With TENSORSEQ_DATA unset these read the hourly file the repository ships (data/jena).
describe('runJenaExperiment on the hourly file', () => {
  it('computes the book’s common-sense baseline (0.29 normalized) without training', async () => {
    const result = await runJenaExperiment('baseline', JENA_EXPERIMENTS.baseline, { log: () => {} });
    expect(result.final.baseline_mae).toBeCloseTo(0.2893, 3);
    expect(result.config).toMatchObject({ trainEnd: 33333, valEnd: 50000, validationSteps: 128 });
    expect(result.history).toEqual({});
  });

  it('trains the GRU in --quick mode from the window generator, one history entry per epoch', async () => {
    const lines: string[] = [];
    const result = await runJenaExperiment('gru', JENA_EXPERIMENTS.gru, {
      quick: true,
      steps: 3,
      log: (l) => lines.push(l),
    });
    expect(result.history.val_loss).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('Epoch '))).toHaveLength(2);
    expect(result.config).toMatchObject({ stepsPerEpoch: 3, validationSteps: 2, timesteps: 72 });
    expect(result.references?.loss.value).toBe(result.final.baseline_mae);
  });
});
