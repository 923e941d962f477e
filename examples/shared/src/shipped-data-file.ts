import { fileURLToPath } from 'node:url';

/**
 * A real data file the repository ships in its `data/` folder (see data/DATA.md): what the examples
 * read when no full-size data is configured, so that they run offline on a fresh clone.
 *
 * @param relativePath - the path under `data/`.
 * @returns the absolute path.
 * @example
 * shippedDataFile('jena/jena_hourly_6vars_2009_2016.csv.zip'); // → '/…/tensorseq/data/jena/jena_hourly_6vars_2009_2016.csv.zip'
 */
export function shippedDataFile(relativePath: string): string {
  return fileURLToPath(new URL(`../../../data/${relativePath}`, import.meta.url));
}
