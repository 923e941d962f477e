import { readFile } from 'node:fs/promises';
import { type DownloadProgress, resolveDataFile } from '@tensorseq/download';
import { WORD_INDEX_FILE_NAME, WORD_INDEX_SHA256, WORD_INDEX_URL } from './imdb-source';

/** Options of {@link getWordIndex}. */
export interface GetWordIndexOptions {
  /** A local `imdb_word_index.json`. @defaultValue `$TENSORSEQ_DATA`, else the cache, else Keras' URL */
  source?: string;
  /** Cache folder for the download. */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
}

/**
 * Keras' IMDB word index (`keras.datasets.imdb.get_word_index()`): word → frequency rank, 1 = most frequent.
 * A `Map`, so that any word (even `__proto__`) is a plain key.
 *
 * @param options - source and cache; see {@link GetWordIndexOptions}.
 * @returns the 88,584-word index.
 * @throws Error when the file is not a JSON object of positive integer ranks.
 * @example
 * const wordIndex = await getWordIndex();
 * wordIndex.get('the') // → 1
 */
export async function getWordIndex(options: GetWordIndexOptions = {}): Promise<Map<string, number>> {
  const path = await resolveDataFile(WORD_INDEX_FILE_NAME, {
    source: options.source,
    url: WORD_INDEX_URL,
    sha256: WORD_INDEX_SHA256,
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `getWordIndex: source must be a JSON file. Received: ${(error as Error).message} in ${path}.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `getWordIndex: source must hold a JSON object of word → rank. Received: ${typeof parsed} in ${path}.`,
    );
  }
  const index = new Map<string, number>();
  for (const [word, rank] of Object.entries(parsed)) {
    if (!Number.isInteger(rank) || (rank as number) < 1) {
      throw new Error(
        `getWordIndex: every rank must be a positive integer. Received: ${JSON.stringify(word)}=${JSON.stringify(rank)} in ${path}.`,
      );
    }
    index.set(word, rank as number);
  }
  return index;
}
