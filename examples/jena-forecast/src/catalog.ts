import { type ExperimentInfo, experimentInfo } from '@tensorseq/example-utils';
import { JENA_EXPERIMENTS, type JenaExperimentName } from './jena-experiments';

/**
 * What `pnpm exp list` shows for this example's experiments.
 *
 * @example
 * JENA_CATALOG.gru.epochs; // → 20
 */
export const JENA_CATALOG = Object.fromEntries(
  Object.entries(JENA_EXPERIMENTS).map(([name, e]) => [name, experimentInfo(e)]),
) as Record<JenaExperimentName, ExperimentInfo>;
