import { useBackend } from '@tensorseq/backend-cpu';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { beforeAll, describe, expect, it } from 'vitest';
import { JENA_CONV1D } from '../src/conv1d-experiments';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('jena-conv1d (6.4.4)', () => {
  it('builds the pure convnet with Keras parameter counts', () => {
    // Conv1D(32, 5) on 14 features: 2,272; twice on 32 channels: 5,152 each; Dense(1): 33.
    expect(JENA_CONV1D.build?.({ timesteps: 240, features: 14 }).countParams()).toBe(2272 + 5152 + 5152 + 33);
  });

  it('trains in --quick mode on the hourly file shipped in data/', async () => {
    const result = await runJenaExperiment('jena-conv1d', JENA_CONV1D, { quick: true, log: () => {} });
    expect(result.history.val_loss).toHaveLength(2);
    expect(result.config).toMatchObject({ quick: true, timesteps: 72, features: 6 });
    expect(result.data?.[0]).toMatchObject({ file: 'jena_hourly_6vars_2009_2016.csv.zip' });
    expect(result.final.baseline_mae).toBeGreaterThan(0);
  });
});
