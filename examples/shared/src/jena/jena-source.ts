import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JENA_CSV_NAME, JENA_ZIP_NAME } from '@tensorseq/datasets-jena';
import { shippedDataFile } from '../shipped-data-file';

/** The hourly 6-variable copy of the Jena record, relative to a data folder. */
export const JENA_HOURLY_FILE = join('jena', 'jena_hourly_6vars_2009_2016.csv');

/** The same hourly file, zipped, as the repository ships it under `data/`. */
export const SHIPPED_JENA_HOURLY = 'jena/jena_hourly_6vars_2009_2016.csv.zip';

/**
 * What `loadJena` should read: the hourly file when the data folder has it; `undefined` when the data
 * folder has the official 10-minute Keras file (so `loadJena` finds it under `$TENSORSEQ_DATA`); else the
 * hourly file shipped in the repository, so that every experiment runs offline on a fresh clone.
 *
 * @param dataDir - the data folder, if any (see `defaultDataDir`).
 * @returns a path or `undefined`.
 * @example
 * defaultJenaSource(undefined); // → '/…/tensorseq/data/jena/jena_hourly_6vars_2009_2016.csv.zip'
 */
export function defaultJenaSource(dataDir: string | undefined): string | undefined {
  if (dataDir !== undefined) {
    const hourly = join(dataDir, JENA_HOURLY_FILE);
    if (existsSync(hourly)) return hourly;
    if ([JENA_ZIP_NAME, JENA_CSV_NAME].some((name) => existsSync(join(dataDir, name)))) return undefined;
  }
  return shippedDataFile(SHIPPED_JENA_HOURLY);
}

/**
 * The Jena file `--quick` runs read: the hourly copy shipped in the repository's `data/`, so a smoke run
 * needs neither `$TENSORSEQ_DATA` nor the network; `undefined` outside a checkout that has it.
 *
 * @returns a path or `undefined`.
 * @example
 * shippedJenaSample(); // → '<repo>/data/jena/jena_hourly_6vars_2009_2016.csv.zip'
 */
export function shippedJenaSample(): string | undefined {
  const zip = shippedDataFile(SHIPPED_JENA_HOURLY);
  return existsSync(zip) ? zip : undefined;
}
