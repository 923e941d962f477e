/**
 * Deep Learning with Python, sections 6.2–6.3: recurrent networks on IMDB.
 * Run: pnpm exp imdb-rnn [simplernn|lstm|bilstm|reversed-lstm] [--epochs N] [--steps N] [--seed N] [--quick] [--resume]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { IMDB_RNN_CATALOG } from './catalog';
import { IMDB_RNN_EXPERIMENTS } from './imdb-rnn-experiments';

await experimentCli({
  owner: 'imdb-rnn',
  experiments: IMDB_RNN_CATALOG,
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) => runImdbExperiment(name, IMDB_RNN_EXPERIMENTS[name], args),
});
