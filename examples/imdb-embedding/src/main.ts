/**
 * Deep Learning with Python, section 6.1.2: learning word embeddings with the Embedding layer (listing 6.7).
 * Run: pnpm exp imdb-embedding embedding [--epochs N] [--steps N] [--seed N] [--quick] [--resume]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { IMDB_EMBEDDING_CATALOG } from './catalog';
import { IMDB_EMBEDDING_EXPERIMENTS } from './imdb-embedding-experiments';

await experimentCli({
  owner: 'imdb-embedding',
  experiments: IMDB_EMBEDDING_CATALOG,
  resultsDir: resultsDir(import.meta.url),
  run: (name, args) => runImdbExperiment(name, IMDB_EMBEDDING_EXPERIMENTS[name], args),
});
