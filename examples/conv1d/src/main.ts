/**
 * Deep Learning with Python, section 6.4: sequence processing with convnets.
 * Run: pnpm exp conv1d [imdb-conv1d|jena-conv1d|jena-conv-gru] [--epochs N] [--steps N] [--seed N] [--quick] [--resume]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { CONV1D_CATALOG } from './catalog';
import { IMDB_CONV1D, JENA_CONV_GRU, JENA_CONV1D } from './conv1d-experiments';

await experimentCli({
  owner: 'conv1d',
  experiments: CONV1D_CATALOG,
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) =>
    name === 'imdb-conv1d'
      ? runImdbExperiment(name, IMDB_CONV1D, args)
      : runJenaExperiment(name, name === 'jena-conv1d' ? JENA_CONV1D : JENA_CONV_GRU, args),
});
