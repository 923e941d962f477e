import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The shared hourly 6-variable copy of the Jena record, relative to a data folder. */
export const JENA_HOURLY_FILE = join('jena', 'jena_hourly_6vars_2009_2016.csv');

/**
 * What `loadJena` should read: the shared hourly file when the data folder has it (offline builds),
 * else `undefined`, so `loadJena` takes the Keras file from `$TENSORSEQ_DATA`, its cache or the official URL.
 *
 * @param dataDir - the data folder, if any (see `defaultDataDir`).
 * @returns a path or `undefined`.
 * @example
 * defaultJenaSource('/work/shared/data'); // → '/work/shared/data/jena/jena_hourly_6vars_2009_2016.csv'
 */
export function defaultJenaSource(dataDir: string | undefined): string | undefined {
  if (dataDir === undefined) return undefined;
  const hourly = join(dataDir, JENA_HOURLY_FILE);
  return existsSync(hourly) ? hourly : undefined;
}
