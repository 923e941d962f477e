import { readFile } from 'node:fs/promises';
import { type DownloadProgress, type NodeByteSource, resolveDataFile } from '@tensorseq/download/node';
import { getWordIndex as getUniversal } from '../get-word-index';
import { WORD_INDEX_FILE_NAME, WORD_INDEX_SHA256, WORD_INDEX_URL } from '../imdb-source';
import { parseWordIndex } from '../parse-word-index';

/** Options of the `./node` entry's {@link getWordIndex}. */
export interface NodeGetWordIndexOptions {
  /**
   * A local `imdb_word_index.json` (a path), or any source of the main entry.
   * @defaultValue `$TENSORSEQ_DATA`, else the cache, else Keras' URL (sha256-checked)
   */
  source?: NodeByteSource;
  /** Cache folder for the download. */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
}

/**
 * `getWordIndex` of the main entry, plus paths, `$TENSORSEQ_DATA` and the download cache.
 *
 * @param options - source and cache; see {@link NodeGetWordIndexOptions}.
 * @returns the 88,584-word index.
 * @throws Error when the file is not a JSON object of positive integer ranks.
 * @example
 * const wordIndex = await getWordIndex();
 * wordIndex.get('the') // → 1
 */
export async function getWordIndex(options: NodeGetWordIndexOptions = {}): Promise<Map<string, number>> {
  const { source } = options;
  if (source !== undefined && typeof source !== 'string' && !(source instanceof URL)) {
    return getUniversal({ source });
  }
  const path = await resolveDataFile(WORD_INDEX_FILE_NAME, {
    source: source === undefined ? undefined : String(source),
    url: WORD_INDEX_URL,
    sha256: WORD_INDEX_SHA256,
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
  });
  return parseWordIndex(await readFile(path, 'utf8'), path);
}
