import { type ExperimentInfo, experimentInfo } from '@tensorseq/example-utils';
import { IMDB_CONV1D, JENA_CONV_GRU, JENA_CONV1D } from './conv1d-experiments';

/**
 * What `pnpm exp list` shows for this example's experiments.
 *
 * @example
 * CONV1D_CATALOG['jena-conv1d'].section; // → '6.4.4'
 */
export const CONV1D_CATALOG = {
  'imdb-conv1d': experimentInfo(IMDB_CONV1D, 10),
  'jena-conv1d': experimentInfo(JENA_CONV1D),
  'jena-conv-gru': experimentInfo(JENA_CONV_GRU),
} satisfies Record<string, ExperimentInfo>;
