import { type ByteSource, readBytes } from '@tensorseq/download';
import { WORD_INDEX_SHA256, WORD_INDEX_URL } from './imdb-source';
import { parseWordIndex } from './parse-word-index';
import { sha256Hex } from './sha256-hex';

/** Options of {@link getWordIndex}. */
export interface GetWordIndexOptions {
  /**
   * The `imdb_word_index.json` bytes: a `Response`, a `File`, bytes, a stream or a URL.
   * @defaultValue Keras' URL ({@link WORD_INDEX_URL}), fetched and checked against {@link WORD_INDEX_SHA256}
   */
  source?: ByteSource;
  /** Largest file read, in bytes. @defaultValue 64 MiB */
  maxBytes?: number;
}

/**
 * Keras' IMDB word index (`keras.datasets.imdb.get_word_index()`): word → frequency rank, 1 = most frequent.
 * A `Map`, so that any word (even `__proto__`) is a plain key. Works in browsers and Node;
 * `@tensorseq/datasets-imdb/node` adds paths, `$TENSORSEQ_DATA` and the download cache.
 *
 * @param options - source and size cap; see {@link GetWordIndexOptions}.
 * @returns the 88,584-word index.
 * @throws Error when the file is not a JSON object of positive integer ranks, or the official file's
 * sha256 differs.
 * @example
 * const wordIndex = await getWordIndex({ source: await fetch('/imdb_word_index.json') });
 * wordIndex.get('the') // → 1
 */
export async function getWordIndex(options: GetWordIndexOptions = {}): Promise<Map<string, number>> {
  const { source = WORD_INDEX_URL, maxBytes = 64 * 2 ** 20 } = options;
  const bytes = await readBytes(source, { maxBytes, owner: 'getWordIndex' });
  if (options.source === undefined) {
    const actual = await sha256Hex(bytes);
    if (actual !== WORD_INDEX_SHA256) {
      throw new Error(
        `getWordIndex: the official word index must have sha256=${WORD_INDEX_SHA256}. Received: sha256=${actual} from ${WORD_INDEX_URL}.`,
      );
    }
  }
  const where = typeof source === 'string' || source instanceof URL ? String(source) : 'the given source';
  return parseWordIndex(new TextDecoder().decode(bytes), where);
}
