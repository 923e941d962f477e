/**
 * Deep Learning with Python, section 6.3: forecasting the temperature 24 hours ahead (Jena climate record).
 * Run: pnpm exp jena-forecast [baseline|dense|gru|gru-dropout|stacked-gru|gru-reversed|bidirectional-gru] [--epochs N] [--steps N] [--seed N] [--quick] [--resume]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { JENA_CATALOG } from './catalog';
import { JENA_EXPERIMENTS } from './jena-experiments';

await experimentCli({
  owner: 'jena-forecast',
  experiments: JENA_CATALOG,
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) => runJenaExperiment(name, JENA_EXPERIMENTS[name], args),
});
