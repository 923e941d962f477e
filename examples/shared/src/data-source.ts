import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** One data file a result was measured on. */
export interface DataSource {
  /** What it is, e.g. `IMDB (aclImdb, labeled reviews)`. */
  dataset: string;
  /** The file's name (its folder is machine-specific). */
  file: string;
  bytes: number;
  sha256: string;
  /** Where the official copy comes from. */
  url: string;
}

/**
 * Names and checksums a data file for a results file.
 *
 * @param dataset - a short description.
 * @param path - the file read.
 * @param url - the official source.
 * @returns `{ dataset, file, bytes, sha256, url }`.
 * @example
 * await describeDataFile('Jena climate, hourly', '/data/jena/jena_hourly_6vars_2009_2016.csv', JENA_URL);
 */
export async function describeDataFile(dataset: string, path: string, url: string): Promise<DataSource> {
  const { size } = await stat(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { dataset, file: basename(path), bytes: size, sha256: hash.digest('hex'), url };
}
