import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** The same hourly file, zipped, shipped in the repository's `data/` (see data/DATA.md). */
const SHIPPED_HOURLY_ZIP = fileURLToPath(
  new URL('../../../../data/jena/jena_hourly_6vars_2009_2016.csv.zip', import.meta.url),
);

/**
 * The Jena file `--quick` runs read: the hourly copy shipped in the repository's `data/`, so a smoke run
 * needs neither `$TENSORSEQ_DATA` nor the network; `undefined` outside a checkout that has it.
 *
 * @returns a path or `undefined`.
 * @example
 * shippedJenaSample(); // → '<repo>/data/jena/jena_hourly_6vars_2009_2016.csv.zip'
 */
export function shippedJenaSample(): string | undefined {
  return existsSync(SHIPPED_HOURLY_ZIP) ? SHIPPED_HOURLY_ZIP : undefined;
}
