import { type ExperimentInfo, experimentInfo } from '@tensorseq/example-utils';
import { IMDB_EMBEDDING_EXPERIMENTS, type ImdbEmbeddingExperimentName } from './imdb-embedding-experiments';

/**
 * What `pnpm exp list` shows for this example's experiments.
 *
 * @example
 * IMDB_EMBEDDING_CATALOG.embedding.epochs; // → 10
 */
export const IMDB_EMBEDDING_CATALOG = Object.fromEntries(
  Object.entries(IMDB_EMBEDDING_EXPERIMENTS).map(([name, e]) => [name, experimentInfo(e, 10)]),
) as Record<ImdbEmbeddingExperimentName, ExperimentInfo>;
