import { type ExperimentInfo, experimentInfo } from '@tensorseq/example-utils';
import { IMDB_RNN_EXPERIMENTS, type ImdbRnnExperimentName } from './imdb-rnn-experiments';

/**
 * What `pnpm exp list` shows for this example's experiments (10 epochs each, as in the book).
 *
 * @example
 * IMDB_RNN_CATALOG.lstm.book?.value; // → 0.89
 */
export const IMDB_RNN_CATALOG = Object.fromEntries(
  Object.entries(IMDB_RNN_EXPERIMENTS).map(([name, e]) => [name, experimentInfo(e, 10)]),
) as Record<ImdbRnnExperimentName, ExperimentInfo>;
