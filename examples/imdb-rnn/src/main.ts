/**
 * Deep Learning with Python, sections 6.2–6.3: recurrent networks on IMDB.
 * Run: pnpm exp imdb-rnn [simplernn|lstm|bilstm|reversed-lstm] [--epochs N] [--steps N] [--quick]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { IMDB_RNN_EXPERIMENTS, type ImdbRnnExperimentName } from './imdb-rnn-experiments';

const titles = Object.fromEntries(Object.entries(IMDB_RNN_EXPERIMENTS).map(([name, e]) => [name, e.title]));
await experimentCli({
  owner: 'imdb-rnn',
  titles: titles as Record<ImdbRnnExperimentName, string>,
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) => runImdbExperiment(name, IMDB_RNN_EXPERIMENTS[name], args),
});
