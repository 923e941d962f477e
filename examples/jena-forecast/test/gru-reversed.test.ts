import { useBackend } from '@tensorseq/backend-cpu';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { beforeAll, describe, expect, it } from 'vitest';
import { JENA_EXPERIMENTS } from '../src/jena-experiments';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('gru-reversed (6.3.8)', () => {
  it('trains the GRU on time-reversed windows, next to the in-order baseline', async () => {
    const reversed = await runJenaExperiment('gru-reversed', JENA_EXPERIMENTS['gru-reversed'], {
      quick: true,
      epochs: 1,
      log: () => {},
    });
    const inOrder = await runJenaExperiment('gru', JENA_EXPERIMENTS.gru, {
      quick: true,
      epochs: 1,
      log: () => {},
    });
    expect(reversed.config).toMatchObject({ reverse: true, quick: true });
    expect(inOrder.config).toMatchObject({ reverse: false });
    // Same windows and weights, other time order: the baseline is the same, the losses are not.
    expect(reversed.final.baseline_mae).toBe(inOrder.final.baseline_mae);
    expect(reversed.history.loss[0]).not.toBe(inOrder.history.loss[0]);
  });
});
