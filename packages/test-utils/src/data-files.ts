import { envVar, fileExists, repoRoot, resolvePath } from '#host-files';

/**
 * A small real data sample shipped in the repository's `data/` folder (see data/DATA.md). Throws when the
 * file is missing: these samples are part of the repository, so a missing one is a broken checkout.
 *
 * @example
 * sampleFile('jena/jena_hourly_6vars_2009_2016.csv.zip') // → '/…/data/jena/jena_hourly_6vars_2009_2016.csv.zip'
 */
export function sampleFile(relativePath: string): string {
  const file = resolvePath(repoRoot(), 'data', relativePath);
  if (!fileExists(file)) {
    throw new Error(
      `sampleFile: relativePath must name a file under data/. Received: relativePath="${relativePath}".`,
    );
  }
  return file;
}

/** Where a full-size data file was found, or why it was not. */
export type FullDataFile = { path: string; skip?: undefined } | { path?: undefined; skip: string };

/**
 * A full-size data file under `$TENSORSEQ_DATA` (the layout of the official downloads: e.g.
 * `aclImdb_labeled.tar.gz`, `jena/jena_hourly_6vars_2009_2016.csv`). When it is not there, `skip` says why
 * in one line and that line is printed once, so a skipped suite is never silent.
 *
 * @example
 * const full = fullDataFile('aclImdb_labeled.tar.gz');
 * describe.skipIf(!full.path)('the full IMDB archive', () => { … });
 */
export function fullDataFile(relativePath: string): FullDataFile {
  const dir = envVar('TENSORSEQ_DATA');
  if (!dir) return announceSkip(relativePath, `TENSORSEQ_DATA is not set`);
  const path = resolvePath(dir, relativePath);
  if (!fileExists(path)) return announceSkip(relativePath, `${path} does not exist`);
  return { path };
}

const skipped = new Set<string>();

function announceSkip(relativePath: string, reason: string): FullDataFile {
  const skip = `full-data tests on ${relativePath} skipped: ${reason} (point TENSORSEQ_DATA at the full data to run them)`;
  if (!skipped.has(relativePath)) {
    skipped.add(relativePath);
    console.log(skip);
  }
  return { skip };
}
