import { loadJena } from '@tensorseq/datasets-jena/node';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { expectSameCurve, lossCurvesOnBackends } from '@tensorseq/example-utils/testing/loss-curves';
import { sampleFile } from '@tensorseq/test-utils';
import { describe, it } from 'vitest';
import { JENA_EXPERIMENTS } from '../src/jena-experiments';

// The shipped hourly Jena file (real data), in --quick sizes (two-day windows, 4 steps per epoch).
const jena = await loadJena({ source: sampleFile('jena/jena_hourly_6vars_2009_2016.csv.zip') });
const trained = (Object.keys(JENA_EXPERIMENTS) as (keyof typeof JENA_EXPERIMENTS)[]).filter(
  (name) => name !== 'baseline',
);

describe('the Jena models train alike on cpu and wasm', () => {
  it.each(trained)('%s: the same 3-epoch loss curve within float tolerance', async (name) => {
    const curves = await lossCurvesOnBackends(['cpu', 'wasm'], () =>
      runJenaExperiment(name, JENA_EXPERIMENTS[name], { quick: true, epochs: 3, jena, log: () => {} }),
    );
    expectSameCurve(curves.wasm.loss, curves.cpu.loss);
    expectSameCurve(curves.wasm.val_loss, curves.cpu.val_loss);
  });
});
