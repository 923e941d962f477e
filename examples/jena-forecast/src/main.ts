/**
 * Deep Learning with Python, section 6.3: forecasting the temperature 24 hours ahead (Jena climate record).
 * Run: pnpm exp jena-forecast [baseline|dense|gru|gru-dropout|stacked-gru|bidirectional-gru] [--epochs N] [--steps N] [--quick]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { JENA_EXPERIMENTS, type JenaExperimentName } from './jena-experiments';

const titles = Object.fromEntries(Object.entries(JENA_EXPERIMENTS).map(([name, e]) => [name, e.title]));
await experimentCli({
  owner: 'jena-forecast',
  titles: titles as Record<JenaExperimentName, string>,
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) => runJenaExperiment(name, JENA_EXPERIMENTS[name], args),
});
