/**
 * Deep Learning with Python, section 6.4: sequence processing with convnets.
 * Run: pnpm exp conv1d [imdb-conv1d|jena-conv-gru] [--epochs N] [--steps N] [--quick]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { IMDB_CONV1D, JENA_CONV_GRU } from './conv1d-experiments';

await experimentCli({
  owner: 'conv1d',
  titles: { 'imdb-conv1d': IMDB_CONV1D.title, 'jena-conv-gru': JENA_CONV_GRU.title },
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) =>
    name === 'imdb-conv1d'
      ? runImdbExperiment(name, IMDB_CONV1D, args)
      : runJenaExperiment(name, JENA_CONV_GRU, args),
});
